"""Results of one stance test: best/mean per side, symmetry, norm, markers, change."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from glutemed.stance.results import StanceResults
from glutemed.stance.scoring import SideSummary, fmt_s


def _section(title: str, parent: QWidget) -> QLabel:
    label = QLabel(title, parent)
    label.setStyleSheet("font-size: 16px; font-weight: bold; padding-top: 12px;")
    label.setIndent(0)
    return label


def _text(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("font-size: 14px;")
    label.setIndent(0)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StanceResultsView(QWidget):
    """Shows a StanceResults; `done_clicked` goes back to the test list."""

    done_clicked = Signal()
    save_video_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stanceResultsView")
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)

        self.title = _text("resultsTitle", body)
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout.addWidget(self.title)

        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        for col, heading in enumerate(("", "Left leg", "Right leg")):
            head = QLabel(heading, body)
            head.setStyleSheet("font-weight: bold;")
            grid.addWidget(head, 0, col)
        self.cells: dict[str, QLabel] = {}
        for row, (key, label) in enumerate(
            (("best", "Best"), ("mean", "Mean"), ("trials", "Trials")), start=1
        ):
            grid.addWidget(QLabel(label, body), row, 0)
            for col, side in enumerate(("left", "right"), start=1):
                cell = _text(f"{side}{key.capitalize()}", body)
                if key == "best":
                    cell.setStyleSheet("font-size: 28px; font-weight: bold;")
                self.cells[f"{side}_{key}"] = cell
                grid.addWidget(cell, row, col)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)

        self.symmetry = _text("symmetryValue", body)
        self.symmetry.setStyleSheet("font-size: 16px;")
        layout.addWidget(self.symmetry)

        layout.addWidget(_section("Compared with others your age", body))
        self.norm = _text("normText", body)
        layout.addWidget(self.norm)

        self.markers_title = _section("Worth knowing", body)
        layout.addWidget(self.markers_title)
        self.markers = _text("markersText", body)
        layout.addWidget(self.markers)

        layout.addWidget(_section("Pelvis and trunk", body))
        self.pelvis = _text("pelvisText", body)
        layout.addWidget(self.pelvis)

        layout.addWidget(_section("Since your last test", body))
        self.change = _text("changeText", body)
        layout.addWidget(self.change)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.video_note = _text("resultsVideoNote", self)
        buttons.addWidget(self.video_note, 1)
        self.save_video_button = QPushButton("Save the test as a video…", self)
        self.save_video_button.setObjectName("saveTestVideoButton")
        self.save_video_button.setToolTip(
            "Write the pictures of every trial to one video file in a folder you choose. "
            "They stay in memory until you go back, and are saved only if you ask."
        )
        self.save_video_button.clicked.connect(self.save_video_clicked)
        self.save_video_button.setVisible(False)
        buttons.addWidget(self.save_video_button)
        self.done_button = QPushButton("Back to stance tests", self)
        self.done_button.setObjectName("resultsDoneButton")
        buttons.addWidget(self.done_button)
        outer.addLayout(buttons)
        self.done_button.clicked.connect(self.done_clicked)

    def show_results(
        self, results: StanceResults, taken_at: datetime, *, stopped_early: bool = False
    ) -> None:
        summary = results.summary
        when = taken_at.astimezone().strftime("%a %d %b %Y, %H:%M")
        title = f"Stance test, eyes {summary.eyes}, {when}"
        if stopped_early:
            title += " (stopped early)"
        self.title.setText(title)
        for side in ("left", "right"):
            self._fill_side(side, summary.side(side), summary.cap_s)

        pct = summary.symmetry_pct
        if pct is None:
            self.symmetry.setText("Symmetry: needs a time on both legs.")
        else:
            weaker = summary.weaker_side
            tail = f"; your {weaker} leg held for less time" if weaker else ""
            self.symmetry.setText(
                f"Symmetry: <b>{pct:.0f}%</b> (shorter best ÷ longer best × 100){tail}."
            )

        self.norm.setText(self._norm_text(results))
        self.markers.setText("\n\n".join(m.text for m in results.markers))
        self.markers_title.setVisible(bool(results.markers))
        self.markers.setVisible(bool(results.markers))
        self.pelvis.setText("\n\n".join(results.pelvis))
        self.change.setText(results.change_text())
        self.done_button.setFocus()

    def offer_video(self, shown: bool, enabled: bool) -> None:
        """The camera test just run can be saved as a video (hidden for older tests)."""
        self.save_video_button.setVisible(shown)
        self.save_video_button.setEnabled(enabled)
        if not shown:
            self.video_note.clear()

    def _fill_side(self, side: str, result: SideSummary | None, cap_s: float) -> None:
        if result is None:
            for key in ("best", "mean", "trials"):
                self.cells[f"{side}_{key}"].setText("–")
            return
        capped = " (limit)" if result.best >= cap_s else ""
        self.cells[f"{side}_best"].setText(f"{fmt_s(result.best)} s{capped}")
        self.cells[f"{side}_mean"].setText(f"{fmt_s(result.mean)} s")
        self.cells[f"{side}_trials"].setText(str(result.count))

    @staticmethod
    def _norm_text(results: StanceResults) -> str:
        return results.norm_text()
