-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 16 (issue 14): the print log. Every copy of a record the school prints or writes to PDF for handing out is
-- a row: who, when, which record and which school year's section (its version and state, and the SHA-256 of that
-- year's packet as printed), how many copies, why (archive, transfer, parent, other with a note), and whether it went
-- to a printer or a PDF file. Written by lifecycle's PrintLog with an audit entry in the same transaction
-- (docs/printing.md). Append-only: rows are never changed or removed, whatever program opens the file. The record and
-- section are kept as numbers and the lookup code as text (no foreign keys), so the log outlives an undone import.
CREATE TABLE print_log (
    id             INTEGER PRIMARY KEY,
    printed_at     TEXT NOT NULL,                                   -- ISO-8601 UTC
    printed_by     TEXT NOT NULL,                                   -- the login, or "system" in a file without accounts
    record_id      INTEGER NOT NULL,
    lookup_code    TEXT NOT NULL,
    section_id     INTEGER NOT NULL,
    school_year    INTEGER NOT NULL CHECK (school_year BETWEEN 2000 AND 2200),
    class_name     TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL CHECK (version >= 1),
    state          TEXT NOT NULL CHECK (state IN ('draft', 'ready', 'signed', 'submitted', 'locked')),
    draft          INTEGER NOT NULL CHECK (draft IN (0, 1)),        -- 1: printed with the draft watermark
    packet_sha256  TEXT NOT NULL CHECK (length(packet_sha256) = 64 AND packet_sha256 NOT GLOB '*[^0-9a-f]*'),
    copies         INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 20),
    reason         TEXT NOT NULL CHECK (reason IN ('archive', 'transfer', 'parent', 'other')),
    note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500 AND (reason <> 'other' OR note <> '')),
    target         TEXT NOT NULL CHECK (target IN ('pdf', 'printer')),
    CHECK (draft = (state IN ('draft', 'ready')))
);
CREATE INDEX print_log_by_year ON print_log (school_year, class_name);
CREATE INDEX print_log_by_record ON print_log (record_id);

CREATE TRIGGER print_log_no_update BEFORE UPDATE ON print_log
BEGIN SELECT RAISE(ABORT, 'hocba:print_log_append_only'); END;
CREATE TRIGGER print_log_no_delete BEFORE DELETE ON print_log
BEGIN SELECT RAISE(ABORT, 'hocba:print_log_append_only'); END;
