#!/usr/bin/env bash
# Breaks one cell of rules/tables/ at a time, in a scratch copy of the committed project, and runs the independent
# oracles against it: the differential test (rules vs the plain-Java reference decider with its own transcription) and
# the cell-by-cell tests. Prints one markdown row per mutation with the tests that failed. A mutation that no test
# catches is a gap in the oracles. Results of a run are in docs/coverage.md ("Independent oracles").
# Not run by CI (each mutation rebuilds the rule model: about 1-3 minutes on two cores).
# Usage: scripts/table-mutations.sh [SCRATCH_DIR [TEXT]]   (TEXT: only the mutations whose name contains it)
#        Needs a populated ~/.m2: runs Maven offline.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${1:-$(mktemp -d)}"
only="${2:-}"
mkdir -p "$scratch"
git archive HEAD | tar -x -C "$scratch"
tests='DifferentialTest,TrtTableTest,EligibilityMatrixTest,SrvCatalogueTest,DeviceTypesTest'

# name | table | row as it is | row mutated
mutations=(
  "eligibility cell allowed -> forbidden (4.8.1 OU)|eligibility.csv|4.8.1,OU,yes|4.8.1,OU,no"
  "eligibility cell forbidden -> allowed (4.2 IS)|eligibility.csv|4.2,IS,no|4.2,IS,yes"
  "On-Demand TRT changed (4.8.1 existing SMETS2: 5600 -> 30)|trt.csv|4.8.1,EXISTING,2,ON_DEMAND,5600,|4.8.1,EXISTING,2,ON_DEMAND,30,"
  "Scheduled TRT changed (4.8.3 MDR SMETS1: 86400 -> 30)|trt.csv|4.8.3,MDR,1,SCHEDULED,86400,|4.8.3,MDR,1,SCHEDULED,30,"
  "Scheduled TRT changed (4.6.2 existing SMETS2: 86400 -> 5600)|trt.csv|4.6.2,EXISTING,2,SCHEDULED,86400,|4.6.2,EXISTING,2,SCHEDULED,5600,"
  "N/A cell given a value (4.1.1 MDR SMETS2 On-Demand)|trt.csv|4.1.1,MDR,2,ON_DEMAND,N/A,|4.1.1,MDR,2,ON_DEMAND,86400,"
  "value cell made N/A (4.6.1 existing SMETS1 On-Demand)|trt.csv|4.6.1,EXISTING,1,ON_DEMAND,16,|4.6.1,EXISTING,1,ON_DEMAND,N/A,"
  "footnote 5 undone (8.2 existing SMETS1 On-Demand 30 -> 16)|trt.csv|8.2,EXISTING,1,ON_DEMAND,30,|8.2,EXISTING,1,ON_DEMAND,16,"
  "device type removed (4.8.1 on GPF)|device-types.csv|4.8.1,GPF,yes,|4.8.1,GPF,no,"
  "Command Variant removed (4.6.2: 1 2 3 -> 1 2)|srv-catalogue.csv|DSPRetrieveExportDailyReadLog,1 2 3,|DSPRetrieveExportDailyReadLog,1 2,"
  "data side swapped (4.2 EXPORT -> IMPORT)|srv-catalogue.csv|1 2 3,DEVICE,EXPORT,Read Instantaneous Export|1 2 3,DEVICE,IMPORT,Read Instantaneous Export"
)

echo "| mutation | DifferentialTest | cell tests that fail |"
echo "|---|---|---|"
for m in "${mutations[@]}"; do
  IFS='|' read -r name table from to <<<"$m"
  [[ -n "$only" && "$name" != *"$only"* ]] && continue
  f="$scratch/rules/tables/$table"
  cp "$f" "$f.orig"
  python3 - "$f" "$from" "$to" <<'EOF'
import sys
p, a, b = sys.argv[1:]
s = open(p).read()
if s.count(a) != 1:
    sys.exit("mutation does not apply exactly once: " + a)
open(p, "w").write(s.replace(a, b))
EOF
  # a fresh copy of rules/ into target/ (a restored file is older than the mutated copy there)
  rm -rf "$scratch/target/surefire-reports" "$scratch/target/classes/rules"
  (cd "$scratch" && mvn -o -q -B test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false >"$scratch/mvn.log" 2>&1) || true
  diff_result="passed (not caught)"
  failing=()
  if ! grep -qF "$to" "$scratch/target/classes/rules/tables/$table"; then failing+=("MUTATION NOT IN THE BUILD"); fi
  for t in ${tests//,/ }; do
    r=$(ls "$scratch"/target/surefire-reports/*."$t".txt 2>/dev/null | head -1)
    if [[ -z "$r" ]]; then failing+=("$t: did not run (see mvn.log)"); continue; fi
    line=$(grep -m1 'Tests run:' "$r")
    if grep -q 'FAILURE\|ERROR' <<<"$line"; then
      n=$(sed -E 's/.*Failures: ([0-9]+), Errors: ([0-9]+).*/\1+\2/' <<<"$line")
      if [[ "$t" == DifferentialTest ]]; then
        what=$(grep -o '\[[^]]*differ\]' "$r" | tr '\n' ' ')
        diff_result="**fails** ${what}"
      else
        failing+=("$t ($(( n )) of $(sed -E 's/Tests run: ([0-9]+).*/\1/' <<<"$line"))")
      fi
    fi
  done
  echo "| $name | $diff_result | ${failing[*]:-none} |"
  cp "$f.orig" "$f" && rm "$f.orig"
done
