"""Figure painting and graph drawing shared by the window, the PDF report and the GIF export.

Imports neither glutemed.ui nor glutemed.report."""
