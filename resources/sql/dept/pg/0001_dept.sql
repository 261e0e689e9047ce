-- SPDX-License-Identifier: GPL-3.0-or-later
-- The Department endpoint's schema on PostgreSQL 15 (the same tables and meaning as sql/dept/sqlite; see
-- core/dept/DeptStore.h). Times are timestamptz (UTC), blobs bytea. Audit hashes are computed in C++.

CREATE TABLE schools (
    id bigserial PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE school_credentials (
    token_sha256 bytea PRIMARY KEY CHECK (length(token_sha256) = 32),
    school_id bigint NOT NULL REFERENCES schools (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX school_credentials_school ON school_credentials (school_id);

CREATE TABLE trust_anchors (
    sha256 text PRIMARY KEY,
    der bytea NOT NULL,
    label text NOT NULL,
    added_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE windows (
    id text PRIMARY KEY,
    school_year_start integer NOT NULL,
    august boolean NOT NULL,
    deadline date NOT NULL,
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'locked')),
    locked_at timestamptz,
    UNIQUE (school_year_start, august)
);

-- A record (one lookup code) has one head per school year: each year section is signed, uploaded and locked on its
-- own, and its versions restart at 1 every year.
CREATE TABLE record_heads (
    lookup_code text NOT NULL,
    school_year_start integer NOT NULL,
    school_id bigint NOT NULL REFERENCES schools (id),
    window_id text NOT NULL REFERENCES windows (id),
    current_version integer NOT NULL,
    current_digest text NOT NULL,
    state text NOT NULL CHECK (state IN ('submitted', 'locked', 'revoked')),
    received_at timestamptz NOT NULL,
    locked_at timestamptz,
    PRIMARY KEY (lookup_code, school_year_start)
);
-- lockWindow takes the submitted heads of one window, batch by batch.
CREATE INDEX record_heads_window_state ON record_heads (window_id, state);
CREATE INDEX record_heads_school ON record_heads (school_id);

CREATE TABLE packets (
    id bigserial PRIMARY KEY,
    lookup_code text NOT NULL,
    school_year_start integer NOT NULL,
    version integer NOT NULL,
    digest text NOT NULL UNIQUE,
    school_id bigint NOT NULL REFERENCES schools (id),
    window_id text NOT NULL REFERENCES windows (id),
    received_at timestamptz NOT NULL,
    packet_xml bytea NOT NULL,
    pdf bytea NOT NULL,
    lookup_json bytea NOT NULL,
    upload_receipt bytea NOT NULL,
    upload_receipt_sig bytea NOT NULL,
    UNIQUE (lookup_code, school_year_start, version)
);

CREATE TABLE lock_receipts (
    id bigserial PRIMARY KEY, -- the paging cursor of a school's lock receipts
    lookup_code text NOT NULL,
    school_year_start integer NOT NULL,
    version integer NOT NULL,
    school_id bigint NOT NULL REFERENCES schools (id),
    window_id text NOT NULL REFERENCES windows (id),
    locked_at timestamptz NOT NULL,
    receipt bytea NOT NULL,
    receipt_sig bytea NOT NULL,
    UNIQUE (lookup_code, school_year_start, version)
);
CREATE INDEX lock_receipts_school ON lock_receipts (school_id, id);

-- id is given by the appender (the previous id + 1, under an advisory lock), so a gap shows a deleted entry.
CREATE TABLE audit (
    id bigint PRIMARY KEY,
    at timestamptz NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    detail text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
);

-- Immutability in the database itself: what was received, receipted or logged is never changed or removed.
CREATE FUNCTION hocba_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'hocba: % on % refused: the row is immutable', TG_OP, TG_TABLE_NAME USING ERRCODE = 'HBL01';
END
$$;

CREATE FUNCTION hocba_refuse_locked_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.state = 'locked' THEN
        RAISE EXCEPTION 'hocba: % on % refused: the row is locked', TG_OP, TG_TABLE_NAME USING ERRCODE = 'HBL01';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER packets_immutable BEFORE UPDATE OR DELETE ON packets
    FOR EACH ROW EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER packets_no_truncate BEFORE TRUNCATE ON packets
    FOR EACH STATEMENT EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER lock_receipts_immutable BEFORE UPDATE OR DELETE ON lock_receipts
    FOR EACH ROW EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER lock_receipts_no_truncate BEFORE TRUNCATE ON lock_receipts
    FOR EACH STATEMENT EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER audit_immutable BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER record_heads_locked BEFORE UPDATE OR DELETE ON record_heads
    FOR EACH ROW EXECUTE FUNCTION hocba_refuse_locked_change();
CREATE TRIGGER record_heads_no_truncate BEFORE TRUNCATE ON record_heads
    FOR EACH STATEMENT EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER windows_locked BEFORE UPDATE ON windows
    FOR EACH ROW EXECUTE FUNCTION hocba_refuse_locked_change();
