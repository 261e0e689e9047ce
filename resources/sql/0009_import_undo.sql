-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 9: what each written import changed, so that it can be taken back while nothing else has changed since
-- (lifecycle::undoImport). One row per change the import made, in order: `op` says what happened to the row of
-- `tbl` named by `key` (its primary key as a JSON object); `old` holds the row's columns before an update or a
-- delete (JSON object). Undo replays the rows backwards, then deletes them.

CREATE TABLE import_undo (
    audit_id  INTEGER NOT NULL REFERENCES audit_log (id),
    seq       INTEGER NOT NULL,
    tbl       TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    key       TEXT NOT NULL,
    old       TEXT,
    PRIMARY KEY (audit_id, seq)
) WITHOUT ROWID;
