#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Margin benchmark: Isocenter's exact margin vs plastimatch's distance map + threshold (Debian plastimatch), same
# 5 cm spherical target on a 512x512x150 CT grid (0.977 x 0.977 x 2.5 mm), same machine, same run. Each tool runs as
# its own process under /usr/bin/time (wall time, peak RSS); volumes are compared with the analytic volume of the
# expanded sphere (r = 25 + 10 mm). plastimatch has no anisotropic margin: the anisotropic case is Isocenter only.
# Needs a built tree (./mvnw verify); installs plastimatch with apt-get when missing (root or password-less sudo).
# Usage: scripts/benchmark-margin.sh [workdir]
# Environment: ISOCENTER_BENCH_CP=dir  run the Java side from this class folder instead of bundles/*/target/classes
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/select-jdk.sh"
source "$ROOT/scripts/bench-common.sh"
bench_classpath org.isocenter.contour.tests.bench.MarginBenchmark org.isocenter.core org.isocenter.contour \
  org.isocenter.contour.tests
M2_REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
JTS="$M2_REPO/org/locationtech/jts/jts-core/1.20.0/jts-core-1.20.0.jar"
[ -f "$JTS" ] || JTS="$(ls "$ROOT"/releng/org.isocenter.product/target/products/org.isocenter.product/linux/gtk/x86_64/isocenter/plugins/org.locationtech.jts.jts-core_*.jar 2>/dev/null | head -1 || true)"
[ -n "$JTS" ] && [ -f "$JTS" ] || { echo "jts-core 1.20.0 not found: build first (./mvnw verify)" >&2; exit 2; }
CP="$CP:$JTS"
JAVA="$JAVA_HOME/bin/java"
BENCH=org.isocenter.contour.tests.bench.MarginBenchmark

command -v plastimatch >/dev/null 2>&1 || install_pkg plastimatch || { echo "plastimatch is needed" >&2; exit 2; }
command -v /usr/bin/time >/dev/null 2>&1 || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

if [ -n "${1:-}" ]; then WORK="$(mkdir -p "$1" && cd "$1" && pwd)"; else WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT; fi
echo "# machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), $(plastimatch --version 2>&1 | head -1)"
"$JAVA" -cp "$CP" "$BENCH" mask "$WORK"

timed_wall_rss() { # name, command...: runs under /usr/bin/time, prints "wall_s maxrss_kb" into $WORK/name.time
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
}
timed_wall_rss iso "$JAVA" -cp "$CP" "$BENCH" isocenter 10
timed_wall_rss aniso "$JAVA" -cp "$CP" "$BENCH" isocenter 10,10,7,7,12,12
"$JAVA" -cp "$CP" "$BENCH" isocenter 10 4 > "$WORK/iso-warm.out"
"$JAVA" -cp "$CP" "$BENCH" isocenter 10,10,7,7,12,12 4 > "$WORK/aniso-warm.out"
timed_wall_rss dmap plastimatch dmap --input "$WORK/target.mhd" --output "$WORK/dmap.mha" --algorithm maurer
timed_wall_rss thresh plastimatch threshold --input "$WORK/dmap.mha" --output "$WORK/ptv.mha" --below 10
plastimatch stats "$WORK/ptv.mha" > "$WORK/stats.out" 2>&1

python3 - "$WORK" <<'PY'
import json, math, re, sys
w = sys.argv[1]
def t(name):
    wall, rss = open(f"{w}/{name}.time").read().split()[-2:]
    return float(wall), int(rss) / 1024
iso = json.loads(open(f"{w}/iso.out").read().strip().splitlines()[-1])
aniso = json.loads(open(f"{w}/aniso.out").read().strip().splitlines()[-1])
iso["warmMs"] = json.loads(open(f"{w}/iso-warm.out").read().strip().splitlines()[-1])["warmMs"]
aniso["warmMs"] = json.loads(open(f"{w}/aniso-warm.out").read().strip().splitlines()[-1])["warmMs"]
truth = 4 / 3 * math.pi * 35 ** 3 / 1000
nonzero = int(re.search(r"NONZERO (\d+)", open(f"{w}/stats.out").read()).group(1))
pm_cc = nonzero * 0.977 * 0.977 * 2.5 / 1000
iw, ir = t("iso"); aw, ar = t("aniso"); dw, dr = t("dmap"); tw, tr = t("thresh")
pw = dw + tw
print(f"analytic volume of the 25 mm sphere + 10 mm: {truth:.2f} cc")
print(f"| tool | margin | volume cc | error | margin compute (fresh JVM; warm JVM) | process wall (one run) | peak RSS |")
print(f"|---|---|---|---|---|---|---|")
print(f"| Isocenter exact margin | 10 mm | {iso['volumeCc']:.2f} | {100*(iso['volumeCc']/truth-1):+.2f}% | {iso['coldMs']:.0f} ms cold, {iso['warmMs']:.0f} ms warm | {iw:.2f} s | {ir:.0f} MiB |")
print(f"| Isocenter exact margin | R/L 10, A/P 7, I/S 12 mm | {aniso['volumeCc']:.2f} | (no analytic truth) | {aniso['coldMs']:.0f} ms cold, {aniso['warmMs']:.0f} ms warm | {aw:.2f} s | {ar:.0f} MiB |")
print(f"| plastimatch dmap (Maurer) + threshold | 10 mm | {pm_cc:.2f} | {100*(pm_cc/truth-1):+.2f}% | - | {pw:.2f} s ({dw:.2f} + {tw:.2f}) | {max(dr,tr):.0f} MiB |")
print(f"ratio plastimatch wall / Isocenter wall (isotropic): {pw/iw:.2f}; plastimatch wall / Isocenter cold compute: {pw/(iso['coldMs']/1000):.1f}")
PY
