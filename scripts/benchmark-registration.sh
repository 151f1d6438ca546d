#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Rigid CT-to-CBCT registration benchmark: Isocenter's RigidIntensityRegistration vs elastix (Debian elastix) and
# plastimatch (Debian plastimatch), same files, same machine, same run. Each tool runs as its own process under
# /usr/bin/time -v (wall time, max RSS); the report computes the target registration error of every result against
# the phantom's known transform. Needs a built tree (./mvnw verify or ./isocenter build); installs elastix and
# plastimatch with apt-get when they are missing (root or password-less sudo).
# Usage: scripts/benchmark-registration.sh [workdir]
#   workdir   where the images and results go (default: a temporary folder, removed at the end); an existing
#             workdir with truth.json is reused without regenerating the images
# Environment:
#   SKIP_PLASTIMATCH=1       do not run plastimatch (it takes one to two minutes)
#   ISOCENTER_BENCH_CP=dir   run the Java parts from this class folder instead of bundles/*/target/classes
#   ISOCENTER_RUNS=n         register n times in the Isocenter process (default 1; later runs show the warm JVM)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/select-jdk.sh"
source "$ROOT/scripts/bench-common.sh"
M2_REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"

# ---- classpath: like benchmark-mpr.sh, the bundles' target/classes (+ commons-math3 from the target platform)
MATH="$M2_REPO/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
if [ ! -f "$MATH" ]; then
  MATH="$(ls "$ROOT"/releng/org.isocenter.product/target/products/org.isocenter.product/linux/gtk/x86_64/isocenter/plugins/org.apache.commons.math3_*.jar 2>/dev/null | head -1 || true)"
fi
[ -n "$MATH" ] && [ -f "$MATH" ] || { echo "commons-math3 3.6.1 not found in $M2_REPO: build first (./mvnw verify)" >&2; exit 2; }
bench_classpath org.isocenter.registration.tests.bench.RegistrationBenchmark org.isocenter.core \
  org.isocenter.registration org.isocenter.registration.tests
CP="$CP:$MATH"
JAVA="$JAVA_HOME/bin/java"
BENCH=org.isocenter.registration.tests.bench.RegistrationBenchmark

# ---- peers: Debian packages, installed when missing
command -v elastix >/dev/null 2>&1 || install_pkg elastix || { echo "elastix is needed" >&2; exit 2; }
PLASTIMATCH_SKIPPED=""
if [ -n "${SKIP_PLASTIMATCH:-}" ]; then
  PLASTIMATCH_SKIPPED="skipped (SKIP_PLASTIMATCH set)"
elif ! command -v plastimatch >/dev/null 2>&1 && ! install_pkg plastimatch; then
  PLASTIMATCH_SKIPPED="the Debian package plastimatch could not be installed"
fi

# ---- data
if [ -n "${1:-}" ]; then WORK="$(mkdir -p "$1" && cd "$1" && pwd)"; else WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT; fi
echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1), $(elastix --version 2>&1 | head -1)$(command -v plastimatch >/dev/null && echo ", $(plastimatch --version 2>&1 | head -1)")"
if [ ! -f "$WORK/truth.json" ]; then
  "$JAVA" -Xmx3g -cp "$CP" "$BENCH" generate "$WORK"
fi
rm -rf "$WORK"/*.time "$WORK"/*.load "$WORK"/*.log "$WORK/elastix" "$WORK/plastimatch" "$WORK/isocenter-result.json" "$WORK/plastimatch.skipped"
cat "$WORK"/*.raw > /dev/null # every tool reads the images from the page cache


# ---- Isocenter: a fresh JVM reads both MetaImages and registers (identity start, the CBCT's box as region)
timed isocenter "$JAVA" -Xmx2g -cp "$CP" "$BENCH" isocenter "$WORK" "${ISOCENTER_RUNS:-1}"

# ---- elastix: default threads (all cores), the same region as masks
mkdir -p "$WORK/elastix"
timed elastix elastix -f "$WORK/planning.mhd" -m "$WORK/daily.mhd" -fMask "$WORK/planning_region.mhd" \
  -mMask "$WORK/daily_fov.mhd" -p "$ROOT/scripts/elastix-rigid-mi.txt" -out "$WORK/elastix"

# ---- plastimatch: ITK versor rigid + Mattes MI, two stages as in plastimatch's registration guidebook (subsampled
# 4 4 2 then 2 2 1 voxels), 32 histogram bins like the others, other settings default (30% of the voxels sampled),
# the same region as fixed/moving ROI masks. The guidebook's 30 iterations per stage stop while the optimiser is
# still moving (1.8 mm TRE here); with up to 100 the second stage ends on its own tolerance.
if [ -z "$PLASTIMATCH_SKIPPED" ]; then
  mkdir -p "$WORK/plastimatch"
  cat > "$WORK/plastimatch/register.txt" <<EOF
[GLOBAL]
fixed=$WORK/planning.mhd
moving=$WORK/daily.mhd
fixed_roi=$WORK/planning_region.mhd
moving_roi=$WORK/daily_fov.mhd
xform_out=$WORK/plastimatch/xform.txt

[STAGE]
xform=rigid
optim=versor
impl=itk
metric=mi
mi_histogram_bins=32
max_its=100
res=4 4 2

[STAGE]
xform=rigid
optim=versor
impl=itk
metric=mi
mi_histogram_bins=32
max_its=100
res=2 2 1
EOF
  timed plastimatch plastimatch register "$WORK/plastimatch/register.txt"
else
  echo "$PLASTIMATCH_SKIPPED" > "$WORK/plastimatch.skipped"
fi

# ---- report: table + one JSON line (last line)
"$JAVA" -cp "$CP" "$BENCH" report "$WORK"
