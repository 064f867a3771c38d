"""Help: safety notes, how the app works, sources, and where the data lives."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from glutemed import APP_NAME, __version__
from glutemed.ops import Store
from glutemed.ui.help.first_run_dialog import safety_html

SOURCES = (
    "Springer BA et al. 2007, J Geriatr Phys Ther 30(1):8-15 (single-leg stance norms).",
    "Nezic, Puh & Hlebs 2012 (review of a reliable single-leg stance protocol).",
    "Araujo CG et al. 2022, Br J Sports Med 56(17):975 (10-second one-leg stand and mortality).",
    "Vellas BJ et al. 1997, J Am Geriatr Soc 45(6):735-8 (one-leg balance and injurious falls).",
    "Hardcastle P & Nade S 1985, J Bone Joint Surg Br 67-B(5):741-6 (Trendelenburg test).",
    "Cooper NA et al. 2016, Eur Spine J 25(4):1258-65 (gluteus medius in chronic back pain).",
    "de Jesus FLA et al. 2020, Clin Rehabil 34(11):1368 (hip exercise and back pain).",
    "Boren K et al. 2011, Int J Sports Phys Ther 6(3):206-23 (side plank EMG).",
    "Distefano LJ et al. 2009, JOSPT 39(7) (side-lying abduction and clamshell EMG).",
    "Selkowitz DM et al. 2013, JOSPT 43(2):54-64 (gluteal-to-TFL ratio).",
    "Ekstrom RA et al. 2007, JOSPT 37(12):754-62 (activation levels for strengthening).",
    "Lewis CL et al. 2018, J Athl Train (band position).",
    "Ratamess NA et al. 2009, ACSM position stand, Med Sci Sports Exerc "
    "(reps, tempo, progression).",
    "Silbernagel KG et al. 2007, Am J Sports Med 35(6):897-906 (pain-monitoring model, "
    "from tendon rehabilitation).",
    "Stratford P et al. 1995, Physiotherapy Canada 47:258-63 (Patient-Specific Functional Scale).",
    "Maughan EF & Lewis JS 2010, Eur Spine J 19(9):1484-94 (meaningful change in the PSFS).",
    "Leeds Teaching Hospitals NHS Trust, Total hip replacement: a guide to your rehabilitation "
    "(hip precautions).",
    "Ostelo RW et al. 2008, Spine 33(1):90-4; Farrar JT et al. 2001, Pain 94:149-58 "
    "(meaningful change in pain).",
    "Winter DA 2009, Biomechanics and Motor Control of Human Movement, 4th ed. "
    "(body proportions for the figures).",
)


class HelpPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpPage")
        sources = "".join(f"<li>{escape(s)}</li>" for s in SOURCES)
        text = QLabel(
            f"<h1>{APP_NAME} {__version__}</h1>"
            "<p>People with long-lasting lower back pain often have a weaker muscle on the "
            "side of the hip, the gluteus medius, which helps hold the pelvis level (Cooper "
            "2016). That is a link seen in studies, not proof that the hip causes the pain. "
            "GluteMed gives you a quick one-leg standing check, five exercises for that "
            "muscle shown as moving figures, a coach that counts your sets and rests, and "
            "graphs of how you are doing over the weeks.</p>"
            "<p>Studies link a weaker gluteus medius with long-lasting back pain, but hip "
            "exercises help only a little on average (de Jesus 2020): treat this as one part "
            "of your care, not a cure.</p>"
            "<h2>How your plan adapts</h2>"
            "<p>When you finish every set of an exercise on one side in two workouts without "
            "your pain rising, the app suggests one step up: another set, then a band, then "
            "a stronger band. Sets cut short step it back. Pain is checked with a rule "
            "borrowed from tendon rehabilitation (the pain-monitoring model, Silbernagel "
            "2007): up to 5/10 during exercise is acceptable if it has settled by the next "
            "morning and your pain is not rising week on week; otherwise the plan holds or "
            "steps back. You see every change and its reason before a workout and can "
            "refuse it; a plan your physiotherapist locked is never changed.</p>"
            "<p>Every two weeks you can rate up to three activities your back makes hard "
            "(Patient-Specific Functional Scale, 0-10). A rise of 1.4 points or more is a "
            "change that matters for chronic low back pain (Maughan & Lewis 2010).</p>"
            "<h2>Safety</h2>" + safety_html() + "<h2>Keyboard</h2>"
            "<ul><li>Ctrl+1 to Ctrl+6: pages in the sidebar; F1: this help.</li>"
            "<li>During a workout: Space pause/resume, Left/Right back/skip, +/- reps, "
            "F full screen, Esc leave.</li>"
            "<li>Pain score before and after a workout: keys 0 to 9.</li>"
            "<li>During a stance test: any key or click stops the timer; then Enter "
            "saves the trial.</li></ul>"
            "<h2>Your data</h2>"
            f"<p>Everything stays on this computer in one file: "
            f"<code>{escape(str(store.path))}</code>. Daily backups are kept in "
            f"<code>{escape(str(store.backups_dir))}</code>. Uninstalling the app leaves "
            "them in place.</p>"
            f"<h2>Sources</h2><ol>{sources}</ol>"
        )
        text.setObjectName("helpText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAlignment(Qt.AlignmentFlag.AlignTop)
        text.setContentsMargins(16, 8, 16, 16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
