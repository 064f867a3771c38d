#!/bin/sh
# Add GluteMed from this folder to your desktop menu (no root needed):
#   ./install.sh             desktop entry + icons in ~/.local/share, command in ~/.local/bin
#   ./install.sh --uninstall remove those again
# Your data (~/.local/share/GluteMed, or $GLUTEMED_DATA_DIR) is never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.glutemed.GluteMed
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
bin_dir=$HOME/.local/bin
desktop=$data_home/applications/$app_id.desktop

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$desktop"
  # The command link only if it is ours: another glutemed there (a pip install, another
  # copy of this folder) is left alone.
  if [ -L "$bin_dir/glutemed" ] && [ "$(readlink "$bin_dir/glutemed")" = "$here/glutemed" ]; then
    rm -f "$bin_dir/glutemed"
  elif [ -e "$bin_dir/glutemed" ]; then
    echo "note: $bin_dir/glutemed is not a link to this folder; left as it is" >&2
  fi
  # Our icons, then the folders install.sh made for them if nothing else is in them.
  (cd "$here/share/icons" && find hicolor -type f) | while read -r icon; do
    rm -f "$data_home/icons/$icon"
    apps=$(dirname "$data_home/icons/$icon")
    rmdir "$apps" "$(dirname "$apps")" 2>/dev/null || true
  done
  refresh
  # The icon cache refresh drops its index once the theme folder holds no icons.
  if [ -d "$data_home/icons/hicolor" ] && [ -z "$(find "$data_home/icons/hicolor" -type f ! -name icon-theme.cache)" ]; then
    rm -f "$data_home/icons/hicolor/icon-theme.cache"
    rmdir "$data_home/icons/hicolor" "$data_home/icons" 2>/dev/null || true
  fi
  echo "GluteMed removed from the menu. Your data was left where it is."
  exit 0
fi

# Qt needs a few system libraries; say which are missing before the menu entry fails silently.
missing=$(LD_LIBRARY_PATH="$here/_internal:$here/_internal/PySide6/Qt/lib" \
  ldd "$here/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" "$here/glutemed" \
  "$here"/_internal/PySide6/*.so 2>/dev/null | awk '/not found/ {print $1}' | sort -u)
if [ -n "$missing" ]; then
  echo "warning: these system libraries are missing: $missing" >&2
  echo "         see README.txt for the packages to install" >&2
fi

mkdir -p "$data_home/applications" "$bin_dir"
(cd "$here/share/icons" && find hicolor -type f) | while read -r icon; do
  mkdir -p "$data_home/icons/$(dirname "$icon")"
  cp "$here/share/icons/$icon" "$data_home/icons/$icon"
done
# Desktop-entry Exec quoting: double quotes, with \ " ` $ escaped.
exec_path=$(printf '%s' "$here/glutemed" | sed 's/[\\"`$]/\\\\&/g')
sed "s|^Exec=@EXEC@\$|Exec=\"$exec_path\"|" "$here/share/applications/$app_id.desktop" > "$desktop"
ln -sf "$here/glutemed" "$bin_dir/glutemed"
refresh
echo "GluteMed added to the menu; 'glutemed' runs it from $bin_dir."
