"""Pain diary: log, edit, delete and undo (button and Ctrl+Z); events announce changes."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from glutemed.store import Store
from glutemed.store.pain import list_pain
from glutemed.ui.common.events import DataEvents
from glutemed.ui.pain.page import PainPage

NOW = datetime(2025, 3, 4, 8, 15, tzinfo=UTC)


def make(qtbot: QtBot, store: Store) -> tuple[PainPage, DataEvents]:
    events = DataEvents()
    page = PainPage(store, events, now=lambda: NOW, tz=UTC)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page, events


def test_log_edit_delete_undo(qtbot: QtBot, store: Store) -> None:
    page, events = make(qtbot, store)
    assert page.empty_hint.isVisible()
    page.slider.setValue(6)
    assert page.value_label.text() == "6"
    page.context.setCurrentIndex(page.context.findData("before"))
    qtbot.keyClicks(page.note, "stiff after sitting")
    with qtbot.waitSignal(events.pain_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    [entry] = list_pain(store)
    assert (entry.score, entry.context, entry.note, entry.taken_at) == (
        6,
        "before",
        "stiff after sitting",
        NOW,
    )
    assert page.entries.count() == 1
    row = [page.entries.text(0, i) for i in (1, 2, 3)]
    assert row == ["6/10", "Before exercise", "stiff after sitting"]
    assert not page.empty_hint.isVisible()

    page.entries.select_row(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert page.save_button.text() == "Save changes"
    page.slider.setValue(3)
    with qtbot.waitSignal(events.pain_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    [entry] = list_pain(store)
    assert entry.score == 3 and entry.taken_at == NOW and entry.note == "stiff after sitting"
    assert page.undo_button.text() == "Undo edit"
    with qtbot.waitSignal(events.pain_changed):
        qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert list_pain(store)[0].score == 6  # the edit is undone
    page.entries.select_row(0)
    page.edit_selected()
    page.slider.setValue(3)
    page.save()

    page.entries.select_row(0)
    with qtbot.waitSignal(events.pain_changed):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert list_pain(store) == [] and page.undo_button.isEnabled()
    with qtbot.waitSignal(events.pain_changed):
        qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert [e.id for e in list_pain(store)] == [entry.id]
    assert page.undo_button.text() == "Undo edit"  # the second edit is next in line
    page.undo()
    assert list_pain(store)[0].score == 6 and not page.undo_button.isEnabled()


def test_ctrl_z_undoes_delete(qtbot: QtBot, store: Store) -> None:
    page, events = make(qtbot, store)
    page.slider.setValue(8)
    page.save()
    page.entries.select_row(0)
    page.delete_selected()
    assert list_pain(store) == []
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.entries.setFocus()
    with qtbot.waitSignal(events.pain_changed):
        qtbot.keyClick(page.entries, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [e.score for e in list_pain(store)] == [8]


def test_slider_range_and_anchors(qtbot: QtBot, store: Store) -> None:
    page, _ = make(qtbot, store)
    assert (page.slider.minimum(), page.slider.maximum()) == (0, 10)
    page.slider.setValue(10)
    assert "worst" in page.slider.toolTip()


def test_no_score_until_one_is_picked(qtbot: QtBot, store: Store) -> None:
    page, events = make(qtbot, store)
    assert page.score is None and page.value_label.text() == "–"
    assert not page.save_button.isEnabled()
    page.note.setFocus()
    qtbot.keyClick(page.note, Qt.Key.Key_Return)  # a quick Enter logs nothing
    assert list_pain(store) == []
    # Clicking the handle where it already is (0) is a choice too.
    page.slider.setFocus()
    qtbot.keyClick(page.slider, Qt.Key.Key_Home)
    assert page.score == 0 and page.save_button.isEnabled()
    with qtbot.waitSignal(events.pain_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert [e.score for e in list_pain(store)] == [0]
    assert page.score is None and not page.save_button.isEnabled()  # next entry: pick again


def test_a_long_diary_lists_every_entry_and_keeps_the_selection(qtbot: QtBot, store: Store) -> None:
    from datetime import timedelta

    from glutemed.domain.records import PainLog
    from glutemed.store.pain import add_pain

    for day in range(400):
        add_pain(store, PainLog(NOW - timedelta(days=day), day % 11, "daily", f"day {day}"))
    page, events = make(qtbot, store)
    assert page.entries.count() == 400
    assert page.entries.text(0, 0) == "Tue  4 Mar 2025  08:15"  # newest first, local time
    assert [page.entries.text(2, i) for i in (1, 2, 3)] == ["2/10", "Daily check-in", "day 2"]
    assert page.entries.model().data(
        page.entries.model().index(0, 1), Qt.ItemDataRole.TextAlignmentRole
    )
    page.entries.select_row(2)
    assert page.selected_entry() is not None and page.selected_entry().note == "day 2"
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    add_pain(store, PainLog(NOW + timedelta(hours=1), 5, "after"))
    events.pain_changed.emit()  # the list is read again: the same entry stays selected
    assert page.entries.count() == 401
    assert page.selected_entry() is not None and page.selected_entry().note == "day 2"
    index = page.entries.model().index(3, 0)
    rect = page.entries.visualRect(index)
    qtbot.mouseClick(page.entries.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.entries.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.editing is not None and page.editing.note == "day 2"
    assert page.save_button.text() == "Save changes"
