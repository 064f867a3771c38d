"""Rating the activities you find hard (Patient-Specific Functional Scale, Stratford 1995)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from glutemed.ops import Store
from glutemed.ops.programme_ops import psfs_due, psfs_entries, record_psfs
from glutemed.training.psfs import MAX_ACTIVITIES, PsfsError, make_entry
from glutemed.ui.common.announcer import Announcer

if TYPE_CHECKING:
    from glutemed.render.graphs.function_graph import FunctionCard


class PsfsDialog(QDialog):
    """Up to three activities, each rated 0 (unable) to 10 (able as before)."""

    def __init__(self, previous: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("psfsDialog")
        self.setWindowTitle("Rate activities")
        intro = QLabel(
            "Name up to three everyday activities your back makes hard, and rate each: "
            "0 = unable to do it, 10 = able to do it as well as before the problem "
            "(Patient-Specific Functional Scale, Stratford et al. 1995). Keep the same "
            "activities each time so the scores can be compared."
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel("Activity"), 0, 0)
        grid.addWidget(QLabel("0-10"), 0, 1)
        self.names: list[QLineEdit] = []
        self.scores: list[QSpinBox] = []
        for row in range(MAX_ACTIVITIES):
            name = QLineEdit(previous[row] if row < len(previous) else "")
            name.setObjectName(f"psfsActivity{row}")
            name.setPlaceholderText("e.g. putting on socks" if row == 0 else "")
            score = QSpinBox()
            score.setObjectName(f"psfsScore{row}")
            score.setRange(0, 10)
            score.setValue(5)
            grid.addWidget(name, row + 1, 0)
            grid.addWidget(score, row + 1, 1)
            self.names.append(name)
            self.scores.append(score)
        self.error = QLabel()
        self.error.setObjectName("psfsError")
        self.error.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("psfsSaveButton")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def ratings(self) -> list[tuple[str, int]]:
        return [
            (name.text(), score.value())
            for name, score in zip(self.names, self.scores, strict=True)
            if name.text().strip()
        ]

    def _check(self) -> None:
        try:
            make_entry(date.today(), self.ratings())
        except PsfsError as exc:
            self.error.setText(f"Please fix: {exc}.")
            return
        self.accept()


class PsfsButton(QPushButton):
    """Opens the rating dialog (not blocking) and saves through the PSFS operation, whose
    change reaches the pages as `programme_changed`."""

    rated = Signal()  # a rating was saved (after the pages heard of it)

    def __init__(
        self,
        store: Store,
        tz: tzinfo,
        now: Callable[[], datetime],
        announcer: Announcer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Rate activities…", parent)
        self.setObjectName("psfsButton")
        self.setToolTip("Rate the activities your back makes hard (every two weeks)")
        self.store, self.tz, self.now, self.announcer = store, tz, now, announcer
        self.dialog: PsfsDialog | None = None
        self.clicked.connect(self.open_dialog)
        self.refresh()

    def refresh(self) -> None:
        today = self.now().astimezone(self.tz).date()
        self.setText(
            "Rate activities (due)…" if psfs_due(self.store, self.tz, today) else "Rate activities…"
        )

    def open_dialog(self) -> PsfsDialog:
        entries = psfs_entries(self.store, self.tz)
        previous = [name for name, _ in entries[-1].ratings] if entries else []
        self.dialog = PsfsDialog(previous, self.window())
        self.dialog.accepted.connect(self._save)
        self.dialog.open()
        return self.dialog

    def _save(self) -> None:
        if self.dialog is None:
            return
        ratings = self.dialog.ratings()
        saved = self.announcer.attempt(
            "save the ratings", lambda: record_psfs(self.store, ratings, self.now())
        )
        if saved is not None:
            self.rated.emit()


def function_card(
    store: Store, tz: tzinfo, button: PsfsButton, scroll: QScrollArea
) -> FunctionCard:
    """The function card (graph, read-out) showing the ratings saved so far, scrolled into
    view after each rating with *button* (it is the last card of *scroll*)."""
    from glutemed.render.graphs.function_graph import FunctionCard  # pyqtgraph: load late

    card = FunctionCard()
    show_ratings(card, store, tz)
    # Once the reload's layout is done, or the card's place is not known yet.
    button.rated.connect(
        lambda: QTimer.singleShot(0, card, lambda: scroll.ensureWidgetVisible(card))
    )
    return card


def show_ratings(card: FunctionCard, store: Store, tz: tzinfo) -> None:
    card.show_entries(psfs_entries(store, tz))
