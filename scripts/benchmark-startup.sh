#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Start-up and whole-process benchmark of the headless commands: ./isocenter as a user runs it (the
# launcher, the JVM, the command, the exit) against peers on the same files, same machine, same run:
#   start-up  ./isocenter help (plain class path + AOT cache, as shipped; without the cache; in Equinox as before)
#             vs the pydicom script's interpreter start and imports (python3 -c 'import numpy, pydicom');
#   load      ./isocenter load of a 512x512x150 CT (DICOM) vs a pydicom script: read, sort, stack, rescale;
#             each also right after a run of itself (load-again, pydicom-again): on these virtual machines memory
#             a process takes anew can cost seconds of system time (page faults served by the host) unless a
#             process just used as much; the pydicom script takes 570 MiB, the command about 160 MiB;
#             also as before the launcher chose C1 alone: the JVM's default tiered JIT (ISOCENTER_JIT=tiered) with
#             an AOT cache trained that way (its own ISOCENTER_HOME, <workdir>/home-tiered); and with 4 kB pages
#             only (ISOCENTER_HUGE_PAGES=off: as before the launcher asked for transparent huge pages; load-4k);
#   register  ./isocenter register, DICOM in (the CT and a 1 mm CBCT of 270x270x180) vs elastix on the same voxels
#             as MetaImages (scripts/elastix-rigid-mi.txt, the masks of benchmark-registration.sh); also with the
#             tiered JIT and with 4 kB pages, as for load; register-batch5: five registers of the pair as the lines
#             of one ./isocenter batch (a script's loop over patients in one process), against five processes.
# Every run is its own process under /usr/bin/time (wall from the shell, peak RSS); medians over the runs.
# Needs a built product (./isocenter build); installs elastix and python3-pydicom when missing (root or sudo).
# Usage: scripts/benchmark-startup.sh [workdir] [runs=5]
#   workdir   images, DICOM and results (default: a temporary folder, removed at the end); reused when it holds them
# Commands run with ISOCENTER_HOME=<workdir>/home, so the AOT cache is made for this run (not timed).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/select-jdk.sh"
source "$ROOT/scripts/bench-common.sh"
RUNS="${2:-5}"
PY=/usr/bin/python3
ISO="$ROOT/isocenter"
PRODUCT="$ROOT/releng/org.isocenter.product/target/products/org.isocenter.product/linux/gtk/x86_64/isocenter"
[ -f "$PRODUCT/.isocenter-build-stamp" ] || { echo "build first: ./isocenter build" >&2; exit 2; }
unzip -l "$(ls "$PRODUCT"/plugins/org.isocenter.cli_*.jar | head -1)" | grep 'cli/internal/CliMain.class' > /dev/null \
  || { echo "the product predates CliMain: build first (./isocenter build)" >&2; exit 2; }

command -v elastix >/dev/null 2>&1 || install_pkg elastix || { echo "elastix is needed" >&2; exit 2; }
"$PY" -c 'import numpy, pydicom' 2>/dev/null || install_pkg python3-pydicom || { echo "pydicom is needed" >&2; exit 2; }

if [ -n "${1:-}" ]; then WORK="$(mkdir -p "$1" && cd "$1" && pwd)"; else WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT; fi
export ISOCENTER_HOME="$WORK/home"

phantom_pair_dicom # in $WORK: planning.mhd / daily.mhd (+ masks) and the DICOM series ct/ and cbct/
cat > "$WORK/pydicom-load.py" <<'PYEOF'
import glob, sys
import numpy as np
import pydicom
ds = [pydicom.dcmread(f) for f in glob.glob(sys.argv[1] + '/*.dcm')]
ds.sort(key=lambda d: float(d.ImagePositionPatient[2]))
vol = np.stack([d.pixel_array for d in ds])
hu = vol * float(ds[0].RescaleSlope) + float(ds[0].RescaleIntercept)
print(f'{{"shape": {list(hu.shape)}, "min": {hu.min()}, "max": {hu.max()}}}')
PYEOF

