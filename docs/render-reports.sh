#!/usr/bin/env bash
# Renders every .xlsx under DIR to PDF and then to PNG pages (60 dpi), headless, for reviewing the
# look of the Excel reports without Excel. Output goes beside each workbook in a "rendered" folder.
# Usage: docs/render-reports.sh DIR
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 DIR   (renders every .xlsx under DIR to PDF and PNG)" >&2
  exit 2
fi
missing=()
command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cannot render: ${missing[*]} not installed." >&2
  echo "Fix: sudo apt-get install -y --no-install-recommends libreoffice-calc poppler-utils" >&2
  exit 1
fi

# A private LibreOffice profile, so a desktop session (or another render) cannot block this one.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

count=0
while IFS= read -r -d '' xlsx; do
  out="$(dirname "$xlsx")/rendered"
  mkdir -p "$out"
  name="$(basename "$xlsx" .xlsx)"
  libreoffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$xlsx" \
    >/dev/null 2>&1 || { echo "Cannot convert $xlsx to PDF" >&2; continue; }
  pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name"
  echo "$xlsx -> $out/$name.pdf, $(ls "$out/$name"*.png | wc -l) page(s)"
  count=$((count + 1))
done < <(find "$1" -name '*.xlsx' -not -name '~$*' -print0 | sort -z)
echo "rendered $count workbook(s)"
