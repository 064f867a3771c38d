from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.ui.common.events import DataEvents
from glutemed.ui.exercises.page import ExercisesPage


def make_page(qtbot, ask_path=lambda suggested: "") -> ExercisesPage:
    page = ExercisesPage(load_catalog(), DataEvents(), FakeClock(), ask_path=ask_path)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def test_variation_and_side_change_the_figure_at_once(qtbot) -> None:
    page = make_page(qtbot)
    page.select("clamshell", "reverse_band")
    exercise, variation, side, band = page.player.figure.demo()
    assert (exercise, variation, side) == ("clamshell", "reverse_band", "right")
    assert band == "red" and page.band_combo.isVisibleTo(page)
    page.band_combo.setCurrentIndex(page.band_combo.findData("blue"))
    assert page.player.figure.demo()[3] == "blue"
    page.player.side_combo.setCurrentIndex(page.player.side_combo.findData("left"))
    assert page.player.figure.demo()[2] == "left"
    page.select("side_plank_abduction", "higher")
    assert page.player.figure.demo()[:3] == ("side_plank_abduction", "higher", "left")
    assert page.player.figure.demo()[3] is None and not page.band_combo.isVisibleTo(page)


def test_save_as_gif_writes_an_animation(qtbot, tmp_path: Path) -> None:
    target = tmp_path / "demo"
    events_seen: list[str] = []
    page = make_page(qtbot, ask_path=lambda suggested: str(target))
    page.events.status_message.connect(events_seen.append)
    page.select("fire_hydrant", "extension")
    qtbot.mouseClick(page.player.save_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "demo.gif"
    with Image.open(written) as image:
        assert image.is_animated and image.n_frames > 10
    assert events_seen[-1] == f"Demo saved to {written}"


def test_cancelled_save_writes_nothing(qtbot, tmp_path: Path) -> None:
    page = make_page(qtbot)
    page.save_gif()
    assert list(tmp_path.iterdir()) == []


def test_save_dialogs_start_in_the_folder_used_last(
    qtbot, tmp_path: Path, store, monkeypatch
) -> None:
    from glutemed.ops.save_folder import SaveFolder

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    asked: list[str] = []
    chosen = tmp_path / "exports"
    chosen.mkdir()

    def ask(suggested: str) -> str:
        asked.append(suggested)
        return str(chosen / "mine.gif")

    page = ExercisesPage(
        load_catalog(), DataEvents(), FakeClock(), ask_path=ask, save_folder=SaveFolder(store)
    )
    qtbot.addWidget(page)
    page.select("fire_hydrant")
    page.save_gif()
    page.save_gif()
    assert Path(asked[0]).parent == tmp_path / "home"  # first time: the home folder
    assert Path(asked[1]).parent == chosen  # then where the last file went
    # The same remembered folder is what the report and graph dialogs start in.
    assert Path(SaveFolder(store).suggest("glutemed-report.pdf")).parent == chosen


def test_reverse_clam_text_does_not_contradict_itself(qtbot) -> None:
    page = make_page(qtbot)
    page.select("clamshell", "reverse")
    text = page.details.text().lower()
    assert "only the foot travels" in text
    assert "heels touching" not in text and "heels come apart" not in text
    page.select("clamshell", "standard")
    assert "heels come apart" in page.details.text().lower()


def test_demo_controls_stay_put_when_play_and_pause_swap(qtbot) -> None:
    page = make_page(qtbot)
    player = page.player
    qtbot.waitExposed(page)

    def settle() -> None:
        for _ in range(3):  # let the layouts run
            QApplication.sendPostedEvents()
            QApplication.processEvents()

    settle()
    before = player.step_button.geometry()
    qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)
    assert player.play_button.text() == "Play"
    settle()
    assert player.step_button.geometry() == before
