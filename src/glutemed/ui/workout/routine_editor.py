"""Edit saved routines: pick one, change its lines, and every change is saved at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from glutemed.catalog import Catalog
from glutemed.domain.records import Routine, RoutineItem
from glutemed.ops import Store
from glutemed.ops.routines import all_routines, delete_routine, routines, save_routine
from glutemed.training.plan import build_steps, planned_seconds
from glutemed.training.plan_parser import PlanError, parse_plan
from glutemed.training.routines import RoutineError, check_item, copy_routine, default_routine
from glutemed.ui.common.announcer import Announcer
from glutemed.ui.common.events import DataEvents
from glutemed.ui.workout.routine_lines import COLUMNS, RoutineLines

Confirm = Callable[[str, str], bool]


class RoutineEditor(QWidget):
    routine_changed = Signal(object)  # the saved Routine

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        events: DataEvents,
        confirm: Confirm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routineEditor")
        self.store, self.catalog, self.events, self.confirm = store, catalog, events, confirm
        self.announcer = Announcer(events)
        self.routine: Routine = default_routine(catalog)
        self._loading = False

        self.routine_combo = QComboBox()
        self.routine_combo.setObjectName("routineCombo")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("routineName")
        self.name_edit.editingFinished.connect(self._rename)
        top = QHBoxLayout()
        top.addWidget(QLabel("Routine:"))
        top.addWidget(self.routine_combo, 1)
        top.addWidget(QLabel("Name:"))
        top.addWidget(self.name_edit, 1)
        actions = QHBoxLayout()  # a row of its own: the editor fits a narrow window
        for key, text, slot in (
            ("newRoutine", "New from default", self.new_routine),
            ("duplicateRoutine", "Duplicate", self.duplicate_routine),
            ("deleteRoutine", "Delete", self.delete_current),
            ("planEntry", "Enter a prescribed plan…", self.open_plan_entry),
        ):
            actions.addWidget(self._button(key, text, slot))
        actions.addStretch(1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("routineTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lines = RoutineLines(self.table, catalog, self)
        self.lines.changed.connect(self._lines_changed)

        rows = QHBoxLayout()
        self.add_combo = QComboBox()
        self.add_combo.setObjectName("addExerciseCombo")
        for exercise in catalog.exercises:
            self.add_combo.addItem(exercise.name, exercise.id)
        rows.addWidget(self.add_combo)
        rows.addWidget(self._button("addItem", "Add", self.add_selected))
        rows.addWidget(self._button("removeItem", "Remove", self.remove_current))
        rows.addWidget(self._button("moveUp", "Move up", lambda: self.move_current(-1)))
        rows.addWidget(self._button("moveDown", "Move down", lambda: self.move_current(+1)))
        rows.addStretch(1)
        self.estimate = QLabel()
        self.estimate.setObjectName("routineEstimate")
        self.problem = QLabel()
        self.problem.setObjectName("routineProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b;")
        notes = QHBoxLayout()
        notes.addWidget(self.problem, 1)
        notes.addWidget(self.estimate)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addLayout(rows)
        layout.addLayout(notes)

        self.routine_combo.currentIndexChanged.connect(self._on_routine_picked)
        self.reload()

    def _button(self, key: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"{key}Button")
        button.clicked.connect(lambda: slot())
        return button

    # ----- routines -----
    def reload(self, select_id: int | None = None) -> None:
        found = self.announcer.attempt(
            "read the routines", lambda: routines(self.store, default_routine(self.catalog))
        )
        found = found or [default_routine(self.catalog)]
        wanted = select_id if select_id is not None else self.routine.id
        self._loading = True
        self.routine_combo.clear()
        for routine in found:
            self.routine_combo.addItem(routine.name, routine.id)
        index = max(0, self.routine_combo.findData(wanted))
        self.routine_combo.setCurrentIndex(index)
        self._loading = False
        self._show(found[index])

    def _on_routine_picked(self, index: int) -> None:
        if self._loading or index < 0:
            return
        for routine in (
            self.announcer.attempt("read the routines", lambda: all_routines(self.store)) or []
        ):
            if routine.id == self.routine_combo.itemData(index):
                self._show(routine)

    def _show(self, routine: Routine) -> None:
        self.routine = routine
        self._loading = True
        self.name_edit.setText(routine.name)
        self.lines.show_items(routine.items)
        self._loading = False
        self._update_estimate()
        self.routine_changed.emit(routine)

    def _save(self) -> None:
        routine = self.routine
        self.announcer.attempt("save the routine", lambda: save_routine(self.store, routine))
        self._update_estimate()
        self.routine_changed.emit(self.routine)

    def _rename(self) -> None:
        name = self.name_edit.text().strip()
        if not name or name == self.routine.name:
            self.name_edit.setText(self.routine.name)
            return
        self.routine.name = name
        self._save()
        self.routine_combo.setItemText(self.routine_combo.currentIndex(), name)

    def _save_new(self, routine: Routine) -> None:
        if self.announcer.attempt("save the routine", lambda: save_routine(self.store, routine)):
            self.reload(routine.id)

    def new_routine(self) -> None:
        self._save_new(copy_routine(default_routine(self.catalog), "New routine"))

    def duplicate_routine(self) -> None:
        self._save_new(copy_routine(self.routine, f"{self.routine.name} (copy)"))

    def delete_current(self) -> None:
        if self.routine.id is None:
            return
        question = f"Delete the routine “{self.routine.name}”? Past workouts stay in the history."
        if not self.confirm("Delete routine", question):
            return
        routine_id = self.routine.id
        if not self.announcer.attempt(
            "delete the routine", lambda: delete_routine(self.store, routine_id)
        ):
            return
        self.routine = default_routine(self.catalog)
        self.reload()

    def apply_plan(self, text: str, name: str) -> Routine:
        """Save *text* (a prescribed plan) as a new routine; raises PlanError if it is wrong."""
        routine = Routine(name=name, items=parse_plan(text, self.catalog))
        self._save_new(routine)
        return routine

    def open_plan_entry(self) -> None:
        from glutemed.ui.workout.plan_entry_dialog import PlanEntryDialog

        dialog = PlanEntryDialog(self.catalog, "Prescribed plan", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.apply_plan(dialog.text_edit.toPlainText(), dialog.plan_name())
            except PlanError as exc:  # the dialog checks first; this is belt and braces
                self.problem.setText(str(exc))

    # ----- lines -----
    def current_items(self) -> list[RoutineItem]:
        return self.lines.current_items()

    def _lines_changed(self) -> None:
        if self._loading:
            return
        items = self.current_items()
        try:
            for item in items:
                check_item(item, self.catalog)
        except RoutineError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.setText("")
        self.routine.items = items
        self._save()

    def _rebuild(self, items: list[RoutineItem], select_row: int) -> None:
        self._loading = True
        self.lines.show_items(items, select_row)
        self._loading = False
        self._lines_changed()

    def add_exercise(self, exercise_id: str) -> None:
        from glutemed.training.routines import item_from_exercise

        items = [*self.current_items(), item_from_exercise(self.catalog.exercise(exercise_id))]
        self._rebuild(items, len(items) - 1)

    def add_selected(self) -> None:
        self.add_exercise(str(self.add_combo.currentData()))

    def remove_row(self, row: int) -> None:
        items = self.current_items()
        if 0 <= row < len(items) and len(items) > 1:
            del items[row]
            self._rebuild(items, min(row, len(items) - 1))
        elif len(items) <= 1:
            self.problem.setText("A routine needs at least one exercise.")

    def remove_current(self) -> None:
        self.remove_row(self.table.currentRow())

    def move_row(self, row: int, delta: int) -> None:
        items = self.current_items()
        target = row + delta
        if 0 <= row < len(items) and 0 <= target < len(items):
            items[row], items[target] = items[target], items[row]
            self._rebuild(items, target)

    def move_current(self, delta: int) -> None:
        self.move_row(self.table.currentRow(), delta)

    def _update_estimate(self) -> None:
        if not self.routine.items:
            self.estimate.setText("")
            return
        minutes = planned_seconds(build_steps(self.routine.items)) / 60
        self.estimate.setText(f"About {round(minutes)} minutes")
