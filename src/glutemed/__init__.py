"""GluteMed: a home-rehab companion for gluteus medius weakness behind lower back pain."""

# The single source of the version (pyproject reads it); importlib.metadata would cost
# ~70 ms on every start.
__version__ = "0.1.0"

APP_NAME = "GluteMed"
