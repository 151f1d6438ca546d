#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# End-to-end checks of the materialized product through ./isocenter (headless CLI, no display):
# demo generation, the workbench opened on the demo folder (under Xvfb when there is no display), info on the demo
# folder, info with a corrupt file, the error contract, and DICOM echo/send to dcmtk's storescp, and a margin policy
# from a shifts CSV; the launcher's own parts: the framework jars, the AOT cache's check, a command's VM options, the
# commands' class path memo, the set-up's mark.
# Prints one "N passed, N failed" line; exits non-zero on any failure.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
source "$ROOT/scripts/workbench-line.sh"
passed=0; failed=0
check() { # name, then a python expression over `j` (the last stdout line as JSON) and `code` (exit status)
  local name="$1" out="$2" code="$3" expr="$4"
  if "$PY" - "$out" "$code" "$expr" <<'PYEOF'
import json, sys
lines = [l for l in open(sys.argv[1]).read().splitlines() if l.strip()]
j = json.loads(lines[-1]); code = int(sys.argv[2])
ok = eval(sys.argv[3])
sys.exit(0 if ok else 1)
PYEOF
  then passed=$((passed+1)); echo "ok   $name"
  else failed=$((failed+1)); echo "FAIL $name"; tail -n 3 "$out" | cut -c1-400; fi
}

"$ROOT/isocenter" demo "$tmp/demo" > "$tmp/demo.out" 2> "$tmp/demo.err"; code=$?
check "demo writes 14 series for one patient" "$tmp/demo.out" $code \
  "code == 0 and j['seriesCount'] == 14 and j['patients'][0]['patientId'] == 'ISO-DEMO-001' and j['problems'] == []"

"$ROOT/isocenter" info "$tmp/demo" > "$tmp/info.out" 2> "$tmp/info.err"; code=$?
check "info lists CT(100), RTSTRUCT(6 ROIs), RTPLAN, RTDOSE, 10 CBCT(64)" "$tmp/info.out" $code \
  "code == 0 and sorted((s['modality'], s['instances'], len(s.get('rois', []))) for st in j['patients'][0]['studies'] for s in st['series']) == [('CT',64,0)] * 10 + [('CT',100,0),('RTDOSE',1,0),('RTPLAN',1,0),('RTSTRUCT',1,6)]"

# a batch: the lines run in one process, a failing line does not stop the next, the last line sums them up
printf '# a comment, then a blank line\n\ninfo "%s"\ninfo "%s/no such folder"\nload "%s/CT_planning"\n' "$tmp/demo" "$tmp" \
  "$tmp/demo" > "$tmp/batch.txt"
"$ROOT/isocenter" batch "$tmp/batch.txt" > "$tmp/batch.out" 2> "$tmp/batch.err"; code=$?
check "batch runs its lines in one process: a missing folder fails its line only; the summary last" "$tmp/batch.out" $code \
  "code == 2 and j['commands'] == 3 and j['failed'] == 1 and [r['exitCode'] for r in j['results']] == [0, 2, 0] and [r['line'] for r in j['results']] == [3, 4, 5] and j['results'][0]['result']['seriesCount'] == 14 and 'no such folder' in j['results'][1]['result']['error'] and j['results'][2]['result']['command'] == 'load' and sum(1 for l in open('$tmp/batch.out') if l.startswith('{')) == 4"

# The workbench opened on a folder (./isocenter workbench FOLDER): it imports the folder and shows its CT series with
# the most images (the planning CT, not a CBCT) in the Image Viewer, which says so on stderr once it is painted
shown="$(ISOCENTER_HOME="$tmp/home" workbench_line '^\[isocenter\] shown ' "$tmp/wb.log" "$tmp/demo")"
if [[ "$shown" == *"shown CT 256x256x100 "*"(Planning CT (demo pelvis))" ]]; then
  passed=$((passed+1)); echo "ok   workbench FOLDER shows the folder's planning CT: ${shown#\[isocenter\] }"
else
  failed=$((failed+1)); echo "FAIL workbench FOLDER shows the folder's planning CT"; tail -n 5 "$tmp/wb.log" | cut -c1-400
fi
# ... and its start-up logged no warning or error in the workspace's log (severity 2 = warning, 4 = error)
wslog="$tmp/home/workspace/.metadata/.log"
if [ -n "$shown" ] && ! grep -qE '^!ENTRY [^ ]+ [24] ' "$wslog" 2>/dev/null; then
  passed=$((passed+1)); echo "ok   the workbench's start-up logs no warning or error"
