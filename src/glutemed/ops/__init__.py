"""One function or small class per user action, Qt-free: what the GUI and the CLI both call.

Each returns what changed."""
