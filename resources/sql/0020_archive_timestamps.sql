-- SPDX-License-Identifier: GPL-3.0-or-later
-- Version 20 (issue 16): archive time-stamps (PAdES B-LTA). signed_document never changes (migration 0004), so a PDF
-- extended later with validation data and a document time-stamp (`hocba-cli extend`) is stored here, one row per
-- extension; readers take the latest row of a document, or signed_document.pdf when there is none. Append-only like
-- signed_document, and an extension can only append to the document's current PDF: its first bytes must be exactly
-- that PDF (an incremental update leaves every earlier byte, so every signature, as it was).
CREATE TABLE signed_document_extension (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id            INTEGER NOT NULL REFERENCES signed_document (id),
    pdf                    BLOB NOT NULL,
    added_at               TEXT NOT NULL,   -- ISO-8601 UTC
    archive_tsa_not_after  TEXT NOT NULL    -- ISO-8601 UTC: the archive time-stamp's TSA certificate expires then
);
CREATE INDEX signed_document_extension_by_document ON signed_document_extension (document_id, id);

CREATE TRIGGER signed_document_extension_no_update BEFORE UPDATE ON signed_document_extension
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
CREATE TRIGGER signed_document_extension_no_delete BEFORE DELETE ON signed_document_extension
BEGIN SELECT RAISE(ABORT, 'hocba:section_signed'); END;
CREATE TRIGGER signed_document_extension_appends BEFORE INSERT ON signed_document_extension
WHEN typeof(NEW.pdf) IS NOT 'blob'
  OR (SELECT pdf FROM signed_document WHERE id = NEW.document_id) IS NULL
  OR length(NEW.pdf) <= length(coalesce(
       (SELECT e.pdf FROM signed_document_extension e WHERE e.document_id = NEW.document_id ORDER BY e.id DESC LIMIT 1),
       (SELECT d.pdf FROM signed_document d WHERE d.id = NEW.document_id)))
  OR substr(NEW.pdf, 1, length(coalesce(
       (SELECT e.pdf FROM signed_document_extension e WHERE e.document_id = NEW.document_id ORDER BY e.id DESC LIMIT 1),
       (SELECT d.pdf FROM signed_document d WHERE d.id = NEW.document_id)))) IS NOT coalesce(
       (SELECT e.pdf FROM signed_document_extension e WHERE e.document_id = NEW.document_id ORDER BY e.id DESC LIMIT 1),
       (SELECT d.pdf FROM signed_document d WHERE d.id = NEW.document_id))
BEGIN SELECT RAISE(ABORT, 'hocba:extension_not_append'); END;
