#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# MPR frame-time benchmark: Isocenter's slice renderer vs VTK vtkImageReslice + window/level, same JVM,
# same 512x512x150 volume, every slice of each plane into a 512x512 view. Needs a built tree (./mvnw verify) and
# an X display for VTK's libraries (run under xvfb-run on a headless machine).
# Usage: scripts/benchmark-mpr.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/select-jdk.sh"
B="$ROOT/bundles"
CP=""
for d in org.isocenter.core org.isocenter.render org.isocenter.render.vtk org.isocenter.render.vtk.tests; do
  [ -d "$B/$d/target/classes" ] || { echo "build first: $B/$d/target/classes missing" >&2; exit 2; }
  CP="$CP:$B/$d/target/classes"
done
VTK_JNI="$(dirname "$(dpkg -L libvtk9-java | grep 'libvtkCommonCoreJava.so$' | head -1)")"
echo "# machine: $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
"$JAVA_HOME/bin/java" -Xmx3g -Djava.library.path="$VTK_JNI:$JAVA_HOME/lib" --enable-native-access=ALL-UNNAMED \
  -cp "${CP#:}:/usr/share/java/vtk9.jar" org.isocenter.render.vtk.tests.bench.ResliceBenchmark
