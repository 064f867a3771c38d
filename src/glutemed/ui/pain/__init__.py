"""The pain diary page and the before/after prompt."""
