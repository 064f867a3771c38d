"""The title every page shows at its top, in one size and weight."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

TITLE_SCALE = 1.8  # of the application's font: follows the user's font size


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label
