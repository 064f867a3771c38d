"""Exercises: the five exercises with every variation, cues, dose and evidence, beside the demo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from glutemed.catalog import Catalog, Exercise
from glutemed.domain.clock import Clock
from glutemed.ui.common.enum_props import set_enum_props
from glutemed.ui.common.events import DataEvents

if TYPE_CHECKING:
    from glutemed.ops.save_folder import SaveFolder
    from glutemed.ui.exercises.demo_player import DemoPlayer

AskPath = Callable[[str], str]


def ask_gif_path(suggested: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(
        None, "Save the demo as a GIF", suggested, "Animated GIF (*.gif);;PNG picture (*.png)"
    )
    return path


def escape(text: str) -> str:
    """Plain text made safe inside rich text (the `html` module costs ~3 ms to import)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bullets(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def dose_text(exercise: Exercise) -> str:
    dose = exercise.dose
    if dose.hold_s is not None:
        count = f"{dose.reps} holds of {dose.hold_s:g} s" if dose.reps else f"{dose.hold_s:g} s"
        main = f"{dose.sets} × {count} per side"
    else:
        main = f"{dose.sets} sets × {dose.reps} reps per side"
    return f"{main}, {dose.rest_s:g} s rest"


def exercise_html(exercise: Exercise, variation_id: str) -> str:
    variation = exercise.variation(variation_id)
    source = f" <i>({escape(exercise.evidence_source)})</i>" if exercise.evidence_source else ""
    return (
        f"<p><b>Works:</b> {escape(exercise.targets)}</p>"
        f"<p><b>This version:</b> {escape(variation.summary)}</p>"
        f"<h3>Set-up</h3><p>{escape(exercise.setup)}</p>"
        f"<h3>How to do it</h3>{_bullets(exercise.cues_for(variation_id))}"
        f"<h3>Watch out for</h3>{_bullets(exercise.mistakes_for(variation_id))}"
        f"<h3>You need</h3><p>{escape(', '.join(exercise.equipment))}</p>"
        f"<h3>Starting dose</h3><p>{escape(dose_text(exercise))}. "
        f"{escape(exercise.dose_note)}</p>"
        f"<h3>How hard it works the muscle</h3><p>{escape(exercise.evidence)}{source}</p>"
    )


# Below this page width the text goes under the figure and the list narrows.
NARROW_PAGE = 860
WIDE_LIST, NARROW_LIST = 260, 170


class ExercisesPage(QWidget):
    """Pick an exercise on the left; read it and watch the demo on the right."""

    def __init__(
        self,
        catalog: Catalog,
        events: DataEvents,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        *,
        ask_path: AskPath = ask_gif_path,
        save_folder: SaveFolder | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exercisesPage")
        self.catalog, self.events, self._ask_path = catalog, events, ask_path
        self.save_folder = save_folder

        self.exercise_list = QListWidget()
        self.exercise_list.setObjectName("exerciseList")
        for exercise in catalog.exercises:
            self.exercise_list.addItem(QListWidgetItem(exercise.name))
        self.exercise_list.setMinimumWidth(NARROW_LIST)  # narrows with the window
        self.exercise_list.setMaximumWidth(WIDE_LIST)
        self.exercise_list.setWordWrap(True)
        # Long names wrap onto a second line rather than end in "..." on a narrow list.
        set_enum_props(
            self.exercise_list,
            horizontalScrollBarPolicy="ScrollBarAlwaysOff",
            textElideMode="ElideNone",
        )

        self.title = QLabel()
        self.title.setObjectName("exerciseTitle")
        self.title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.variation_combo = QComboBox()
        self.variation_combo.setObjectName("variationCombo")
        self.band_combo = QComboBox()
        self.band_combo.setObjectName("bandCombo")
        self.band_combo.setToolTip("Band strength, light to heavy: the band is drawn in its colour")
        for level in catalog.band_levels:
            self.band_combo.addItem(level.name, level.id)
        self.band_combo.setCurrentIndex(max(self.band_combo.findData("red"), 0))

        # The demo (motion maths, painter, ~0.15 s) is built right after the page first
        # paints, so the window appears at once; whatever needs it sooner builds it then.
        self._clock = clock
        self._player: DemoPlayer | None = None
        self.figure_slot = QFrame()
        self.figure_slot.setObjectName("figureSlot")
        self.figure_slot.setMinimumSize(300, 240)
        self._slot_layout = QVBoxLayout(self.figure_slot)
        self._slot_layout.setContentsMargins(0, 0, 0, 0)

        self.details = QLabel()
        self.details.setObjectName("exerciseDetails")
        self.details.setWordWrap(True)
        set_enum_props(
            self.details,
            textFormat="RichText",
            alignment="AlignTop|AlignLeft",
            textInteractionFlags="TextSelectableByMouse",
        )
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)
        scroll.setMinimumSize(220, 120)
        set_enum_props(scroll, horizontalScrollBarPolicy="ScrollBarAlwaysOff")

        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel("Variation:"))
        choice_row.addWidget(self.variation_combo, 1)
        self.band_label = QLabel("Band:")
        choice_row.addWidget(self.band_label)
        choice_row.addWidget(self.band_combo)

        # Text beside the figure on a wide page, below it on a narrow one. The minimum is
        # the narrow layout's, so the window can shrink into it.
        self.splitter = splitter = QSplitter()
        splitter.setObjectName("exerciseSplitter")
        splitter.addWidget(self.figure_slot)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 360])
        splitter.setMinimumSize(300, 380)
        self._narrow = False

        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addLayout(choice_row)
        right.addWidget(splitter, 1)

        layout = QHBoxLayout(self)
        layout.addWidget(self.exercise_list)
        layout.addLayout(right, 1)

        self.exercise_list.currentRowChanged.connect(self._on_exercise_changed)
        self.variation_combo.currentIndexChanged.connect(self._on_variation_changed)
        self.band_combo.currentIndexChanged.connect(self._update_demo)
        self.exercise_list.setCurrentRow(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = self.width() < NARROW_PAGE
        if narrow != self._narrow:
            self._narrow = narrow
            set_enum_props(self.splitter, orientation="Vertical" if narrow else "Horizontal")
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 3 // 5, total * 2 // 5])

    def current_exercise(self) -> Exercise:
        return self.catalog.exercises[max(self.exercise_list.currentRow(), 0)]

    def current_variation_id(self) -> str:
        return str(self.variation_combo.currentData() or "standard")

    @property
    def player(self) -> DemoPlayer:
        if self._player is None:
            from glutemed.ui.exercises.demo_player import DemoPlayer

            self._player = DemoPlayer(clock=self._clock)
            self._player.save_gif_requested.connect(self.save_gif)
            self._slot_layout.addWidget(self._player)
            self._update_demo()
        return self._player

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._player is None:
            QTimer.singleShot(0, self._build_player)

    def _build_player(self) -> None:
        _ = self.player

    def current_side(self) -> str:
        return self.player.side() if self._player is not None else "right"

    def select(self, exercise_id: str, variation_id: str | None = None) -> None:
        ids = [e.id for e in self.catalog.exercises]
        self.exercise_list.setCurrentRow(ids.index(exercise_id))
        if variation_id is not None:
            index = self.variation_combo.findData(variation_id)
            if index < 0:
                raise KeyError(variation_id)
            self.variation_combo.setCurrentIndex(index)

    def _on_exercise_changed(self, row: int) -> None:
        if row < 0:
            return
        exercise = self.catalog.exercises[row]
        self.title.setText(exercise.name)
        self.variation_combo.blockSignals(True)
        self.variation_combo.clear()
        for variation in exercise.variations:
            self.variation_combo.addItem(variation.name, variation.id)
        self.variation_combo.blockSignals(False)
        self._on_variation_changed()

    def _on_variation_changed(self) -> None:
        exercise = self.current_exercise()
        self.details.setText(exercise_html(exercise, self.current_variation_id()))
        self._update_demo()

    def _update_demo(self) -> None:
        exercise = self.current_exercise()
        uses_band = exercise.variation(self.current_variation_id()).uses_band
        self.band_combo.setVisible(uses_band)
        self.band_label.setVisible(uses_band)
        if self._player is None:
            return  # the player shows the current choice when it is built
        self._player.figure.set_band_level(
            str(self.band_combo.currentData()) if uses_band else None
        )
        self._player.set_demo(exercise.id, self.current_variation_id())

    def save_gif(self) -> None:
        exercise, variation = self.current_exercise(), self.current_variation_id()
        name = f"{exercise.id}-{variation}-{self.current_side()}.gif"
        suggested = (
            str(Path.home() / name) if self.save_folder is None else self.save_folder.suggest(name)
        )
        path = self._ask_path(suggested)
        if not path:
            return
        if not path.lower().endswith((".gif", ".png")):
            path += ".gif"
        from PySide6.QtCore import Qt

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.player.save_gif(path)
        except (OSError, ValueError) as exc:
            self.events.status_message.emit(f"Could not save the demo: {exc}")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.save_folder is not None:
            self.save_folder.remember(path)
        self.events.status_message.emit(f"Demo saved to {path}")
