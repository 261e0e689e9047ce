-- SPDX-License-Identifier: GPL-3.0-or-later
-- Học bạ số school store, version 1. Dates are ISO text (yyyy-MM-dd), times ISO-8601 UTC.
-- Immutability lives here, not only in the program: triggers refuse changes to signed and locked data
-- whatever program opens the file.

CREATE TABLE school (
    id              INTEGER PRIMARY KEY CHECK (id = 1),   -- one school per file
    moet_code       TEXT NOT NULL DEFAULT '',
    name            TEXT NOT NULL,
    province        TEXT NOT NULL DEFAULT '',
    commune         TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    principal_name  TEXT NOT NULL DEFAULT '',
    has_primary     INTEGER NOT NULL DEFAULT 0 CHECK (has_primary IN (0, 1)),
    has_thcs        INTEGER NOT NULL DEFAULT 0 CHECK (has_thcs IN (0, 1))
);

CREATE TABLE school_year (
    start_year  INTEGER PRIMARY KEY CHECK (start_year BETWEEN 2000 AND 2200),
    name        TEXT NOT NULL                             -- "2025-2026"
);

CREATE TABLE grade (
    number  INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 9),
    level   TEXT NOT NULL CHECK (level IN ('primary', 'thcs')),
    name    TEXT NOT NULL
);
INSERT INTO grade (number, level, name) VALUES
    (1, 'primary', 'Lớp 1'), (2, 'primary', 'Lớp 2'), (3, 'primary', 'Lớp 3'), (4, 'primary', 'Lớp 4'),
    (5, 'primary', 'Lớp 5'), (6, 'thcs', 'Lớp 6'), (7, 'thcs', 'Lớp 7'), (8, 'thcs', 'Lớp 8'), (9, 'thcs', 'Lớp 9');

CREATE TABLE teacher (
    id          INTEGER PRIMARY KEY,
    full_name   TEXT NOT NULL,
    gender      TEXT NOT NULL DEFAULT 'unknown' CHECK (gender IN ('unknown', 'male', 'female')),
    birth_date  TEXT,
    phone       TEXT NOT NULL DEFAULT '',
    subjects    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE class (
    id                   INTEGER PRIMARY KEY,
    school_year          INTEGER NOT NULL REFERENCES school_year (start_year),
    grade                INTEGER NOT NULL REFERENCES grade (number),
    name                 TEXT NOT NULL,
    homeroom_teacher_id  INTEGER REFERENCES teacher (id) ON DELETE SET NULL,
    UNIQUE (school_year, name)
);
CREATE INDEX class_by_year_grade ON class (school_year, grade);

CREATE TABLE student (
    id                   INTEGER PRIMARY KEY,
    full_name            TEXT NOT NULL,
    gender               TEXT NOT NULL DEFAULT 'unknown' CHECK (gender IN ('unknown', 'male', 'female')),
    birth_date           TEXT,
    ethnicity            TEXT NOT NULL DEFAULT '',
    nationality          TEXT NOT NULL DEFAULT '',
    birthplace           TEXT NOT NULL DEFAULT '',
    hometown             TEXT NOT NULL DEFAULT '',
    address              TEXT NOT NULL DEFAULT '',
    father_name          TEXT NOT NULL DEFAULT '',
    father_occupation    TEXT NOT NULL DEFAULT '',
    mother_name          TEXT NOT NULL DEFAULT '',
    mother_occupation    TEXT NOT NULL DEFAULT '',
    guardian_name        TEXT NOT NULL DEFAULT '',
    guardian_occupation  TEXT NOT NULL DEFAULT '',
    policy_group         TEXT NOT NULL DEFAULT '',
    personal_id          TEXT NOT NULL DEFAULT '',        -- số định danh cá nhân
    moet_code            TEXT NOT NULL DEFAULT '',        -- mã học sinh
    registration_number  TEXT NOT NULL DEFAULT '',        -- số đăng bộ
    enrolment_date       TEXT,
    transfer_date        TEXT,
    transfer_from        TEXT NOT NULL DEFAULT ''
);

-- Học bạ: one per student per level. The lookup code never changes and is never reused.
CREATE TABLE record (
    id           INTEGER PRIMARY KEY,
    student_id   INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    level        TEXT NOT NULL CHECK (level IN ('primary', 'thcs')),
    lookup_code  TEXT NOT NULL UNIQUE CHECK (length(lookup_code) = 32 AND lookup_code NOT GLOB '*[^0-9a-f]*'),
    opened_at    TEXT NOT NULL,
    UNIQUE (student_id, level)
);

CREATE TABLE year_section (
    id                     INTEGER PRIMARY KEY,
    record_id              INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
    school_year            INTEGER NOT NULL REFERENCES school_year (start_year),
    grade                  INTEGER NOT NULL REFERENCES grade (number),
    class_id               INTEGER REFERENCES class (id),
    homeroom_teacher_id    INTEGER REFERENCES teacher (id),
    circular               TEXT NOT NULL CHECK (circular IN ('TT27', 'TT22')),
    state                  TEXT NOT NULL DEFAULT 'draft'
                           CHECK (state IN ('draft', 'ready', 'signed', 'submitted', 'locked', 'revoked', 'superseded')),
    source                 TEXT NOT NULL DEFAULT 'digital' CHECK (source IN ('digital', 'paper')),
    version                INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    replaces_id            INTEGER REFERENCES year_section (id),
    additional_assessment  INTEGER NOT NULL DEFAULT 0 CHECK (additional_assessment IN (0, 1)),
    UNIQUE (record_id, school_year, version)
);
CREATE INDEX year_section_by_class ON year_section (class_id);

-- Inputs of a year section in one shape for both circulars (see core/domain/Types.h, struct Assessment).
CREATE TABLE assessment (
    section_id  INTEGER NOT NULL REFERENCES year_section (id) ON DELETE CASCADE,
    subject     TEXT NOT NULL,
    term        TEXT NOT NULL,
    item        TEXT NOT NULL,
    seq         INTEGER NOT NULL DEFAULT 0,
    value       TEXT NOT NULL,
    PRIMARY KEY (section_id, subject, term, item, seq)
) WITHOUT ROWID;

CREATE TABLE app_user (
    id          INTEGER PRIMARY KEY,
    login       TEXT NOT NULL UNIQUE,
    full_name   TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'principal', 'homeroom', 'subject_teacher', 'clerk')),
    teacher_id  INTEGER REFERENCES teacher (id) ON DELETE SET NULL
);

