"""Operations: one function per user action, Qt-free, called by the window and the CLI."""
