#!/usr/bin/env bash
# Rebuilds fonts/wqy-microhei-gb2312.ttf: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, Apache-2.0) cut down to
# the 6,763 GB2312 characters, full-width forms, CJK punctuation and ASCII.
# Why: SkiaSharp's PDF backend embeds the whole font (it does not subset), and the whole font makes every PDF > 2 MB.
# Needs Debian's fonts-wqy-microhei and python3-fonttools, run with Debian's own /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$work" <<'PY'
import sys
from fontTools.ttLib import TTCollection
work = sys.argv[1]
TTCollection('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc').fonts[0].save(f'{work}/full.ttf')
chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars.update(chr(c) for c in range(0x20, 0x7F))
chars.update(chr(c) for c in range(0xFF01, 0xFF5F))
chars.update(chr(c) for c in range(0x3000, 0x3040))
chars.update("“”‘’…—–·、。，《》〈〉【】（）！？：；％‰℃×÷±≤≥°「」『』〔〕")
open(f'{work}/chars.txt', 'w', encoding='utf-8').write(''.join(sorted(chars)))
PY
/usr/bin/python3 -m fontTools.subset "$work/full.ttf" --text-file="$work/chars.txt" --output-file=wqy-microhei-gb2312.ttf \
  --layout-features='*' --name-IDs='*' --name-legacy --name-languages='*'