else
  failed=$((failed+1)); echo "FAIL the workbench's start-up logs no warning or error"; grep -A1 '^!ENTRY' "$wslog" | head -n 6
fi

# ... and without a desktop session bus (here when none is set, none at $XDG_RUNTIME_DIR/bus and no dbus-launch, as
# under Xvfb) its start-up tried none: no failed connection of SWT's session-manager client on its output
if [ -n "$shown" ] && ! grep -q 'SessionManagerDBus: Failed' "$tmp/wb.log"; then
  passed=$((passed+1)); echo "ok   the workbench's start-up tries no missing session bus"
else
  failed=$((failed+1)); echo "FAIL the workbench's start-up tries no missing session bus"; grep -m 2 'SessionManagerDBus' "$tmp/wb.log"
fi

bad="$tmp/demo/CT_planning/CT_0042.dcm"
head -c 5000 "$bad" > "$tmp/cut" && mv "$tmp/cut" "$bad"
printf 'garbage' > "$tmp/demo/notes.txt"
"$ROOT/isocenter" info "$tmp/demo" > "$tmp/bad.out" 2> "$tmp/bad.err"; code=$?
check "info names the corrupt file and still lists the rest" "$tmp/bad.out" $code \
  "code == 0 and [p['file'] for p in j['problems']] == ['$bad'] and j['seriesCount'] == 14 and j['dicomInstances'] == 742 and any(n.endswith('notes.txt') for n in j['notDicom'])"

"$ROOT/isocenter" info "$tmp/does-not-exist" > "$tmp/err.out" 2> "$tmp/err.err"; code=$?
check "a missing folder is a usage mistake: {error} and exit 2" "$tmp/err.out" $code \
  "code == 2 and 'does-not-exist' in j['error'] and '\tat ' not in open('$tmp/err.err').read()"

