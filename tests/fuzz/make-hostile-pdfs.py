#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the hostile PDF seeds of tests/fuzz/corpus/pdf (committed; re-run after changing this file).

Each is small and quick to check; the fuzzer grows them. No signature in them verifies: they aim at the parsing
around the signatures (byte ranges, field trees, embedded files), not at the cryptography.
"""
import os
import sys
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "pdf")


def pdf(objects, trailer_extra=b""):
    """A PDF with a correct xref table from a list of object bodies (object i+1 = objects[i])."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


PAGES = [b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>"]


def signed_shape(byte_range, contents=b"<3082000a>", field_name=b"(hocba-principal-1)"):
    """A catalog with one signature field whose /V carries the given /ByteRange and /Contents."""
    sig = b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange %s /Contents %s" \
          b" /M (D:20260601083015Z) >>" % (byte_range, contents)
    return [b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>", *PAGES,
            b"<< /FT /Sig /T %s /V 5 0 R /Rect [0 0 0 0] /P 3 0 R >>" % field_name, sig]


def main():
    os.makedirs(OUT, exist_ok=True)
    seeds = {
        # c + d overflows a signed 64-bit sum (issue 9: "c + d in the byte-range check can overflow").
        "byterange-overflow.pdf": pdf(signed_shape(b"[0 10 9223372036854775807 9223372036854775807]")),
        # A range that points past the end of the file and a /Contents that is not a CMS.
        "byterange-past-end.pdf": pdf(signed_shape(b"[0 100 200 999999]", b"<00>")),
        # Negative and non-integer range entries.
        "byterange-negative.pdf": pdf(signed_shape(b"[0 -5 (x) -1]")),
        # A field tree that refers to itself twice: a naive walk visits 2^depth nodes.
        "field-kids-loop.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>", *PAGES,
                                    b"<< /Kids [4 0 R 4 0 R] /T (loop) >>"]),
        # The packet attachment compressed 1000:1 (2 MiB of spaces): decompression must be bounded.
        "embedded-flate-bomb.pdf": pdf([
            b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(hocba-packet.xml) 4 0 R] >> >> >>",
            *PAGES,
            b"<< /Type /Filespec /F (hocba-packet.xml) /UF (hocba-packet.xml) /EF << /F 5 0 R >> >>",
            stream(zlib.compress(b" " * (2 << 20), 9), b"/Type /EmbeddedFile /Filter /FlateDecode ")]),
        # An embedded file that is not XML and a digest entry that is not a digest.
        "embedded-not-xml.pdf": pdf([
            b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(hocba-packet.xml) 4 0 R] >> >> >>",
            *PAGES,
            b"<< /Type /Filespec /F (hocba-packet.xml) /EF << /F 5 0 R >> >>",
            stream(b"<RecordPacket><Data Id=\"data\"/></RecordPacket>", b"/Type /EmbeddedFile "),
            b"<< /HocbaPacketDigest (\xfe\xff\x00x) /Producer (fuzz) >>"], b"/Info 6 0 R "),
        # Only a header; and a header followed by garbage where the xref should be.
        "header-only.pdf": b"%PDF-1.7\n",
        "broken-xref.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 99999999\nstartxref\n9\n%%EOF\n",
    }
    for name, data in seeds.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    print("wrote %d seeds to %s" % (len(seeds), OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
