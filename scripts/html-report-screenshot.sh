#!/usr/bin/env bash
# Renders the html report of a sample run in headless Chromium and saves a screenshot, to look at by eye.
# Not run by CI. Needs: apt-get update && apt-get install -y chromium; a built jar (mvn -q -B package -DskipTests).
# Usage: scripts/html-report-screenshot.sh [SCENARIO_DIR] [OUT_PNG]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario="${1:-samples/response-codes}"
png="${2:-/tmp/report.png}"
at="$(sed -n 's/^at=//p' "$scenario/scenario.properties" 2>/dev/null || true)"
broken="$(mktemp -d)"
trap 'rm -rf "$broken"' EXIT
# one input that cannot be read (a link to nowhere), so the page shows an errored row too
ln -s "$broken/nowhere.xml" "$broken/unreadable.xml"
java -jar target/duis-validator.jar validate --quiet --context "$scenario/context" ${at:+--at "$at"} --h313a warn \
    --format html --out /tmp/report.html "$scenario/messages" "$broken" || true
profile="$(mktemp -d)"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$profile" --screenshot="$png" --window-size=1400,1000 \
    file:///tmp/report.html
rm -rf "$profile"
echo "wrote /tmp/report.html and $png"
