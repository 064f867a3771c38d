"""The pain diary's list of entries: a view over a model that formats rows when drawn.

Years of daily ratings are thousands of rows. A QTreeWidget keeps an item per row with
its four texts and the entry wrapped for Qt (about 4.5 MB for ten years); this model
keeps the entries alone and makes a row's texts only when that row is on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from glutemed.domain.records import PainLog

COLUMNS = ("Date", "Pain", "When", "Note")
Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PainEntryModel(QAbstractTableModel):
    def __init__(
        self, tz: tzinfo, context_names: dict[str, str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.tz = tz
        self.context_names = context_names
        self.entries: list[PainLog] = []

    def set_entries(self, entries: Sequence[PainLog]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def text(self, row: int, column: int) -> str:
        entry = self.entries[row]
        if column == 0:
            local = entry.taken_at.astimezone(self.tz)
            return f"{local:%a} {local.day:2d} {local:%b %Y  %H:%M}"
        if column == 1:
            return f"{entry.score}/10"
        if column == 2:
            return self.context_names.get(entry.context, entry.context)
        return entry.note

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(_RIGHT.value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None


class PainEntryList(QTreeView):
    """Entries newest first; one selected at a time. `activated_entry` on double-click."""

    selection_changed = Signal()
    activated_entry = Signal()

    def __init__(
        self, tz: tzinfo, context_names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.entry_model = PainEntryModel(tz, context_names, self)
        self.setModel(self.entry_model)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)  # years of daily entries stay quick
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setStyleSheet("QTreeView::item { padding: 1px 10px 1px 4px; }")
        header = self.header()
        header.setStretchLastSection(True)
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.doubleClicked.connect(lambda _index: self.activated_entry.emit())

    def count(self) -> int:
        return self.entry_model.rowCount()

    def text(self, row: int, column: int) -> str:
        return self.entry_model.text(row, column)

    def set_entries(self, entries: Sequence[PainLog], keep_id: int | None = None) -> None:
        """Show *entries*; the one with id *keep_id* stays selected if it is still there."""
        self.entry_model.set_entries(entries)
        if keep_id is not None:
            rows = [i for i, e in enumerate(self.entry_model.entries) if e.id == keep_id]
            if rows:
                self.select_row(rows[0])
        self.selection_changed.emit()

    def select_row(self, row: int) -> None:
        self.setCurrentIndex(self.entry_model.index(row, 0))

    def selected_entry(self) -> PainLog | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return self.entry_model.entries[rows[0].row()]
