"""The main window: a sidebar of pages, a status area, remembered geometry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QSize, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from glutemed import APP_NAME
from glutemed.catalog import Catalog
from glutemed.domain.clock import Clock
from glutemed.ops import Store
from glutemed.ops.settings import read_setting, write_setting
from glutemed.ui.common.control_texts import speak, speak_all
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.memory import release_free_memory
from glutemed.ui.common.source_cache import forget_sources
from glutemed.ui.common.warm_up import WarmUp

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QIcon, QPaintEvent

    from glutemed.ui.common.sound import SoundPlayer

GEOMETRY_KEY = "window_geometry"
# Pages whose heavy imports (pyqtgraph, numpy) are done on a worker once the window is idle.
WARM_UP_MODULES = ("glutemed.render.graphs.progress_graphs",)


class PageSpec(NamedTuple):
    key: str
    title: str
    shortcut: str
    factory: Callable[[], QWidget]


class MainWindow(QMainWindow):
    """Pages are built on first visit so start-up only pays for the first one."""

    # Once, just after the window's first frame: work the first frame does not show.
    first_painted = Signal()

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        clock: Clock,
        events: DataEvents,
        icon: QIcon | None = None,
        parent: QWidget | None = None,
        *,
        make_icon: Callable[[], QIcon] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        if icon is not None:
            self.setWindowIcon(icon)
        # A made icon (QIcon's first use and nine PNGs, ~5 ms) waits for the first paint.
        self._make_icon = make_icon
        self.store, self.catalog, self.clock, self.events = store, catalog, clock, events
        self._specs = self._page_specs()
        self._built: dict[str, QWidget] = {}
        self._sound: SoundPlayer | None = None
        self.warm_up = WarmUp(WARM_UP_MODULES, self)
        self.warm_up.finished.connect(forget_sources)  # after _mark_done: its thread is over
        self._painted = False

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        speak(self.sidebar)
        self.sidebar.setFixedWidth(180)
        self.sidebar.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        for spec in self._specs:
            item = QListWidgetItem(spec.title)
            item.setToolTip(f"{spec.title} ({spec.shortcut})")
            item.setSizeHint(QSize(170, 40))
            self.sidebar.addItem(item)
            placeholder = QWidget()
            placeholder.setObjectName(f"{spec.key}Placeholder")
            self.stack.addWidget(placeholder)
            shortcut = QShortcut(QKeySequence(spec.shortcut), self)
            shortcut.activated.connect(lambda key=spec.key: self.show_page(key))
        self.sidebar.currentRowChanged.connect(self._on_row_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.statusBar().setObjectName("statusBar")
        self.statusBar().addWidget(self.status_label, 1)
        events.status_message.connect(self.show_status)

        self._restore_geometry()
        self.sidebar.setCurrentRow(0)

    def _page_specs(self) -> list[PageSpec]:
        # Imports are local so a page's heavy modules load only when it is first opened.
        def exercises() -> QWidget:
            from glutemed.ops.save_folder import SaveFolder
            from glutemed.ui.exercises.page import ExercisesPage

            return ExercisesPage(
                self.catalog, self.events, self.clock, save_folder=SaveFolder(self.store)
            )

        def workout() -> QWidget:
            from glutemed.ui.workout.page import WorkoutPage

            return WorkoutPage(self.store, self.catalog, self.clock, self.events, self.sound())

        def stance() -> QWidget:
            from glutemed.capture.camera_support import default_camera_support
            from glutemed.ui.stance.page import StancePage

            camera = default_camera_support()
            return StancePage(self.store, self.clock, self.events, self.sound(), camera=camera)

        def progress() -> QWidget:
            from glutemed.progress.text import exercise_names
            from glutemed.ui.progress.page import ProgressPage

            return ProgressPage(
                self.store,
                self.events,
                exercise_names=exercise_names(self.catalog),
                graphs_import=self.warm_up,  # its import may be running: the page waits for it
            )

        def pain() -> QWidget:
            from glutemed.ui.pain.page import PainPage

            return PainPage(self.store, self.events)

        def settings() -> QWidget:
            from glutemed.ui.settings.page import SettingsPage

            return SettingsPage(self.store, self.events, catalog=self.catalog)

        def help_page() -> QWidget:
            from glutemed.ui.help.page import HelpPage

            return HelpPage(self.store)

        return [
            PageSpec("exercises", "Exercises", "Ctrl+1", exercises),
            PageSpec("workout", "Workout", "Ctrl+2", workout),
            PageSpec("stance", "Stance test", "Ctrl+3", stance),
            PageSpec("progress", "Progress", "Ctrl+4", progress),
            PageSpec("pain", "Pain diary", "Ctrl+5", pain),
            PageSpec("settings", "Settings", "Ctrl+6", settings),
            PageSpec("help", "Help", "F1", help_page),
        ]

    def sound(self) -> SoundPlayer:
        """The window's one sound player, made when a page first needs it."""
        if self._sound is None:
            from glutemed.ops.profile import load_profile
            from glutemed.ui.common.sound import SoundPlayer

            player = SoundPlayer(load_profile(self.store).sound, self.events.status_message.emit)
            player.setParent(self)
            self.events.profile_changed.connect(
                lambda: player.set_mode(load_profile(self.store).sound)
            )
            self._sound = player
        return self._sound

    def load_icon(self) -> None:
        """Set the icon from make_icon now, if that is still to do."""
        if self._make_icon is not None:
            make, self._make_icon = self._make_icon, None
            self.setWindowIcon(make())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._make_icon is not None:
            QTimer.singleShot(0, self, self.load_icon)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.first_painted.emit)
        self.warm_up.arm()

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def page(self, key: str) -> QWidget:
        """The page widget for *key*, building it on first use."""
        if key not in self._built:
            index = self.page_keys().index(key)
            widget = self._specs[index].factory()
            widget.setObjectName(widget.objectName() or f"{key}Page")
            old = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self._built[key] = widget
            speak_all(widget)  # names and descriptions for screen readers
            first = getattr(widget, "first_focus", None)
            if isinstance(first, QWidget):  # the page's main action is one Tab away
                QWidget.setTabOrder(self.sidebar, first)
            forget_sources()  # the page's modules were just imported
            release_free_memory()  # and what building it made and dropped
        return self._built[key]

    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentRow(self.page_keys().index(key))

    def current_page_key(self) -> str:
        return self._specs[self.stack.currentIndex()].key

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self._specs[row].key
        self.stack.setCurrentWidget(self.page(key))
        self.setWindowTitle(f"{self._specs[row].title} — {APP_NAME}")

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _restore_geometry(self) -> None:
        saved = read_setting(self.store, GEOMETRY_KEY)
        if isinstance(saved, str) and self.restoreGeometry(QByteArray.fromBase64(saved.encode())):
            return
        screen = self.screen().availableGeometry()
        self.resize(min(1320, int(screen.width() * 0.9)), min(860, int(screen.height() * 0.9)))

    def close_without_asking(self) -> None:
        """Close for SIGINT/SIGTERM: a workout in progress ends as on Leave (finished sets
        are saved, the set in progress is not), with no question to answer."""
        for page in self._built.values():
            stop = getattr(page, "stop_without_asking", None)
            if callable(stop):
                stop()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self._built.values():
            ask = getattr(page, "confirm_close", None)
            if callable(ask) and not ask():
                event.ignore()
                return
        encoded = bytes(self.saveGeometry().toBase64().data()).decode()
        write_setting(self.store, GEOMETRY_KEY, encoded)
        super().closeEvent(event)
