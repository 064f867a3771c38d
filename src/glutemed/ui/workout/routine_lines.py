"""The routine editor's lines: every line's values as text, controls on the selected line.

A line's eight controls (four drop-down lists, four spin boxes) take about 200 kB once on
screen, most of it the drop-down lists' pop-ups that Qt builds for each; a five-line
routine was over 2 MB of controls, a twelve-line one 5 MB. Only the selected line has
them; the others show the same values as text, and a click or an arrow key on a line
brings the controls there.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QSpinBox, QTableWidget, QTableWidgetItem, QWidget

from glutemed.catalog import Catalog
from glutemed.domain.records import RoutineItem
from glutemed.domain.rules import HOLD_S, REPS, REST_S, SETS
from glutemed.ui.common.control_texts import speak

COLUMNS = ("Exercise", "Variation", "Sets", "Reps / holds", "Hold (s)", "Rest (s)", "Band", "Sides")
SIDES = (("both", "Both sides"), ("left", "Left only"), ("right", "Right only"))
NO_HOLD = "—"  # a hold of 0 s: the line counts reps


class RoutineLines(QObject):
    """Shows lines in *table*; `changed` when a control of the selected line changes."""

    changed = Signal()

    def __init__(self, table: QTableWidget, catalog: Catalog, parent: QObject | None = None):
        super().__init__(parent)
        self.table, self.catalog = table, catalog
        self.items: list[RoutineItem] = []
        self.editing: int | None = None  # the line that has the controls
        table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self.edit_row(row))

    def show_items(self, items: list[RoutineItem], select_row: int = 0) -> None:
        """Show *items*; the line *select_row* is selected and has the controls."""
        self.editing = None
        self.items = list(items)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.items))
        for row in range(len(self.items)):
            self._write_texts(row)
        self.table.blockSignals(False)
        if self.items:
            row = min(max(0, select_row), len(self.items) - 1)
            self.edit_row(row)
            self.table.selectRow(row)

    def current_items(self) -> list[RoutineItem]:
        """The lines as the controls give them (whole seconds, at least one rep)."""
        return [
            self._read(row) if row == self.editing else as_controls_give(item)
            for row, item in enumerate(self.items)
        ]

    def edit_row(self, row: int) -> None:
        """Move the controls to line *row* (what they hold stays with their line)."""
        if row == self.editing or not 0 <= row < len(self.items):
            return
        if self.editing is not None:
            old = self.editing
            self.items[old] = self._read(old)
            for column in range(len(COLUMNS)):
                self.table.removeCellWidget(old, column)
            self._write_texts(old)
        self.editing = row
        self._install(row, self.items[row])

    # ----- text ---------------------------------------------------------------------
    def texts(self, item: RoutineItem) -> list[str]:
        exercise = self.catalog.exercise(item.exercise_id)
        variation = next((v.name for v in exercise.variations if v.id == item.variation_id), "")
        band = next((b.name for b in self.catalog.band_levels if b.id == item.band), "No band")
        hold = f"{int(item.hold_s)}" if item.hold_s else NO_HOLD
        return [
            exercise.name,
            variation,
            str(item.sets),
            str(item.reps or 1),
            hold,
            f"{int(item.rest_s)}",
            band,
            dict(SIDES).get(item.sides, item.sides),
        ]

    def _write_texts(self, row: int) -> None:
        for column, text in enumerate(self.texts(self.items[row])):
            cell = QTableWidgetItem(text)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, column, cell)

    # ----- controls -----------------------------------------------------------------
    def _install(self, row: int, item: RoutineItem) -> None:
        exercise_combo = QComboBox()
        exercise_combo.setObjectName(f"exerciseCombo{row}")
        for exercise in self.catalog.exercises:
            exercise_combo.addItem(exercise.name, exercise.id)
        exercise_combo.setCurrentIndex(exercise_combo.findData(item.exercise_id))
        variation_combo = QComboBox()
        variation_combo.setObjectName(f"variationCombo{row}")
        self._fill_variations(variation_combo, item.exercise_id, item.variation_id)
        sets = _spin(f"setsSpin{row}", int(SETS.low), int(SETS.high), item.sets)
        reps = _spin(f"repsSpin{row}", int(REPS.low), int(REPS.high), item.reps or 1)
        # 0 shows "—": no hold (the rule itself excludes 0 s)
        hold = _spin(f"holdSpin{row}", 0, int(HOLD_S.high), int(item.hold_s or 0), NO_HOLD)
        rest = _spin(f"restSpin{row}", int(REST_S.low), int(REST_S.high), int(item.rest_s), step=5)
        band_combo = QComboBox()
        band_combo.setObjectName(f"bandCombo{row}")
        band_combo.addItem("No band", None)
        for level in self.catalog.band_levels:
            band_combo.addItem(level.name, level.id)
        band_combo.setCurrentIndex(max(0, band_combo.findData(item.band)))
        sides_combo = QComboBox()
        sides_combo.setObjectName(f"sidesCombo{row}")
        for key, label in SIDES:
            sides_combo.addItem(label, key)
        sides_combo.setCurrentIndex(sides_combo.findData(item.sides))
        widgets = (exercise_combo, variation_combo, sets, reps, hold, rest, band_combo, sides_combo)
        for column, widget in enumerate(widgets):
            widget.setAccessibleName(f"{COLUMNS[column]}, line {row + 1}")
            speak(widget)
            self.table.setCellWidget(row, column, widget)
        exercise_combo.currentIndexChanged.connect(
            lambda _=0, c=exercise_combo, v=variation_combo: self._exercise_changed(c, v)
        )
        for combo in (variation_combo, band_combo, sides_combo):
            combo.currentIndexChanged.connect(self.changed)
        for spin in (sets, reps, hold, rest):
            spin.valueChanged.connect(self.changed)

    def _fill_variations(self, combo: QComboBox, exercise_id: str, selected: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        for variation in self.catalog.exercise(exercise_id).variations:
            combo.addItem(variation.name, variation.id)
        combo.setCurrentIndex(max(0, combo.findData(selected)))
        combo.blockSignals(False)

    def _exercise_changed(self, exercise_combo: QComboBox, variation_combo: QComboBox) -> None:
        self._fill_variations(variation_combo, str(exercise_combo.currentData()), "standard")
        self.changed.emit()

    def _read(self, row: int) -> RoutineItem:
        def cell(column: int) -> QWidget:
            widget = self.table.cellWidget(row, column)
            assert widget is not None
            return widget

        exercise, variation, band, sides = (cell(c) for c in (0, 1, 6, 7))
        sets, reps, hold, rest = (cell(c) for c in (2, 3, 4, 5))
        assert isinstance(exercise, QComboBox) and isinstance(variation, QComboBox)
        assert isinstance(band, QComboBox) and isinstance(sides, QComboBox)
        assert isinstance(sets, QSpinBox) and isinstance(reps, QSpinBox)
        assert isinstance(hold, QSpinBox) and isinstance(rest, QSpinBox)
        return RoutineItem(
            exercise_id=str(exercise.currentData()),
            variation_id=str(variation.currentData()),
            sets=sets.value(),
            reps=reps.value(),
            hold_s=float(hold.value()) if hold.value() > 0 else None,
            rest_s=float(rest.value()),
            band=band.currentData(),
            sides=sides.currentData(),
        )


def as_controls_give(item: RoutineItem) -> RoutineItem:
    """*item* as its line's controls would give it back: what is saved is the same
    whether or not the line was the selected one."""
    hold = int(item.hold_s or 0)
    return replace(
        item,
        reps=item.reps or 1,
        hold_s=float(hold) if hold > 0 else None,
        rest_s=float(int(item.rest_s)),
        id=None,
    )


def _spin(name: str, low: int, high: int, value: int, special: str = "", step: int = 1) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setSingleStep(step)
    if special:
        spin.setSpecialValueText(special)
    spin.setValue(value)
    return spin
