#!/usr/bin/env bash
# Render a .docx to PDF and PNG pages, to look at generated reports on a machine without Word:
#   scripts/render-docx.sh FILE.docx OUTDIR   →   OUTDIR/FILE.pdf, OUTDIR/FILE-1.png, OUTDIR/FILE-2.png, …
# Needs LibreOffice (libreoffice-writer-nogui), pdftoppm (poppler-utils), python3 and fonts-noto-cjk.
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
# LibreOffice 7.4 reads a negative docGrid charSpace (Word's 28-character grid, -842) as a pitch narrower
# than every character and lays 14 characters a line. A copy with charSpace="0" renders as Word does:
# the 三号 text, condensed by 0.25 pt, then holds 28 characters a line in LibreOffice too.
copy="$profile/$name.docx"
python3 - "$input" "$copy" <<'PY'
import re, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename == "word/document.xml":
            data = re.sub(rb'w:charSpace="-\d+"', b'w:charSpace="0"', data)
        dst.writestr(item, data)
PY
soffice -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to pdf --outdir "$outdir" "$copy" >/dev/null
pdftoppm -r 80 -png "$outdir/$name.pdf" "$outdir/$name"
echo "$outdir/$name.pdf"
