# SPDX-License-Identifier: EPL-2.0
# Shared by the product's end-to-end test scripts (sourced, not run). Expects ROOT (the checkout) to be set.

# workbench_line PATTERN LOG ARGS...: starts ./isocenter workbench ARGS (under Xvfb when there is no display; without
# the AOT cache, so that nothing is trained or written at exit), waits up to 90 s for the first line of its output
# matching the grep PATTERN, prints it (nothing when none came), and ends the workbench. Output goes to LOG.
workbench_line() {
  local pattern="$1" log="$2" pid line="" i
  shift 2
  local xrun=()
  [ -n "${DISPLAY:-}" ] || xrun=(xvfb-run -a -s "-screen 0 1280x800x24")
  ISOCENTER_AOT=off "${xrun[@]}" "$ROOT/isocenter" workbench "$@" > "$log" 2>&1 &
  pid=$!
  for i in $(seq 900); do line="$(grep -m 1 "$pattern" "$log")" && break; sleep 0.1; done
  pkill -TERM -P "$pid" 2>/dev/null; kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  printf '%s' "$line"
}
