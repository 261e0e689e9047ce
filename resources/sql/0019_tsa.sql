-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 19 (issue 16): the school's time-stamping authority (RFC 3161). When set, every PDF signature of a signing
-- batch gets a signature time-stamp from this server (PAdES B-T); its root certificate joins the trust anchors
-- verification uses; `allow_without` lets a batch go on without time-stamps (level B) when the server does not
-- answer, instead of stopping. One row, or none (no time-stamps, as before). Set through lifecycle's TsaSettings
-- (`hocba-cli tsa`), with an audit entry.
CREATE TABLE tsa_settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    url           TEXT NOT NULL CHECK (url GLOB 'http://?*' OR url GLOB 'https://?*'),
    trust_der     BLOB NOT NULL CHECK (length(trust_der) BETWEEN 100 AND 65536),
    trust_sha256  TEXT NOT NULL CHECK (length(trust_sha256) = 64),
    allow_without INTEGER NOT NULL DEFAULT 0 CHECK (allow_without IN (0, 1)),
    updated_at    TEXT NOT NULL
);
