# SPDX-License-Identifier: EPL-2.0
# Shared by the benchmark scripts (sourced, not run): the Java side's class path, installing a Debian peer, and
# timing one tool as its own process. Expects ROOT (the checkout) to be set by the sourcing script.

# bench_classpath BENCH_CLASS BUNDLE...: sets CP to $ISOCENTER_BENCH_CP, or to the bundles' target/classes, and
# checks that they are built (the benchmark class, a fully qualified name, compiled in the last bundle).
bench_classpath() {
  local bench="$1"; shift
  if [ -n "${ISOCENTER_BENCH_CP:-}" ]; then CP="$ISOCENTER_BENCH_CP"; return; fi
  CP=""
  local d last=""
  for d in "$@"; do
    [ -d "$ROOT/bundles/$d/target/classes" ] || { echo "build first: $ROOT/bundles/$d/target/classes missing" >&2; exit 2; }
    CP="$CP:$ROOT/bundles/$d/target/classes"
    last="$d"
  done
  CP="${CP#:}"
  [ -f "$ROOT/bundles/$last/target/classes/${bench//.//}.class" ] \
    || { echo "build first: ${bench##*.} is not compiled under $ROOT/bundles/$last/target/classes" >&2; exit 2; }
}

# install_pkg PACKAGE: apt-get install as root or with password-less sudo; non-zero when it cannot.
install_pkg() {
  local SUDO
  if [ "$(id -u)" -eq 0 ]; then SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
  else echo "cannot install $1 (needs root): apt-get install -y $1" >&2; return 1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$1" >&2 \
    || { $SUDO apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$1" >&2; }
}

# timed NAME COMMAND...: runs under /usr/bin/time -v in $WORK: output in NAME.log, report in NAME.time, the load
# average at the start in NAME.load.
timed() {
  local name="$1"; shift
  cut -d' ' -f1-3 /proc/loadavg > "$WORK/$name.load"
  echo "# $name: running (load average $(cat "$WORK/$name.load"))" >&2
  /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.log" 2>&1 \
    || echo "# $name failed (exit $?), see $WORK/$name.log" >&2
}

# phantom_pair_dicom: the registration benchmark's phantom pair in $WORK (unless there already), as MetaImages
# (planning.mhd, daily.mhd, masks; for elastix) and as DICOM series of one patient and study: ct/ (512x512x150
# planning CT) and cbct/ (270x270x180 CBCT at 1 mm). Expects PRODUCT, PY and WORK to be set.
phantom_pair_dicom() {
  if [ ! -f "$WORK/truth.json" ]; then
    bench_classpath org.isocenter.registration.tests.bench.RegistrationBenchmark org.isocenter.core \
      org.isocenter.registration org.isocenter.registration.tests
    CP="$CP:$(ls "$PRODUCT"/plugins/org.apache.commons.math3_*.jar | head -1)"
    "$JAVA_HOME/bin/java" -Xmx3g -cp "$CP" org.isocenter.registration.tests.bench.RegistrationBenchmark generate "$WORK" >&2
  fi
  if [ ! -d "$WORK/cbct" ]; then
    rm -rf "$WORK/ct"
    local study; study="$("$PY" -c 'from pydicom.uid import generate_uid; print(generate_uid())')"
    "$PY" "$ROOT/scripts/mhd-to-dicom.py" "$WORK/planning.mhd" "$WORK/ct" "planning CT" "$study"
    "$PY" "$ROOT/scripts/mhd-to-dicom.py" "$WORK/daily.mhd" "$WORK/cbct" "CBCT" "$study"
  fi
}
