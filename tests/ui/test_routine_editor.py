"""The routine editor saves every change; the plan entry checks lines as they are typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSpinBox

from glutemed.catalog import load_catalog
from glutemed.store.routines import list_routines
from glutemed.training.plan_parser import PlanError
from glutemed.training.routines import SWAP_ONLY
from glutemed.ui.common.events import DataEvents
from glutemed.ui.workout.plan_entry_dialog import PlanEntryDialog
from glutemed.ui.workout.routine_editor import RoutineEditor


@pytest.fixture
def editor(qtbot, store):
    answers: list[str] = []

    def confirm(title: str, question: str) -> bool:
        answers.append(question)
        return True

    widget = RoutineEditor(store, load_catalog(), DataEvents(), confirm)
    widget.answers = answers
    qtbot.addWidget(widget)
    return widget


def saved(store):
    [routine] = [r for r in list_routines(store) if r.is_default] or list_routines(store)[:1]
    return routine


def test_first_open_saves_the_default_routine(editor, store):
    routine = saved(store)
    main = [e.id for e in load_catalog().exercises if e.id not in SWAP_ONLY]
    assert [i.exercise_id for i in routine.items] == main
    assert editor.table.rowCount() == 5
    assert editor.estimate.text().startswith("About ")


def test_edits_are_saved_at_once(qtbot, editor, store):
    editor.findChild(QSpinBox, "setsSpin0").setValue(2)  # the first line is selected
    editor.table.setCurrentCell(1, 0)  # the selected line has the controls
    editor.table.cellWidget(1, 1).setCurrentIndex(2)  # clamshell -> reverse clam
    editor.table.cellWidget(1, 6).setCurrentIndex(3)  # red band
    editor.table.setCurrentCell(2, 0)
    editor.table.cellWidget(2, 7).setCurrentIndex(1)  # left only
    editor.table.setCurrentCell(3, 0)
    editor.table.cellWidget(3, 5).setValue(30)
    items = saved(store).items
    assert items[0].sets == 2
    assert (items[1].variation_id, items[1].band) == ("reverse", "red")
    assert items[2].sides == "left"
    assert items[3].rest_s == 30.0


def test_hold_seconds_switch_a_line_to_holds(editor, store):
    editor.table.cellWidget(0, 4).setValue(5)
    assert saved(store).items[0].hold_s == 5.0
    editor.table.cellWidget(0, 4).setValue(0)  # shows "—": back to reps
    assert saved(store).items[0].hold_s is None


def test_add_remove_reorder(qtbot, editor, store):
    editor.add_combo.setCurrentIndex(1)
    qtbot.mouseClick(editor.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    assert [i.exercise_id for i in saved(store).items][-1] == "clamshell"
    editor.move_row(5, -1)
    assert [i.exercise_id for i in saved(store).items][4:] == ["clamshell", "side_plank_abduction"]
    editor.table.selectRow(0)
    editor.remove_current()
    assert saved(store).items[0].exercise_id == "clamshell"
    assert len(saved(store).items) == 5


def test_new_duplicate_rename_delete(editor, store):
    editor.duplicate_routine()
    assert editor.routine.name.endswith("(copy)") and len(list_routines(store)) == 2
    editor.name_edit.setText("Physio week 3")
    editor.name_edit.editingFinished.emit()
    assert "Physio week 3" in [r.name for r in list_routines(store)]
    editor.delete_current()
    assert "Physio week 3" in editor.answers[-1]
    assert [r.name for r in list_routines(store)] == ["Glute medius basics"]


def test_apply_plan_saves_a_new_routine(editor, store):
    routine = editor.apply_plan("clamshell 3x12 rest 45 band red\nside plank 2x5x10s", "Physio")
    assert editor.routine_combo.currentText() == "Physio"
    assert editor.table.rowCount() == 2
    [stored] = [r for r in list_routines(store) if r.name == "Physio"]
    assert stored.items == routine.items
    with pytest.raises(PlanError, match="line 1"):
        editor.apply_plan("clamshel 3x12", "Bad")


def test_plan_dialog_checks_as_you_type(qtbot):
    dialog = PlanEntryDialog(load_catalog(), "Prescribed plan")
    qtbot.addWidget(dialog)
    assert not dialog.save_button().isEnabled()
    dialog.text_edit.setPlainText("clamshell 3x12\nfire hydrnt 2x10")
    assert "line 2" in dialog.feedback.text() and "unknown exercise" in dialog.feedback.text()
    assert not dialog.save_button().isEnabled()
    dialog.text_edit.setPlainText("clamshell 3x12\nfire hydrant 2x10")
    assert dialog.save_button().isEnabled()
    assert "Fire hydrant: 2 x 10, rest 60 s" in dialog.feedback.text()


def test_only_the_selected_line_has_controls_and_the_others_show_their_values(qtbot, editor, store):
    from PySide6.QtWidgets import QComboBox

    table = editor.table
    with_controls = [r for r in range(table.rowCount()) if table.cellWidget(r, 0) is not None]
    assert with_controls == [0] and table.currentRow() == 0
    combos = {c.objectName() for c in editor.findChildren(QComboBox)}
    assert combos == {"routineCombo", "addExerciseCombo"} | {
        f"{kind}Combo0" for kind in ("exercise", "variation", "band", "sides")
    }
    items = saved(store).items
    catalog = load_catalog()
    line = [table.item(2, c).text() for c in range(8)]
    assert line[0] == catalog.exercise(items[2].exercise_id).name
    assert line[2:4] == [str(items[2].sets), str(items[2].reps or 1)]
    assert line[7] == "Both sides"
    # Edit line 0, move to line 2 with the keyboard: the controls follow, the edit stays.
    editor.findChild(QSpinBox, "setsSpin0").setValue(1)
    table.setFocus()
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentRow() == 2
    assert table.cellWidget(2, 2) is not None and table.cellWidget(0, 2) is None
    assert table.item(0, 2).text() == "1"
    assert saved(store).items[0].sets == 1
    before = saved(store).items
    table.cellWidget(2, 5).setValue(90)
    after = saved(store).items
    assert after[2].rest_s == 90.0 and after[:2] == before[:2] and after[3:] == before[3:]


def test_lines_read_the_same_with_or_without_their_controls(editor):
    everywhere = []
    for row in range(editor.table.rowCount()):
        editor.table.setCurrentCell(row, 0)
        everywhere.append(editor.lines._read(row))
    assert editor.current_items() == everywhere
