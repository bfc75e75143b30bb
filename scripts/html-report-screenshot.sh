#!/usr/bin/env bash
# Renders the html pages of sample runs in headless Chromium and saves screenshots, to look at by eye:
#   the validation report (validate --format html) of a scenario, and, with --auditor, the coverage page
#   (coverage --format html: grids on top, then the requirement list) and the monitor page (monitor --format html,
#   one chart per User) over the by-construction corpora of the tests (src/test/.../support/AuditorCorpus.java).
# Not run by CI. Needs: apt-get update && apt-get install -y chromium; a built jar (mvn -q -B package -DskipTests);
# for --auditor also the test classes (mvn -q -B test-compile).
# Usage: scripts/html-report-screenshot.sh [SCENARIO_DIR] [OUT_PNG]
#        scripts/html-report-screenshot.sh --auditor [OUT_DIR]     (writes coverage-*.png and monitor.png there)
set -euo pipefail
cd "$(dirname "$0")/.."

shot() { # shot HTML PNG WIDTH HEIGHT
    local profile
    profile="$(mktemp -d)"
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
        --screenshot="$2" --window-size="$3,$4" "file://$1" 2>/dev/null
    rm -rf "$profile"
    echo "wrote $2"
}

if [ "${1:-}" = "--auditor" ]; then
    out="${2:-docs}"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    cp_file="$work/cp.txt"
    mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
    java -cp "target/test-classes:target/classes:$(cat "$cp_file")" io.duisvalidator.support.AuditorCorpus "$work/corpus"
    java -jar target/duis-validator.jar coverage --format html --out "$work/coverage.html" samples
    java -jar target/duis-validator.jar coverage --format html --out "$work/coverage-grid.html" "$work/corpus/grid"
    java -jar target/duis-validator.jar monitor --format html --out "$work/monitor.html" "$work/corpus/monitor" || true
    shot "$work/coverage.html" "$out/coverage-samples.png" 1400 1500
    shot "$work/coverage-grid.html" "$out/coverage-grid.png" 1400 1500
    shot "$work/monitor.html" "$out/monitor.png" 1100 1500
    exit 0
fi

scenario="${1:-samples/response-codes}"
png="${2:-/tmp/report.png}"
at="$(sed -n 's/^at=//p' "$scenario/scenario.properties" 2>/dev/null || true)"
broken="$(mktemp -d)"
trap 'rm -rf "$broken"' EXIT
# one input that cannot be read (a link to nowhere), so the page shows an errored row too
ln -s "$broken/nowhere.xml" "$broken/unreadable.xml"
java -jar target/duis-validator.jar validate --quiet --context "$scenario/context" ${at:+--at "$at"} --h313a warn \
    --format html --out /tmp/report.html "$scenario/messages" "$broken" || true
shot /tmp/report.html "$png" 1400 1000
