"""The stance-test page: setup, the timed trials, results and history."""
