-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 12: transfers between schools (docs/transfer.md). The old school marks a record transferred away ("chuyển
-- đi"): from then on the record, its year sections and their assessments are read-only whatever program writes (only
-- the Department's receipts may still move a signed section forward to submitted and locked). The new school keeps the
-- years it received as the signed packets and PDFs of the old school (received_section, read-only once written) and
-- both keep the principal-signed transfer statement (transfer_statement, append-only).

ALTER TABLE record ADD COLUMN transferred_at TEXT;        -- yyyy-MM-dd: the transfer date; NULL while the pupil is here
ALTER TABLE record ADD COLUMN transferred_to_code TEXT    -- MOET code of the receiving school
    CHECK ((transferred_at IS NULL) = (transferred_to_code IS NULL));
ALTER TABLE record ADD COLUMN transferred_to_name TEXT NOT NULL DEFAULT '';

-- A record transferred away never changes again, and is never deleted.
CREATE TRIGGER record_transferred_fixed BEFORE UPDATE ON record
WHEN OLD.transferred_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'hocba:record_transferred'); END;
CREATE TRIGGER record_transferred_no_delete BEFORE DELETE ON record
WHEN OLD.transferred_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'hocba:record_transferred'); END;

CREATE TRIGGER year_section_transferred_insert BEFORE INSERT ON year_section
WHEN (SELECT transferred_at FROM record WHERE id = NEW.record_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'hocba:record_transferred'); END;
CREATE TRIGGER year_section_transferred_update BEFORE UPDATE ON year_section
WHEN (SELECT transferred_at FROM record WHERE id = OLD.record_id) IS NOT NULL
 AND NOT (NEW.record_id IS OLD.record_id
          AND ((OLD.state = 'signed' AND NEW.state IN ('submitted', 'locked'))
            OR (OLD.state = 'submitted' AND NEW.state = 'locked')))
BEGIN SELECT RAISE(ABORT, 'hocba:record_transferred'); END;
CREATE TRIGGER year_section_transferred_delete BEFORE DELETE ON year_section
WHEN (SELECT transferred_at FROM record WHERE id = OLD.record_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'hocba:record_transferred'); END;

CREATE TRIGGER assessment_transferred_insert BEFORE INSERT ON assessment
WHEN (SELECT r.transferred_at FROM year_section s JOIN record r ON r.id = s.record_id WHERE s.id = NEW.section_id)
     IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'hocba:record_transferred'); END;
CREATE TRIGGER assessment_transferred_update BEFORE UPDATE ON assessment
WHEN (SELECT r.transferred_at FROM year_section s JOIN record r ON r.id = s.record_id WHERE s.id = OLD.section_id)
     IS NOT NULL
  OR (SELECT r.transferred_at FROM year_section s JOIN record r ON r.id = s.record_id WHERE s.id = NEW.section_id)
     IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'hocba:record_transferred'); END;
CREATE TRIGGER assessment_transferred_delete BEFORE DELETE ON assessment
WHEN (SELECT r.transferred_at FROM year_section s JOIN record r ON r.id = s.record_id WHERE s.id = OLD.section_id)
     IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'hocba:record_transferred'); END;

-- The principal-signed statement, as signed: 'out' at the old school, 'in' at the new one. Append-only.
CREATE TABLE transfer_statement (
    id                INTEGER PRIMARY KEY,
    direction         TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    record_id         INTEGER NOT NULL REFERENCES record (id),
    lookup_code       TEXT NOT NULL CHECK (length(lookup_code) = 32 AND lookup_code NOT GLOB '*[^0-9a-f]*'),
    from_school_code  TEXT NOT NULL,
    from_school_name  TEXT NOT NULL,
    to_school_code    TEXT NOT NULL,
    to_school_name    TEXT NOT NULL DEFAULT '',
    transfer_date     TEXT NOT NULL,                  -- yyyy-MM-dd
    signed_xml        BLOB NOT NULL,
    stored_at         TEXT NOT NULL,                  -- ISO-8601 UTC
    UNIQUE (direction, record_id)
);
CREATE TRIGGER transfer_statement_no_update BEFORE UPDATE ON transfer_statement
BEGIN SELECT RAISE(ABORT, 'hocba:record_transferred'); END;
CREATE TRIGGER transfer_statement_no_delete BEFORE DELETE ON transfer_statement
BEGIN SELECT RAISE(ABORT, 'hocba:record_transferred'); END;

-- A school year received from an earlier school: its signed packet and PDF exactly as the package carried them, shown
-- and printed as received, never signed again. Read-only once written.
CREATE TABLE received_section (
    id                INTEGER PRIMARY KEY,
    record_id         INTEGER NOT NULL REFERENCES record (id),
    statement_id      INTEGER NOT NULL REFERENCES transfer_statement (id),
    school_year       INTEGER NOT NULL CHECK (school_year BETWEEN 2000 AND 2200),
    grade             INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 9),
    version           INTEGER NOT NULL CHECK (version >= 1),
    school_code       TEXT NOT NULL,                  -- the school that signed it
    school_name       TEXT NOT NULL,
    state             TEXT NOT NULL CHECK (state IN ('current', 'superseded', 'revoked')),
    packet_digest     TEXT NOT NULL CHECK (length(packet_digest) = 43),
    pdf_sha256        TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
    packet_xml        BLOB NOT NULL,
    pdf               BLOB NOT NULL,
    received_at       TEXT NOT NULL,                  -- ISO-8601 UTC
    UNIQUE (record_id, school_year, version)
);
CREATE INDEX received_section_by_record ON received_section (record_id, school_year, version);
CREATE TRIGGER received_section_no_update BEFORE UPDATE ON received_section
BEGIN SELECT RAISE(ABORT, 'hocba:received_section'); END;
CREATE TRIGGER received_section_no_delete BEFORE DELETE ON received_section
BEGIN SELECT RAISE(ABORT, 'hocba:received_section'); END;
