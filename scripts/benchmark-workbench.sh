#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Workbench start-up and open benchmark: ./isocenter workbench as a user runs it, on a private X server, timed from
# the moment the command is typed until the Image Viewer has painted the image (the workbench writes one line per
# opened series on stderr: "[isocenter] shown CT 512x512x150 in 0.84 s after opening ... at epoch ms N").
#   demo      ./isocenter workbench: the demo patient's planning CT (256x256x100) on screen, launch to paint, with
#             the workbench's AOT cache (as shipped) and without it (ISOCENTER_AOT=off); the first launch of a new
#             Isocenter home writes the demo patient and trains the cache (reported apart);
#   open      ./isocenter workbench FOLDER with a 512x512x150 CT (the start-up benchmark's phantom): launch to paint
#             (the folder's import included), and opening to paint in a JVM that has not opened a series yet;
#   open-warm the same workbench then opens a second 512x512x150 CT series of the same patient (a copy with its own
#             series UID), chosen in the Patient Browser with the keyboard (xdotool): opening to paint, warm.
#   demo-4k, open-4k  as demo and open with 4 kB pages only (ISOCENTER_HUGE_PAGES=off), as before the launcher asked
#             for transparent huge pages;
#   demo-bus  as demo, with a session bus (D-Bus) as a desktop has one: a private dbus-daemon (when installed); the
#             other cases run without DBUS_SESSION_BUS_ADDRESS (on a machine without a desktop session: no bus);
#   demo-tiered the demo as before the launcher's JIT policy: the JVM's default JIT everywhere (ISOCENTER_JIT=tiered),
#             with a workbench AOT cache trained that way (its own Isocenter home, trained by one session first).
# Peak memory: the Java process's VmHWM when the image is on screen, and beside it its anonymous memory then
# (RssAnon: heap, code, metadata; without the mapped AOT cache and jars). Medians over the runs.
# Needs a built product (./isocenter build); installs xdotool and python3-pydicom when missing (root or sudo).
# Usage: scripts/benchmark-workbench.sh [workdir] [runs=3] [screen=1600x1000]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/select-jdk.sh"
source "$ROOT/scripts/bench-common.sh"
RUNS="${2:-3}"
SCREEN="${3:-1600x1000}"
PY=/usr/bin/python3
ISO="$ROOT/isocenter"
PRODUCT="$ROOT/releng/org.isocenter.product/target/products/org.isocenter.product/linux/gtk/x86_64/isocenter"
[ -f "$PRODUCT/.isocenter-build-stamp" ] || { echo "build first: ./isocenter build" >&2; exit 2; }
command -v xdotool >/dev/null 2>&1 || install_pkg xdotool || { echo "xdotool is needed" >&2; exit 2; }
command -v Xvfb >/dev/null 2>&1 || install_pkg xvfb || { echo "Xvfb is needed" >&2; exit 2; }
"$PY" -c 'import numpy, pydicom' 2>/dev/null || install_pkg python3-pydicom || { echo "pydicom is needed" >&2; exit 2; }

KEEP=1
if [ -n "${1:-}" ]; then WORK="$(mkdir -p "$1" && cd "$1" && pwd)"; else WORK="$(mktemp -d)"; KEEP=0; fi
phantom_pair_dicom
PATIENT="$WORK/wb-patient" # the planning CT and a copy of it as a second series (same patient, study and frame)
if [ ! -d "$PATIENT/ct-copy" ]; then
  rm -rf "$PATIENT"; mkdir -p "$PATIENT"
  cp -r "$WORK/ct" "$PATIENT/ct"
  "$PY" - "$WORK/ct" "$PATIENT/ct-copy" <<'PYEOF'
