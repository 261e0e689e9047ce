-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 14 (issue 13): what the school's printed books carry besides the packets: the lookup portal its QR codes and
-- printed text point to (docs/qr.md) and the seal image drawn beside the principal's visible digital signature
-- (docs/signing.md), and whether the books carry the "Hướng dẫn ghi học bạ" page after the cover (docs/layout.md).
-- One row; the portal and the seal may be unset. Set through lifecycle's PrintSettings, with an audit entry.
CREATE TABLE print_settings (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    lookup_url  TEXT CHECK (lookup_url IS NULL OR lookup_url GLOB 'http://?*' OR lookup_url GLOB 'https://?*'),
    seal_png    BLOB CHECK (seal_png IS NULL OR (length(seal_png) <= 1048576
                                                 AND substr(seal_png, 1, 8) = X'89504E470D0A1A0A')),
    instructions_page INTEGER NOT NULL DEFAULT 1 CHECK (instructions_page IN (0, 1)),
    updated_at  TEXT NOT NULL
);
