#!/usr/bin/env bash
# Makes a sample scenario received at another instant (e.g. before MP162) from an existing one, and writes its
# expected.jsonl from the independent reference decider (src/test/.../reference/ReferenceExpectations), never from
# the product. Issue 15: samples/before-mp162-* (samples/README.md, section D).
#
#   scripts/rule-set-scenario.sh SRC DEST AT DATES [MESSAGE...]
#
#   SRC      an existing scenario folder (samples/trt-values)
#   DEST     the new scenario folder (samples/before-mp162-trt-values); must not exist
#   AT       the receipt instant written as `at` in DEST/scenario.properties (2024-01-15T10:00:00Z)
#   DATES    a sed script applied to every message and context file, moving the scenario's dates with its receipt
#            ('s/2027-/2024-/g; s/2026-/2023-/g' keeps every date's day and month, one year form to another)
#   MESSAGE  the message files of SRC to take (default: all of them); NEW=OLD:SED takes OLD as NEW with SED applied
#            after DATES (another sender: 'is-a-5.2-x.xml=mdr-x-5.2-x.xml:s/00-08-01:/00-01-01:/')
#
# SRC's other scenario.properties (purpose, h313a) are kept. DEST gets no README.md: write one saying what the scenario
# shows. Then check the product: java -jar target/duis-validator.jar validate --expect DEST
# Needs `mvn -B -o test-compile` run first (the reference is test code).
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,18p' "$0"; exit 2; }
src=$1; dest=$2; at=$3; dates=$4; shift 4
[ -d "$src/messages" ] || { echo "no scenario at $src" >&2; exit 2; }
[ ! -e "$dest" ] || { echo "$dest exists" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)

mkdir -p "$dest/messages" "$dest/context"
{ echo "at=$at"; grep -v '^at=' "$src/scenario.properties" || true; } > "$dest/scenario.properties"
for f in "$src"/context/*; do sed -e "$dates" "$f" > "$dest/context/$(basename "$f")"; done
if [ $# -eq 0 ]; then set -- $(cd "$src/messages" && ls); fi
for m in "$@"; do
  new=$m; old=$m; edit=''
  if [[ $m == *=*:* ]]; then new=${m%%=*}; rest=${m#*=}; old=${rest%%:*}; edit=${rest#*:}; fi
  [ -f "$src/messages/$old" ] || { echo "no message $old in $src" >&2; exit 2; }
  [ ! -e "$dest/messages/$new" ] || { echo "$new twice" >&2; exit 2; }
  sed -e "$dates" -e "${edit:-b}" "$src/messages/$old" > "$dest/messages/$new"
done

cp=$root/target/classpath-test.txt
if [ ! -s "$cp" ]; then
  (cd "$root" && mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null)
fi
java -cp "$root/target/test-classes:$root/target/classes:$(cat "$cp")" \
  io.duisvalidator.reference.ReferenceExpectations "$dest"
