-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 15 (issue 14): the board's approval of a class's confirmed records, and its returns with a reason
-- (docs/review.md). The homeroom teacher confirms (draft → ready); the principal approves the ready sections of a
-- class, or returns the class with a reason (its ready sections go back to draft). Whether signing needs an
-- approval is the school's choice (approval_policy; off by default, so files made before this version sign as
-- before); when it is on, the trigger below refuses to sign an unapproved section whatever program writes.

-- Who approved this version and when (ISO-8601 UTC); both NULL while not approved.
ALTER TABLE year_section ADD COLUMN approved_at TEXT;
ALTER TABLE year_section ADD COLUMN approved_by TEXT;

-- An approval is given to a ready section only, and is kept as given from signing on; it is withdrawn (set to
-- NULL) only while the section is draft or ready.
CREATE TRIGGER year_section_approval_fields BEFORE UPDATE OF approved_at, approved_by ON year_section
WHEN (NEW.approved_at IS NULL) <> (NEW.approved_by IS NULL)
  OR ((NEW.approved_at IS NOT OLD.approved_at OR NEW.approved_by IS NOT OLD.approved_by)
      AND NOT ((NEW.approved_at IS NOT NULL AND OLD.state = 'ready' AND NEW.state = 'ready')
               OR (NEW.approved_at IS NULL AND OLD.state IN ('draft', 'ready') AND NEW.state IN ('draft', 'ready'))))
BEGIN SELECT RAISE(ABORT, 'hocba:approval'); END;

-- A section sent back to draft (a return, or the teacher taking it back) loses its approval.
CREATE TRIGGER year_section_approval_cleared_on_draft AFTER UPDATE OF state ON year_section
WHEN NEW.state = 'draft' AND NEW.approved_at IS NOT NULL
BEGIN
    UPDATE year_section SET approved_at = NULL, approved_by = NULL WHERE id = NEW.id;
END;

-- An approval covers the inputs it saw: any change to them withdraws it.
CREATE TRIGGER assessment_clears_approval_insert AFTER INSERT ON assessment
WHEN (SELECT approved_at FROM year_section WHERE id = NEW.section_id) IS NOT NULL
BEGIN
    UPDATE year_section SET approved_at = NULL, approved_by = NULL WHERE id = NEW.section_id;
END;
CREATE TRIGGER assessment_clears_approval_update AFTER UPDATE ON assessment
WHEN (SELECT approved_at FROM year_section WHERE id = NEW.section_id) IS NOT NULL
BEGIN
    UPDATE year_section SET approved_at = NULL, approved_by = NULL WHERE id = NEW.section_id;
END;
CREATE TRIGGER assessment_clears_approval_delete AFTER DELETE ON assessment
WHEN (SELECT approved_at FROM year_section WHERE id = OLD.section_id) IS NOT NULL
BEGIN
    UPDATE year_section SET approved_at = NULL, approved_by = NULL WHERE id = OLD.section_id;
END;

-- One row: whether a section must be approved before it can be signed.
CREATE TABLE approval_policy (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    required  INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1))
);
INSERT INTO approval_policy (id, required) VALUES (1, 0);
CREATE TRIGGER approval_policy_no_delete BEFORE DELETE ON approval_policy
BEGIN SELECT RAISE(ABORT, 'hocba:policy_fixed'); END;

CREATE TRIGGER year_section_signed_needs_approval BEFORE UPDATE OF state ON year_section
WHEN NEW.state = 'signed' AND OLD.state = 'ready' AND NEW.approved_at IS NULL
 AND (SELECT required FROM approval_policy WHERE id = 1) = 1
BEGIN SELECT RAISE(ABORT, 'hocba:approval_required'); END;

-- The board's returns of a class to its homeroom teacher, with the reason the teacher reads. Append-only.
CREATE TABLE class_return (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id     INTEGER NOT NULL REFERENCES class (id),
    school_year  INTEGER NOT NULL REFERENCES school_year (start_year),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    returned_by  TEXT NOT NULL,
    returned_at  TEXT NOT NULL,
    sections     INTEGER NOT NULL DEFAULT 0 CHECK (sections >= 0)   -- how many ready sections went back to draft
);
CREATE INDEX class_return_by_class ON class_return (class_id, id);
CREATE TRIGGER class_return_no_update BEFORE UPDATE ON class_return
BEGIN SELECT RAISE(ABORT, 'hocba:audit_append_only'); END;
CREATE TRIGGER class_return_no_delete BEFORE DELETE ON class_return
BEGIN SELECT RAISE(ABORT, 'hocba:audit_append_only'); END;
