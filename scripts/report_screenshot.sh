#!/usr/bin/env bash
# Look at the review report as a reader will: ingest data/raw into a temporary folder, record
# two decisions (the first record accepted, the last rejected), write the HTML report and take
# a screenshot of it with headless Chromium.
#
#   scripts/report_screenshot.sh [OUT_DIR] [QUERY]
#
# writes OUT_DIR/report.html and OUT_DIR/report.png (default OUT_DIR: /tmp/coopextract-report).
# QUERY filters the page as a reader's URL would, e.g. '?status=signed&party=RU'.
# Needs the spaCy model (a real ingest) and chromium (apt-get install chromium).
set -euo pipefail

cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-/tmp/coopextract-report}")
query=${2:-}
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z $browser ]]; then
  echo "No Chromium found: apt-get install chromium, or set CHROMIUM" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

coopextract ingest data/raw --output-dir "$work/extracted" </dev/null
first=$(head -n 1 "$work/extracted/agreements.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
last=$(tail -n 1 "$work/extracted/agreements.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
coopextract review "$work/extracted" --accept "$first" --note "checked against the article"
coopextract review "$work/extracted" --reject "$last" --note "a wish, not an agreement"
# The links go to data/raw: SOURCE as the manifest records it, relative to this folder.
coopextract review "$work/extracted" --html "$out/report.html"

# The Debian wrapper prints a harmless shell warning, and Chromium logs D-Bus errors: only
# its exit status matters.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=1280,2000 \
  --screenshot="$out/report.png" "file://$out/report.html$query" 2>/dev/null
echo "Wrote $out/report.html and $out/report.png" >&2
