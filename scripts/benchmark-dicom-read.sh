#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# DICOM series decoding benchmark: Isocenter vs cat and pydicom on the same files, same machine, same
# run; then the peak-heap check for a 512x512x500 series. Needs a built tree (./mvnw verify or ./isocenter build).
# Usage: scripts/benchmark-dicom-read.sh [slices=150] [runs=12]
# Isocenter is timed in one JVM: "cold" is the first run (class loading, JIT), "warm" the median of the last 5.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/select-jdk.sh"
SLICES="${1:-150}"; RUNS="${2:-12}"
B="$ROOT/bundles"
CP="$B/org.isocenter.core/target/classes:$B/org.isocenter.dicom/target/classes:$B/org.isocenter.dicom.tests/target/classes:/usr/share/java/pixelmed.jar"
for d in org.isocenter.core org.isocenter.dicom org.isocenter.dicom.tests; do
  [ -d "$B/$d/target/classes" ] || { echo "build first: $B/$d/target/classes missing" >&2; exit 2; }
done
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
JAVA="$JAVA_HOME/bin/java"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1)"
"$JAVA" -cp "$CP" org.isocenter.dicom.tests.bench.SeriesReadBenchmark write "$WORK/ct" "$SLICES" 2>/dev/null
echo "# series: $(ls "$WORK/ct" | wc -l) files, $(du -sm "$WORK/ct" | cut -f1) MB"
cat "$WORK"/ct/*.dcm > /dev/null # warm the page cache

cat_ms=$(for i in $(seq 5); do s=$(date +%s%N); cat "$WORK"/ct/*.dcm > /dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); done | median)
iso_json=$("$JAVA" -Xmx2g -cp "$CP" org.isocenter.dicom.tests.bench.SeriesReadBenchmark read "$WORK/ct" "$RUNS" 2>/dev/null)
iso_ms=$(/usr/bin/python3 -c "import json,sys,statistics; r=json.loads(sys.argv[1])['runsMs']; print(statistics.median(r[-5:]))" "$iso_json")
iso_cold=$(/usr/bin/python3 -c "import json,sys; print(json.loads(sys.argv[1])['runsMs'][0])" "$iso_json")
py_ms=$(/usr/bin/python3 - "$WORK/ct" <<'PY'
import sys, glob, time, statistics, numpy as np, pydicom
files = glob.glob(sys.argv[1] + '/*.dcm')
times = []
for run in range(5):
    t0 = time.perf_counter()
    ds = [pydicom.dcmread(f) for f in files]
    ds.sort(key=lambda d: float(d.ImagePositionPatient[2]))
    vol = np.stack([d.pixel_array.astype(np.int16) for d in ds])
    hu = vol * float(ds[0].RescaleSlope) + float(ds[0].RescaleIntercept)
    times.append((time.perf_counter() - t0) * 1000)
print(statistics.median(times))
PY
)
echo "isocenter runs (ms, in order; the first is a cold JVM): $iso_json"
/usr/bin/python3 -c "import sys; s, c, i, p, k = sys.argv[1:]; c, i, p, k = float(c), float(i), float(p), float(k); print(f'RESULT decode {s}x512x512: cat {c:.0f} ms | Isocenter warm {i:.0f} ms (cold {k:.0f} ms) | pydicom {p:.0f} ms | Isocenter/cat {i/c:.2f} | pydicom/Isocenter {p/i:.2f} (cold {p/k:.2f})')" \
  "$SLICES" "$cat_ms" "$iso_ms" "$py_ms" "$iso_cold"

# Peak heap: a 512x512x500 series must decode with a heap capped at 1.5x its raw 16-bit voxel size
"$JAVA" -cp "$CP" org.isocenter.dicom.tests.bench.SeriesReadBenchmark write "$WORK/big" 500 2>/dev/null
cat "$WORK"/big/*.dcm > /dev/null
raw=$((512*512*500*2)); cap_mb=$(( raw * 3 / 2 / 1048576 ))
if big_json=$("$JAVA" -Xmx${cap_mb}m -cp "$CP" org.isocenter.dicom.tests.bench.SeriesReadBenchmark read "$WORK/big" 1 2>&1); then
  echo "RESULT peak heap: 512x512x500 ($((raw/1048576)) MB raw) decoded with -Xmx${cap_mb}m (1.5x raw): $big_json"
else
  echo "RESULT peak heap: FAILED with -Xmx${cap_mb}m: $(echo "$big_json" | tail -3)"; exit 1
fi
