#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Recording one fraction with its body outline comparison (docs/performance.md): a 512x512x150 planning CT with its
# BODY contour, a 1 mm CBCT, the comparison over the treated region and the decision with the adaptive rules written
# to an embedded H2 store; median of the warm runs (target 1 s). Needs './isocenter build'.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/select-jdk.sh" >/dev/null
PLUGINS="$ROOT/releng/org.isocenter.product/target/products/org.isocenter.product/linux/gtk/x86_64/isocenter/plugins"
cp=""
for b in com.h2database org.flywaydb.core com.google.gson org.apache.commons.math3 org.isocenter.core \
         org.isocenter.margin org.isocenter.registration org.isocenter.render org.isocenter.demo org.isocenter.igrt; do
  jar="$(ls "$PLUGINS"/${b}_*.jar 2>/dev/null | head -n 1)"
  [ -n "$jar" ] || { echo "missing bundle $b in $PLUGINS: run ./isocenter build first" >&2; exit 2; }
  cp="$cp:$jar"
done
cp="$cp:$ROOT/bundles/org.isocenter.igrt.tests/target/classes"
exec "$JAVA_HOME/bin/java" -Xmx4g -cp "${cp#:}" org.isocenter.igrt.tests.FractionRecordingBenchmark "$@"
