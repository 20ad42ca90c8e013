#!/usr/bin/env bash
# Redraws the README's two pictures from the bundled example, with the commands the README
# shows beside them:
#
#   docs/terminal-timeline.png  what `outcry detect ... --color always` prints in 100 columns
#                               (COLUMNS=100), its ANSI colours turned into HTML by aha and
#                               rendered by headless Chromium in DejaVu Sans Mono (Hangul in
#                               Noto Sans Mono CJK KR)
#   docs/html-report.png        the first screen (1200x900) of the page `outcry detect ... --html`
#                               writes, rendered by headless Chromium
#
# Needs Debian's chromium, aha, pngquant, fonts-dejavu-core and fonts-noto-cjk:
#   apt-get install -y chromium aha pngquant fonts-dejavu-core fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in chromium aha pngquant; do
  command -v "$tool" >/dev/null || { echo "docs/pictures.sh needs $tool (see its header)" >&2; exit 1; }
done
cargo build --release --quiet
bin="$PWD/${CARGO_TARGET_DIR:-target}/release/outcry"
case "${CARGO_TARGET_DIR:-}" in /*) bin="$CARGO_TARGET_DIR/release/outcry" ;; esac
outcry() { "$bin" "$@"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
docs="$PWD/docs"
# The commands run in a scratch folder that sees the bundled example, so that they are the
# README's, letter for letter (tests/readme.rs checks it).
ln -s "$PWD/fixtures" "$tmp/fixtures"
cd "$tmp"

shoot() { # shoot PAGE PNG WIDTH HEIGHT
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$tmp/profile" \
    --window-size="$3,$4" --screenshot="$2" "file://$1" 2>/dev/null
  pngquant --force --skip-if-larger --output "$2" -- "$2" || true
}

# The terminal: the report exactly as printed, colours and all.
COLUMNS=100 outcry detect --input-tz Asia/Seoul --tz Asia/Seoul fixtures/gmail-2009-02-24/* --color always > report.ansi
# Terminal rows: long lines wrap at 100 columns, Hangul taking two.
rows=$(python3 -c '
import re, sys, unicodedata
rows = 0
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    text = re.sub(r"\x1b\[[0-9;]*m", "", line)
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    rows += max(1, -(-width // 100))
print(rows)' report.ansi)
{
  printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
  printf 'body{margin:0;background:#1e1f22;color:#d4d4d4}'
  printf 'pre{margin:14px 16px;width:100ch;white-space:pre-wrap;word-break:break-all;'
  printf 'font:14px/17px "DejaVu Sans Mono","Noto Sans Mono CJK KR",monospace}'
  printf '</style></head><body><pre>'
  aha --no-header < report.ansi
  printf '</pre></body></html>\n'
} > terminal.html
shoot "$tmp/terminal.html" "$docs/terminal-timeline.png" 880 $((rows * 17 + 28))

# The HTML report's first screen.
outcry detect --input-tz Asia/Seoul --tz Asia/Seoul fixtures/gmail-2009-02-24/* -q --html report.html > /dev/null
shoot "$tmp/report.html" "$docs/html-report.png" 1200 900
ls -l "$docs"/*.png
