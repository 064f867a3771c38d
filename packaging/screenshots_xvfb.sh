#!/usr/bin/env bash
# Screenshots of every page on a virtual screen with a window manager, as a person sees it.
# Usage: packaging/screenshots_xvfb.sh WIDTHxHEIGHT light|dark OUT_DIR [SUFFIX]
# Needs the Debian packages xvfb and openbox (and the Qt xcb libraries in the README).
set -eu
size=$1; theme=$2; out=$3; suffix=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
for n in $(seq 150 199); do [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }; done
Xvfb "$disp" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $wm $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$disp openbox >/dev/null 2>&1 & wm=$!
sleep 1
DISPLAY=$disp QT_QPA_PLATFORM=xcb PYTHONPATH="$here/../src" "$python" "$here/make_screenshots.py" \
  "$out" --theme "$theme" --suffix="$suffix"