# ---- the AOT caches (made in the background by the first command; waited for, not timed): as shipped, and
# trained with the tiered JIT for the runs that use it
TIERED=(env "ISOCENTER_HOME=$WORK/home-tiered" ISOCENTER_JIT=tiered)
for home in "$ISOCENTER_HOME" "$WORK/home-tiered"; do
  if [ "$home" = "$ISOCENTER_HOME" ]; then "$ISO" help > /dev/null 2>&1; else "${TIERED[@]}" "$ISO" help > /dev/null 2>&1; fi
  for i in $(seq 600); do [ -d "$home/cli.aot.lock" ] || break; sleep 1; done
  [ -f "$home/cli.aot" ] || { echo "no AOT cache made, see $home/cli-aot.log" >&2; exit 1; }
done
ISOCENTER_CLI=osgi "$ISO" help > /dev/null 2>&1 # Equinox's configuration area, made once
cat "$WORK"/ct/*.dcm "$WORK"/cbct/*.dcm "$WORK"/*.raw > /dev/null # every tool reads from the page cache

# run NAME CMD...: one process; appends "wall_s rss_kb user_s sys_s" to NAME.runs and its stdout's last line to
# NAME.lasts (one line per run, in the same order)
run() {
  local name="$1"; shift
  local s e
  s=$(date +%s%N)
  /usr/bin/time -f "%M %U %S" -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" \
    || { echo "# $name failed (exit $?): $(tail -n 2 "$WORK/$name.err")" >&2; }
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000 )) $(tail -n 1 "$WORK/$name.time")" | awk '{printf "%.3f %d %.2f %.2f\n", $1 / 1e6, $2, $3, $4}' \
    >> "$WORK/$name.runs"
  printf '%s\n' "$(tail -n 1 "$WORK/$name.out")" >> "$WORK/$name.lasts"
}

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $("$PY" -c 'import pydicom, numpy, sys; print(f"Python {sys.version.split()[0]}, pydicom {pydicom.__version__}, numpy {numpy.__version__}")'), $(elastix --version 2>&1 | head -1)"
echo "# load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$WORK"/*.runs "$WORK"/*.lasts
for i in $(seq "$RUNS"); do # interleaved, so that a change in the machine's load touches every tool alike
  run help "$ISO" help
  ISOCENTER_AOT=off run help-noaot "$ISO" help
  ISOCENTER_CLI=osgi run help-osgi "$ISO" help
  run python-imports "$PY" -c 'import numpy, pydicom'
  run load "$ISO" load "$WORK/ct"
  run load-again "$ISO" load "$WORK/ct" # right after the same command: its memory is quick to get again
  ISOCENTER_AOT=off run load-noaot "$ISO" load "$WORK/ct"
  run load-tiered "${TIERED[@]}" "$ISO" load "$WORK/ct"
  ISOCENTER_HUGE_PAGES=off run load-4k "$ISO" load "$WORK/ct"
  ISOCENTER_CLI=osgi run load-osgi "$ISO" load "$WORK/ct"
  run pydicom "$PY" "$WORK/pydicom-load.py" "$WORK/ct"
  run pydicom-again "$PY" "$WORK/pydicom-load.py" "$WORK/ct"
done
REG_RUNS=$(( RUNS < 3 ? RUNS : 3 ))
for i in 1 2 3 4 5; do echo "register --planning '$WORK/ct' --daily '$WORK/cbct'"; done > "$WORK/register5.txt"
for i in $(seq "$REG_RUNS"); do
  run register "$ISO" register --planning "$WORK/ct" --daily "$WORK/cbct"
  run register-batch5 "$ISO" batch "$WORK/register5.txt"
  run register-tiered "${TIERED[@]}" "$ISO" register --planning "$WORK/ct" --daily "$WORK/cbct"
  ISOCENTER_HUGE_PAGES=off run register-4k "$ISO" register --planning "$WORK/ct" --daily "$WORK/cbct"
  ISOCENTER_CLI=osgi run register-osgi "$ISO" register --planning "$WORK/ct" --daily "$WORK/cbct"
done
rm -rf "$WORK/elastix"; mkdir -p "$WORK/elastix"
run elastix elastix -f "$WORK/planning.mhd" -m "$WORK/daily.mhd" -fMask "$WORK/planning_region.mhd" \
  -mMask "$WORK/daily_fov.mhd" -p "$ROOT/scripts/elastix-rigid-mi.txt" -out "$WORK/elastix"
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- report: medians (wall, then the peak RSS, user and system CPU of the same runs' medians) and one JSON line
"$PY" - "$WORK" <<'PYEOF'
import json, os, statistics, sys
work = sys.argv[1]
def runs(name):
    rows = [list(map(float, l.split())) for l in open(os.path.join(work, name + '.runs'))]
    med = lambda k: statistics.median(r[k] for r in rows)
    return {'wallS': round(med(0), 3), 'rssMiB': round(med(1) / 1024, 1), 'cpuS': round(med(2) + med(3), 2),
            'sysS': round(med(3), 2),
            'walls': [r[0] for r in rows], 'runs': len(rows)}
def lasts(name): # each run's JSON line (an empty object where a run printed none)
    out = []
    for line in open(os.path.join(work, name + '.lasts')):
        try:
            out.append(json.loads(line))
        except Exception:
            out.append({})
    return out
names = ['help', 'help-noaot', 'help-osgi', 'python-imports', 'load', 'load-again', 'load-noaot', 'load-tiered',
         'load-4k', 'load-osgi', 'pydicom', 'pydicom-again', 'register', 'register-batch5', 'register-tiered',
         'register-4k', 'register-osgi', 'elastix']
r = {n: runs(n) for n in names}
for n in (n for n in names if n.startswith(('load', 'register'))): # the runs of Isocenter commands that print times
    js = lasts(n)
    walls = r[n]['walls']
    # medians over the runs; readyS: start-up and exit around the command, each run's wall minus its own command time
    ready = [w - j['wallTimeMs'] / 1000 for w, j in zip(walls, js) if 'wallTimeMs' in j]
    r[n]['readyS'] = round(statistics.median(ready), 3) if ready else None
    for k in ('wallTimeMs', 'scanTimeMs', 'decodeTimeMs', 'loadMs', 'registrationMs'):
        values = [j[k] for j in js if k in j]
        if values:
            r[n]['commandMs' if k == 'wallTimeMs' else k] = round(statistics.median(values))
r['register-batch5']['perCommandS'] = round(r['register-batch5']['wallS'] / 5, 3) # five registers, one process
ratios = {
    'fiveProcessesOverBatch5': round(5 * r['register']['wallS'] / r['register-batch5']['wallS'], 2),
    'pydicomOverLoad': round(r['pydicom']['wallS'] / r['load']['wallS'], 2),
    'pydicomAgainOverLoadAgain': round(r['pydicom-again']['wallS'] / r['load-again']['wallS'], 2),
    'elastixOverRegister': round(r['elastix']['wallS'] / r['register']['wallS'], 2),
    'helpOsgiOverHelp': round(r['help-osgi']['wallS'] / r['help']['wallS'], 2),
}
print(f"{'':34s} {'wall s':>8s} {'CPU s':>7s} {'of it sys':>9s} {'peak RSS MiB':>13s}  notes")
for n in names:
    x = r[n]
    note = ' '.join(f'{k}={x[k]}' for k in ('perCommandS', 'readyS', 'commandMs', 'scanTimeMs', 'decodeTimeMs', 'loadMs',
                                           'registrationMs') if k in x)
    print(f"{n:34s} {x['wallS']:8.3f} {x['cpuS']:7.2f} {x['sysS']:9.2f} {x['rssMiB']:13.1f}  {note}  (runs: {x['walls']})")
print(f"pydicom / isocenter load = {ratios['pydicomOverLoad']} (goal >= 2), each right after itself = "
      f"{ratios['pydicomAgainOverLoadAgain']}; elastix / isocenter register = "
      f"{ratios['elastixOverRegister']} (goal >= 10); five registers as five processes / as one batch = "
      f"{ratios['fiveProcessesOverBatch5']}; help in Equinox / help = {ratios['helpOsgiOverHelp']}; "
      f"help whole process {r['help']['wallS']} s (goal: ready <= 0.3 s)")
print(json.dumps({'results': r, 'ratios': ratios}))
PYEOF
