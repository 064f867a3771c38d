"""One function or small class per user action, Qt-free: what the GUI and the CLI both call.

Each returns what changed (`changes.Changes`). Pages and the command line never import
`glutemed.store`: they hold the open data file as an `ops.Store` and hand it to operations.
"""

# The handle pages hold, and opening it: what the window needs before its first paint.
from glutemed.store.db import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
