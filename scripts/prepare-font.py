#!/usr/bin/python3
"""Prepares the font embedded in printed records (run by CMake at configure time with Debian's python3-fonttools).

Cuts Noto Serif down to what a record prints (Latin with Vietnamese, punctuation), drops its hinting bytecode and
renames the family to "Hocba Serif", so Qt always picks the embedded copy and never a system-installed Noto Serif
whose files (and so layout) may differ from machine to machine.
usage: prepare-font.py SOURCE.ttf OUTPUT.ttf
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Hocba Serif"
UNICODES = ("U+0020-007E,U+00A0-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20BF,U+2100-214F,"
            "U+2190-21FF,U+2212,U+25A0-25FF")

src, dst = sys.argv[1], sys.argv[2]
options = subset.Options()
options.hinting = False
options.layout_features = ["*"]
options.name_IDs = ["*"]
font = TTFont(src)
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
subsetter.subset(font)

name = font["name"]
style = name.getDebugName(2) or "Regular"
for record in name.names:
    if record.nameID in (1, 16):
        record.string = FAMILY
    elif record.nameID == 4:
        record.string = f"{FAMILY} {style}" if style != "Regular" else FAMILY
    elif record.nameID == 6:
        record.string = f"HocbaSerif-{style.replace(' ', '')}"
font.save(dst)
