-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 13: the principal of each school year (issue 13). A year's pages name the principal of that year, not
-- today's: school.principal_name is the principal now; school_year.principal_name the one of that year (NULL: not
-- recorded). A year takes the school's principal when it is opened; `hocba-cli year principal` changes it.
-- Years opened before this version take the school's principal of today, which is what their pages printed until now.

ALTER TABLE school_year ADD COLUMN principal_name TEXT;

UPDATE school_year SET principal_name = (SELECT principal_name FROM school WHERE id = 1)
WHERE EXISTS (SELECT 1 FROM school WHERE id = 1 AND principal_name <> '');

CREATE TRIGGER school_year_principal_on_open AFTER INSERT ON school_year
WHEN NEW.principal_name IS NULL
BEGIN
    UPDATE school_year SET principal_name = (SELECT principal_name FROM school WHERE id = 1 AND principal_name <> '')
    WHERE start_year = NEW.start_year;
END;

-- A school set up after its first years were opened: those years take its principal.
CREATE TRIGGER school_principal_fills_years AFTER INSERT ON school
WHEN NEW.principal_name <> ''
BEGIN
    UPDATE school_year SET principal_name = NEW.principal_name WHERE principal_name IS NULL OR principal_name = '';
END;
CREATE TRIGGER school_principal_fills_years_on_update AFTER UPDATE OF principal_name ON school
WHEN NEW.principal_name <> ''
BEGIN
    UPDATE school_year SET principal_name = NEW.principal_name WHERE principal_name IS NULL OR principal_name = '';
END;
