-- SPDX-License-Identifier: GPL-3.0-or-later
-- Issue 15: replacements, revocations and transfers (the same tables and meaning as sqlite/0002_corrections_transfers.sql).
-- Every version of a (record, year) already stays in `packets`; a version's replaced_at is the received_at of the next
-- version of the same year (the lookup computes it: nothing stored ever changes to record it).

-- Heads gain the state 'history' (a year received with a transfer from another province: signed and reported
-- elsewhere, it never changes here; no window of this Department) and revoked_at.
ALTER TABLE record_heads DROP CONSTRAINT record_heads_state_check;
ALTER TABLE record_heads ADD CONSTRAINT record_heads_state_check
    CHECK (state IN ('submitted', 'locked', 'revoked', 'history'));
ALTER TABLE record_heads ALTER COLUMN window_id DROP NOT NULL;
ALTER TABLE record_heads ADD COLUMN revoked_at timestamptz;
UPDATE record_heads SET revoked_at = received_at WHERE state = 'revoked';
ALTER TABLE record_heads ADD CONSTRAINT record_heads_history_window CHECK ((state = 'history') = (window_id IS NULL));
ALTER TABLE record_heads ADD CONSTRAINT record_heads_revoked_at CHECK ((state = 'revoked') = (revoked_at IS NOT NULL));

CREATE OR REPLACE FUNCTION hocba_refuse_locked_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.state IN ('locked', 'history') THEN
        RAISE EXCEPTION 'hocba: % on % refused: the row is locked', TG_OP, TG_TABLE_NAME USING ERRCODE = 'HBL01';
    END IF;
    RETURN NEW;
END
$$;

-- Who manages a record: the school that first reported it, until a transfer moves it (the only update).
CREATE TABLE record_managers (
    lookup_code text PRIMARY KEY,
    school_id bigint NOT NULL REFERENCES schools (id),
    since timestamptz NOT NULL
);
INSERT INTO record_managers (lookup_code, school_id, since)
    SELECT lookup_code, min(school_id), min(received_at) FROM record_heads GROUP BY lookup_code;

-- The certificates that signed, as principal, a packet a school submitted: who may sign that school's revoke
-- requests and transfer statements (hex SHA-256 of the certificate's DER).
CREATE TABLE principal_certs (
    school_id bigint NOT NULL REFERENCES schools (id),
    cert_sha256 text NOT NULL CHECK (length(cert_sha256) = 64),
    first_digest text NOT NULL,
    first_seen_at timestamptz NOT NULL,
    PRIMARY KEY (school_id, cert_sha256)
);

-- A signed revoke request as received, with the receipt it got.
CREATE TABLE revocations (
    id bigserial PRIMARY KEY,
    lookup_code text NOT NULL,
    school_year_start integer NOT NULL,
    version integer NOT NULL,
    digest text NOT NULL UNIQUE,
    school_id bigint NOT NULL REFERENCES schools (id),
    request_xml bytea NOT NULL,
    revoked_at timestamptz NOT NULL,
    receipt bytea NOT NULL,
    receipt_sig bytea NOT NULL,
    UNIQUE (lookup_code, school_year_start, version)
);

-- A signed transfer statement as received: management of the record moved from from_school_code to to_school_id.
CREATE TABLE transfers (
    id bigserial PRIMARY KEY,
    lookup_code text NOT NULL,
    digest text NOT NULL UNIQUE,
    from_school_code text NOT NULL,
    from_school_name text NOT NULL,
    to_school_id bigint NOT NULL REFERENCES schools (id),
    sender_school_id bigint NOT NULL REFERENCES schools (id),
    transfer_date date NOT NULL,
    statement_xml bytea NOT NULL,
    transferred_at timestamptz NOT NULL,
    receipt bytea NOT NULL,
    receipt_sig bytea NOT NULL
);
CREATE INDEX transfers_code ON transfers (lookup_code, id);

-- Versions received with a transfer from another province (a head in state 'history' points at the latest of a year).
CREATE TABLE history_versions (
    id bigserial PRIMARY KEY,
    transfer_id bigint NOT NULL REFERENCES transfers (id),
    lookup_code text NOT NULL,
    school_year_start integer NOT NULL,
    version integer NOT NULL,
    digest text NOT NULL UNIQUE,
    school_code text NOT NULL,
    school_name text NOT NULL,
    received_at timestamptz NOT NULL,
    packet_xml bytea NOT NULL,
    pdf bytea NOT NULL,
    lookup_json bytea NOT NULL,
    UNIQUE (lookup_code, school_year_start, version)
);

CREATE TRIGGER record_managers_no_delete BEFORE DELETE ON record_managers
    FOR EACH ROW EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER record_managers_no_truncate BEFORE TRUNCATE ON record_managers
    FOR EACH STATEMENT EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER principal_certs_immutable BEFORE UPDATE OR DELETE ON principal_certs
    FOR EACH ROW EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER principal_certs_no_truncate BEFORE TRUNCATE ON principal_certs
    FOR EACH STATEMENT EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER revocations_immutable BEFORE UPDATE OR DELETE ON revocations
    FOR EACH ROW EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER revocations_no_truncate BEFORE TRUNCATE ON revocations
    FOR EACH STATEMENT EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER transfers_immutable BEFORE UPDATE OR DELETE ON transfers
    FOR EACH ROW EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER transfers_no_truncate BEFORE TRUNCATE ON transfers
    FOR EACH STATEMENT EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER history_versions_immutable BEFORE UPDATE OR DELETE ON history_versions
    FOR EACH ROW EXECUTE FUNCTION hocba_refuse_change();
CREATE TRIGGER history_versions_no_truncate BEFORE TRUNCATE ON history_versions
    FOR EACH STATEMENT EXECUTE FUNCTION hocba_refuse_change();
