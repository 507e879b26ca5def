#!/bin/sh
# Nothing typed is lost, in the real window (issue 21, §0): text typed into the overview's
# "Chức danh ký bên trái" reaches the file
#   1. when the window is closed by WM_DELETE_WINDOW (the title bar's ×, Alt+F4, a
#      logout) less than a second after the last key, the cursor still in the field;
#   2. when the program is killed (a crash, a flat battery) after a pause of 2 s.
# Run from the checkout, after `cargo build`:
#   xvfb-run -a -s "-screen 0 1366x768x24" sh tests/xvfb/close_keeps_typing.sh [BINARY]
# Needs xdotool and python3 (sqlite3 and ctypes from its standard library).
set -eu
BIN=$(realpath "${1:-target/debug/hoinghi}")
HERE=$(dirname "$(realpath "$0")")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The app's own folder (settings, logs, backups) in the scratch folder, not the user's.
export HOME="$WORK" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
export XDG_RUNTIME_DIR="$WORK/run" HOINGHI_RENDERER=glow
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset WAYLAND_DISPLAY
FILE="$WORK/hoi-nghi.sqlite"
"$BIN" demo --db "$FILE" >/dev/null
# Where the field is at 1366×768 (the overview, the sample conference).
FIELD_X=${FIELD_X:-335}
FIELD_Y=${FIELD_Y:-576}

title() {
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT signer_left_title FROM conference").fetchone()[0])' "$FILE"
}

start() {
    "$BIN" "$FILE" >"$WORK/out.log" 2>&1 &
    PID=$!
    WIN=$(xdotool search --sync --onlyvisible --class hoinghi | head -1)
    sleep 2 # the first frames
    xdotool windowfocus --sync "$WIN"
    xdotool mousemove --sync "$FIELD_X" "$FIELD_Y" click 1
    sleep 0.3
    xdotool key End
}

BEFORE=$(title)
echo "before: «$BEFORE»"

# 1. Typed, then closed at once by the window manager's request.
start
xdotool type --delay 30 " ABC"
python3 "$HERE/wm_delete.py" "$WIN"
T0=$(date +%s.%N)
for _ in $(seq 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$PID" 2>/dev/null; then echo "FAIL: the window did not close"; kill "$PID"; exit 1; fi
echo "closed in $(echo "$(date +%s.%N) - $T0" | bc) s"
AFTER=$(title)
echo "after WM_DELETE_WINDOW: «$AFTER»"
[ "$AFTER" = "$BEFORE ABC" ] || { echo "FAIL: the typed text is not in the file"; exit 1; }

# 2. Typed, a pause of 2 s, then killed without a chance to save.
start
xdotool type --delay 30 " XYZ"
sleep 2
kill -9 "$PID"
wait "$PID" 2>/dev/null || true
AFTER=$(title)
echo "after a 2 s pause and kill -9: «$AFTER»"
[ "$AFTER" = "$BEFORE ABC XYZ" ] || { echo "FAIL: the pause did not write the text"; exit 1; }
echo "OK"
