-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 7: who teaches what in a school year (docs/accounts.md). An account is the homeroom teacher of a class
-- (subject NULL) or teaches one subject in it (a subject code of docs/evaluate.md). lifecycle::Actor reads these rows
-- to decide what a teacher may write; the printed record's homeroom teacher still comes from class.homeroom_teacher_id.

CREATE TABLE assignment (
    id           INTEGER PRIMARY KEY,
    school_year  INTEGER NOT NULL REFERENCES school_year (start_year),
    user_id      INTEGER NOT NULL REFERENCES app_user (id),
    class_id     INTEGER NOT NULL REFERENCES class (id) ON DELETE CASCADE,
    subject      TEXT CHECK (subject IS NULL OR length(subject) BETWEEN 1 AND 32)
);
-- One row per duty; NULL subjects are distinct in a UNIQUE constraint, so the homeroom duty has its own index.
CREATE UNIQUE INDEX assignment_subject ON assignment (school_year, user_id, class_id, subject) WHERE subject IS NOT NULL;
CREATE UNIQUE INDEX assignment_homeroom ON assignment (school_year, user_id, class_id) WHERE subject IS NULL;
CREATE INDEX assignment_by_user ON assignment (user_id, school_year);
