-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 2: cache of results the rules compute from a section's inputs (never edited by hand; recomputed when
-- an input changes), and a flag that marks a section whose cache is stale.

CREATE TABLE computed_result (
    section_id     INTEGER NOT NULL REFERENCES year_section (id) ON DELETE CASCADE,
    key            TEXT NOT NULL,            -- e.g. "toan.year", "year.learning", "result"
    value          TEXT,                     -- NULL: could not be computed (see findings)
    rules_version  TEXT NOT NULL,            -- which rule set computed it, e.g. "TT22/2021@v1"
    PRIMARY KEY (section_id, key)
) WITHOUT ROWID;

ALTER TABLE year_section ADD COLUMN results_stale INTEGER NOT NULL DEFAULT 1 CHECK (results_stale IN (0, 1));

CREATE TRIGGER computed_result_fixed_insert BEFORE INSERT ON computed_result
WHEN (SELECT state FROM year_section WHERE id = NEW.section_id) NOT IN ('draft', 'ready')
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
CREATE TRIGGER computed_result_fixed_update BEFORE UPDATE ON computed_result
WHEN (SELECT state FROM year_section WHERE id = OLD.section_id) NOT IN ('draft', 'ready')
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
CREATE TRIGGER computed_result_fixed_delete BEFORE DELETE ON computed_result
WHEN (SELECT state FROM year_section WHERE id = OLD.section_id) NOT IN ('draft', 'ready')
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;

-- Any change of an input marks the section's results stale.
CREATE TRIGGER assessment_marks_stale_insert AFTER INSERT ON assessment
BEGIN UPDATE year_section SET results_stale = 1 WHERE id = NEW.section_id AND results_stale = 0; END;
CREATE TRIGGER assessment_marks_stale_update AFTER UPDATE ON assessment
BEGIN UPDATE year_section SET results_stale = 1 WHERE id = NEW.section_id AND results_stale = 0; END;
CREATE TRIGGER assessment_marks_stale_delete AFTER DELETE ON assessment
BEGIN UPDATE year_section SET results_stale = 1 WHERE id = OLD.section_id AND results_stale = 0; END;
