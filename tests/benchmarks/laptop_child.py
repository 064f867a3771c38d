"""Started by bench_laptop on a real X server (Xvfb + openbox): runs GluteMed, measures, quits.

`python laptop_child.py MODE DATA_DIR SECONDS`; prints `result KEY VALUE` lines.
Modes:
  idle_hidden   the app on Exercises (demo playing), then minimised; process CPU time
  bare_hidden   reference: a bare PySide6 window, minimised the same way
  demo_visible  the app on Exercises with the demo playing in view; process CPU time and
                the figure's paints per second
  bare_visible  reference: a plain widget of the figure's size repainted at the same rate
  progress      a real click (xdotool) on the Progress entry; times to the first useful
                paint (a graph card, or the headline's numbers while pyqtgraph still
                loads), to every card in view painted with the full history, and to
                every card built (those out of view are built after the history)
  all_pages     visits every page, then reads resident memory (VmRSS)
CPU is process time (user + system, every thread), not wall time: the machine is shared.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import time
from pathlib import Path

SETTLE_S = 2.0  # after minimising or showing, before the measured span starts


def cpu_s() -> float:
    return time.process_time()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def result(key: str, value: object) -> None:
    print(f"result {key} {value}", flush=True)


def wait(app: object, seconds: float) -> None:
    """Run the event loop for *seconds* of wall time (no busy waiting)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_until(predicate: object, timeout: float = 10.0) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if predicate():  # type: ignore[operator]
            return True
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.002)
    return False


def start_app(data_dir: str):  # type: ignore[no-untyped-def]
    from glutemed.app import build_window, create_application

    app = create_application(sys.argv[:1])
    window, store = build_window(Path(data_dir))
    window.resize(1280, 820)
    window.show()
    return app, window, store


def measure_span(app: object, seconds: float) -> float:
    """Percent of one core used by this process over *seconds* of wall time."""
    wall0, cpu0 = time.perf_counter(), cpu_s()
    wait(app, seconds)
    return 100 * (cpu_s() - cpu0) / (time.perf_counter() - wall0)


def minimise(window: object) -> bool:
    """Minimise as the window manager does it; True once the window is unmapped."""
    window.showMinimized()  # type: ignore[attr-defined]
    handle = window.windowHandle()  # type: ignore[attr-defined]
    return wait_until(lambda: not handle.isExposed(), 5.0)


def idle_hidden(data_dir: str, seconds: float) -> None:
    app, window, _store = start_app(data_dir)
    window.show_page("exercises")
    wait(app, SETTLE_S)
    playing = window.page("exercises").player.figure.is_playing()
    result("unmapped", minimise(window))
    wait(app, SETTLE_S)
    result("cpu_pct", measure_span(app, seconds))
    result("demo_was_playing", playing)
    window.showNormal()  # back, then away to another virtual desktop
    handle = window.windowHandle()
    assert wait_until(handle.isExposed, 10.0), "the window did not come back"
    wait(app, SETTLE_S)
    subprocess.run(["xdotool", "set_desktop", "1"], check=True)
    result("other_desktop_unmapped", wait_until(lambda: not handle.isExposed(), 5.0))
    wait(app, SETTLE_S)
    result("other_desktop_cpu_pct", measure_span(app, seconds / 2))


def bare_hidden(_data_dir: str, seconds: float) -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    window = QLabel("Hello")
    window.resize(1280, 820)
    window.show()
    wait(app, SETTLE_S)
    result("unmapped", minimise(window))
    wait(app, SETTLE_S)
    result("cpu_pct", measure_span(app, seconds))


class PaintCounter:
    def __init__(self, widget: object) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self.filter = Filter()
        widget.installEventFilter(self.filter)  # type: ignore[attr-defined]


