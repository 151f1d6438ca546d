# SPDX-License-Identifier: EPL-2.0
# Sourced by ./mvnw and ./isocenter: makes JAVA_HOME point at a JDK 21 or later.
# Keeps a JAVA_HOME that is already 21+; otherwise picks the newest JDK >= 21 under /usr/lib/jvm
# (or on PATH). Prints a clear message and fails when there is none.
isocenter_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}
isocenter_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    local major; major=$(isocenter_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  local best="" best_major=0 dir major candidates
  candidates=$(ls -d /usr/lib/jvm/*/ 2>/dev/null)
  if command -v javac >/dev/null 2>&1; then
    candidates="$candidates $(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  fi
  for dir in $candidates; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(isocenter_java_major "$dir")
    case "$major" in ''|*[!0-9]*) continue ;; esac
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$dir"; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "Isocenter needs a JDK 21 or later (Eclipse 4.40 requires JavaSE-21)." >&2
    echo "None found in JAVA_HOME, /usr/lib/jvm or on PATH. Install one (e.g. Temurin 21+) and set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
isocenter_select_jdk || exit 1