# DICOM network: C-ECHO and C-STORE of the demo's RT objects to dcmtk's storescp on a free local port
port=$("$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
mkdir -p "$tmp/scp"
storescp -aet PEER -od "$tmp/scp" "$port" > "$tmp/scp.log" 2>&1 & scp_pid=$!
for i in $(seq 50); do "$PY" -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break; sleep 0.1; done
"$ROOT/isocenter" echo "PEER@127.0.0.1:$port" > "$tmp/echo.out" 2> "$tmp/echo.err"; code=$?
check "echo answers from dcmtk storescp" "$tmp/echo.out" $code "code == 0 and j['success']"
"$ROOT/isocenter" send "PEER@127.0.0.1:$port" "$tmp/demo/RTPLAN_planning.dcm" "$tmp/demo/RTDOSE_planning.dcm" \
  "$tmp/demo/RTSTRUCT_planning.dcm" > "$tmp/send.out" 2> "$tmp/send.err"; code=$?
received=$(ls "$tmp/scp" | wc -l)
check "send stores plan, dose and structures in storescp ($received files received)" "$tmp/send.out" $code \
  "code == 0 and j['stored'] == 3 and $received == 3 and all(f['outcome'] == 'STORED' for f in j['files'])"
kill "$scp_pid" 2>/dev/null; wait "$scp_pid" 2>/dev/null

# Margin policy from a shifts CSV (20 patients x 10 fractions, seeded) with the prostate site protocol
"$PY" -c "
import random; r = random.Random(3); print('patient,fraction,lr,ap,si')
for p in range(20):
    s = [r.gauss(0, 3) for _ in range(3)]
    for f in range(1, 11): print(f'P{p},{f},' + ','.join(f'{v + r.gauss(0, 2):.2f}' for v in s))
" > "$tmp/shifts.csv"
"$ROOT/isocenter" margin-policy --shifts "$tmp/shifts.csv" --site prostate > "$tmp/margin.out" 2> "$tmp/margin.err"; code=$?
check "margin-policy computes Σ, σ, eNAL residuals and a margin per axis" "$tmp/margin.out" $code \
  "code == 0 and j['population']['patients'] == 20 and j['protocol']['id'] == 'enal' and all(3 < j['marginMm'][a] < 20 for a in ('lr', 'ap', 'si'))"

# The framework jars the JVM starts from its class path carry no signature (the JDK would verify it on every class
# read, and its AOT cache would leave their classes out), the manifest still first; every bundle loaded by Equinox is
# as published.
PRODUCT="${ISOCENTER_PRODUCT:-$ROOT/releng/org.isocenter.product/target/products/org.isocenter.product/linux/gtk/x86_64/isocenter}"
"$PY" - "$PRODUCT/plugins" > "$tmp/jars.out" <<'PYEOF'
import glob, json, os, sys, zipfile
def state(path):
    z = zipfile.ZipFile(path)
    files = [i.filename for i in z.infolist() if not i.filename.endswith('/')]
    return {'signed': any(f.startswith('META-INF/') and f.endswith('.SF') for f in files),
            'manifestFirst': bool(files) and files[0] == 'META-INF/MANIFEST.MF'}
d = sys.argv[1]
framework = {n: state(glob.glob(os.path.join(d, n + '_*.jar'))[0]) for n in ('org.eclipse.osgi', 'org.eclipse.equinox.launcher')}
ui = state(glob.glob(os.path.join(d, 'org.eclipse.ui.workbench_*.jar'))[0])
print(json.dumps({'framework': framework, 'uiWorkbenchSigned': ui['signed']}))
PYEOF
check "the framework jars on the class path are unsigned (manifest first), the bundles as published" "$tmp/jars.out" $? \
  "all(not v['signed'] and v['manifestFirst'] for v in j['framework'].values()) and j['uiWorkbenchSigned']"

# The headless commands' AOT cache is put in place only after the JVM mapped it and found its checksum right (starts
# do not check it again): the launcher's check, run here with the VM options the cache was made with (its key file),
# passes the cache the build made and refuses a copy with one byte changed and a copy cut short.
state="${ISOCENTER_HOME:-$HOME/.isocenter}"
for i in $(seq 120); do [ -e "$state/cli.aot.lock" ] || break; sleep 1; done
"$PY" - "$state" "$ROOT/isocenter" "$tmp" > "$tmp/aot.out" <<'PYEOF'
import json, os, shutil, subprocess, sys
state, launcher, tmp = sys.argv[1:]
cache, key = os.path.join(state, 'cli.aot'), os.path.join(state, 'cli.aot.key')
if not (os.path.isfile(cache) and os.path.isfile(key)):
    print(json.dumps({'error': 'no AOT cache in ' + state})); sys.exit()
java_home, cp, *vm = open(key).read().splitlines()
flipped, cut = os.path.join(tmp, 'flipped.aot'), os.path.join(tmp, 'cut.aot')
shutil.copyfile(cache, flipped)
with open(flipped, 'r+b') as f:
    f.seek(os.path.getsize(cache) // 2); b = f.read(1); f.seek(-1, 1); f.write(bytes([b[0] ^ 0xFF]))
with open(cache, 'rb') as f, open(cut, 'wb') as g:
    g.write(f.read(1 << 20))
script = 'eval "$(sed -n \'/^aot_verified()/,/^}/p\' "$0")"; aot_verified "$@"'
def verified(path):
    env = dict(os.environ, JAVA_HOME=java_home)
    return subprocess.run(['bash', '-c', script, launcher, path, cp] + vm, env=env).returncode == 0
print(json.dumps({'cache': verified(cache), 'flipped': verified(flipped), 'cut': verified(cut)}))
PYEOF
check "the AOT cache is put in place only when the JVM finds its checksum right (a changed byte, a cut file refused)" \
  "$tmp/aot.out" $? "j.get('cache') is True and j.get('flipped') is False and j.get('cut') is False"

# A command's JVM runs with the launcher's VM options: transparent huge pages for the heap where the kernel gives them
# on request or always (none with ISOCENTER_HUGE_PAGES=off, none where it gives none), the serial collector, C1 alone
# with ten times its compile thresholds. Read from the JVM's own final flags.
JAVA_TOOL_OPTIONS=-XX:+PrintFlagsFinal "$ROOT/isocenter" help > "$tmp/flags-on.txt" 2>/dev/null
ISOCENTER_HUGE_PAGES=off JAVA_TOOL_OPTIONS=-XX:+PrintFlagsFinal "$ROOT/isocenter" help > "$tmp/flags-off.txt" 2>/dev/null
"$PY" - "$tmp" > "$tmp/flags.out" <<'PYEOF'
import json, re, sys
def flags(path):
    f = {}
    for line in open(path):
        m = re.match(r'\s*\S+\s+(\w+)\s+:?=\s+(\S+)', line)
        if m:
            f[m.group(1)] = m.group(2)
    return f
try:
    setting = open('/sys/kernel/mm/transparent_hugepage/enabled').read()
except OSError:
    setting = ''
on, off = flags(sys.argv[1] + '/flags-on.txt'), flags(sys.argv[1] + '/flags-off.txt')
print(json.dumps({'kernelOffers': '[madvise]' in setting or '[always]' in setting,
                  'thp': on.get('UseTransparentHugePages'), 'thpOff': off.get('UseTransparentHugePages'),
                  'serial': on.get('UseSerialGC'), 'g1': on.get('UseG1GC'),
                  'tier': on.get('TieredStopAtLevel'), 'scaling': on.get('CompileThresholdScaling')}))
PYEOF
check "a command's JVM: huge pages as the kernel offers them (none with ISOCENTER_HUGE_PAGES=off), serial GC, C1 alone, thresholds x10" \
  "$tmp/flags.out" $? \
  "j['thp'] == ('true' if j['kernelOffers'] else 'false') and j['thpOff'] == 'false' and j['serial'] == 'true' and j['g1'] == 'false' and j['tier'] == '1' and float(j['scaling']) == 10"

# The commands' class path is remembered in the Isocenter home for the product it was read for: a memo older than the
# product's bundle list, or made for another product, is not used (here: each names a jar that does not exist, and the
# command still runs and the memo is written again with the product's jars).
memo="$state/cli.classpath"
"$ROOT/isocenter" help > /dev/null 2>&1; first=$?
product="$(sed -n 1p "$memo" 2>/dev/null)"
real_cp="$(sed -n 2p "$memo" 2>/dev/null)"
printf '%s\n%s\n' "$product" "$tmp/missing.jar" > "$memo" && touch -d '2000-01-01' "$memo"
"$ROOT/isocenter" help > "$tmp/memo-old.out" 2> /dev/null; old=$?
old_cp="$(sed -n 2p "$memo" 2>/dev/null)"
printf '%s\n%s\n' "$tmp/other-product" "$tmp/missing.jar" > "$memo"
"$ROOT/isocenter" help > "$tmp/memo-other.out" 2> /dev/null; other=$?
other_cp="$(sed -n 2p "$memo" 2>/dev/null)"
"$PY" - "$product" "$real_cp" "$old_cp" "$other_cp" "$first" "$old" "$other" > "$tmp/memo.out" <<'PYEOF'
import json, os, sys
product, real, old, other = sys.argv[1:5]
jars = real.split(':') if real else []
print(json.dumps({'codes': [int(c) for c in sys.argv[5:8]], 'product': os.path.isdir(os.path.join(product, 'plugins')),
                  'jars': len(jars), 'allExist': all(os.path.isfile(j) for j in jars),
                  'oldRewritten': old == real, 'otherRewritten': other == real}))
PYEOF
check "the commands' class path memo: the product's jars; an outdated memo or another product's is read again" \
  "$tmp/memo.out" $? \
  "j['codes'] == [0, 0, 0] and j['product'] and j['jars'] >= 15 and j['allExist'] and j['oldRewritten'] and j['otherRewritten']"

# The package and jar set-up that every ./isocenter workbench runs first: nothing is checked again while its mark is
# newer than Debian's package database, the jars and the script (the mark stays as it is); a mark older than any of
# them makes it check everything again and renew the mark.
mark="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/.isocenter-setup-deps"
"$ROOT/scripts/setup-deps.sh" > /dev/null 2>&1; first=$?
before="$(stat -c %Y "$mark" 2>/dev/null || echo 0)"; sleep 1
"$ROOT/scripts/setup-deps.sh" > /dev/null 2>&1; again=$?
kept="$(stat -c %Y "$mark" 2>/dev/null || echo 0)"
touch -d '2000-01-01' "$mark" 2>/dev/null
"$ROOT/scripts/setup-deps.sh" > /dev/null 2>&1; stale=$?
renewed="$(stat -c %Y "$mark" 2>/dev/null || echo 0)"
echo "{\"codes\": [$first, $again, $stale], \"before\": $before, \"kept\": $kept, \"renewed\": $renewed}" > "$tmp/setup.out"
check "the set-up is skipped while nothing changed (its mark kept), and done again when the mark is older (renewed)" \
  "$tmp/setup.out" 0 "j['codes'] == [0, 0, 0] and j['before'] > 0 and j['kept'] == j['before'] and j['renewed'] > 946684800 + 86400"

echo "product smoke test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
