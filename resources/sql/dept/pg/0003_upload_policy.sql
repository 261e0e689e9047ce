-- SPDX-License-Identifier: GPL-3.0-or-later
-- Issue 16: the Department's upload policy (the same table and meaning as sqlite/0003_upload_policy.sql): the lowest
-- baseline level (docs/signing.md §5–7) every signature of an uploaded PDF and of its packet must reach. No row means
-- 'B', the behaviour before this policy existed. Set by `hocba-dept policy`, audited (policy_set).
CREATE TABLE upload_policy (
    id integer PRIMARY KEY CHECK (id = 1),
    min_level text NOT NULL CHECK (min_level IN ('B', 'T', 'LT')),
    updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
