-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 3: trust anchors the school adds (root certificates of Vietnamese CAs are not in the OS trust stores,
-- DOMAIN.md §5.3). Kept in the school's file so every PC of the school trusts the same roots; the program's
-- built-in anchors (resources/trust/*.pem) come on top. An anchor is never edited: remove it and add the right one.

CREATE TABLE trust_anchor (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    der          BLOB NOT NULL,
    subject      TEXT NOT NULL,                 -- RFC 2253, UTF-8 (display only; the DER is what counts)
    sha256       TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 = lower(sha256)),
    not_after    TEXT NOT NULL DEFAULT '',      -- ISO-8601 UTC, for the expiry reminder
    added_at     TEXT NOT NULL,                 -- ISO-8601 UTC
    added_by     TEXT NOT NULL
);

CREATE TRIGGER trust_anchor_no_update BEFORE UPDATE ON trust_anchor
BEGIN SELECT RAISE(ABORT, 'hocba:trust_anchor_fixed'); END;
