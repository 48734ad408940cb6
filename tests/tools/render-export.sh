#!/usr/bin/env bash
# Renders an exported workbook the way a printer would see it: export → LibreOffice PDF → PNG pages, to look at.
# With no input: the sample list (samples/sample-list.json, what “打开示例” opens); with an .xlsx: its CLI convert.
# Needs Debian's libreoffice-calc (-nogui is enough) and poppler-utils
# (apt-get install libreoffice-calc-nogui poppler-utils); too slow for CI.
# Usage: bash tests/tools/render-export.sh [input.xlsx] [out-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
input=${1:-}
out=${2:-/tmp/sanqingdan-render}
mkdir -p "$out"
rm -f "$out"/page*.png "$out/export.pdf"
if [ -z "$input" ]; then
  npx tsx tests/tools/exportSample.ts "$out/export.xlsx"
else
  npm run --silent cli -- convert "$input" "$out/export.xlsx"
fi
soffice --headless --convert-to pdf --outdir "$out" "$out/export.xlsx" > /dev/null
pdftoppm -png -r 70 "$out/export.pdf" "$out/page"
ls "$out"/page*.png
