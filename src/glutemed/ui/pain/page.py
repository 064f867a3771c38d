"""Pain diary: log a 0-10 rating with its context and a note; edit, delete, undo either."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from glutemed.domain.localtz import local_tz
from glutemed.domain.records import PainLog
from glutemed.domain.rules import PAIN_SCORE
from glutemed.ops import Store
from glutemed.ops.pain import PainDiary
from glutemed.progress.text import moment_text
from glutemed.ui.common.announcer import Announcer
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.page_title import page_title
from glutemed.ui.pain.entry_list import PainEntryList

CONTEXTS = (("daily", "Daily check-in"), ("before", "Before exercise"), ("after", "After exercise"))
CONTEXT_NAMES = dict(CONTEXTS)
# Anchors of the 0-10 Numeric Pain Rating Scale (CONTENT.md).
ANCHORS = {0: "no pain", 10: "worst pain imaginable"}
UNDO_TEXT = {"deleted": "Undo delete", "edited": "Undo edit"}


class PainPage(QWidget):
    def __init__(
        self,
        store: Store,
        events: DataEvents,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("painPage")
        self.store = store
        self.events = events
        self.diary = PainDiary(store, now or (lambda: datetime.now(UTC)))
        self.announcer = Announcer(events)
        self.tz = tz or local_tz()
        self.editing: PainLog | None = None
        self.score: int | None = None  # chosen by the user; None until then
        # (what was done, the entry as it was before): "deleted" or "edited"
        self._build()
        self._clear_score()
        self.refresh()
        events.pain_changed.connect(self.refresh)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(page_title("Pain diary"))
        intro = QLabel(
            "How much does your back hurt right now? 0 means no pain, 10 the worst pain you can "
            "imagine (0-10 Numeric Pain Rating Scale). Logging at about the same time each day "
            "makes the trend easier to read."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form_box = QGroupBox("New entry")
        form_box.setObjectName("painForm")
        self.form_box = form_box
        form = QVBoxLayout(form_box)
        score_row = QHBoxLayout()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("painSlider")
        self.slider.setRange(int(PAIN_SCORE.low), int(PAIN_SCORE.high))
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName("Pain score, 0 to 10")
        self.slider.valueChanged.connect(self._score_changed)
        # Any touch picks a score, even one that leaves the handle where it was.
        self.slider.actionTriggered.connect(
            lambda _action: self._score_changed(self.slider.value())
        )
        self.slider.sliderPressed.connect(lambda: self._score_changed(self.slider.value()))
        self.value_label = QLabel()
        self.value_label.setObjectName("painValue")
        big = QFont(self.value_label.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.value_label.setFont(big)
        self.value_label.setMinimumWidth(60)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        score_row.addWidget(self.slider, 1)
        score_row.addWidget(self.value_label)
        form.addLayout(score_row)
        anchors = QHBoxLayout()
        low = QLabel(f"0 - {ANCHORS[0]}")
        high = QLabel(f"10 - {ANCHORS[10]}")
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        anchors.addWidget(low)
        anchors.addStretch(1)
        anchors.addWidget(high)
        form.addLayout(anchors)
        fields = QFormLayout()
        self.context = QComboBox()
        self.context.setObjectName("painContext")
        for key, text in CONTEXTS:
            self.context.addItem(text, key)
        fields.addRow("When", self.context)
        self.note = QLineEdit()
        self.note.setObjectName("painNote")
        self.note.setPlaceholderText("Optional: what you were doing, sleep, medication…")
        self.note.setMaxLength(500)
        self.note.returnPressed.connect(self.save)
        fields.addRow("Note", self.note)
        form.addLayout(fields)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton("Cancel edit")
        self.cancel_button.setObjectName("cancelEditButton")
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.cancel_button.hide()
        self.save_button = QPushButton("Log pain")
        self.save_button.setObjectName("savePainButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        form.addLayout(buttons)
        layout.addWidget(form_box)

        header = QHBoxLayout()
        header.addWidget(QLabel("<b>Your entries</b>"))
        header.addStretch(1)
        self.edit_button = QPushButton("Edit")
        self.edit_button.setObjectName("editPainButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("deletePainButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setObjectName("undoPainButton")
        self.undo_button.setToolTip("Undo the last edit or delete (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        for b in (self.edit_button, self.delete_button, self.undo_button):
            header.addWidget(b)
        layout.addLayout(header)
        self.entries = PainEntryList(self.tz, CONTEXT_NAMES)
        self.entries.setObjectName("painList")
        self.entries.selection_changed.connect(self._update_buttons)
        self.entries.activated_entry.connect(self.edit_selected)
        layout.addWidget(self.entries, 1)
        self.empty_hint = QLabel("No entries yet. Your first rating becomes your baseline.")
        self.empty_hint.setObjectName("painEmpty")
        layout.addWidget(self.empty_hint)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.entries)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        self._score_changed(0)

    # --- list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected_entry()
        entries = self.announcer.attempt("read the pain diary", self.diary.entries) or []
        self.entries.set_entries(entries, keep.id if keep is not None else None)
        self.empty_hint.setVisible(not entries)
        self._update_buttons()

    def selected_entry(self) -> PainLog | None:
        return self.entries.selected_entry()

    def _update_buttons(self) -> None:
        has = self.selected_entry() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.undo_button.setEnabled(bool(self.diary.undo_stack))
        if self.diary.undo_stack:
            self.undo_button.setText(UNDO_TEXT[self.diary.undo_stack[-1][0]])
        else:
            self.undo_button.setText("Undo")

    def _score_changed(self, value: int) -> None:
        self.score = value
        self.value_label.setText(str(value))
        self.slider.setToolTip(f"{value}/10" + (f" - {ANCHORS[value]}" if value in ANCHORS else ""))
        self.save_button.setEnabled(True)
        self.save_button.setToolTip("")

    def _clear_score(self) -> None:
        """No score until the user picks one: a quick "Log pain" must not record 0."""
        self.score = None
        self.value_label.setText("–")
        self.value_label.setAccessibleName("No score chosen yet")
        self.slider.setToolTip("Drag, click or use the arrow keys to pick a score")
        self.save_button.setEnabled(False)
        self.save_button.setToolTip("Pick a score on the slider first")

    # --- actions ------------------------------------------------------------------------
    def save(self) -> None:
        score = self.score
        if score is None:
            self.events.status_message.emit("Pick a pain score on the slider first")
            self.slider.setFocus()
            return
        context = str(self.context.currentData())
        note = self.note.text().strip()
        editing = self.editing
        if editing is None:
            done = self.announcer.attempt(
                "save the pain score",
                lambda: self.diary.log(score, context, note),  # type: ignore[arg-type]
            )
        else:
            done = self.announcer.attempt(
                "save the change",
                lambda: self.diary.edit(editing, score, context, note),  # type: ignore[arg-type]
            )
        if done is not None:
            self._reset_form()

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.editing = entry
        self.slider.setValue(entry.score)
        self._score_changed(entry.score)
        self.context.setCurrentIndex(max(0, self.context.findData(entry.context)))
        self.note.setText(entry.note)
        self.form_box.setTitle(f"Editing the entry of {moment_text(entry.taken_at, self.tz)}")
        self.save_button.setText("Save changes")
        self.cancel_button.show()
        self.slider.setFocus()

    def cancel_edit(self) -> None:
        self._reset_form()

    def _reset_form(self) -> None:
        self.editing = None
        self._clear_score()
        self.note.clear()
        self.form_box.setTitle("New entry")
        self.save_button.setText("Log pain")
        self.cancel_button.hide()

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.id is None:
            return
        if self.announcer.attempt("delete the entry", lambda: self.diary.delete(entry)) is None:
            return
        if self.editing is not None and self.editing.id == entry.id:
            self._reset_form()

    def undo(self) -> None:
        done = self.announcer.attempt("undo", self.diary.undo)
        if done is None:
            return
        entry = done.entry
        if entry is not None and self.editing is not None and self.editing.id == entry.id:
            self._reset_form()
