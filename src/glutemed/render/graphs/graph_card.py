"""A titled card holding one Progress graph, its hover read-out and a PNG export button."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from glutemed.ops.save_folder import SaveFolder


class GraphCard(QFrame):
    """A titled frame holding one graph, its hover read-out and a PNG export button."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.save_folder: SaveFolder | None = None  # the page sets it: saves start there
        self.setObjectName(f"{key}Card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Its room even while hidden: a card put into the page's column is shown a moment
        # later, and meanwhile would take no room, squeezing (and repainting) all the rest.
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        outer = QVBoxLayout(self)
        self.header = QHBoxLayout()
        self.heading = QLabel(title)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        # A long title wraps rather than widen the card past a narrow window (1024 px).
        self.heading.setWordWrap(True)
        self.header.addWidget(self.heading, 1)  # all the spare width: one line when it fits
        self.header.addStretch(0)  # index 1: cards insert their own controls at 2
        self.export_button = QPushButton("Save PNG…")
        self.export_button.setObjectName(f"{key}ExportButton")
        self.export_button.setToolTip("Save this graph as a PNG image")
        self.export_button.clicked.connect(self._ask_export)
        self.header.addWidget(self.export_button)
        outer.addLayout(self.header)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.body, 1)
        self.readout = QLabel(" ")
        self.readout.setObjectName(f"{key}Readout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.readout)

    def render_image(self) -> QImage:
        return self.body.grab().toImage()

    def export_png(self, path: str | Path) -> bool:
        return self.render_image().save(str(path), "PNG")

    def _ask_export(self) -> None:
        name = f"glutemed-{self.key}.png"
        suggested = name if self.save_folder is None else self.save_folder.suggest(name)
        path, _ = QFileDialog.getSaveFileName(
            self, "Save graph as PNG", suggested, "PNG image (*.png)"
        )
        if path:
            ok = self.export_png(path)
            self.readout.setText(f"Saved {path}" if ok else f"Could not save {path}")
            if ok and self.save_folder is not None:
                self.save_folder.remember(path)
