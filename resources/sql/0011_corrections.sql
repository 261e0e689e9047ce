-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 11: corrections before the Department's lock (docs/corrections.md). A signed school year may be reopened as
-- a new draft version (version N+1, replaces_id = version N) that replaces the old one once signed; a reported year
-- may be revoked with a request the principal signs. Once the Department has locked a year nothing in it changes, and
-- the triggers below refuse it whatever program writes. Signed requests to the Department (revoke, transfer) wait in
-- their own outbox.

ALTER TABLE year_section ADD COLUMN reopen_reason TEXT;    -- why this version was opened; NULL for version 1
ALTER TABLE year_section ADD COLUMN reopened_at TEXT;      -- ISO-8601 UTC; NULL for version 1
ALTER TABLE year_section ADD COLUMN revoked_at TEXT;       -- ISO-8601 UTC: when the revoke was signed
ALTER TABLE year_section ADD COLUMN revoke_reason TEXT
    CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL));

CREATE INDEX year_section_by_record_year ON year_section (record_id, school_year, version);
-- At most one version of a year is being edited at a time.
CREATE UNIQUE INDEX year_section_one_open ON year_section (record_id, school_year) WHERE state IN ('draft', 'ready');

-- The Department's lock wins: a version it locked may be one the school had already superseded or revoked.
DROP TRIGGER year_section_state_transition;
CREATE TRIGGER year_section_state_transition BEFORE UPDATE OF state ON year_section
WHEN NEW.state IS NOT OLD.state AND NOT (
       (OLD.state = 'draft' AND NEW.state = 'ready')
    OR (OLD.state = 'ready' AND NEW.state IN ('draft', 'signed'))
    OR (OLD.state = 'signed' AND NEW.state IN ('submitted', 'revoked', 'superseded', 'locked'))
    OR (OLD.state = 'submitted' AND NEW.state IN ('locked', 'revoked', 'superseded'))
    OR (OLD.state IN ('superseded', 'revoked') AND NEW.state = 'locked'))
BEGIN SELECT RAISE(ABORT, 'hocba:state_transition'); END;

-- A year with a locked version: no new version, no change to any other version of it, no change to its results.
CREATE TRIGGER year_section_year_locked_insert BEFORE INSERT ON year_section
WHEN EXISTS (SELECT 1 FROM year_section l WHERE l.record_id = NEW.record_id AND l.school_year = NEW.school_year
                AND l.state = 'locked')
BEGIN SELECT RAISE(ABORT, 'hocba:section_locked'); END;
CREATE TRIGGER year_section_year_locked_update BEFORE UPDATE ON year_section
WHEN NEW.state IS NOT 'locked'
 AND EXISTS (SELECT 1 FROM year_section l WHERE l.record_id = OLD.record_id AND l.school_year = OLD.school_year
                AND l.state = 'locked' AND l.id <> OLD.id)
BEGIN SELECT RAISE(ABORT, 'hocba:section_locked'); END;
CREATE TRIGGER year_section_year_locked_delete BEFORE DELETE ON year_section
WHEN EXISTS (SELECT 1 FROM year_section l WHERE l.record_id = OLD.record_id AND l.school_year = OLD.school_year
                AND l.state = 'locked')
BEGIN SELECT RAISE(ABORT, 'hocba:section_locked'); END;
CREATE TRIGGER assessment_year_locked_insert BEFORE INSERT ON assessment
WHEN EXISTS (SELECT 1 FROM year_section s JOIN year_section l ON l.record_id = s.record_id
                AND l.school_year = s.school_year WHERE s.id = NEW.section_id AND l.state = 'locked')
BEGIN SELECT RAISE(ABORT, 'hocba:section_locked'); END;
CREATE TRIGGER assessment_year_locked_update BEFORE UPDATE ON assessment
WHEN EXISTS (SELECT 1 FROM year_section s JOIN year_section l ON l.record_id = s.record_id
                AND l.school_year = s.school_year WHERE s.id IN (OLD.section_id, NEW.section_id) AND l.state = 'locked')
BEGIN SELECT RAISE(ABORT, 'hocba:section_locked'); END;
CREATE TRIGGER assessment_year_locked_delete BEFORE DELETE ON assessment
WHEN EXISTS (SELECT 1 FROM year_section s JOIN year_section l ON l.record_id = s.record_id
                AND l.school_year = s.school_year WHERE s.id = OLD.section_id AND l.state = 'locked')
