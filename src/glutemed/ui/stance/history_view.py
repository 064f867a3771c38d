"""Past stance tests with their results; open one, delete one, undo a delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class StanceHistoryView(QWidget):
    """Emits `open_requested(id)`, `delete_requested(id)`, `undo_requested()`."""

    open_requested = Signal(int)
    delete_requested = Signal(int)
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stanceHistoryView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Past tests", self)
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(title)

        self.banner = QFrame(self)
        self.banner.setObjectName("undoBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(8, 4, 8, 4)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("undoBannerText")
        self.undo_button = QPushButton("Undo (Ctrl+Z)", self.banner)
        self.undo_button.setObjectName("undoButton")
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.undo_button)
        self.banner.setVisible(False)
        layout.addWidget(self.banner)

        self.list = QListWidget(self)
        self.list.setObjectName("stanceHistoryList")
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListWidget::item { padding: 4px; }")
        layout.addWidget(self.list, 1)

        self.empty = QLabel("No tests yet. Your results will be listed here.", self)
        self.empty.setObjectName("historyEmpty")
        self.empty.setEnabled(False)
        layout.addWidget(self.empty)

        row = QHBoxLayout()
        self.open_button = QPushButton("Show results", self)
        self.open_button.setObjectName("showTestButton")
        self.delete_button = QPushButton("Delete test", self)
        self.delete_button.setObjectName("deleteTestButton")
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        layout.addLayout(row)

        self.open_button.clicked.connect(self._open)
        self.delete_button.clicked.connect(self._delete)
        self.undo_button.clicked.connect(self.undo_requested)
        self.list.itemActivated.connect(lambda _item: self._open())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self._update_buttons()

    def set_tests(self, rows: list[tuple[int, str]]) -> None:
        """(test id, one-line summary) newest first; keeps the selection where it can."""
        keep = self.selected_id()
        self.list.clear()
        for test_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, test_id)
            self.list.addItem(item)
            if test_id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and rows:
            self.list.setCurrentRow(0)
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def show_undo(self, text: str) -> None:
        self.banner_text.setText(text)
        self.banner.setVisible(True)

    def hide_undo(self) -> None:
        self.banner.setVisible(False)

    def _open(self) -> None:
        test_id = self.selected_id()
        if test_id is not None:
            self.open_requested.emit(test_id)

    def _delete(self) -> None:
        test_id = self.selected_id()
        if test_id is not None:
            self.delete_requested.emit(test_id)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)
