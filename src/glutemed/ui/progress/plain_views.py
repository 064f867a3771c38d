"""The Progress page's plain views: the headline (four numbers for the range shown) and
the empty state. Plain Qt widgets on purpose: they paint before pyqtgraph has loaded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from glutemed.progress.headline import Headline
from glutemed.ui.common.page_title import page_title

EMPTY_TEXT = (
    "<h2>Nothing to show yet</h2>"
    "<p>Your graphs start with your first records. A good first step:</p>"
    "<ol><li><b>Take the stance test</b> (Ctrl+3) to time how long each leg holds you.</li>"
    "<li><b>Log how your back feels</b> in the Pain diary (Ctrl+5).</li>"
    "<li><b>Do a workout</b> (Ctrl+2).</li>"
    "<li><b>Rate the activities</b> your back makes hard (the button above).</li></ol>"
    "<p>Come back here to see your times, pain and training add up over the weeks.</p>"
)
FIELDS = (
    ("stance", "Latest stance test (eyes open)"),
    ("symmetry", "Symmetry"),
    ("pain", "Pain"),
    ("training", "Days trained"),
)


class HeadlineView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressHeadline")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(24)
        self.values: dict[str, QLabel] = {}
        for column, (key, title) in enumerate(FIELDS):
            caption = QLabel(title)
            caption.setObjectName(f"{key}HeadlineTitle")
            value = QLabel("…")
            value.setObjectName(f"{key}Headline")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            grid.setColumnStretch(column, 1)
            self.values[key] = value

    def show_headline(self, headline: Headline) -> None:
        for key, label in self.values.items():
            label.setText(getattr(headline, key))


def empty_state() -> QLabel:
    label = QLabel(EMPTY_TEXT)
    label.setObjectName("emptyState")
    label.setWordWrap(True)
    label.setMargin(24)
    return label


def choice(name: str, items: tuple[tuple[str, str], ...]) -> QComboBox:
    """A drop-down of (shown text, value) pairs."""
    combo = QComboBox()
    combo.setObjectName(name)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def title_row(title: str, *buttons: QWidget) -> QHBoxLayout:
    """The page title with *buttons* at its right."""
    row = QHBoxLayout()
    row.addWidget(page_title(title), 1)
    for button in buttons:
        row.addWidget(button)
    return row
