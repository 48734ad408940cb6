#!/usr/bin/env bash
# Renders an exported workbook the way a printer would see it: CLI convert → LibreOffice PDF → PNG pages, to look at.
# Needs Debian's libreoffice-calc and poppler-utils (apt-get install libreoffice-calc poppler-utils); too slow for CI.
# Usage: bash tests/tools/render-export.sh [input.xlsx] [out-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
input=${1:-samples/01-学校三清单-合并单元格.xlsx}
out=${2:-/tmp/sanqingdan-render}
mkdir -p "$out"
npm run --silent cli -- convert "$input" "$out/export.xlsx"
soffice --headless --convert-to pdf --outdir "$out" "$out/export.xlsx" > /dev/null
pdftoppm -png -r 70 "$out/export.pdf" "$out/page"
ls "$out"/page*.png
