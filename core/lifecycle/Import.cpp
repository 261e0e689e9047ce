// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/Import.h"

#include "lifecycle/GradeImport.h"
#include "lifecycle/HomeroomImport.h"
#include "lifecycle/ImportBatch.h"
#include "lifecycle/ImportColumns.h"
#include "lifecycle/StudentImport.h"
#include "sheets/Workbook.h"
#include "store/SchoolRepository.h"
#include "util/Digest.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace hocba::lifecycle {

namespace {

struct ImportText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::Import)
};

Result<SchoolYear> latestYear(store::Database& db)
{
    auto years = store::SchoolRepository(db).schoolYears();
    if (!years)
        return std::unexpected(years.error());
    if (years->isEmpty())
        return fail(ErrorCode::NotFound,
                    ImportText::tr("The school file has no school years yet: add a class for the year first."));
    return years->last();
}

} // namespace

namespace {

Result<ImportResult> importSheet(store::Database& db, const ImportRequest& request, const sheets::Sheet& sheet,
                                 const QByteArray& digest, const QString& fileName, const Actor& actor)
{
    if (request.kind == ImportKind::Students) {
        StudentImportOptions options;
        if (request.year)
            options.year = *request.year;
        else if (auto year = latestYear(db); year)
            options.year = *year;
        else
            return std::unexpected(year.error());
        options.fileName = fileName;
        options.className = request.className;
        options.dryRun = request.dryRun;
        options.allOrNothing = request.allOrNothing;
        return importStudents(db, sheet, digest, options, actor);
    }
    const BookImportOptions book {request.year, request.className, request.term,
                                  fileName,     request.dryRun,    request.allOrNothing};
    if (request.kind == ImportKind::Homeroom)
        return importHomeroomBook(db, sheet, digest, book, actor);
    GradeImportOptions options {book, request.subject};
    return importGrades(db, sheet, digest, options, actor);
}

} // namespace

Result<ImportResult> runImport(store::Database& db, const ImportRequest& request, const Actor& actor)
{
    auto bytes = sheets::readFileBytes(request.filePath);
    if (!bytes)
        return std::unexpected(bytes.error());
    const QString fileName = QFileInfo(request.filePath).fileName();
    // .xlsx, .xls or CSV, told apart by content: a list saved under the wrong extension still reads.
    auto sheets = sheets::readBytes(*bytes, fileName);
    if (!sheets)
        return std::unexpected(sheets.error());
    if (sheets->isEmpty())
        return fail(ErrorCode::InvalidInput, ImportText::tr("The file has no sheet."));
    const QByteArray digest = digest::sha256(*bytes);
    // The first sheet with a header row is the list or the book: templates often open with an instructions sheet.
    std::optional<Error> firstError;
    for (sheets::Sheet sheet : *sheets) {
        if (sheet.name.isEmpty())
            sheet.name = fileName; // what a rejection names as its sheet
        auto imported = importSheet(db, request, sheet, digest, fileName, actor);
        if (imported || imported.error().detail != QLatin1String(kNoHeaderRow))
            return imported;
        if (!firstError)
            firstError = imported.error();
    }
    return std::unexpected(*firstError);
}

Status undoImport(store::Database& db, qint64 batchId, const Actor& actor)
{
    return undoBatch(db, batchId, actor);
}

} // namespace hocba::lifecycle
