-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 6: local accounts can log in (docs/accounts.md). The password is kept only as a libsodium argon2id string
-- ("$argon2id$v=19$m=…,t=…,p=…$salt$hash"), never in clear. Five wrong passwords in a row set locked_until
-- (ISO-8601 UTC); a disabled account cannot log in but stays, so the audit log's actors keep their meaning.

ALTER TABLE app_user ADD COLUMN password_hash TEXT;
ALTER TABLE app_user ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));
ALTER TABLE app_user ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0);
ALTER TABLE app_user ADD COLUMN locked_until TEXT;