-- Append-only, hash-chained audit log: hash = SHA-256 over (prev_hash and this entry's fields).
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL DEFAULT '',
    field      TEXT NOT NULL DEFAULT '',
    old_value  TEXT,
    new_value  TEXT,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);

-- ------------------------------------------------------------------------------------------ immutability

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'hocba:audit_append_only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'hocba:audit_append_only'); END;

CREATE TRIGGER record_lookup_code_fixed BEFORE UPDATE OF lookup_code, level, student_id ON record
WHEN NEW.lookup_code IS NOT OLD.lookup_code OR NEW.level IS NOT OLD.level OR NEW.student_id IS NOT OLD.student_id
BEGIN SELECT RAISE(ABORT, 'hocba:record_identity'); END;

-- A locked section never changes again.
CREATE TRIGGER year_section_locked_no_update BEFORE UPDATE ON year_section
WHEN OLD.state = 'locked'
BEGIN SELECT RAISE(ABORT, 'hocba:section_locked'); END;
CREATE TRIGGER year_section_locked_no_delete BEFORE DELETE ON year_section
WHEN OLD.state = 'locked'
BEGIN SELECT RAISE(ABORT, 'hocba:section_locked'); END;

-- Once signed, only the state (and only forward) may change; the content is fixed.
CREATE TRIGGER year_section_signed_content_fixed BEFORE UPDATE ON year_section
WHEN OLD.state IN ('signed', 'submitted', 'revoked', 'superseded') AND (
       NEW.record_id IS NOT OLD.record_id OR NEW.school_year IS NOT OLD.school_year OR NEW.grade IS NOT OLD.grade
    OR NEW.class_id IS NOT OLD.class_id OR NEW.homeroom_teacher_id IS NOT OLD.homeroom_teacher_id
    OR NEW.circular IS NOT OLD.circular OR NEW.source IS NOT OLD.source OR NEW.version IS NOT OLD.version
    OR NEW.replaces_id IS NOT OLD.replaces_id OR NEW.additional_assessment IS NOT OLD.additional_assessment)
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
CREATE TRIGGER year_section_signed_no_delete BEFORE DELETE ON year_section
WHEN OLD.state IN ('signed', 'submitted', 'revoked', 'superseded')
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;

-- The state machine of ARCHITECTURE.md §3.
CREATE TRIGGER year_section_state_transition BEFORE UPDATE OF state ON year_section
WHEN NEW.state IS NOT OLD.state AND NOT (
       (OLD.state = 'draft' AND NEW.state = 'ready')
    OR (OLD.state = 'ready' AND NEW.state IN ('draft', 'signed'))
    OR (OLD.state = 'signed' AND NEW.state IN ('submitted', 'revoked', 'superseded'))
    OR (OLD.state = 'submitted' AND NEW.state IN ('locked', 'revoked', 'superseded')))
BEGIN SELECT RAISE(ABORT, 'hocba:state_transition'); END;

-- Study history copied from the paper book is shown, never confirmed or signed.
CREATE TRIGGER year_section_paper_stays_draft BEFORE UPDATE OF state ON year_section
WHEN NEW.source = 'paper' AND NEW.state <> 'draft'
BEGIN SELECT RAISE(ABORT, 'hocba:paper'); END;
CREATE TRIGGER year_section_insert_draft BEFORE INSERT ON year_section
WHEN NEW.state <> 'draft'
BEGIN SELECT RAISE(ABORT, 'hocba:state_transition'); END;

-- Results are fixed from signing on (and so also when submitted, locked, revoked or replaced).
CREATE TRIGGER assessment_fixed_insert BEFORE INSERT ON assessment
WHEN (SELECT state FROM year_section WHERE id = NEW.section_id) NOT IN ('draft', 'ready')
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
CREATE TRIGGER assessment_fixed_update BEFORE UPDATE ON assessment
WHEN (SELECT state FROM year_section WHERE id = OLD.section_id) NOT IN ('draft', 'ready')
  OR (SELECT state FROM year_section WHERE id = NEW.section_id) NOT IN ('draft', 'ready')
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
CREATE TRIGGER assessment_fixed_delete BEFORE DELETE ON assessment
WHEN (SELECT state FROM year_section WHERE id = OLD.section_id) NOT IN ('draft', 'ready')
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
