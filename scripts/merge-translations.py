#!/usr/bin/env python3
"""Fills unfinished entries of translations/hocba_vi.ts from translations/pending/*.tsv.

Each .tsv line is `English source<TAB>Vietnamese translation` (newlines written as \\n). Run after
`cmake --build <dir> --target update_translations`; entries the files do not cover stay unfinished and are listed,
so the TranslationsComplete test keeps failing until someone translates them.
"""
import glob
import html
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ts_path = os.path.join(root, "translations", "hocba_vi.ts")

glossary = {}
for path in sorted(glob.glob(os.path.join(root, "translations", "pending", "*.tsv"))):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                sys.exit(f"{path}:{n}: no TAB")
            src, dst = line.split("\t", 1)
            glossary[src.replace("\\n", "\n")] = dst.replace("\\n", "\n")

with open(ts_path, encoding="utf-8") as f:
    ts = f.read()

missing = []


def fill(m):
    block = m.group(0)
    src_m = re.search(r"<source>(.*?)</source>", block, re.S)
    src = html.unescape(src_m.group(1))
    if 'type="unfinished"' not in block and "<translation></translation>" not in block:
        return block
    if src not in glossary:
        missing.append(src)
        return block
    dst = html.escape(glossary[src], quote=False)
    if "<numerusform" in block:  # Vietnamese has one plural form
        body = f"<translation>\n            <numerusform>{dst}</numerusform>\n        </translation>"
    else:
        body = f"<translation>{dst}</translation>"
    return re.sub(r"<translation[^>]*>.*?</translation>", lambda _: body, block, flags=re.S)


ts = re.sub(r"<message(?: [^>]*)?>.*?</message>", fill, ts, flags=re.S)
with open(ts_path, "w", encoding="utf-8") as f:
    f.write(ts)
for s in missing:
    print("untranslated:", s.replace("\n", "\\n"))
print(f"{len(missing)} untranslated", file=sys.stderr)
