-- SPDX-License-Identifier: GPL-3.0-or-later
-- Issue 15: replacements, revocations and transfers (the same tables and meaning as pg/0002_corrections_transfers.sql).
-- Every version of a (record, year) already stays in `packets`; a version's replaced_at is the received_at of the next
-- version of the same year (the lookup computes it: nothing stored ever changes to record it).

-- Heads gain the state 'history' (a year received with a transfer from another province: signed and reported
-- elsewhere, it never changes here; no window of this Department) and revoked_at. SQLite cannot change a CHECK, so the
-- table is rebuilt with the same rows and its triggers made again.
DROP TRIGGER record_heads_locked_no_update;
DROP TRIGGER record_heads_no_delete;
CREATE TABLE record_heads_v2 (
    lookup_code TEXT NOT NULL,
    school_year_start INTEGER NOT NULL,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    window_id TEXT REFERENCES windows(id),
    current_version INTEGER NOT NULL,
    current_digest TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('submitted', 'locked', 'revoked', 'history')),
    received_at TEXT NOT NULL,
    locked_at TEXT,
    revoked_at TEXT,
    CHECK ((state = 'history') = (window_id IS NULL)),
    CHECK ((state = 'revoked') = (revoked_at IS NOT NULL)),
    PRIMARY KEY (lookup_code, school_year_start)
);
INSERT INTO record_heads_v2 (lookup_code, school_year_start, school_id, window_id, current_version, current_digest,
                             state, received_at, locked_at, revoked_at)
    SELECT lookup_code, school_year_start, school_id, window_id, current_version, current_digest, state, received_at,
           locked_at, CASE WHEN state = 'revoked' THEN received_at END
    FROM record_heads;
DROP TABLE record_heads;
ALTER TABLE record_heads_v2 RENAME TO record_heads;
CREATE INDEX record_heads_window_state ON record_heads(window_id, state);
CREATE INDEX record_heads_school ON record_heads(school_id);
CREATE TRIGGER record_heads_locked_no_update BEFORE UPDATE ON record_heads
    WHEN OLD.state IN ('locked', 'history')
BEGIN SELECT RAISE(ABORT, 'a locked record never changes'); END;
CREATE TRIGGER record_heads_no_delete BEFORE DELETE ON record_heads
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- Who manages a record: the school that first reported it, until a transfer moves it (the only update).
CREATE TABLE record_managers (
    lookup_code TEXT PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    since TEXT NOT NULL
);
INSERT INTO record_managers (lookup_code, school_id, since)
    SELECT lookup_code, min(school_id), min(received_at) FROM record_heads GROUP BY lookup_code;
CREATE TRIGGER record_managers_no_delete BEFORE DELETE ON record_managers
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- The certificates that signed, as principal, a packet a school submitted: who may sign that school's revoke
-- requests and transfer statements (hex SHA-256 of the certificate's DER).
CREATE TABLE principal_certs (
    school_id INTEGER NOT NULL REFERENCES schools(id),
    cert_sha256 TEXT NOT NULL CHECK (length(cert_sha256) = 64),
    first_digest TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    PRIMARY KEY (school_id, cert_sha256)
);

-- A signed revoke request as received, with the receipt it got.
CREATE TABLE revocations (
    id INTEGER PRIMARY KEY,
    lookup_code TEXT NOT NULL,
    school_year_start INTEGER NOT NULL,
    version INTEGER NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    request_xml BLOB NOT NULL,
    revoked_at TEXT NOT NULL,
    receipt BLOB NOT NULL,
    receipt_sig BLOB NOT NULL,
    UNIQUE (lookup_code, school_year_start, version)
);

-- A signed transfer statement as received: management of the record moved from from_school_code to to_school_id.
CREATE TABLE transfers (
    id INTEGER PRIMARY KEY,
    lookup_code TEXT NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    from_school_code TEXT NOT NULL,
    from_school_name TEXT NOT NULL,
    to_school_id INTEGER NOT NULL REFERENCES schools(id),
    sender_school_id INTEGER NOT NULL REFERENCES schools(id),
    transfer_date TEXT NOT NULL,
    statement_xml BLOB NOT NULL,
    transferred_at TEXT NOT NULL,
    receipt BLOB NOT NULL,
    receipt_sig BLOB NOT NULL
);
CREATE INDEX transfers_code ON transfers(lookup_code, id);

-- Versions received with a transfer from another province (a head in state 'history' points at the latest of a year).
CREATE TABLE history_versions (
    id INTEGER PRIMARY KEY,
    transfer_id INTEGER NOT NULL REFERENCES transfers(id),
    lookup_code TEXT NOT NULL,
    school_year_start INTEGER NOT NULL,
    version INTEGER NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    school_code TEXT NOT NULL,
    school_name TEXT NOT NULL,
    received_at TEXT NOT NULL,
    packet_xml BLOB NOT NULL,
    pdf BLOB NOT NULL,
    lookup_json BLOB NOT NULL,
    UNIQUE (lookup_code, school_year_start, version)
);

CREATE TRIGGER principal_certs_no_update BEFORE UPDATE ON principal_certs
BEGIN SELECT RAISE(ABORT, 'principal certificates are immutable'); END;
CREATE TRIGGER principal_certs_no_delete BEFORE DELETE ON principal_certs
BEGIN SELECT RAISE(ABORT, 'principal certificates are immutable'); END;
CREATE TRIGGER revocations_no_update BEFORE UPDATE ON revocations
BEGIN SELECT RAISE(ABORT, 'revocations are immutable'); END;
CREATE TRIGGER revocations_no_delete BEFORE DELETE ON revocations
BEGIN SELECT RAISE(ABORT, 'revocations are immutable'); END;
CREATE TRIGGER transfers_no_update BEFORE UPDATE ON transfers
BEGIN SELECT RAISE(ABORT, 'transfers are immutable'); END;
CREATE TRIGGER transfers_no_delete BEFORE DELETE ON transfers
BEGIN SELECT RAISE(ABORT, 'transfers are immutable'); END;
CREATE TRIGGER history_versions_no_update BEFORE UPDATE ON history_versions
BEGIN SELECT RAISE(ABORT, 'history versions are immutable'); END;
CREATE TRIGGER history_versions_no_delete BEFORE DELETE ON history_versions
BEGIN SELECT RAISE(ABORT, 'history versions are immutable'); END;
