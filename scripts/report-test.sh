#!/usr/bin/env bash
# Report test: generate a small archive on file://, run every job, write the HTML report, render
# it in headless Chromium (Debian's chromium, installed if missing) and check that every chart
# is in the DOM and decoded, that the page references nothing on the network, and that a
# screenshot was drawn. Leaves its files in target/report-test/.
set -euo pipefail
QUIRE_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$QUIRE_HOME/target/report-test"
EXPECTED_CHARTS=8
rm -rf "$WORK"; mkdir -p "$WORK"

"$QUIRE_HOME/scripts/install-chromium.sh"

quire() { "$QUIRE_HOME/scripts/quire" "$@"; }
echo "report-test: generating, running the jobs, writing the report"
quire jobs generate --orders 20000 --days 120 --seed 7 --malformed-share 0.01 \
    --out "file://$WORK/bookstore" 2>"$WORK/generate.log"
quire jobs all --in "file://$WORK/bookstore" --out "file://$WORK/out" >"$WORK/jobs.log" 2>&1
quire jobs report --in "file://$WORK/out" --archive "file://$WORK/bookstore" \
    --html "$WORK/report.html" >"$WORK/summary.txt" 2>"$WORK/report.log"

chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" "$@" 2>>"$WORK/chromium.log"
}
chrome --virtual-time-budget=5000 --dump-dom "file://$WORK/report.html" >"$WORK/dom.html"
chrome --screenshot="$WORK/report.png" --window-size=1400,2400 "file://$WORK/report.html" >/dev/null

fail() { echo "report-test: FAIL: $*" >&2; exit 1; }
charts=$(grep -o '<img class="chart"[^>]*src="data:image/png;base64,' "$WORK/dom.html" | wc -l)
[ "$charts" -eq "$EXPECTED_CHARTS" ] || fail "expected $EXPECTED_CHARTS charts in the DOM, found $charts"
rendered=$(grep -o 'data-charts-rendered="[0-9]*"' "$WORK/dom.html" | grep -o '[0-9]*' || true)
[ "${rendered:-0}" -eq "$EXPECTED_CHARTS" ] || fail "expected $EXPECTED_CHARTS decoded charts, browser reports ${rendered:-none}"
if grep -Eq '(src|href)="(https?:)?//' "$WORK/report.html"; then fail "the report references the network"; fi
grep -q "Top books by revenue" "$WORK/summary.txt" || fail "no terminal summary"
size=$(stat -c %s "$WORK/report.png" 2>/dev/null || echo 0)
[ "$size" -gt 50000 ] || fail "screenshot missing or blank ($size bytes)"
echo "report-test: OK ($charts charts rendered, screenshot $WORK/report.png)"