BEGIN SELECT RAISE(ABORT, 'hocba:section_locked'); END;

-- A new version continues the chain: it replaces the newest version of the same year, which is signed or reported.
CREATE TRIGGER year_section_version_chain BEFORE INSERT ON year_section
WHEN (NEW.replaces_id IS NULL) <> (NEW.version = 1)
  OR (NEW.replaces_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM year_section o WHERE o.id = NEW.replaces_id AND o.record_id = NEW.record_id
           AND o.school_year = NEW.school_year AND o.version = NEW.version - 1 AND o.source = 'digital'
           AND o.state IN ('signed', 'submitted')))
BEGIN SELECT RAISE(ABORT, 'hocba:version_chain'); END;

-- Why a version was opened is written once, with the new draft, then fixed; a revoke is recorded with its move to `revoked` and then fixed.
CREATE TRIGGER year_section_correction_fields BEFORE UPDATE OF reopen_reason, reopened_at, revoked_at, revoke_reason
ON year_section
WHEN ((NEW.reopen_reason IS NOT OLD.reopen_reason OR NEW.reopened_at IS NOT OLD.reopened_at)
      AND NOT (OLD.reopen_reason IS NULL AND OLD.reopened_at IS NULL AND OLD.state = 'draft'
               AND OLD.replaces_id IS NOT NULL AND NEW.reopen_reason IS NOT NULL AND NEW.reopened_at IS NOT NULL))
  OR ((NEW.revoked_at IS NOT OLD.revoked_at OR NEW.revoke_reason IS NOT OLD.revoke_reason)
      AND NOT (OLD.revoked_at IS NULL AND NEW.state = 'revoked' AND OLD.state IN ('signed', 'submitted')))
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;

-- Signing a new version supersedes the one it replaces, so that no signing path can forget it.
CREATE TRIGGER year_section_supersede_on_signed AFTER UPDATE OF state ON year_section
WHEN NEW.state = 'signed' AND OLD.state IS NOT 'signed' AND NEW.replaces_id IS NOT NULL
BEGIN
    UPDATE year_section SET state = 'superseded' WHERE id = NEW.replaces_id AND state IN ('signed', 'submitted');
END;

-- Signed requests to the Department (revoke, transfer), sent by the upload after the packets they depend on.
CREATE TABLE department_request (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    kind               TEXT NOT NULL CHECK (kind IN ('revoke', 'transfer')),
    lookup_code        TEXT NOT NULL CHECK (length(lookup_code) = 32 AND lookup_code NOT GLOB '*[^0-9a-f]*'),
    school_year        INTEGER NOT NULL DEFAULT 0,       -- revoke: the year revoked; transfer: 0
    signed_xml         BLOB NOT NULL,
    versions_json      BLOB NOT NULL DEFAULT '',         -- transfer from the receiving school: docs/api.md's array
    digest             TEXT NOT NULL UNIQUE CHECK (length(digest) = 43),
    state              TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'refused')),
    attempts           INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error         TEXT NOT NULL DEFAULT '',
    queued_at          TEXT NOT NULL,
    sent_at            TEXT,
    receipt_canonical  BLOB,                             -- the Department's receipt of kind revoke | transfer
    receipt_signature  BLOB
);
CREATE INDEX department_request_by_state ON department_request (state);
CREATE TRIGGER department_request_forward BEFORE UPDATE ON department_request
WHEN NEW.kind IS NOT OLD.kind OR NEW.lookup_code IS NOT OLD.lookup_code OR NEW.school_year IS NOT OLD.school_year
  OR NEW.signed_xml IS NOT OLD.signed_xml OR NEW.versions_json IS NOT OLD.versions_json
  OR NEW.digest IS NOT OLD.digest OR NEW.queued_at IS NOT OLD.queued_at
  OR (OLD.state <> 'pending' AND (NEW.state IS NOT OLD.state OR NEW.receipt_canonical IS NOT OLD.receipt_canonical
                                  OR NEW.receipt_signature IS NOT OLD.receipt_signature))
BEGIN SELECT RAISE(ABORT, 'hocba:state_transition'); END;
CREATE TRIGGER department_request_no_delete BEFORE DELETE ON department_request
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
