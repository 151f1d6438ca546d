#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Record store timings (docs/performance.md): recording a decision warm, `course show` of a 40-fraction course warm,
# population statistics over N patients x 35 fractions (default 1000), on an embedded H2 database and on a
# throwaway PostgreSQL server (Debian's postgresql; started and removed by the benchmark). Needs './isocenter build'.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/select-jdk.sh" >/dev/null
PLUGINS="$ROOT/releng/org.isocenter.product/target/products/org.isocenter.product/linux/gtk/x86_64/isocenter/plugins"
cp=""
for b in com.h2database org.postgresql.jdbc org.flywaydb.core org.flywaydb.database.postgresql com.google.gson \
         org.apache.commons.math3 org.isocenter.core org.isocenter.margin org.isocenter.registration org.isocenter.igrt; do
  jar="$(ls "$PLUGINS"/${b}_*.jar 2>/dev/null | head -n 1)"
  [ -n "$jar" ] || { echo "missing bundle $b in $PLUGINS: run ./isocenter build first" >&2; exit 2; }
  cp="$cp:$jar"
done
cp="$cp:$ROOT/bundles/org.isocenter.igrt.tests/target/classes"
exec "$JAVA_HOME/bin/java" -cp "${cp#:}" org.isocenter.igrt.tests.RecordStoreBenchmark "$@"
