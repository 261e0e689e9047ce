-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 17 (issue 14): locks on entry (docs/entry-locks.md). The board closes a scope of a school year (the whole
-- school, a grade, a class) and optionally only a subject, a term or an item, so that grids, pastes and imports
-- refuse to change it. A lock is never deleted: lifting it fills the lifted_* columns (who, when, why), once.
-- Set and lifted through lifecycle's EntryLocks, with an audit entry in the same transaction.
CREATE TABLE entry_lock (
    id          INTEGER PRIMARY KEY,
    school_year INTEGER NOT NULL REFERENCES school_year (start_year),
    grade       INTEGER CHECK (grade IS NULL OR grade BETWEEN 1 AND 12),
    class_id    INTEGER REFERENCES class (id),
    subject     TEXT NOT NULL DEFAULT '',
    term        TEXT NOT NULL DEFAULT '',
    item        TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL,
    locked_by   TEXT NOT NULL,
    locked_at   TEXT NOT NULL,
    lifted_by   TEXT,
    lifted_at   TEXT,
    lifted_reason TEXT,
    CHECK ((lifted_at IS NULL AND lifted_by IS NULL AND lifted_reason IS NULL)
           OR (lifted_at IS NOT NULL AND lifted_by IS NOT NULL AND lifted_reason IS NOT NULL
               AND length(trim(lifted_reason)) > 0))
);
CREATE INDEX entry_lock_by_year ON entry_lock (school_year) WHERE lifted_at IS NULL;
-- A lock's place and reason never change; a lifted lock is never lifted again; no lock is deleted.
CREATE TRIGGER entry_lock_fixed BEFORE UPDATE ON entry_lock
WHEN OLD.lifted_at IS NOT NULL
  OR NEW.school_year IS NOT OLD.school_year OR NEW.grade IS NOT OLD.grade OR NEW.class_id IS NOT OLD.class_id
  OR NEW.subject IS NOT OLD.subject OR NEW.term IS NOT OLD.term OR NEW.item IS NOT OLD.item
  OR NEW.reason IS NOT OLD.reason OR NEW.locked_by IS NOT OLD.locked_by OR NEW.locked_at IS NOT OLD.locked_at
BEGIN SELECT RAISE(ABORT, 'hocba:entry_lock_fixed'); END;
CREATE TRIGGER entry_lock_no_delete BEFORE DELETE ON entry_lock
BEGIN SELECT RAISE(ABORT, 'hocba:entry_lock_fixed'); END;