def demo_visible(data_dir: str, seconds: float) -> None:
    """The demo's first loop (each pose solved once) and then its steady cost."""
    app, window, _store = start_app(data_dir)
    window.show_page("exercises")
    assert wait_until(lambda: window._built.get("exercises") is not None, 10.0)
    page = window.page("exercises")
    assert wait_until(lambda: page._player is not None, 10.0)
    figure = page.player.figure
    assert wait_until(lambda: figure.is_playing() and window.windowHandle().isExposed(), 10.0)
    first_loop = figure.rep_duration()
    result("first_loop_cpu_pct", measure_span(app, first_loop))
    paints = PaintCounter(figure)
    wall0 = time.perf_counter()
    result("cpu_pct", measure_span(app, seconds))
    result("fps", paints.count / (time.perf_counter() - wall0))
    result("figure_size", f"{figure.width()}x{figure.height()}")
    result("first_loop_s", first_loop)
    result("playing", figure.is_playing())


def bare_visible(data_dir: str, seconds: float) -> None:
    """The floor: Qt repainting a plain widget of the same size at the same rate."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    size = tuple(int(v) for v in data_dir.split("x"))

    class Plain(QWidget):
        def paintEvent(self, event: object) -> None:
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor("#f4f6f8"))
            painter.end()

    app = QApplication(sys.argv[:1])
    widget = Plain()
    widget.resize(*size)
    widget.show()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(16)
    timer.timeout.connect(widget.update)
    timer.start()
    wait(app, SETTLE_S)
    paints = PaintCounter(widget)
    wall0 = time.perf_counter()
    result("cpu_pct", measure_span(app, seconds))
    result("fps", paints.count / (time.perf_counter() - wall0))


def progress(data_dir: str, idle_before_click: float) -> None:
    """Click Progress with the real mouse; time to the first graph painted, to the full
    history loaded and the cards in view repainted with it, and to every card built."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    stamps: dict[str, float] = {}
    card_paints: list[float] = []

    def in_headline(widget: QObject) -> bool:
        while widget is not None:
            if widget.objectName() == "progressHeadline":
                return True
            widget = widget.parent()
        return False

    def in_card(widget: QObject) -> bool:
        """A graph card, or the headline's numbers (the first useful paint when pyqtgraph
        is still loading)."""
        while widget is not None:
            if widget.objectName() == "progressHeadline":
                return True
            if any(c.__name__ == "GraphCard" for c in type(widget).__mro__):
                return True
            widget = widget.parent()
        return False

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            kind = event.type()
            page = window._built.get("progress") if "click" in stamps else None
            if page is not None:  # the page's state first: a paint below may show it
                if "final" not in stamps and page.view_complete:
                    stamps["final"] = time.perf_counter()
                if "loaded" not in stamps and page.view_loaded:
                    stamps["loaded"] = time.perf_counter()
                if "all_cards" not in stamps and page.full_loaded:
                    stamps["all_cards"] = time.perf_counter()
            if kind == QEvent.Type.MouseButtonPress and "click" not in stamps:
                stamps["click"] = time.perf_counter()
                stamps["click_cpu"] = time.thread_time()
                stamps["preloaded"] = float("pyqtgraph" in sys.modules)
            elif kind == QEvent.Type.Paint and "click" in stamps and in_card(watched):
                now = time.perf_counter()
                card_paints.append(now)
                if "first_cpu" not in stamps:
                    stamps["first_cpu"] = time.thread_time()
                if "final" in stamps and "complete" not in stamps and not in_headline(watched):
                    # Every card in view built with its final data: this paint shows them.
                    stamps["complete"] = now
                if "loaded" in stamps and "history_painted" not in stamps:
                    stamps["history_painted"] = now
            return False

    app, window, _store = start_app(data_dir)
    window.show_page("exercises")
    assert wait_until(lambda: window.windowHandle().isExposed(), 10.0)
    wait(app, max(0.2, idle_before_click))  # openbox maps it; pointer input can reach it
    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    row = window.page_keys().index("progress")
    rect = window.sidebar.visualItemRect(window.sidebar.item(row))
    point = window.sidebar.viewport().mapToGlobal(rect.center())
    subprocess.Popen(  # a real pointer click through the X server, as a user makes it
        ["xdotool", "mousemove", str(point.x()), str(point.y()), "click", "1"]
    )
    assert wait_until(lambda: "click" in stamps, 10.0), "the click never arrived"
    # A card laid out anew can push a slot out of view: final then, with nothing to paint.
    settled_final = lambda: "final" in stamps and time.perf_counter() > stamps["final"] + 0.5  # noqa: E731
    assert wait_until(lambda: "complete" in stamps or settled_final(), 20.0), (
        "the cards in view never completed"
    )
    assert wait_until(lambda: "loaded" in stamps, 20.0), "the history never loaded"
    assert wait_until(lambda: "all_cards" in stamps, 20.0), "the cards were never all built"
    wait(app, 1.0)  # any repaint with the full history comes within this
    QApplication.instance().removeEventFilter(watch)
    assert card_paints, "no graph was painted"
    result("first_paint_ms", (card_paints[0] - stamps["click"]) * 1000)
    result("complete_ms", (stamps.get("complete", stamps["final"]) - stamps["click"]) * 1000)
    history = stamps.get("history_painted", stamps["loaded"])
    result("history_ms", (history - stamps["click"]) * 1000)
    settled = max(stamps["loaded"], max(t for t in card_paints if t <= stamps["loaded"] + 1))
    result("settled_ms", (settled - stamps["click"]) * 1000)
    result("all_cards_ms", (stamps["all_cards"] - stamps["click"]) * 1000)
    result("first_paint_cpu_ms", (stamps["first_cpu"] - stamps["click_cpu"]) * 1000)
    result("pyqtgraph_loaded_before_click", bool(stamps["preloaded"]))


