#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# The extension story, proven on every build: installs the example vendor plug-in (examples/) from the update site
# (releng/org.isocenter.repository) into a copy of the product with the p2 director, as a clinic would install a
# vendor's plug-in, and checks the copy through ./isocenter (ISOCENTER_PRODUCT): the plug-in's bundle is installed;
# its algorithm (with a parameter) and exporter are offered;
# its command is listed and runs; `register --algorithm` runs its registration algorithm; the workbench opens its view
# in the Registration / IGRT perspective (under Xvfb when there is no display). Needs a built product and update
# site (./isocenter build). Prints one "N passed, N failed" line; exits non-zero on any failure.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3
PRODUCT="$ROOT/releng/org.isocenter.product/target/products/org.isocenter.product/linux/gtk/x86_64/isocenter"
REPO="$ROOT/releng/org.isocenter.repository/target/repository"
FEATURE=org.isocenter.examples.vendor.feature.feature.group
for d in "$PRODUCT/plugins" "$REPO/features"; do
  [ -d "$d" ] || { echo "build first (./isocenter build): $d is missing" >&2; exit 2; }
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
source "$ROOT/scripts/workbench-line.sh"
passed=0; failed=0
ok() { passed=$((passed+1)); echo "ok   $1"; }
fail() { failed=$((failed+1)); echo "FAIL $1"; [ -z "${2:-}" ] || tail -n 5 "$2" | cut -c1-400; }
# json FILE EXPR: the python expression over j (the last stdout line as JSON) holds
json() {
  "$PY" - "$1" "$2" <<'PYEOF'
import json, sys
lines = [l for l in open(sys.argv[1]).read().splitlines() if l.strip()]
j = json.loads(lines[-1]) if lines else {}
sys.exit(0 if eval(sys.argv[2]) else 1)
PYEOF
}

# the installation: a copy of the product, the example feature installed into its p2 profile by the director
cp -a "$PRODUCT" "$tmp/isocenter"
(cd "$tmp" && "$ROOT/mvnw" -q -B org.eclipse.tycho:tycho-p2-director-plugin:5.0.2:director \
    -Ddestination="$tmp/isocenter" -Dprofile=DefaultProfile -Drepositories="file:$REPO" -DinstallIUs="$FEATURE") \
  > "$tmp/director.log" 2>&1
if grep -q '^org.isocenter.examples.vendor,' "$tmp/isocenter/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"; then
  ok "the p2 director installs $FEATURE from the update site into a copy of the product"
else
  fail "the p2 director installs $FEATURE from the update site into a copy of the product" "$tmp/director.log"
fi
if [ -f "$PRODUCT/.isocenter-bundles" ] && grep -q '^org.isocenter.examples.vendor$' "$PRODUCT/.isocenter-bundles"; then
  fail "the built product itself does not contain the example plug-in"
else
  ok "the built product itself does not contain the example plug-in"
fi

export ISOCENTER_PRODUCT="$tmp/isocenter" ISOCENTER_HOME="$tmp/home"
iso="$ROOT/isocenter"
"$iso" demo "$tmp/demo" > "$tmp/demo.out" 2> "$tmp/demo.err"
json "$tmp/demo.out" "j.get('seriesCount') == 14" || fail "the installation writes the demo patient" "$tmp/demo.err"

"$iso" help > "$tmp/help.out" 2> "$tmp/help.err"
if json "$tmp/help.out" "'example-centroid' in j['commands'] and 'register' in j['commands']"; then
  ok "help lists the plug-in's command beside the built-in ones"
else
  fail "help lists the plug-in's command beside the built-in ones" "$tmp/help.out"
fi

ct="$tmp/demo/CT_planning" cbct="$tmp/demo/CBCT_fx01"
"$iso" example-centroid --planning "$ct" --daily "$cbct" > "$tmp/ec.out" 2> "$tmp/ec.err"; code=$?
if [ "$code" -eq 0 ] && json "$tmp/ec.out" "j['algorithm'] == 'example.bone-centroid' and len(j['translationMm']) == 3"; then
  ok "the plug-in's command runs (handed to the Equinox application): $(tail -n 1 "$tmp/ec.out" | cut -c1-90)"
else
  fail "the plug-in's command runs (exit $code)" "$tmp/ec.err"
fi

"$iso" register --algorithm example.bone-centroid --param boneThresholdHu=300 --planning "$ct" --daily "$cbct" \
  > "$tmp/reg.out" 2> "$tmp/reg.err"; code=$?
if [ "$code" -eq 0 ] && json "$tmp/reg.out" "j['algorithm'] == 'example.bone-centroid' and len(j['matrix']) == 16 \
    and j['algorithmParameters'] == {'boneThresholdHu': 300.0}"; then
  ok "register --algorithm example.bone-centroid --param boneThresholdHu=300 matches with the plug-in's algorithm"
else
  fail "register --algorithm example.bone-centroid --param boneThresholdHu=300 (exit $code)" "$tmp/reg.err"
fi

# the plug-in's exporter is offered by export (an unknown --exporter lists the installed ones)
"$iso" export --plan "$tmp/demo/RTPLAN_planning.dcm" --to-folder "$tmp/unused" --exporter none \
  > "$tmp/exp.out" 2> "$tmp/exp.err"; code=$?
if [ "$code" -eq 2 ] && json "$tmp/exp.out" "'example.console-drop' in j['error'] and 'folder' in j['error']"; then
  ok "export offers the plug-in's exporter beside the shipped ones"
else
  fail "export offers the plug-in's exporter beside the shipped ones (exit $code)" "$tmp/exp.out"
fi

# the workbench in the Registration / IGRT perspective: the plug-in's view opens (it says so on stderr)
line="$(workbench_line '^\[example\] Vendor Example view open' "$tmp/wb.log" \
  -perspective org.isocenter.ui.perspective.registration "$tmp/demo")"
if [[ "$line" == *"example.bone-centroid"* ]]; then
  ok "the workbench opens the plug-in's view in Registration / IGRT, listing its algorithm: ${line#\[example\] }"
else
  fail "the workbench opens the plug-in's view in Registration / IGRT" "$tmp/wb.log"
fi

echo "plug-in install test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
