#!/usr/bin/env bash
# Render a .docx to PDF and PNG pages, to look at generated reports on a machine without Word:
#   scripts/render-docx.sh FILE.docx OUTDIR   →   OUTDIR/FILE.pdf, OUTDIR/FILE-1.png, OUTDIR/FILE-2.png, …
# Needs LibreOffice (libreoffice-writer-nogui), pdftoppm (poppler-utils) and fonts-noto-cjk.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 FILE.docx OUTDIR" >&2
  exit 2
fi
input=$1
outdir=$2
[[ -f $input ]] || { echo "no such file: $input" >&2; exit 2; }
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install libreoffice-writer-nogui poppler-utils" >&2; exit 3; }
done

here=$(cd "$(dirname "$0")" && pwd)
# Map the official font names in the document to the Noto CJK fonts installed here.
export FONTCONFIG_FILE="$here/fonts.conf"

# A private LibreOffice profile: a second soffice sharing the default profile would hand its job to
# the first instance (or fail), and runs in parallel would block each other.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

mkdir -p "$outdir"
name=$(basename "$input" .docx)
soffice -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to pdf --outdir "$outdir" "$input" >/dev/null
pdftoppm -r 80 -png "$outdir/$name.pdf" "$outdir/$name"
echo "$outdir/$name.pdf"
