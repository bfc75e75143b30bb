#!/usr/bin/env bash
# Breaks one cell of a table of rules/ at a time (each rule set's own tables under rules/rule-sets/<id>/tables/, the
# shared ones under rules/tables/), in a scratch copy of the committed project, and runs the independent
# oracles against it: the differential test (rules vs the plain-Java reference decider with its own transcription) and
# the cell-by-cell tests. Prints one markdown row per mutation with the tests that failed. A mutation that no test
# catches is a gap in the oracles. Results of a run are in docs/coverage.md ("Independent oracles").
# Not run by CI (each mutation rebuilds the rule model: about 1-3 minutes on two cores).
# Usage: scripts/table-mutations.sh [SCRATCH_DIR [REGEX]]   (REGEX: only the mutations whose name matches it, grep -E)
#        Needs a populated ~/.m2: runs Maven offline.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${1:-$(mktemp -d)}"
only="${2:-}"
mkdir -p "$scratch"
git archive HEAD | tar -x -C "$scratch"
tests='DifferentialTest,TrtTableTest,EligibilityMatrixTest,BeforeMp162TablesTest,SrvCatalogueTest,DeviceTypesTest'

# name | table (under rules/) | row as it is | row mutated
m=rule-sets/mp162/tables
b=rule-sets/before-mp162/tables
mutations=(
  "[mp162] eligibility cell allowed -> forbidden (4.8.1 OU)|$m/eligibility.csv|4.8.1,OU,yes|4.8.1,OU,no"
  "[mp162] eligibility cell forbidden -> allowed (4.2 IS)|$m/eligibility.csv|4.2,IS,no|4.2,IS,yes"
  "[mp162] On-Demand TRT changed (4.8.1 existing SMETS2: 5600 -> 30)|$m/trt.csv|4.8.1,EXISTING,2,ON_DEMAND,5600,|4.8.1,EXISTING,2,ON_DEMAND,30,"
  "[mp162] Scheduled TRT changed (4.8.3 MDR SMETS1: 86400 -> 30)|$m/trt.csv|4.8.3,MDR,1,SCHEDULED,86400,|4.8.3,MDR,1,SCHEDULED,30,"
  "[mp162] Scheduled TRT changed (4.6.2 existing SMETS2: 86400 -> 5600)|$m/trt.csv|4.6.2,EXISTING,2,SCHEDULED,86400,|4.6.2,EXISTING,2,SCHEDULED,5600,"
  "[mp162] N/A cell given a value (4.1.1 MDR SMETS2 On-Demand)|$m/trt.csv|4.1.1,MDR,2,ON_DEMAND,N/A,|4.1.1,MDR,2,ON_DEMAND,86400,"
  "[mp162] value cell made N/A (4.6.1 existing SMETS1 On-Demand)|$m/trt.csv|4.6.1,EXISTING,1,ON_DEMAND,16,|4.6.1,EXISTING,1,ON_DEMAND,N/A,"
  "[mp162] footnote 5 undone (8.2 existing SMETS1 On-Demand 30 -> 16)|$m/trt.csv|8.2,EXISTING,1,ON_DEMAND,30,|8.2,EXISTING,1,ON_DEMAND,16,"
  "[before-mp162] eligibility cell allowed -> forbidden (4.8.1 OU)|$b/eligibility.csv|4.8.1,OU,yes|4.8.1,OU,no"
  "[before-mp162] eligibility cell forbidden -> allowed (4.2 IS)|$b/eligibility.csv|4.2,IS,no|4.2,IS,yes"
  "[before-mp162] On-Demand TRT changed (4.8.1 existing SMETS2: 5600 -> 30)|$b/trt.csv|4.8.1,EXISTING,2,ON_DEMAND,5600,|4.8.1,EXISTING,2,ON_DEMAND,30,"
  "[before-mp162] footnote 5 done early (8.2 existing SMETS1 On-Demand 16 -> 30)|$b/trt.csv|8.2,EXISTING,1,ON_DEMAND,16,|8.2,EXISTING,1,ON_DEMAND,30,"
  "[before-mp162] footnote 4 done early (4.2 existing SMETS2 Scheduled N/A -> 86400)|$b/trt.csv|4.2,EXISTING,2,SCHEDULED,N/A,|4.2,EXISTING,2,SCHEDULED,86400,"
  "[shared] device type removed (4.8.1 on GPF)|tables/device-types.csv|4.8.1,GPF,yes,|4.8.1,GPF,no,"
  "[shared] Command Variant removed (4.6.2: 1 2 3 -> 1 2)|tables/srv-catalogue.csv|DSPRetrieveExportDailyReadLog,1 2 3,|DSPRetrieveExportDailyReadLog,1 2,"
  "[shared] data side swapped (4.2 EXPORT -> IMPORT)|tables/srv-catalogue.csv|1 2 3,DEVICE,EXPORT,Read Instantaneous Export|1 2 3,DEVICE,IMPORT,Read Instantaneous Export"
)

echo "| mutation | DifferentialTest | cell tests that fail |"
echo "|---|---|---|"
for m in "${mutations[@]}"; do
  IFS='|' read -r name table from to <<<"$m"
  if [[ -n "$only" ]] && ! grep -qE -- "$only" <<<"$name"; then continue; fi
  f="$scratch/rules/$table"
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
  if ! grep -qF "$to" "$scratch/target/classes/rules/$table"; then failing+=("MUTATION NOT IN THE BUILD"); fi
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
