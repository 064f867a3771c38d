"""Settings: the profile and preferences, and the data file (location, backup now)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from glutemed.catalog import Catalog, load_catalog
from glutemed.domain.localtz import local_now, local_today
from glutemed.domain.rules import CAP_CHOICES, DEFAULT_CAP_S, REP_TEMPO
from glutemed.ops import Store
from glutemed.ops.changes import DATA_ERRORS
from glutemed.ops.data import back_up
from glutemed.ops.profile import load_profile, save_profile
from glutemed.ops.screen_ops import answer_screen, screen_answers
from glutemed.ui.common.announcer import Announcer
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.theme import apply_theme
from glutemed.ui.settings.safety_screen_dialog import ask_screen

NO_YEAR = 1899


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for label, value in items:
        combo.addItem(label, value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class SettingsPage(QWidget):
    """Every change is saved at once; there is no separate Save step to forget."""

    def __init__(
        self,
        store: Store,
        events: DataEvents,
        parent: QWidget | None = None,
        *,
        catalog: Catalog | None = None,
        ask_safety: Callable[[Mapping[str, bool] | None], dict[str, bool] | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.store, self.events = store, events
        self._catalog = catalog
        self.ask_safety = ask_safety or (lambda current: ask_screen(self, current))
        self.announcer = Announcer(events)

        self.birth_year = QSpinBox()
        self.birth_year.setObjectName("birthYear")
        self.birth_year.setRange(NO_YEAR, local_today().year)
        self.birth_year.setSpecialValueText("Not set")
        self.side_order = _combo(
            "sideOrder", [("Left side first", "left_first"), ("Right side first", "right_first")]
        )
        self.stance_cap = _combo(
            "stanceCap",
            [
                (f"{cap:g} seconds" + (" (standard)" if cap == DEFAULT_CAP_S else ""), cap)
                for cap in CAP_CHOICES
            ],
        )
        self.sound = _combo(
            "soundMode", [("Beeps", "beeps"), ("Spoken cues", "voice"), ("Silent", "silent")]
        )
        self.theme = _combo(
            "themeMode", [("Follow the system", "system"), ("Light", "light"), ("Dark", "dark")]
        )
        self.tempo = QDoubleSpinBox()
        self.tempo.setObjectName("repTempo")
        self.tempo.setRange(REP_TEMPO.low, REP_TEMPO.high)
        self.tempo.setSingleStep(0.25)
        self.tempo.setSuffix(" × demo length")
        self.tempo.setToolTip("Longer than 1 means slower repetitions")

        profile_box = QGroupBox("You and your sessions")
        form = QFormLayout(profile_box)
        form.addRow("Year of birth (for age norms):", self.birth_year)
        form.addRow("Which side first:", self.side_order)
        form.addRow("Stance test time limit:", self.stance_cap)
        form.addRow("Sound cues:", self.sound)
        form.addRow("Appearance:", self.theme)
        form.addRow("Repetition speed:", self.tempo)

        data_box = QGroupBox("Your data")
        data_layout = QVBoxLayout(data_box)
        self.data_path = QLabel(
            f"Stored in <code>{store.path}</code><br>Daily backups in "
            f"<code>{store.backups_dir}</code>"
        )
        self.data_path.setObjectName("dataPath")
        self.data_path.setWordWrap(True)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton("Back up now")
        self.backup_button.setObjectName("backupButton")
        self.open_folder_button = QPushButton("Open data folder")
        self.open_folder_button.setObjectName("openDataFolderButton")
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        data_layout.addWidget(self.data_path)
        data_layout.addLayout(buttons)

        column = QWidget()
        column.setMaximumWidth(760)  # long fields are hard to read on a wide window
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(QLabel("<h1>Settings</h1>"))
        inner.addWidget(profile_box)
        inner.addWidget(self._safety_box())
        inner.addWidget(data_box)
        inner.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(column, 1)
        layout.addStretch(0)

        self._load()
        for combo in (self.side_order, self.stance_cap, self.sound, self.theme):
            combo.currentIndexChanged.connect(self._save)
        self.birth_year.valueChanged.connect(self._save)
        self.tempo.valueChanged.connect(self._save)
        self.backup_button.clicked.connect(self.back_up_now)
        events.programme_changed.connect(self._answers_changed)
        self.open_folder_button.clicked.connect(self._open_folder)

    def _load(self) -> None:
        profile = load_profile(self.store)
        self.birth_year.setValue(profile.birth_year or NO_YEAR)
        _select(self.side_order, profile.preferred_side_order)
        _select(self.stance_cap, float(profile.stance_cap_s))
        _select(self.sound, profile.sound)
        _select(self.theme, profile.theme)
        self.tempo.setValue(profile.rep_tempo)

    def _save(self) -> None:
        profile = load_profile(self.store)
        year = self.birth_year.value()
        profile.birth_year = None if year == NO_YEAR else year
        profile.preferred_side_order = str(self.side_order.currentData())
        profile.stance_cap_s = float(self.stance_cap.currentData())
        profile.sound = str(self.sound.currentData())
        profile.theme = str(self.theme.currentData())
        profile.rep_tempo = float(self.tempo.value())
        if self.announcer.attempt("save the settings", lambda: save_profile(self.store, profile)):
            apply_theme(profile.theme)

    def _safety_box(self) -> QGroupBox:
        box = QGroupBox("Safety questions")
        self.safety_summary = QLabel()
        self.safety_summary.setObjectName("safetySummary")
        self.safety_summary.setWordWrap(True)
        self.safety_button = QPushButton("Change answers…")
        self.safety_button.setObjectName("safetyScreenButton")
        self.safety_button.setToolTip("Answer the safety questions again; the plan adapts")
        self.safety_button.clicked.connect(self.change_safety_answers)
        layout = QVBoxLayout(box)
        layout.addWidget(self.safety_summary)
        row = QHBoxLayout()
        row.addWidget(self.safety_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._show_safety(screen_answers(self.store), [])
        return box

    def _show_safety(self, answers: Mapping[str, bool] | None, notes: list[str]) -> None:
        from glutemed.training.screen import QUESTIONS

        if answers is None:
            text = "Not answered yet: you will be asked before your first workout."
        else:
            yes = [q for key, q in QUESTIONS if answers.get(key)]
            text = "You said yes to: " + " ".join(yes) if yes else "You said no to every question."
        self.safety_summary.setText("\n".join([text, *notes]))

    def _answers_changed(self) -> None:
        """The answers may have been given elsewhere (before a first workout)."""
        answers = self.announcer.attempt(
            "read the safety answers", lambda: screen_answers(self.store)
        )
        self._show_safety(answers, [])

    def change_safety_answers(self) -> None:
        answers = self.ask_safety(screen_answers(self.store))
        if answers is None:
            return
        catalog = self._catalog or load_catalog()
        done = self.announcer.attempt(
            "save the safety answers", lambda: answer_screen(self.store, catalog, answers)
        )
        if done is not None:
            self._show_safety(answers, [a.describe() for a in done.adapted.adaptations])

    def back_up_now(self) -> None:
        try:
            done = back_up(self.store, local_now())
        except DATA_ERRORS as exc:  # a full disk, a damaged file: say it, go on
            QMessageBox.warning(self, "Backup not made", f"No backup was made: {exc}.")
            self.events.status_message.emit("Backup not made")
            return
        self.announcer.announce(done.changes)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.store.path.parent)))
