"""Stance page screenshots in the real main window (offscreen, fake clock).

Run: PYTHONPATH=src python packaging/screenshots_stance.py packaging/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path


def main(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from glutemed.app import create_application

    app = create_application([])
    from glutemed.catalog import load_catalog
    from glutemed.domain.clock import FakeClock
    from glutemed.domain.records import Profile, StanceTrial
    from glutemed.stance.protocol import StancePhase
    from glutemed.store import open_store
    from glutemed.store.profile import save_profile
    from glutemed.store.stance import create_session, save_trial
    from glutemed.ui.common.events import DataEvents
    from glutemed.ui.common.theme import apply_theme
    from glutemed.ui.main_window import MainWindow
    from glutemed.ui.stance.page import StancePage

    store = open_store(Path(tempfile.mkdtemp()))
    save_profile(store, Profile(birth_year=1968, safety_acknowledged=True))
    apply_theme("light")
    earlier = create_session(store, datetime.now(UTC) - timedelta(days=14), "open", 45.0)
    for side, n, s in (("left", 1, 11.2), ("right", 1, 27.0), ("left", 2, 14.0), ("right", 2, 29)):
        save_trial(store, earlier, StanceTrial(side, n, s, "foot_down"))  # type: ignore[arg-type]
    clock = FakeClock()
    window = MainWindow(store, load_catalog(), clock, DataEvents())
    window.resize(1180, 780)
    window.show()
    window.show_page("stance")
    page = window.page("stance")
    assert isinstance(page, StancePage)

    def start_timing(seconds: float) -> None:
        page.start_countdown()
        for _ in range(3):
            clock.advance(1)
            page._on_tick()
        clock.advance(seconds)
        page._on_tick()

    def trial(seconds: float, pelvis: bool = False) -> None:
        start_timing(seconds)
        assert page.protocol is not None
        if page.protocol.phase is StancePhase.TIMING:
            page.stop_by_user()
        page.run.outcome.pelvis_check.setChecked(pelvis)
        page.run.outcome.save_button.click()

    page.setup.start_button.click()
    for seconds, pelvis in ((16.4, True), (31.5, False), (18.2, True), (33.9, False)):
        trial(seconds, pelvis)
    start_timing(23.47)  # left 3, in progress
    app.processEvents()
    window.grab().save(str(out / "stance-timing.png"))
    page.stop_by_user()
    page.run.outcome.pelvis_check.setChecked(True)
    page.run.outcome.save_button.click()
    trial(30.8)
    app.processEvents()
    window.grab().save(str(out / "stance-results.png"))
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
