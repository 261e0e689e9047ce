-- SPDX-License-Identifier: GPL-3.0-or-later
-- The Department endpoint's storage, SQLite (notes: the same tables and meaning as pg/0001_dept.sql).
-- Times are ISO-8601 UTC text "2026-06-30T16:59:59Z"; dates 'yyyy-MM-dd'. The audit hash chain is computed in C++.

CREATE TABLE schools (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Only the SHA-256 of a bearer token is kept: a copied database does not give away any school's credential.
CREATE TABLE school_credentials (
    token_sha256 BLOB PRIMARY KEY CHECK (length(token_sha256) = 32),
    school_id INTEGER NOT NULL REFERENCES schools(id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX school_credentials_school ON school_credentials(school_id);

CREATE TABLE trust_anchors (
    sha256 TEXT PRIMARY KEY,
    der BLOB NOT NULL,
    label TEXT NOT NULL,
    added_at TEXT NOT NULL
);

CREATE TABLE windows (
    id TEXT PRIMARY KEY,
    school_year_start INTEGER NOT NULL,
    august INTEGER NOT NULL CHECK (august IN (0, 1)),
    deadline TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'locked')),
    locked_at TEXT,
    UNIQUE (school_year_start, august)
);

-- A record (one lookup code) has one head per school year: each year section is signed, uploaded and locked on its
-- own, and its versions restart at 1 every year.
CREATE TABLE record_heads (
    lookup_code TEXT NOT NULL,
    school_year_start INTEGER NOT NULL,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    window_id TEXT NOT NULL REFERENCES windows(id),
    current_version INTEGER NOT NULL,
    current_digest TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('submitted', 'locked', 'revoked')),
    received_at TEXT NOT NULL,
    locked_at TEXT,
    PRIMARY KEY (lookup_code, school_year_start)
);
CREATE INDEX record_heads_window_state ON record_heads(window_id, state);
CREATE INDEX record_heads_school ON record_heads(school_id);

CREATE TABLE packets (
    id INTEGER PRIMARY KEY,
    lookup_code TEXT NOT NULL,
    school_year_start INTEGER NOT NULL,
    version INTEGER NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    window_id TEXT NOT NULL REFERENCES windows(id),
    received_at TEXT NOT NULL,
    packet_xml BLOB NOT NULL,
    pdf BLOB NOT NULL,
    lookup_json BLOB NOT NULL,
    upload_receipt BLOB NOT NULL,
    upload_receipt_sig BLOB NOT NULL,
    UNIQUE (lookup_code, school_year_start, version)
);

-- The id is the paging cursor of GET /api/v1/receipts: AUTOINCREMENT so an id is never handed out twice.
CREATE TABLE lock_receipts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lookup_code TEXT NOT NULL,
    school_year_start INTEGER NOT NULL,
    version INTEGER NOT NULL,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    window_id TEXT NOT NULL REFERENCES windows(id),
    locked_at TEXT NOT NULL,
    receipt BLOB NOT NULL,
    receipt_sig BLOB NOT NULL,
    UNIQUE (lookup_code, school_year_start, version)
);
CREATE INDEX lock_receipts_school ON lock_receipts(school_id, id);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- What was received, receipted or logged never changes, whatever program opens the file.
CREATE TRIGGER packets_no_update BEFORE UPDATE ON packets
BEGIN SELECT RAISE(ABORT, 'packets are immutable'); END;
CREATE TRIGGER packets_no_delete BEFORE DELETE ON packets
BEGIN SELECT RAISE(ABORT, 'packets are immutable'); END;
CREATE TRIGGER lock_receipts_no_update BEFORE UPDATE ON lock_receipts
BEGIN SELECT RAISE(ABORT, 'lock receipts are immutable'); END;
CREATE TRIGGER lock_receipts_no_delete BEFORE DELETE ON lock_receipts
BEGIN SELECT RAISE(ABORT, 'lock receipts are immutable'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER record_heads_locked_no_update BEFORE UPDATE ON record_heads WHEN OLD.state = 'locked'
BEGIN SELECT RAISE(ABORT, 'a locked record never changes'); END;
CREATE TRIGGER record_heads_no_delete BEFORE DELETE ON record_heads
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;
CREATE TRIGGER windows_locked_no_update BEFORE UPDATE ON windows WHEN OLD.state = 'locked'
BEGIN SELECT RAISE(ABORT, 'a locked window never changes'); END;
CREATE TRIGGER windows_no_delete BEFORE DELETE ON windows
BEGIN SELECT RAISE(ABORT, 'windows are never deleted'); END;