def warm_up_stall(data_dir: str, _seconds: float) -> None:
    """Gaps between the demo's repaint-timer ticks while Progress's modules load behind."""
    from glutemed.ui.main_window import WARM_UP_MODULES

    app, window, _store = start_app(data_dir)
    window.show_page("exercises")
    figure = window.page("exercises").player.figure
    ticks: list[tuple[float, bool]] = []
    busy = [False]
    figure._timer.timeout.connect(lambda: ticks.append((time.perf_counter(), busy[0])))
    window.warm_up._timer.timeout.connect(lambda: busy.__setitem__(0, True))
    window.warm_up.finished.connect(lambda: busy.__setitem__(0, False))
    assert wait_until(lambda: window.warm_up.done, 60.0), "the warm-up never finished"
    wait(app, 1.0)
    gaps = [(b - a, was_busy) for (a, was_busy), (b, _) in itertools.pairwise(ticks)]
    during = [gap for gap, was_busy in gaps if was_busy]
    after = [gap for gap, was_busy in gaps if not was_busy][-50:]
    result("modules", ",".join(WARM_UP_MODULES))
    result("loaded", all(m in sys.modules for m in ("pyqtgraph", *WARM_UP_MODULES)))
    result("ticks_during", len(during))
    result("max_gap_ms", max(during) * 1000 if during else float("nan"))
    result("max_gap_after_ms", max(after) * 1000 if after else float("nan"))


def all_pages(data_dir: str, _seconds: float) -> None:
    app, window, _store = start_app(data_dir)
    for key in window.page_keys():
        window.show_page(key)
        wait(app, 0.6)
        if key == "progress":
            page = window.page("progress")
            wait_until(lambda page=page: page.full_loaded, 20.0)
            wait(app, 0.5)
    window.show_page("exercises")
    wait(app, 1.0)
    result("rss_mb", rss_mb())
    result("pages", ",".join(window.page_keys()))
    for _round in range(2):  # revisits must not keep growing it
        for key in window.page_keys():
            window.show_page(key)
            wait(app, 0.3)
            if key == "progress":
                for range_key in ("4w", "1y", "all", "3m"):
                    window.page("progress").set_range(range_key)
                    wait(app, 0.2)
    window.show_page("exercises")
    wait(app, 1.0)
    result("rss_revisited_mb", rss_mb())


MODES = {
    "idle_hidden": idle_hidden,
    "bare_hidden": bare_hidden,
    "demo_visible": demo_visible,
    "bare_visible": bare_visible,
    "progress": progress,
    "all_pages": all_pages,
    "warm_up_stall": warm_up_stall,
}

if __name__ == "__main__":
    assert shutil.which("xdotool"), "xdotool is needed"
    MODES[sys.argv[1]](sys.argv[2], float(sys.argv[3]))
