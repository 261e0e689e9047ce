-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 10: reporting to the Department (docs/upload.md, docs/api.md). The endpoint the school reports to, the
-- outbox that signing fills (one row per signed section version, by trigger, so no signing path can forget it), and
-- the Department's receipts, kept as signed so anyone can check them again later.

-- One row: where and as whom the school reports. The credential is a secret: it is never written to the audit log.
CREATE TABLE department_endpoint (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    url              TEXT NOT NULL,
    credential       TEXT NOT NULL CHECK (length(credential) = 64 AND credential NOT GLOB '*[^0-9a-f]*'),
    department_cert  BLOB NOT NULL,                 -- DER; receipts must be signed by exactly this certificate
    department_name  TEXT NOT NULL,                 -- the certificate's CN
    updated_at       TEXT NOT NULL
);

-- A section version waits here from its signing until the Department's receipts say it arrived and was locked.
CREATE TABLE department_outbox (
    section_id     INTEGER NOT NULL REFERENCES year_section (id),
    version        INTEGER NOT NULL,
    packet_digest  TEXT NOT NULL CHECK (length(packet_digest) = 43),
    state          TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'submitted', 'locked')),
    attempts       INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error     TEXT NOT NULL DEFAULT '',
    queued_at      TEXT NOT NULL,
    submitted_at   TEXT,
    locked_at      TEXT,
    PRIMARY KEY (section_id, version)
) WITHOUT ROWID;
CREATE INDEX department_outbox_by_state ON department_outbox (state);

-- Only forward, and what was sent never changes.
CREATE TRIGGER department_outbox_forward BEFORE UPDATE ON department_outbox
WHEN NEW.section_id IS NOT OLD.section_id OR NEW.version IS NOT OLD.version
  OR NEW.packet_digest IS NOT OLD.packet_digest
  OR (NEW.state IS NOT OLD.state AND NOT (
         (OLD.state = 'pending' AND NEW.state IN ('submitted', 'locked'))
      OR (OLD.state = 'submitted' AND NEW.state = 'locked')))
BEGIN SELECT RAISE(ABORT, 'hocba:state_transition'); END;
CREATE TRIGGER department_outbox_no_delete BEFORE DELETE ON department_outbox
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;

-- Signing fills the outbox: the digest is the one of the completing signature's packet (the highest seq).
CREATE TRIGGER department_outbox_on_signed AFTER UPDATE OF state ON year_section
WHEN NEW.state = 'signed' AND OLD.state IS NOT 'signed'
BEGIN
    INSERT OR IGNORE INTO department_outbox (section_id, version, packet_digest, queued_at)
    SELECT NEW.id, NEW.version, d.packet_digest, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
      FROM signed_document d WHERE d.section_id = NEW.id AND d.version = NEW.version
     ORDER BY d.seq DESC LIMIT 1;
END;

-- Sections signed before this version are waiting too.
INSERT OR IGNORE INTO department_outbox (section_id, version, packet_digest, queued_at)
SELECT s.id, s.version,
       (SELECT d.packet_digest FROM signed_document d WHERE d.section_id = s.id AND d.version = s.version
         ORDER BY d.seq DESC LIMIT 1),
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM year_section s
 WHERE s.state = 'signed'
   AND EXISTS (SELECT 1 FROM signed_document d WHERE d.section_id = s.id AND d.version = s.version);

-- The Department's receipts as received: canonical bytes and the detached CMS over them. Append-only.
CREATE TABLE department_receipt (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    section_id     INTEGER NOT NULL REFERENCES year_section (id),
    version        INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('upload', 'lock')),
    canonical      BLOB NOT NULL,
    signature      BLOB NOT NULL,                   -- detached CMS, DER
    at             TEXT NOT NULL,                   -- the receipt's own date: received, or the lock's effective date
    stored_at      TEXT NOT NULL,
    UNIQUE (section_id, version, kind)
);
CREATE TRIGGER department_receipt_no_update BEFORE UPDATE ON department_receipt
BEGIN SELECT RAISE(ABORT, 'hocba:receipt_append_only'); END;
CREATE TRIGGER department_receipt_no_delete BEFORE DELETE ON department_receipt
BEGIN SELECT RAISE(ABORT, 'hocba:receipt_append_only'); END;
