-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 5: signed checkpoints of the audit chain (docs/audit.md). At the end of each signing batch the signer's
-- token signs the chain's head (entry id and hash), so a chain rewritten with the public formula, or cut, before the
-- last checkpoint no longer matches a signature that nobody without that token can make again.
-- `content` is exactly the signed bytes (compact JSON); the other columns repeat its values for queries, and
-- verification checks that they agree with it. A checkpoint is written once and never changed or removed.

CREATE TABLE audit_checkpoint (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    made_at             TEXT NOT NULL,                                        -- ISO-8601 UTC, as signed
    role                TEXT NOT NULL CHECK (role IN ('principal', 'homeroom', 'seal')),
    head_id             INTEGER NOT NULL CHECK (head_id >= 0),                -- audit_log.id of the chain's head
    head_hash           TEXT NOT NULL CHECK (length(head_hash) = 64),         -- audit_log.hash of that entry
    certificate_sha256  TEXT NOT NULL CHECK (length(certificate_sha256) = 64), -- the signer's certificate
    content             BLOB NOT NULL,
    signature           BLOB NOT NULL                                         -- detached CMS (DER) over content
);

CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
BEGIN SELECT RAISE(ABORT, 'hocba:audit_append_only'); END;
CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
BEGIN SELECT RAISE(ABORT, 'hocba:audit_append_only'); END;
