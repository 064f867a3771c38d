"""Light/dark: follow the system unless the user picked one.

Asking the platform for a colour scheme is not enough on its own: many Linux platform
themes (and the offscreen one) ignore the request, so a chosen scheme also sets a
matching palette. Style sheets and the figure read colours from the palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

_COLOURS: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        Role.Window: "#efefef",
        Role.WindowText: "#1d1d1f",
        Role.Base: "#ffffff",
        Role.AlternateBase: "#f6f6f7",
        Role.ToolTipBase: "#ffffdc",
        Role.ToolTipText: "#1d1d1f",
        Role.PlaceholderText: "#7c7c80",
        Role.Text: "#1d1d1f",
        Role.Button: "#efefef",
        Role.ButtonText: "#1d1d1f",
        Role.BrightText: "#ffffff",
        Role.Light: "#ffffff",
        Role.Midlight: "#e3e3e3",
        Role.Mid: "#b8b8b8",
        Role.Dark: "#9f9f9f",
        Role.Shadow: "#767676",
        Role.Highlight: "#308cc6",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#0b63b6",
    },
    "dark": {
        Role.Window: "#2b2d30",
        Role.WindowText: "#e6e6e6",
        Role.Base: "#1f2023",
        Role.AlternateBase: "#303236",
        Role.ToolTipBase: "#3a3c40",
        Role.ToolTipText: "#e6e6e6",
        Role.PlaceholderText: "#8a8d91",
        Role.Text: "#e6e6e6",
        Role.Button: "#35373b",
        Role.ButtonText: "#e6e6e6",
        Role.BrightText: "#ffffff",
        Role.Light: "#4a4d52",
        Role.Midlight: "#3f4246",
        Role.Mid: "#5a5d62",
        Role.Dark: "#1a1b1d",
        Role.Shadow: "#000000",
        Role.Highlight: "#2f7fd0",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#6ab0f3",
    },
}


def palette_for(theme: str) -> QPalette:
    palette = QPalette()
    for role, colour in _COLOURS[theme].items():
        palette.setColor(role, QColor(colour))
    faded = QColor(_COLOURS[theme][Role.Mid])
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, faded)
    return palette


def apply_theme(theme: str) -> None:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    hints = app.styleHints()
    if theme in _COLOURS:
        # Imported here: the `Qt` namespace costs ~40 ms, too much for a "system" start.
        from PySide6.QtCore import Qt

        hints.setColorScheme(Qt.ColorScheme.Light if theme == "light" else Qt.ColorScheme.Dark)
        app.setPalette(palette_for(theme))
    else:  # "system": let the platform decide again
        hints.unsetColorScheme()
        app.setPalette(QPalette())
    _repolish(app)


def _repolish(app: QGuiApplication) -> None:
    """Re-apply the application style sheet so every widget takes the new palette.

    The style sheet's `palette(...)` colours are resolved when a widget is polished, so
    widgets polished under the old palette keep its colours (dark text on a dark page)
    until they are polished again. Setting the same sheet re-polishes them all."""
    sheet = getattr(app, "styleSheet", None)
    if sheet is None:
        return
    text = str(sheet())
    if text and app.topLevelWindows():  # at start-up no widget is polished yet
        app.setStyleSheet(text)  # type: ignore[attr-defined]


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return bool(app.palette().window().color().lightness() < 128)