import glob, os, sys
import pydicom
from pydicom.uid import generate_uid
src, out = sys.argv[1:3]
os.makedirs(out)
series = generate_uid()
for f in sorted(glob.glob(src + '/*.dcm')):
    ds = pydicom.dcmread(f)
    ds.SeriesInstanceUID, ds.SeriesDescription, ds.SeriesNumber = series, 'planning CT copy', 2
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    ds.save_as(os.path.join(out, os.path.basename(f)))
PYEOF
fi
cat "$PATIENT"/*/*.dcm > /dev/null # from the page cache, like a patient opened a second time

# a private X server for every run
DISP=""
for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { DISP=":$n"; break; }; done
Xvfb "$DISP" -screen 0 "${SCREEN}x24" -nolisten tcp > "$WORK/xvfb.log" 2>&1 &
XVFB=$!
BUS="" BUS_PID=""
if command -v dbus-daemon > /dev/null 2>&1; then # a session bus for demo-bus only
  BUS="$(dbus-daemon --session --fork --print-address=1 --print-pid=3 3> "$WORK/dbus.pid")" || BUS=""
  BUS_PID="$(cat "$WORK/dbus.pid" 2>/dev/null || true)"
fi
cleanup() { kill "$XVFB" $BUS_PID 2>/dev/null || true; [ "$KEEP" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT
sleep 1
export DISPLAY="$DISP"
unset DBUS_SESSION_BUS_ADDRESS # the cases other than demo-bus

# shown LOG [N]: waits (up to 120 s) until the LOG holds N "shown" lines; prints the last one
shown() {
  local log="$1" n="${2:-1}" i
  for i in $(seq 1200); do
    if [ "$(grep -c '^\[isocenter\] shown ' "$log" 2>/dev/null || true)" -ge "$n" ]; then
      grep '^\[isocenter\] shown ' "$log" | sed -n "${n}p"; return 0
    fi
    sleep 0.1
  done
  echo "# no image shown within 120 s, see $log" >&2; return 1
}

# row LINE PID [START_MS WINDOW_MS]: "launch_to_paint_s open_to_paint_s load_s vmhwm_kb launch_to_window_s" of a
# "shown" line and the Java process PID (0 and -1 for the launch figures when no start is given)
row() {
  awk -v s="${3:-0}" -v win="${4:-0}" -v hwm="$(awk '/VmHWM/ {print $2}' "/proc/$2/status")" \
    -v anon="$(awk '/RssAnon/ {print $2}' "/proc/$2/status")" \
    -v at="$(sed -E 's/.*at epoch ms ([0-9]+).*/\1/' <<< "$1")" \
    '{ for (i = 1; i <= NF; i++) { if ($i == "in") o = $(i + 1); if ($i == "(loading") l = $(i + 1) }
       printf "%.3f %s %s %d %.3f %d\n", (s > 0 ? (at - s) / 1000 : 0), o, l, hwm,
              (s > 0 && win > 0 ? (win - s) / 1000 : -1), anon }' <<< "$1"
}

# launch NAME HOME [FOLDER]: one workbench process with the Isocenter home HOME; writes NAME.runs lines
# "launch_to_paint_s open_to_paint_s load_s vmhwm_kb" and, for a folder, a warm open into NAME-warm.runs
launch() {
  local name="$1" home="$WORK/$2" folder="${3:-}" log="$WORK/$1.log" s pid line
  mkdir -p "$home"
  s=$(date +%s%3N)
  if [ -n "$folder" ]; then
    ISOCENTER_HOME="$home" "$ISO" workbench "$folder" > "$log" 2>&1 & pid=$!
  else
    ISOCENTER_HOME="$home" "$ISO" workbench > "$log" 2>&1 & pid=$!
  fi
  rm -f "$WORK/window.at"
  ( timeout 120 xdotool search --sync --onlyvisible --name '^Isocenter' > /dev/null 2>&1 \
      && date +%s%3N > "$WORK/window.at" ) &
  if line="$(shown "$log" 1)"; then
    local java; java="$(pgrep -P "$pid" -x java || echo "$pid")" # the launcher runs Java as its child while it
    # trains the workbench's AOT cache (the first session after a build), else Java replaces it
    row "$line" "$java" "$s" "$(cat "$WORK/window.at" 2>/dev/null || echo 0)" >> "$WORK/$name.runs"
    if [ -n "$folder" ]; then warm "$name" "$java" "$log"; fi
  fi
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}

