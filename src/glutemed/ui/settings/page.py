"""Settings: the profile and preferences, and the data file (location, backup now)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from glutemed.domain.rules import REP_TEMPO
from glutemed.store import Store
from glutemed.store.backups import take_backup
from glutemed.store.profile import load_profile, save_profile
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.theme import apply_theme

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

    def __init__(self, store: Store, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.store, self.events = store, events

        self.birth_year = QSpinBox()
        self.birth_year.setObjectName("birthYear")
        self.birth_year.setRange(NO_YEAR, date.today().year)
        self.birth_year.setSpecialValueText("Not set")
        self.side_order = _combo(
            "sideOrder", [("Left side first", "left_first"), ("Right side first", "right_first")]
        )
        self.stance_cap = _combo(
            "stanceCap",
            [("30 seconds", 30.0), ("45 seconds (standard)", 45.0), ("60 seconds", 60.0)],
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
        save_profile(self.store, profile)
        apply_theme(profile.theme)
        self.events.profile_changed.emit()
        self.events.status_message.emit("Settings saved")

    def back_up_now(self) -> None:
        path = take_backup(self.store.conn, self.store.backups_dir, "manual", datetime.now())
        self.events.status_message.emit(f"Backup saved to {path}")

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.store.path.parent)))
