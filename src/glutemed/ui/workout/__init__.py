"""The Workout page: routine editor, the guided player and the summary."""
