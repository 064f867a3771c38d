# dmgbuild settings for GluteMed.dmg: the .app beside an Applications link to drag it to.
#   dmgbuild -s packaging/macos/dmg_settings.py -D app=dist/GluteMed.app \
#            GluteMed dist/GluteMed-<version>-macos.dmg
# Run by .github/workflows/release.yml on a macOS runner; it cannot be built on Linux.
# ruff: noqa
import os.path

application = defines.get("app", "dist/GluteMed.app")  # type: ignore[name-defined]  # noqa: F821
appname = os.path.basename(application)

format = "UDZO"  # zlib-compressed, read-only
filesystem = "HFS+"
files = [application]
symlinks = {"Applications": "/Applications"}
icon = os.path.join(application, "Contents", "Resources", "glutemed.icns")

show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
window_rect = ((200, 200), (560, 300))
default_view = "icon-view"
icon_size = 112
text_size = 13
icon_locations = {appname: (140, 130), "Applications": (420, 130)}
