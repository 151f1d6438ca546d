#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# DVH benchmark: Isocenter's DvhCalculator vs dicompyler-core (Debian python3-dicompylercore), same files, same
# machine, same run. Writes a BODY (elliptic cylinder 350 x 240 mm, 360-point contours on every slice of a 512x512x150
# CT, 2.5 mm slices) as RTSTRUCT and an analytic dose on a 2.5 mm grid as RTDOSE, checks both with dciodvfy when
# dicom3tools is installed, then runs each tool as its own process under /usr/bin/time -v (wall time, CPU, peak RSS)
# and reports volume, Dmean, D98/D95/D50/D2 of both against the analytic truth and the wall-time ratio.
# Needs a built tree (./mvnw verify or ./isocenter build); installs python3-dicompylercore (and dicom3tools) with
# apt-get when missing (root or password-less sudo).
# Usage: scripts/benchmark-dvh.sh [workdir]
#   workdir   where the files and results go (default: a temporary folder, removed at the end); an existing workdir
#             with both DICOM files is reused without regenerating them
# Environment:
#   ISOCENTER_BENCH_CP=dir   run the Java parts from this class folder instead of bundles/*/target/classes
#   ISOCENTER_RUNS=n         compute the DVH n times in the Isocenter process (default 1; later runs show the warm JVM)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/select-jdk.sh"
source "$ROOT/scripts/bench-common.sh"
PIXELMED=/usr/share/java/pixelmed.jar
[ -f "$PIXELMED" ] || { echo "$PIXELMED missing: scripts/setup-deps.sh installs it" >&2; exit 2; }

# ---- classpath: the bundles' target/classes
bench_classpath org.isocenter.dose.tests.bench.DvhBenchmark org.isocenter.core org.isocenter.dicom org.isocenter.dose \
  org.isocenter.dose.tests
CP="$CP:$PIXELMED"
JAVA="$JAVA_HOME/bin/java"
BENCH=org.isocenter.dose.tests.bench.DvhBenchmark
PYTHON=/usr/bin/python3 # Debian's, where python3-dicompylercore installs (not a pyenv or venv interpreter)

# ---- peer and validator: Debian packages, installed when missing
"$PYTHON" -c "import dicompylercore" 2>/dev/null || install_pkg python3-dicompylercore \
  || { echo "python3-dicompylercore is needed" >&2; exit 2; }
command -v dciodvfy >/dev/null 2>&1 || install_pkg dicom3tools || echo "# dicom3tools missing: files not validated" >&2

# ---- data
if [ -n "${1:-}" ]; then WORK="$(mkdir -p "$1" && cd "$1" && pwd)"; else WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT; fi
echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1), dicompyler-core $("$PYTHON" -c 'import dicompylercore; print(dicompylercore.__version__)'), $("$PYTHON" --version 2>&1)"
if [ ! -f "$WORK/RTSTRUCT_body.dcm" ] || [ ! -f "$WORK/RTDOSE_body.dcm" ]; then
  rm -f "$WORK/RTSTRUCT_body.dcm" "$WORK/RTDOSE_body.dcm"
  "$JAVA" -Xmx2g -cp "$CP" "$BENCH" generate "$WORK"
fi
rm -f "$WORK"/*.time "$WORK"/*.load "$WORK"/*.log "$WORK"/*-result.json
if command -v dciodvfy >/dev/null 2>&1; then
  for f in RTSTRUCT_body.dcm RTDOSE_body.dcm; do
    dciodvfy "$WORK/$f" > "$WORK/${f%.dcm}.dciodvfy" 2>&1 || true
    echo "# dciodvfy $f: $(grep -c '^Error' "$WORK/${f%.dcm}.dciodvfy" || true) errors, $(grep -c '^Warning' "$WORK/${f%.dcm}.dciodvfy" || true) warnings (see $WORK/${f%.dcm}.dciodvfy)"
  done
fi
cat "$WORK"/*.dcm > /dev/null # both tools read the files from the page cache


# ---- Isocenter: a fresh JVM reads RTSTRUCT and RTDOSE and computes the DVH of BODY (default settings, all cores)
timed isocenter "$JAVA" -Xmx1g -cp "$CP" "$BENCH" isocenter "$WORK" "${ISOCENTER_RUNS:-1}"

# ---- dicompyler-core: dvhcalc.get_dvh(RTSTRUCT, RTDOSE, ROI 1) with its defaults
timed dicompyler "$PYTHON" "$ROOT/scripts/dvh-dicompyler.py" "$WORK/RTSTRUCT_body.dcm" "$WORK/RTDOSE_body.dcm" 1 \
  "$WORK/dicompyler-result.json"

# ---- report: table + one JSON line (last line)
"$JAVA" -cp "$CP" "$BENCH" report "$WORK"
