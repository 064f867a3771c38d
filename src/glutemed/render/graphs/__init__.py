"""The Progress graphs (pyqtgraph) and the data frames they draw."""
