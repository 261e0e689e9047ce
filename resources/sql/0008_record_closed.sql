-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 8: a record (học bạ) is closed when its student finishes the level (grade 5 in a primary school, grade 9):
-- opening the next school year closes it (lifecycle::applyYearOpening). A closed record keeps its years and their
-- corrections (new versions of a year it has), but it gets no later school year.

ALTER TABLE record ADD COLUMN closed_at TEXT;             -- ISO-8601 UTC; NULL while the record is open
ALTER TABLE record ADD COLUMN closed_reason TEXT          -- 'completed': the level's programme was completed
    CHECK ((closed_at IS NULL) = (closed_reason IS NULL));

CREATE TRIGGER year_section_record_closed BEFORE INSERT ON year_section
WHEN (SELECT closed_at FROM record WHERE id = NEW.record_id) IS NOT NULL
 AND NEW.school_year > (SELECT coalesce(max(school_year), 0) FROM year_section WHERE record_id = NEW.record_id)
BEGIN SELECT RAISE(ABORT, 'hocba:record_closed'); END;
