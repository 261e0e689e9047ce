-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 4: signed artifacts of year sections, the school's signing policy, and the batch-signing journal.
-- Like the rest of the store, immutability lives in triggers: a signature, once stored, is never changed or removed,
-- and one can only be added while its section is `ready` (paper-history sections never get there).

-- Which roles must sign a year section (ARCHITECTURE.md §3). The principal always signs; the homeroom teacher and
-- the school's seal certificate where the province requires them.
CREATE TABLE sign_policy (
    role      TEXT PRIMARY KEY CHECK (role IN ('principal', 'homeroom', 'seal')),
    required  INTEGER NOT NULL CHECK (required IN (0, 1))
);
INSERT INTO sign_policy (role, required) VALUES ('principal', 1), ('homeroom', 0), ('seal', 0);
CREATE TRIGGER sign_policy_principal_required BEFORE UPDATE ON sign_policy
WHEN NEW.role = 'principal' AND NEW.required = 0
BEGIN SELECT RAISE(ABORT, 'hocba:policy_principal'); END;
CREATE TRIGGER sign_policy_no_delete BEFORE DELETE ON sign_policy
BEGIN SELECT RAISE(ABORT, 'hocba:policy_fixed'); END;
CREATE TRIGGER sign_policy_no_insert BEFORE INSERT ON sign_policy
WHEN (SELECT count(*) FROM sign_policy) >= 3
BEGIN SELECT RAISE(ABORT, 'hocba:policy_fixed'); END;

-- One row per signature of a section version, in signing order (seq 1, 2, …). packet_xml is the packet with every
-- signature so far; pdf is stored only by the signature that completes the policy (the PDF is rendered from the
-- complete signed packet), NULL for intermediate ones.
CREATE TABLE signed_document (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    section_id          INTEGER NOT NULL REFERENCES year_section (id),
    version             INTEGER NOT NULL,
    seq                 INTEGER NOT NULL CHECK (seq >= 1),
    role                TEXT NOT NULL CHECK (role IN ('principal', 'homeroom', 'seal')),
    packet_xml          BLOB NOT NULL,
    packet_digest       TEXT NOT NULL CHECK (length(packet_digest) = 43),   -- SHA-256 base64url of packet_xml
    pdf                 BLOB,
    certificate         BLOB NOT NULL,                                       -- signer certificate, DER
    certificate_sha256  TEXT NOT NULL CHECK (length(certificate_sha256) = 64),
    signer_name         TEXT NOT NULL,                                       -- the certificate's CN
    signed_at           TEXT NOT NULL,                                       -- ISO-8601 UTC, as written into the signature
    UNIQUE (section_id, version, role),
    UNIQUE (section_id, version, seq)
);
CREATE INDEX signed_document_by_section ON signed_document (section_id, version, seq);

CREATE TRIGGER signed_document_no_update BEFORE UPDATE ON signed_document
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
CREATE TRIGGER signed_document_no_delete BEFORE DELETE ON signed_document
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
CREATE TRIGGER signed_document_insert_ready BEFORE INSERT ON signed_document
WHEN (SELECT state FROM year_section WHERE id = NEW.section_id) IS NOT 'ready'
  OR (SELECT source FROM year_section WHERE id = NEW.section_id) IS NOT 'digital'
  OR (SELECT version FROM year_section WHERE id = NEW.section_id) IS NOT NEW.version
BEGIN SELECT RAISE(ABORT, 'hocba:section_not_ready'); END;

-- Batch-signing journal (ARCHITECTURE.md §6): each item commits on its own, so a crash, a cancel or a pulled token
-- leaves a batch that the next run resumes, but only with the same certificate (certificate_sha256).
CREATE TABLE sign_batch (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at          TEXT NOT NULL,
    actor               TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('principal', 'homeroom', 'seal')),
    certificate_sha256  TEXT NOT NULL CHECK (length(certificate_sha256) = 64),
    state               TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'finished', 'abandoned')),
    finished_at         TEXT
);
CREATE TABLE sign_batch_item (
    batch_id    INTEGER NOT NULL REFERENCES sign_batch (id),
    seq         INTEGER NOT NULL,
    section_id  INTEGER NOT NULL REFERENCES year_section (id),
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'signed', 'skipped', 'failed')),
    reason      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (batch_id, seq),
    UNIQUE (batch_id, section_id)
) WITHOUT ROWID;
-- A finished item stays finished; a closed batch stays closed.
CREATE TRIGGER sign_batch_item_final BEFORE UPDATE ON sign_batch_item
WHEN OLD.state IN ('signed', 'skipped')
BEGIN SELECT RAISE(ABORT, 'hocba:batch_item_final'); END;
CREATE TRIGGER sign_batch_closed BEFORE UPDATE ON sign_batch
WHEN OLD.state <> 'open' OR NEW.certificate_sha256 IS NOT OLD.certificate_sha256 OR NEW.role IS NOT OLD.role
BEGIN SELECT RAISE(ABORT, 'hocba:batch_closed'); END;
CREATE TRIGGER sign_batch_no_delete BEFORE DELETE ON sign_batch
BEGIN SELECT RAISE(ABORT, 'hocba:batch_closed'); END;
CREATE TRIGGER sign_batch_item_no_delete BEFORE DELETE ON sign_batch_item
BEGIN SELECT RAISE(ABORT, 'hocba:batch_closed'); END;
