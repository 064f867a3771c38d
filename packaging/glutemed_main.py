"""Entry point PyInstaller freezes: the same `glutemed` command the wheel installs."""

import sys

from glutemed.app import main

if __name__ == "__main__":
    sys.exit(main())
