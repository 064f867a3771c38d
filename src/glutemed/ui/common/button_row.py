"""A row of push buttons that folds into two rows when the window is too narrow."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget


class ButtonRow(QWidget):
    """Buttons in one row when they fit the width, otherwise in two (never clipped)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.buttons: dict[str, QPushButton] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0

    def add(self, key: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"{key}Button")
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        self.buttons[key] = button
        self._columns = 0
        self._lay_out(len(self.buttons))
        # The minimum is the two-row layout's, so a narrow window can reach that layout.
        self.setMinimumWidth(self._width_of(self._half()))
        return button

    def rows(self) -> int:
        return 1 if self._columns >= len(self.buttons) else 2

    def _half(self) -> int:
        return (len(self.buttons) + 1) // 2

    def _width_of(self, columns: int) -> int:
        widths = sorted((b.sizeHint().width() for b in self.buttons.values()), reverse=True)
        return sum(widths[:columns]) + (columns - 1) * max(0, self._grid.horizontalSpacing())

    def _lay_out(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons.values():
            self._grid.removeWidget(button)
        for i, button in enumerate(self.buttons.values()):
            self._grid.addWidget(button, i // columns, i % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fits = self.width() >= self._width_of(len(self.buttons))
        self._lay_out(len(self.buttons) if fits else self._half())
