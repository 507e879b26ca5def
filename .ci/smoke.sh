# Window smoke tests, sourced by .ci/window and .ci/windows: start the real window on a
# sample conference under Xvfb, wait for the log's "first frame drawn", screenshot it
# and check the picture is not blank.

smoke_dir=$(mktemp -d)
Xvfb :95 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$smoke_dir"' EXIT
export DISPLAY=:95
unset WAYLAND_DISPLAY
export XDG_RUNTIME_DIR="$smoke_dir/xdg"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
sleep 1

# smoke NAME DATA_DIR_AS_THE_APP_SEES_IT EXPECTED_RENDERER COMMAND...
# DATA_DIR is where the log lands ($smoke_dir/NAME); the app is told the second argument.
smoke() {
  local name=$1 app_data=$2 expect=$3
  shift 3
  local data="$smoke_dir/$name"
  mkdir -p "$data"
  HOINGHI_DATA_DIR="$app_data" "$@" >"$data/out.txt" 2>&1 &
  local pid=$! drawn=""
  for _ in $(seq 1 240); do
    if grep -qs "first frame drawn with $expect" "$data"/logs/*.log; then drawn=yes; break; fi
    kill -0 $pid 2>/dev/null || break
    sleep 0.5
  done
  sleep 1
  import -window root "$data/shot.png" || true
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  if [ -z "$drawn" ]; then
    echo "smoke $name: no first frame drawn with $expect" >&2
    cat "$data/out.txt" "$data"/logs/*.log >&2 2>/dev/null || true
    return 1
  fi
  local colours
  colours=$(convert "$data/shot.png" -format %k info:)
  if [ "$colours" -lt 100 ]; then
    echo "smoke $name: the screenshot is blank ($colours colours)" >&2
    return 1
  fi
  grep -s "could not start" "$data"/logs/*.log | sed 's/^/  /' | cut -c1-160 || true
  echo "smoke $name: drawn with $expect, $colours colours on screen"
}
