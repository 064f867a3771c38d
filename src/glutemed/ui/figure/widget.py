"""FigureWidget: the animated stick-figure demo of one exercise.

Progress comes from elapsed clock time; the QTimer only asks for repaints, so a slow
frame never slows the exercise down. An owner (the workout player) can instead drive
the figure with show_time() to keep it in step with its own clock.

Nobody watching costs nothing: the repaint timer runs only while the figure can be seen
(SeenWatch), and a demo left looping untouched for AUTO_PAUSE_S pauses itself and offers
a big play button. Solved frames are kept per demo (FrameGrid), so after the first loop a
frame costs little more than its painting, and a still pose is not painted again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from glutemed.domain.clock import Clock, MonotonicClock
from glutemed.motion import Animation, Camera, load_animation, view_angles
from glutemed.motion.animation import Frame
from glutemed.motion.frame_grid import FrameGrid
from glutemed.render.figure.painter import FigurePainter, Fit, fit_for
from glutemed.render.figure.style import style_for
from glutemed.ui.common.seen_watch import SeenWatch
from glutemed.ui.common.theme import is_dark
from glutemed.ui.figure.region import FigureRegion
from glutemed.ui.figure.resume_button import ResumeButton

FRAME_INTERVAL_MS = 16  # ~60 Hz repaint requests
AUTO_PAUSE_S = 120.0  # a demo looping this long untouched pauses itself
STEP_S = 1.0 / 30.0  # one "step frame" of demo time
ORBIT_DEG_PER_PX = 0.4
MIN_SPEED, MAX_SPEED = 0.5, 2.0


class FigureWidget(QWidget):
    rep_completed = Signal(int)  # total reps completed since the demo (re)started
    phase_changed = Signal(str)
    playing_changed = Signal(bool)
    auto_paused = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        clock: Clock | None = None,
        loader: Callable[[str], Animation] = load_animation,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("figureWidget")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAccessibleName("Exercise demonstration")
        self._clock: Clock = clock or MonotonicClock()
        self._loader = loader
        self._cache: dict[str, Animation] = {}
        self._painter = FigurePainter(style_for(is_dark()))
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh)
        self._anim: Animation | None = None
        self._variation = ""
        self._side = "right"
        self._fit: Fit | None = None
        self._band_level: str | None = None
        self._view = "best"
        self._orbit = (0.0, 0.0)
        self._drag_from: QPointF | None = None
        self._speed = 1.0
        self._loop = True
        self._playing = False
        self._external = False
        # Demo time (seconds of rep time at tempo 1) = _base + elapsed clock * speed.
        self._base = 0.0
        self._started = 0.0
        self._reps_seen = 0
        self._phase = ""
        self._owner_rep_s: float | None = None  # an owner's rep length (tempo, holds)
        self._frames: FrameGrid | None = None  # the shown demo's solved frames
        self._painted: Frame | None = None  # what is on screen now
        self._painted_box: QRect | None = None  # where it is
        self._region = FigureRegion()
        # What refresh() asked to paint next, and its box (worked out once per frame).
        self._due: tuple[Frame, QRect] | None = None
        self._touched = self._clock.now()  # last interaction, for the auto-pause
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # we paint every pixel
        self.resume_button = ResumeButton(self)
        self.resume_button.clicked.connect(self.play)
        self._watch = SeenWatch(self)
        self._watch.changed.connect(self._seen_changed)

    # --- what to show -------------------------------------------------------------
    def set_demo(
        self, exercise_id: str, variation_id: str = "standard", side: str = "right"
    ) -> None:
        """Show an exercise at once; unknown ids raise ValueError listing the valid ones."""
        anim = self._cache.get(exercise_id)
        if anim is None:
            anim = self._cache[exercise_id] = self._loader(exercise_id)
        anim.variation(variation_id)  # validates
        if side not in ("right", "left"):
            raise ValueError(f"unknown side {side!r} (valid: right, left)")
        self._anim, self._variation, self._side = anim, variation_id, side
        self._fit = fit_for(anim, variation_id, side)
        self._frames = FrameGrid(anim, variation_id, side)
        self._painted = self._due = None
        self.touch()
        self._restart()

    def set_side(self, side: str) -> None:
        if self._anim is not None:
            self.set_demo(self._anim.exercise_id, self._variation, side)

    def set_band_level(self, level: str | None) -> None:
        bands = self._painter.bands
        if level is not None and level not in bands:
            raise ValueError(f"unknown band {level!r} (valid: {', '.join(bands)})")
        self._band_level = level
        self.touch()
        self.update()

    def set_view(self, name: str) -> None:
        view_angles(name, (0.0, 0.0))  # validates the name
        self._view = name
        self._orbit = (0.0, 0.0)
        self.touch()
        self.update()

    def reset_view(self) -> None:
        self._orbit = (0.0, 0.0)
        self.touch()
        self.update()

    def touch(self) -> None:
        """Note a user's interaction: the auto-pause counts from the last one."""
        self._touched = self._clock.now()

    # --- playback -----------------------------------------------------------------
    def play(self) -> None:
        if self._anim is None or self._playing:
            return
        if not self._loop and self._base >= self._rep_length():
            self._base = 0.0  # a finished single rep plays again from the start
            self._reps_seen = 0
        self._external = False
        self._started = self._clock.now()
        self._playing = True
        self.touch()
        self.resume_button.hide()
        if self._watch.is_seen():
            self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if not self._playing:
            return
        self._base = self.demo_time()
        self._playing = False
        self._due = None
        self._timer.stop()
        self.playing_changed.emit(False)
        self.update()

    def toggle(self) -> None:
        self.pause() if self._playing else self.play()

    def step(self) -> None:
        """Pause and move one frame on."""
        self.pause()
        self.resume_button.hide()
        self._base += STEP_S
        self._check_progress()
        self.update()

    def set_speed(self, speed: float) -> None:
        if not MIN_SPEED <= speed <= MAX_SPEED:
            raise ValueError(f"speed must be between {MIN_SPEED} and {MAX_SPEED}, got {speed}")
        self._base = self.demo_time()
        self._started = self._clock.now()
        self._speed = speed
        self.touch()

    def set_loop(self, loop: bool) -> None:
        self._loop = loop
        self.touch()

    def set_rep_seconds(self, seconds: float | None) -> None:
        """Make one owner rep of *seconds* span one demo rep in `show_time` (tempo, holds)."""
        self._owner_rep_s = seconds if seconds and seconds > 0 else None

    def show_time(self, t_in_rep: float) -> None:
        """Show the pose *t_in_rep* seconds into the rep; the owner's clock drives us.

        Each time the shown time wraps back to the start of a rep, one rep is complete and
        rep_completed is emitted, so an owner's counter and the figure agree."""
        if self._playing:
            self.pause()
        self._external = True
        self._due = None
        t = max(0.0, t_in_rep)
        if self._owner_rep_s is not None:
            t = t / self._owner_rep_s * self._rep_length()
        wrapped = t + 1e-6 < self._base
        self._base = t
        if wrapped:
            self._reps_seen += 1
            self.rep_completed.emit(self._reps_seen)
        if self._anim is not None:
            phase, _ = self._anim.phase_at(self._variation, t)
            if phase != self._phase:
                self._phase = phase
                self.phase_changed.emit(phase)
        self.update()

    # --- state for owners and tests -------------------------------------------------
    def demo_time(self) -> float:
        """Seconds of rep time shown now (grows across reps)."""
        if not self._playing:
            return self._base
        t = self._base + (self._clock.now() - self._started) * self._speed
        if not self._loop:
            t = min(t, self._rep_length())
        return t

    def is_playing(self) -> bool:
        return self._playing

    def speed(self) -> float:
        return self._speed

    def side(self) -> str:
        return self._side

    def camera_angles(self) -> tuple[float, float]:
        if self._anim is not None:
            yaw, pitch = self._anim.camera_angles(self._view, self._side, self._variation)
        else:
            yaw, pitch = view_angles(self._view, (0.0, 0.0), self._side)
        return yaw + self._orbit[0], max(-10.0, min(90.0, pitch + self._orbit[1]))

    def demo(self) -> tuple[str, str, str, str | None]:
        """(exercise id, variation id, side, band level) shown now; "" before set_demo."""
        exercise = self._anim.exercise_id if self._anim else ""
        return exercise, self._variation, self._side, self._band_level

    def current_phase(self) -> str:
        return self._phase

    def peak_time(self) -> float:
        """Seconds into the rep of the pose furthest from the start (0 before set_demo)."""
        return self._anim.peak_time(self._variation) if self._anim else 0.0

    def rep_duration(self) -> float:
        return self._rep_length() / self._speed

    # --- internals ------------------------------------------------------------------
    def _rep_length(self) -> float:
        return self._anim.rep_duration(self._variation) if self._anim else 1.0

    def _restart(self) -> None:
        self._due = None
        self._base = 0.0
        self._started = self._clock.now()
        self._reps_seen = 0
        self._phase = ""
        self._check_progress()
        self.update()

    def refresh(self) -> None:
        """Catch up with the clock (signals for passed reps and phases) and repaint."""
        self._check_progress()
        if self._playing and not self._loop and self.demo_time() >= self._rep_length():
            self.pause()
        elif self._playing and self._clock.now() - self._touched >= AUTO_PAUSE_S:
            self.pause()
            self.resume_button.show()
            self.resume_button.raise_()
            self.auto_paused.emit()
        if self._anim is None:
            return
        frame = self._frame_at(self.demo_time())
        if not self._same_as_painted(frame):  # a still pose (a hold) is not painted again
            box = self._box(frame)
            self._due = (frame, box)  # paintEvent follows at once: no need to blend it twice
            old = self._painted_box
            self.update(box.united(old) if old is not None else self.rect())

    def _box(self, frame: Frame) -> QRect:
        assert self._fit is not None
        camera = Camera(*self.camera_angles())
        return self._region.box(frame, self._fit, camera, self.width(), self.height())

    def _same_as_painted(self, frame: Frame) -> bool:
        shown = self._painted
        return shown is not None and (frame is shown or self._region.looks_the_same(shown, frame))

    def _frame_at(self, t: float) -> Frame:
        assert self._frames is not None
        return self._frames.frame(t)

    def _seen_changed(self, seen: bool) -> None:
        if not seen:
            self._timer.stop()  # time keeps flowing from the clock; no need to repaint
            return
        if self._playing:
            self.touch()  # coming back counts as interest: loop a full while again
            self._timer.start()
        self.update()

    def _check_progress(self) -> None:
        if self._anim is None or self._external:
            return
        phase, rep = self._anim.phase_at(self._variation, self.demo_time())
        if not self._loop:
            rep = min(rep, 1)
        while self._reps_seen < rep:
            self._reps_seen += 1
            self.rep_completed.emit(self._reps_seen)
        if phase != self._phase:
            self._phase = phase
            self.phase_changed.emit(phase)

    # --- Qt events --------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(480, 400)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        if self._anim is None or self._fit is None:
            painter.fillRect(rect, self.palette().window())
            painter.end()
            return
        if self._due is None:
            frame = self._frame_at(self.demo_time())
            self._due = (frame, self._box(frame))
        (frame, box), self._due = self._due, None
        self._painted, self._painted_box = frame, box
        self._painter.paint(
            painter,
            rect,
            frame,
            Camera(*self.camera_angles()),
            self._fit,
            self._band_level,
            self._anim.both_glutes,
        )
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        # Follow the window's light/dark theme as it changes (not asked at every frame).
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._follow_theme()
        super().changeEvent(event)

    def _follow_theme(self) -> None:
        style = style_for(is_dark())
        if self._painter.style is not style:
            self._painter.set_style(style)
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.resume_button.centre_in(self.size())
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.touch()
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is None:
            return
        delta = event.position() - self._drag_from
        self._drag_from = event.position()
        yaw, pitch = self._orbit
        if self._anim is not None:
            base_pitch = self._anim.camera_angles(self._view, self._side, self._variation)[1]
        else:
            base_pitch = view_angles(self._view, (0.0, 0.0), self._side)[1]
        # Keep the offset inside what can be shown so dragging back responds at once.
        pitch = max(
            -10.0 - base_pitch, min(90.0 - base_pitch, pitch + delta.y() * ORBIT_DEG_PER_PX)
        )
        self._orbit = (yaw - delta.x() * ORBIT_DEG_PER_PX, pitch)
        self.touch()
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None
        self.unsetCursor()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.reset_view()
