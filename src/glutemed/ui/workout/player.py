"""The player: figure, big counters, countdown ring, what comes next, cues and controls.

It ticks a GuidedSession from a QTimer and shows its snapshot; it never keeps time itself.
Each step runs through the `WorkoutRun`, which commits finished sets at once; `changed`
says what a step saved. While nobody can see it (minimised, another page) it still ticks,
so sets are saved and sound cues play on time, but slower and without drawing anything.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glutemed.catalog import Catalog
from glutemed.domain.vocabulary import WorkoutPhase
from glutemed.ops.changes import NOTHING
from glutemed.ops.workout import WorkoutRun, WorkoutStep
from glutemed.training.events import CueRequested, RepCounted, WorkoutFinished
from glutemed.training.plan import WorkBlock
from glutemed.training.session import GuidedSession, Snapshot
from glutemed.ui.common.button_row import ButtonRow
from glutemed.ui.common.fading_hint import FadingHint
from glutemed.ui.common.fit_label import FitLabel
from glutemed.ui.common.protocols import Cues, DemoFigure
from glutemed.ui.common.seen_watch import SeenWatch
from glutemed.ui.workout.countdown_ring import CountdownRing

TICK_MS = 33  # ~30 frames a second keeps the figure smooth; timing comes from the clock
HIDDEN_TICK_MS = 100  # unseen: cues within a tenth of a second, nothing drawn
_MAX_CUES_PER_TICK = 2  # after a stall, play the latest cues rather than a burst

_PHASE_WORDS = {
    WorkoutPhase.GET_READY: "Get ready",
    WorkoutPhase.SWITCH_SIDES: "Switch sides",
    WorkoutPhase.REST: "Rest",
    WorkoutPhase.NEXT_EXERCISE: "Next exercise",
    WorkoutPhase.DONE: "Done",
}
_RING_COLOURS = {
    WorkoutPhase.GET_READY: "#2b7bd9",
    WorkoutPhase.SWITCH_SIDES: "#8e44ad",
    WorkoutPhase.REST: "#2e9e5b",
    WorkoutPhase.NEXT_EXERCISE: "#2b7bd9",
    WorkoutPhase.WORK: "#d9822b",
}
# (normal, across-the-room) point sizes
_SIZES = {
    "repCounter": (40, 110),
    "setCounter": (20, 54),
    "sideLabel": (16, 44),
    "phaseLabel": (16, 40),
    "exerciseTitle": (20, 36),
    "nextLabel": (13, 28),
}


def _clock_text(seconds: float) -> str:
    whole = int(seconds + 1e-6)  # 50 ticks of 0.1 s are 5 s, not 4.999
    return f"{whole // 60}:{whole % 60:02d}"


class WorkoutPlayer(QWidget):
    changed = Signal(object)  # Changes: what a step committed
    finished = Signal(object)  # WorkoutFinished
    leave_requested = Signal()
    full_screen_requested = Signal(bool)

    def __init__(
        self,
        catalog: Catalog,
        sound: Cues,
        figure: DemoFigure,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workoutPlayer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.catalog, self.sound, self.figure = catalog, sound, figure
        self.run: WorkoutRun | None = None
        self.session: GuidedSession | None = None
        self.across_room = False
        self._shown_demo: tuple[str, str, str] | None = None
        self._labels: dict[str, FitLabel] = {}

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self._watch = SeenWatch(self)
        self._watch.changed.connect(self._seen_changed)

        self.title = self._label("exerciseTitle", bold=True)
        self.elapsed_label = QLabel()
        self.elapsed_label.setObjectName("elapsedLabel")
        self.phase_label = self._label("phaseLabel", bold=True)
        self.rep_counter = self._label("repCounter", bold=True)
        self.set_counter = self._label("setCounter")
        self.side_label = self._label("sideLabel")
        self.next_label = self._label("nextLabel")
        self.ring = CountdownRing()
        self.cues_label = QLabel()
        self.cues_label.setObjectName("cuesLabel")
        self.cues_label.setWordWrap(True)
        self.cues_label.setTextFormat(Qt.TextFormat.RichText)

        self.figure_slot = QFrame()
        self.figure_slot.setObjectName("figureSlot")
        slot_layout = QVBoxLayout(self.figure_slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        assert isinstance(figure, QWidget), "the demo figure is shown, so it is a widget"
        slot_layout.addWidget(figure)
        self.figure_slot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        counters = QVBoxLayout()
        for widget in (self.phase_label, self.rep_counter, self.set_counter, self.side_label):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            counters.addWidget(widget)
        counters.addWidget(self.ring, 1)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        counters.addWidget(self.next_label)
        self.counter_panel = QWidget()
        self.counter_panel.setLayout(counters)
        self.counter_panel.setMinimumWidth(300)

        middle = QHBoxLayout()
        middle.addWidget(self.figure_slot, 3)
        middle.addWidget(self.counter_panel, 2)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.elapsed_label)

        self.controls = ButtonRow("playerControls")
        for key, text, tip, slot in (
            ("back", "◀ Back", "Restart this set, or go back one (Left)", self.back),
            ("pause", "Pause", "Pause or resume (Space)", self.toggle_pause),
            ("skip", "Skip ▶", "Skip this set or countdown (Right)", self.skip),
            ("doneEarly", "Done early", "End this set with the reps done so far", self.done_early),
            ("minus", "−1 rep", "Take one off the count (-)", lambda: self.adjust(-1)),
            ("plus", "+1 rep", "Add one to the count (+)", lambda: self.adjust(+1)),
            ("fullScreen", "Across the room", "Very large type, full screen (F)", self.toggle_full),
            (
                "leave",
                "Leave",
                "Stop the workout; finished sets are kept (Esc)",
                self.request_leave,
            ),
        ):
            button = self.controls.add(key, text, tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the player
            button.clicked.connect(slot)
        self.buttons = self.controls.buttons

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.cues_label)
        layout.addWidget(self.controls)
        self._apply_sizes()
        # Full screen hides the controls: say which keys still work.
        self.full_screen_hint = FadingHint(
            "Space pause or resume · Esc leave · F exit full screen", self
        )

    def _label(self, name: str, bold: bool = False) -> FitLabel:
        label = FitLabel(name, _SIZES[name][0])
        font = label.font()
        font.setBold(bold)
        label.setFont(font)
        self._labels[name] = label
        return label

    def _apply_sizes(self) -> None:
        for name, (normal, big) in _SIZES.items():
            self._labels[name].set_max_point_size(big if self.across_room else normal)
        for widget in (self.cues_label, self.controls, self.next_label):
            widget.setVisible(not self.across_room)
        font = self.elapsed_label.font()
        font.setPointSize(28 if self.across_room else 12)
        self.elapsed_label.setFont(font)

    # ----- running -----
    def start(self, run: WorkoutRun, first: WorkoutStep) -> None:
        """Play *run*, whose `start()` gave *first*."""
        self.run, self.session = run, run.session
        self._shown_demo = None
        self._handle(first)
        self.timer.start()
        self.setFocus()

    def tick(self) -> None:
        if self.run is None:
            return
        self._handle(self.run.tick())

    def _act(self, action: str, *args: int) -> None:
        if self.run is None or self.run.session.finished:
            return
        self._handle(getattr(self.run, action)(*args))

    def toggle_pause(self) -> None:
        self._act("toggle_pause")

    def skip(self) -> None:
        self._act("skip")

    def back(self) -> None:
        self._act("back")

    def done_early(self) -> None:
        self._act("finish_set_early")

    def adjust(self, delta: int) -> None:
        self._act("adjust_reps", delta)

    def stop(self) -> None:
        self._act("stop")

    def toggle_full(self) -> None:
        self.set_across_room(not self.across_room)

    def set_across_room(self, on: bool) -> None:
        if on == self.across_room:
            return
        self.across_room = on
        self._apply_sizes()
        self.full_screen_requested.emit(on)
        self.full_screen_hint.set_active(on)
        self.setFocus()

    def request_leave(self) -> None:
        self.leave_requested.emit()

    def _handle(self, step: WorkoutStep) -> None:
        cues: list[tuple[str, str | None]] = []
        last_count: str | None = None
        done: WorkoutFinished | None = None
        for event in step.events:
            if isinstance(event, RepCounted):
                last_count = str(event.count)
            elif isinstance(event, CueRequested):
                cues.append((event.cue, last_count if event.cue == "rep" else None))
            elif isinstance(event, WorkoutFinished):
                done = event
        for cue, words in cues[-_MAX_CUES_PER_TICK:]:
            self.sound.play(cue, words)
        if step.changes != NOTHING:
            self.changed.emit(step.changes)
        if self._watch.is_seen():
            self.refresh()
        if done is not None:
            self.timer.stop()
            self.finished.emit(done)

    # ----- showing -----
    def _seen_changed(self, seen: bool) -> None:
        self.timer.setInterval(TICK_MS if seen else HIDDEN_TICK_MS)
        if seen:
            self.refresh()

    def _names(self, block: WorkBlock) -> tuple[str, str]:
        exercise = self.catalog.exercise(block.item.exercise_id)
        variation = exercise.variation(block.item.variation_id)
        return exercise.name, variation.name

    def refresh(self) -> None:
        if self.session is None:
            return
        snap = self.session.snapshot()
        self.elapsed_label.setText(_clock_text(snap.active_s))  # stands still while paused
        block = snap.block
        self.buttons["pause"].setText("Resume" if snap.paused else "Pause")
        if block is None:
            self._show_done(snap)
            return
        name, variation = self._names(block)
        self.title.setText(f"{name} — {variation}")
        self.set_counter.setText(f"set {block.set_no} / {block.item.sets}")
        noun = "hold" if block.is_hold else "rep"
        working = snap.phase is WorkoutPhase.WORK
        colour = _RING_COLOURS.get(snap.phase, "#2b7bd9")
        if working:
            self.rep_counter.setText(f"{noun} {snap.count} / {snap.target}")
            self.side_label.setText(f"{block.side.capitalize()} leg working")
            word = "Hold" if snap.holding else ("Lift" if block.is_hold else "Go")
            self.phase_label.setText(word)
        else:
            self.rep_counter.setText(_PHASE_WORDS[snap.phase])
            self.side_label.setText(f"then {block.side} leg, {block.target} {noun}s")
            self.phase_label.setText("")
        if snap.paused:
            self.phase_label.setText("Paused — Space to go on")
        if not working or snap.holding:
            self.ring.set_value(snap.remaining_s, snap.countdown_total_s, colour)
        elif block.is_hold:
            self.ring.set_value(None, None)  # lifting into the hold
        else:
            left = snap.target - snap.count
            self.ring.set_value(left, snap.target, colour, number=str(left), caption="to go")
        self.next_label.setText(self._next_text(snap))
        self._show_cues(block)
        self._drive_figure(block, snap.time_in_rep if working else 0.0)
        for key in ("doneEarly", "minus", "plus"):
            self.buttons[key].setEnabled(working)

    def _next_text(self, snap: Snapshot) -> str:
        current = snap.block
        if snap.phase is not WorkoutPhase.WORK:
            return ""
        upcoming = snap.next_block
        if upcoming is None:
            return "Last set, then you are done."
        if current is not None and upcoming.item_index == current.item_index:
            return f"Next: set {upcoming.set_no} / {upcoming.item.sets}, {upcoming.side} leg"
        name, variation = self._names(upcoming)
        return f"Next: {name} ({variation})"

    def _show_cues(self, block: WorkBlock) -> None:
        exercise = self.catalog.exercise(block.item.exercise_id)
        cues = exercise.cues_for(block.item.variation_id)
        items = "".join(f"<li>{cue}</li>" for cue in cues)
        text = f"<ul style='margin: 0'>{items}</ul>"
        if self.cues_label.text() != text:
            self.cues_label.setText(text)

    def _drive_figure(self, block: WorkBlock, t_in_rep: float) -> None:
        demo = (block.item.exercise_id, block.item.variation_id, block.side)
        figure = self.figure
        if demo != self._shown_demo:
            self._shown_demo = demo
            figure.set_demo(*demo)
            figure.pause()  # the session's clock drives it, never its own timer
            uses_band = self.catalog.exercise(demo[0]).variation(demo[1]).uses_band
            figure.set_band_level(block.item.band if uses_band else None)
            figure.set_rep_seconds(block.rep_s)
        figure.show_time(t_in_rep)

    def _show_done(self, snap: Snapshot) -> None:
        self.title.setText("Workout finished")
        self.phase_label.setText("Done")
        self.rep_counter.setText("Well done")
        self.set_counter.setText("")
        self.side_label.setText("")
        self.next_label.setText("")
        self.ring.set_value(None, None)

    # ----- keys -----
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        actions = {
            Qt.Key.Key_Space: self.toggle_pause,
            Qt.Key.Key_Right: self.skip,
            Qt.Key.Key_Left: self.back,
            Qt.Key.Key_Plus: lambda: self.adjust(+1),
            Qt.Key.Key_Equal: lambda: self.adjust(+1),  # "+" without Shift
            Qt.Key.Key_Minus: lambda: self.adjust(-1),
            Qt.Key.Key_F: self.toggle_full,
        }
        if key == Qt.Key.Key_Escape:
            if self.across_room:
                self.set_across_room(False)  # first Esc leaves full screen only
            else:
                self.request_leave()
            return
        action = actions.get(Qt.Key(key))
        if action is None:
            super().keyPressEvent(event)
            return
        action()
