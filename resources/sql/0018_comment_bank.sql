-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 18 (issue 14): the school's comment bank (docs/comment-bank.md). Entries teachers pick or get suggested
-- when writing comments ("nhận xét"), each with a short code and the filters it suits: a subject (or a quality
-- "q.<code>", a competency "c.<code>", "q"/"c" for any of them, "homeroom" for the homeroom teacher's comment), a level
-- (primary/THCS), a grade, a term and a mark band; an empty filter means "any". The house style is one row: a
-- leading "Em" (free, always, never), banned words (one a line) and a soft maximum length. Changed only through
-- lifecycle's CommentBank, with an audit entry in the same transaction.
CREATE TABLE comment_bank (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 16 AND code = trim(code)),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 500),
    subject     TEXT NOT NULL DEFAULT '',
    level       TEXT NOT NULL DEFAULT '' CHECK (level IN ('', 'primary', 'thcs')),
    grade       INTEGER NOT NULL DEFAULT 0 CHECK (grade BETWEEN 0 AND 9),
    term        TEXT NOT NULL DEFAULT '' CHECK (term IN ('', 'gk1', 'ck1', 'gk2', 'cn', 'hk1', 'hk2')),
    band        TEXT NOT NULL DEFAULT '' CHECK (band IN ('', 'T', 'H', 'C', 'Đ', 'CĐ', 'Tốt', 'Khá', 'Đạt',
                                                         'Chưa đạt')),
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE comment_style (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    leading_em   TEXT NOT NULL DEFAULT 'free' CHECK (leading_em IN ('free', 'always', 'never')),
    banned_words TEXT NOT NULL DEFAULT '',
    max_length   INTEGER NOT NULL DEFAULT 120 CHECK (max_length BETWEEN 20 AND 500),
    updated_at   TEXT NOT NULL
);
