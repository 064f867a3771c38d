"""Plan file buttons beside the routine: import a physiotherapist's plan, export it, print
the home-exercise sheet. File choosers are injectable so tests drive them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from glutemed.catalog import Catalog
from glutemed.ops import Store
from glutemed.ops.changes import DATA_ERRORS, problem_text
from glutemed.ops.plan_ops import export_plan, import_plan, read_plan_file, sheet_inputs
from glutemed.training.plan_file import PlanError

OpenChooser = Callable[[], Path | None]
SaveChooser = Callable[[str, str], Path | None]  # (suggested name, filter) -> path


class PlanFileButtons(QWidget):
    changed = Signal(object)  # the Changes of an import, for the page's announcer
    message = Signal(str)

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        routine_id: Callable[[], int | None],
        parent: QWidget | None = None,
        *,
        choose_open: OpenChooser | None = None,
        choose_save: SaveChooser | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planFileButtons")
        self.store, self.catalog, self.routine_id, self.today = store, catalog, routine_id, today
        self.choose_open = choose_open or self._open_dialog
        self.choose_save = choose_save or self._save_dialog
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for name, text, tip, slot in (
            (
                "importPlanButton",
                "Import plan…",
                "Use a plan file from your physiotherapist",
                self.import_plan,
            ),
            (
                "exportPlanButton",
                "Export plan…",
                "Save this routine as a plan file to share",
                self.export_plan,
            ),
            (
                "sheetButton",
                "Print sheet…",
                "A printable PDF of this routine with pictures",
                self.write_sheet,
            ),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)

    def _open_dialog(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "Import plan", "", "Plan files (*.toml)")
        return Path(name) if name else None

    def _save_dialog(self, suggested: str, kind: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Save", suggested, kind)
        return Path(name) if name else None

    def import_plan(self) -> None:
        path = self.choose_open()
        if path is None:
            return
        try:
            plan = read_plan_file(path, self.catalog)
        except PlanError as exc:
            self.message.emit(f"Plan not imported: {exc}")
            return
        try:
            changes = import_plan(self.store, self.catalog, plan)
        except DATA_ERRORS as exc:
            self.message.emit(problem_text("import the plan", exc))
            return
        self.changed.emit(changes)

    def export_plan(self) -> None:
        path = self.choose_save("plan.toml", "Plan files (*.toml)")
        if path is None:
            return
        if path.suffix.lower() != ".toml":
            path = path.with_suffix(".toml")
        try:
            export_plan(self.store, self.catalog, path, self.routine_id())
        except (PlanError, OSError) as exc:
            self.message.emit(f"Plan not saved: {exc}")
            return
        self.message.emit(f"Plan saved to {path}.")

    def write_sheet(self) -> None:
        from glutemed.report.home_sheet import write_sheet  # Qt PDF code: only when asked

        path = self.choose_save("home-exercises.pdf", "PDF files (*.pdf)")
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        inputs = sheet_inputs(self.store, self.catalog, self.routine_id())
        try:
            pages = write_sheet(
                self.catalog, inputs.meta, inputs.items, path, self.today(), inputs.extra_cues
            )
        except OSError as exc:
            self.message.emit(f"Sheet not saved: {exc}")
            return
        self.message.emit(f"Sheet saved to {path} ({pages} page{'s' if pages != 1 else ''}).")