# warm NAME PID LOG: selects the other CT series in the Patient Browser (its tree has the keyboard focus after the
# start-up selection: one row down is the second series), waits for its "shown" line and checks it is the copy
warm() {
  local name="$1" pid="$2" log="$3" win line
  win="$(xdotool search --sync --onlyvisible --pid "$pid" --name 'Isocenter' 2>/dev/null | head -n 1 || true)"
  [ -n "$win" ] && xdotool windowactivate --sync "$win" 2>/dev/null || true
  sleep 1
  xdotool key --clearmodifiers Down
  if line="$(shown "$log" 2)"; then
    grep -q 'planning CT copy' <<< "$line" \
      || { echo "# $name: the keyboard opened another series than the copy: $line" >&2; return 0; }
    row "$line" "$pid" >> "$WORK/$name-warm.runs"
  fi
}

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), screen $SCREEN"
echo "# load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$WORK"/*.runs "$WORK"/home-*
launch first-launch home-demo # a new Isocenter home: the demo patient is written, then shown; the AOT cache is
# trained by this session and written when it exits (the first session after each build does this)
ISOCENTER_JIT=tiered launch first-launch-tiered home-tiered # the same for the home of the tiered runs (not reported)
for i in $(seq "$RUNS"); do # interleaved, so that a change in the machine's load touches every variant alike
  launch demo home-demo
  [ -z "$BUS" ] || DBUS_SESSION_BUS_ADDRESS="$BUS" launch demo-bus home-demo
  ISOCENTER_JIT=tiered launch demo-tiered home-tiered
  ISOCENTER_AOT=off launch demo-noaot home-demo
  launch open home-demo "$PATIENT"
  ISOCENTER_HUGE_PAGES=off launch demo-4k home-demo
  ISOCENTER_HUGE_PAGES=off launch open-4k home-demo "$PATIENT"
done
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

"$PY" - "$WORK" <<'PYEOF'
import json, os, statistics, sys
work = sys.argv[1]
r = {}
for name in ('first-launch', 'demo', 'demo-bus', 'demo-tiered', 'demo-noaot', 'demo-4k', 'open', 'open-warm', 'open-4k',
             'open-4k-warm'):
    p = os.path.join(work, name + '.runs')
    rows = [list(map(float, l.split())) for l in open(p)] if os.path.exists(p) else []
    if not rows:
        r[name] = None
        continue
    med = lambda k: statistics.median(x[k] for x in rows)
    r[name] = {'launchToPaintS': round(med(0), 2), 'launchToWindowS': round(med(4), 2), 'openToPaintS': round(med(1), 2), 'loadS': round(med(2), 2),
               'peakRssMiB': round(med(3) / 1024), 'anonMiB': round(med(5) / 1024), 'runs': len(rows), 'launchToPaint': [x[0] for x in rows],
               'openToPaint': [x[1] for x in rows]}
for name, x in r.items():
    print(f"{name:14s} " + ("no result" if x is None else
          f"launch to window {x['launchToWindowS']:.2f} s, to paint {x['launchToPaintS']:.2f} s, open to paint {x['openToPaintS']:.2f} s (loading "
          f"{x['loadS']:.2f} s), peak RSS {x['peakRssMiB']} MiB (anonymous {x['anonMiB']} MiB)  (runs: {x['launchToPaint']} / {x['openToPaint']})"))
print("goals: demo CT on screen <= 3 s after launch; a 512x512x150 patient open <= 1 s warm")
print(json.dumps(r))
PYEOF
