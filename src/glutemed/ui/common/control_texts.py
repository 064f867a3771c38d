"""What a screen reader says for each control: its name (when it has no text of its own)
and a description of what it does. Keyed by objectName; a trailing number (one per row)
is ignored. Descriptions also become tooltips where a control has none."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

# objectName -> (accessible name, or "" to keep the control's own text; description)
CONTROL_TEXTS: Mapping[str, tuple[str, str]] = {
    # main window
    "sidebar": ("Pages", "The app's pages; Ctrl+1 to Ctrl+6 and F1 open them directly"),
    # Exercises
    "exerciseList": ("Exercises", "Pick an exercise to read about it and watch its demo"),
    "variationCombo": ("Variation", "Which version of the exercise the text and demo show"),
    "bandCombo": (
        "Band strength",
        "Band strength, light to heavy; the band is drawn in its colour",
    ),
    "playButton": ("", "Play or pause the demo (Space)"),
    "stepButton": ("", "Show the next moment of the movement"),
    "speedCombo": ("Demo speed", "How fast the demo plays"),
    "loopCheck": ("", "Repeat the demo without stopping"),
    "sideCombo": ("Side", "Which leg does the exercise in the demo"),
    "saveGifButton": ("", "Save this demo as an animated GIF picture"),
    "frontButton": ("", "View the figure from the front"),
    "sideButton": ("", "View the figure from the side"),
    "topButton": ("", "View the figure from above"),
    # Workout home and routine editor
    "startButton": ("", "Start the guided workout of the routine shown"),
    "routineCombo": ("Routine", "Which saved routine to edit or do"),
    "routineName": ("Routine name", "The name of this routine"),
    "newRoutineButton": ("", "Make a new routine from the default one"),
    "duplicateRoutineButton": ("", "Make a copy of this routine"),
    "deleteRoutineButton": ("", "Delete this routine; past workouts stay in the history"),
    "planEntryButton": ("", "Type or paste a plan your physiotherapist wrote"),
    "routineTable": ("Routine lines", "The exercises of this routine, one line each"),
    "addExerciseCombo": ("Exercise to add", "Pick an exercise, then press Add"),
    "addItemButton": ("", "Add the chosen exercise as a new line"),
    "removeItemButton": ("", "Remove the selected line"),
    "moveUpButton": ("", "Move the selected line up"),
    "moveDownButton": ("", "Move the selected line down"),
    "exerciseCombo": ("", "Which exercise this line is"),
    "setsSpin": ("", "How many sets per side"),
    "repsSpin": ("", "How many repetitions (or holds) per set"),
    "holdSpin": ("", "How long each hold lasts in seconds; a dash means no hold"),
    "restSpin": ("", "Rest between sets in seconds"),
    "sidesCombo": ("", "Which legs this line trains"),
    "workoutHistory": ("Past workouts", "Your past workouts; Enter or double-click opens one"),
    "summaryCloseButton": ("", "Go back to your routines"),
    # Workout player and pain prompt
    "backButton": ("", "Restart this set, or go back one (Left arrow)"),
    "pauseButton": ("", "Pause or resume the workout (Space)"),
    "skipButton": ("", "Skip this set or countdown (Right arrow)"),
    "doneEarlyButton": ("", "End this set now with the repetitions done so far"),
    "minusButton": ("", "Take one repetition off the count (minus key)"),
    "plusButton": ("", "Add one repetition to the count (plus key)"),
    "fullScreenButton": ("", "Very large type in full screen, to read from across the room (F)"),
    "leaveButton": ("", "Stop the workout; finished sets are kept (Esc)"),
    "painScore": ("", "Choose this pain score; number keys 0 to 9 work too"),
    "painSkipButton": ("", "Go on without a pain score"),
    # Stance test
    "eyesOpenRadio": ("", "Do the test with your eyes open (the usual test)"),
    "eyesClosedRadio": ("", "Do the harder test with your eyes closed"),
    "capCombo": ("Time limit", "The longest a trial runs before it stops by itself"),
    "startTestButton": ("", "Begin the stance test with the choices above"),
    "stanceHistoryList": ("Past stance tests", "Your earlier tests; pick one to see it"),
    "showTestButton": ("", "Show the results of the selected test"),
    "deleteTestButton": ("", "Delete the selected test (Ctrl+Z undoes it)"),
    "undoButton": ("", "Bring back what was just deleted"),
    "showDropCheck": ("", "Show the figure with the pelvis dropping on the lifted side"),
    "startTrialButton": ("", "Start the 3-2-1 countdown; lift your foot on go"),
    "finishTestButton": ("", "End the test now and see the results of the trials done"),
    "abandonButton": ("", "End the test now; the trials you finished are kept"),
    "reason_foot_down": ("", "The trial ended because the lifted foot touched the floor"),
    "reason_hands_off": ("", "The trial ended because a hand came off the hip"),
    "reason_stance_foot_moved": ("", "The trial ended because the standing foot moved"),
    "reason_eyes_opened": ("", "The trial ended because you opened your eyes"),
    "reason_manual": ("", "The trial ended for another reason, or you stopped it"),
    "pelvisDroppedCheck": ("", "Tick if the hip of the lifted leg sank during the trial"),
    "trunkLeanCheck": ("", "Tick if you leaned your upper body to one side"),
    "saveTrialButton": ("", "Save this trial (Enter)"),
    "retryButton": ("", "Forget this time and do the same trial again"),
    "resultsDoneButton": ("", "Go back to the stance test start page"),
    "stanceTimer": ("", "Seconds held on one leg; read out when the trial stops"),
    "repCounter": ("", "The repetition count of this set"),
    # Progress
    "range4wButton": ("", "Show the last four weeks"),
    "range3mButton": ("", "Show the last three months"),
    "range1yButton": ("", "Show the last year"),
    "rangeAllButton": ("", "Show everything since your first entry"),
    "eyesSelector": ("Stance test shown", "Which stance test the graphs show: eyes open or closed"),
    "volumeMeasure": ("Training measure", "Count training in repetitions or in sets"),
    "saveReportButton": ("", "Save a PDF summary for your physiotherapist"),
    "calendarYear": ("Calendar year", "Which year the calendar of training days shows"),
    # Pain diary
    "painSlider": ("Pain score, 0 to 10", "How much your back hurts now: 0 none, 10 the worst"),
    "painContext": ("When", "When this score was taken: before or after exercise, or daily"),
    "painNote": ("Note", "Optional words about this entry"),
    "savePainButton": ("", "Save this pain score to the diary"),
    "cancelEditButton": ("", "Stop editing and keep the entry as it was"),
    "painList": ("Pain entries", "Your pain diary, newest first"),
    "editPainButton": ("", "Change the selected entry"),
    "deletePainButton": ("", "Delete the selected entry (Ctrl+Z undoes it)"),
    "undoPainButton": ("", "Undo the last change to the diary"),
    # Settings
    "birthYear": ("Year of birth", "Used only to compare your stance times with your age group"),
    "sideOrder": ("Which side first", "The leg the workout and the stance test start with"),
    "stanceCap": ("Stance test time limit", "The longest a stance trial runs"),
    "soundMode": ("Sound cues", "Beeps, a voice, or silence during workouts"),
    "themeMode": ("Appearance", "Light, dark, or the same as your system"),
    "repTempo": ("Repetition speed", "How long one repetition takes, compared with the demo"),
    "backupButton": ("", "Copy your data file to the backups folder now"),
    "openDataFolderButton": ("", "Open the folder that holds your data file"),
}

GRAPH_EXPORT = "Save this graph as a PNG picture"


def _texts_for(name: str) -> tuple[str, str] | None:
    if name in CONTROL_TEXTS:
        return CONTROL_TEXTS[name]
    if name.endswith("ExportButton"):
        return ("", GRAPH_EXPORT)
    return CONTROL_TEXTS.get(name.rstrip("0123456789"))


def speak(widget: QWidget) -> None:
    """Give *widget* its name and description from the table (if it is in it)."""
    texts = _texts_for(widget.objectName())
    if texts is None:
        return
    name, description = texts
    if name and not widget.accessibleName():
        widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    if not widget.toolTip():
        widget.setToolTip(description)


def speak_all(root: QWidget) -> None:
    """Name and describe *root* and every control inside it."""
    for widget in (root, *root.findChildren(QWidget)):
        speak(widget)


def announce(widget: QWidget) -> None:
    """Tell a running screen reader that *widget*'s text (its accessible name) changed."""
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
