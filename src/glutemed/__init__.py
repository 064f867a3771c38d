"""GluteMed: a home-rehab companion for gluteus medius weakness behind lower back pain."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("glutemed")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

APP_NAME = "GluteMed"
