// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/PrintLog.h"

#include "lifecycle/PacketBuilder.h"
#include "lifecycle/RecordDocuments.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::PrintLog)
};

/** The section's facts a print decision needs, with the newest version of its year. */
struct SectionFacts
{
    PrintItem item;
    int newestVersion = 1;
    SectionState newestState = SectionState::Draft;
};

Result<std::optional<SectionFacts>> sectionFacts(store::Database& db, Id sectionId)
{
    auto st = db.cached(QStringLiteral(
        "SELECT s.id, s.record_id, r.lookup_code, s.school_year, s.version, s.state, coalesce(c.name, ''), n.version, "
        "n.state FROM year_section s JOIN record r ON r.id = s.record_id LEFT JOIN class c ON c.id = s.class_id "
        "JOIN year_section n ON n.record_id = s.record_id AND n.school_year = s.school_year AND n.version = "
        "(SELECT max(version) FROM year_section m WHERE m.record_id = s.record_id AND m.school_year = s.school_year) "
        "WHERE s.id = ?1"));
    if (!st)
        return std::unexpected(st.error());
    store::Statement& q = **st;
    q.bind(1, sectionId);
    auto row = q.step();
    if (!row) {
        q.reset();
        return std::unexpected(row.error());
    }
    if (!*row) {
        q.reset();
        return std::optional<SectionFacts>();
    }
    SectionFacts f;
    f.item.sectionId = q.int64(0);
    f.item.recordId = q.int64(1);
    f.item.lookupCode = q.text(2);
    f.item.year = SchoolYear {int(q.int64(3))};
    f.item.version = int(q.int64(4));
    f.item.state = sectionStateFromCode(q.text(5)).value_or(SectionState::Draft);
    f.item.className = q.text(6);
    f.newestVersion = int(q.int64(7));
    f.newestState = sectionStateFromCode(q.text(8)).value_or(SectionState::Draft);
    q.reset();
    return std::optional(f);
}

/** The school years of the record whose newest version is revoked: its book cannot be a school copy. */
Result<QList<int>> revokedYears(store::Database& db, Id recordId)
{
    return store::queryList<int>(
        db,
        QStringLiteral("SELECT s.school_year FROM year_section s WHERE s.record_id = ?1 AND s.state = 'revoked' AND "
                       "s.version = (SELECT max(version) FROM year_section m WHERE m.record_id = s.record_id AND "
                       "m.school_year = s.school_year) ORDER BY s.school_year"),
        [](store::Statement& st) { return int(st.int64(0)); }, {recordId});
}

/** The rule of printItemOfSection on facts already read. */
Result<PrintItem> printable(store::Database& db, const SectionFacts& f)
{
    const PrintItem& item = f.item;
    const QString year = item.year.toString();
    if (item.state == SectionState::Revoked)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("School year %1 of record %2 was revoked: a revoked school year cannot be printed as a "
                             "school copy.")
                        .arg(year, item.lookupCode),
                    QStringLiteral("print: section %1 revoked").arg(item.sectionId));
    if (item.state == SectionState::Superseded || f.newestVersion != item.version) {
        const QString current = f.newestState == SectionState::Draft || f.newestState == SectionState::Ready
            ? Text::tr("version %1 (not signed yet: it prints as a draft)").arg(f.newestVersion)
            : Text::tr("version %1").arg(f.newestVersion);
        return fail(ErrorCode::InvalidInput,
                    Text::tr("Version %1 of school year %2 of record %3 has been replaced: only the current version "
                             "is printed, which is %4.")
                        .arg(item.version)
                        .arg(year, item.lookupCode, current),
                    QStringLiteral("print: section %1 v%2 is not the newest (v%3)")
                        .arg(item.sectionId)
                        .arg(item.version)
                        .arg(f.newestVersion));
    }
    auto revoked = revokedYears(db, item.recordId);
    if (!revoked)
        return std::unexpected(revoked.error());
    if (!revoked->isEmpty())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("School year %1 of record %2 was revoked: a book with a revoked school year cannot be "
                             "printed as a school copy.")
                        .arg(SchoolYear {revoked->first()}.toString(), item.lookupCode),
                    QStringLiteral("print: record %1 has a revoked year").arg(item.recordId));
    return item;
}

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

/** Inserts the rows and audit entries of the copies; the caller holds the transaction. */
Status insertRows(store::Database& db, const PrintRequest& request, const QList<PrintedCopy>& copies)
{
    auto st = db.cached(QStringLiteral(
        "INSERT INTO print_log (printed_at, printed_by, record_id, lookup_code, section_id, school_year, class_name, "
        "version, state, draft, packet_sha256, copies, reason, note, target) VALUES "
        "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"));
    if (!st)
        return std::unexpected(st.error());
    store::AuditLog audit(db);
    for (const PrintedCopy& c : copies) {
        const PrintItem& i = c.item;
        (*st)
            ->bind(1, db.actor())
            .bind(2, i.recordId)
            .bind(3, i.lookupCode)
            .bind(4, i.sectionId)
            .bind(5, i.year.startYear)
            .bind(6, store::nonNull(i.className))
            .bind(7, i.version)
            .bind(8, toCode(i.state))
            .bind(9, i.draft() ? 1 : 0)
            .bind(10, hex(c.packetSha256))
            .bind(11, request.copies)
            .bind(12, toCode(request.reason))
            .bind(13, store::nonNull(request.note.trimmed()))
            .bind(14, toCode(request.target));
        if (auto s = (*st)->exec(); !s)
            return s;
        // The audit entry names the section, its version and the reason: no name, no note (it may hold one).
        const QString what = QStringLiteral("v%1 %2 x%3 %4%5")
                                 .arg(i.version)
                                 .arg(toCode(request.reason))
                                 .arg(request.copies)
                                 .arg(toCode(request.target), i.draft() ? QStringLiteral(" draft") : QString());
        if (auto s = audit.append(QStringLiteral("record.print"), QStringLiteral("year_section"),
                                  QString::number(i.sectionId), QStringLiteral("print_log"), std::nullopt, what);
            !s)
            return s;
    }
    return {};
}

Status writeLog(store::Database& db, const Actor& actor, const PrintRequest& request, const QList<PrintedCopy>& copies,
                const std::function<Status()>& beforeCommit)
{
    if (auto s = checkPrintRequest(request); !s)
        return s;
    for (const PrintedCopy& c : copies)
        if (auto ok = permitPrint(db, actor, c.item.year); !ok)
            return ok;
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    if (auto s = insertRows(db, request, copies); !s)
        return s;
    if (beforeCommit)
        if (auto s = beforeCommit(); !s)
            return s;
    return tx.commit();
}

Error cancelled()
{
    return Error {ErrorCode::Cancelled, Text::tr("Printing was cancelled before this record."), {}};
}

} // namespace

QString toCode(PrintReason reason)
{
    switch (reason) {
    case PrintReason::Archive:
        return QStringLiteral("archive");
    case PrintReason::Transfer:
        return QStringLiteral("transfer");
    case PrintReason::Parent:
        return QStringLiteral("parent");
    case PrintReason::Other:
        return QStringLiteral("other");
    }
    return {};
}

std::optional<PrintReason> printReasonFromCode(const QString& code)
{
    for (PrintReason r : {PrintReason::Archive, PrintReason::Transfer, PrintReason::Parent, PrintReason::Other})
        if (toCode(r) == code)
            return r;
    return std::nullopt;
}

QString displayName(PrintReason reason)
{
    switch (reason) {
    case PrintReason::Archive:
        return Text::tr("school archive");
    case PrintReason::Transfer:
        return Text::tr("transfer to another school");
    case PrintReason::Parent:
        return Text::tr("for the parents");
    case PrintReason::Other:
        return Text::tr("other");
    }
    return {};
}

QString toCode(PrintTarget target)
{
    return target == PrintTarget::Printer ? QStringLiteral("printer") : QStringLiteral("pdf");
}

Status checkPrintRequest(const PrintRequest& request)
{
    if (request.copies < 1 || request.copies > kMaxPrintCopies)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The number of copies must be from 1 to %1.").arg(kMaxPrintCopies),
                    QStringLiteral("print: copies %1").arg(request.copies));
    if (request.note.trimmed().size() > kMaxPrintNoteLength)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The note is too long: at most %1 characters.").arg(kMaxPrintNoteLength));
    if (request.reason == PrintReason::Other && request.note.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("Say in the note why the copy is printed (the reason is \"other\")."));
    return {};
}

Result<PrintItem> printItemOfSection(store::Database& db, Id sectionId)
{
    auto facts = sectionFacts(db, sectionId);
    if (!facts)
        return std::unexpected(facts.error());
    if (!*facts)
        return fail(ErrorCode::NotFound, Text::tr("There is no school year section number %1.").arg(sectionId));
    return printable(db, **facts);
}

Result<PrintSelection> printItemsOfYear(store::Database& db, SchoolYear year, const std::optional<QString>& className)
{
    auto sections = sectionsToExport(db, year, className);
    if (!sections)
        return std::unexpected(sections.error());
    PrintSelection out;
    for (Id id : *sections) {
        auto facts = sectionFacts(db, id);
        if (!facts)
            return std::unexpected(facts.error());
        if (!*facts)
            continue;
        // The class list shows the newest version of each year: print that one.
        SectionFacts f = **facts;
        if (f.newestVersion != f.item.version) {
            auto newest = store::queryList<Id>(
                db,
                QStringLiteral(
                    "SELECT id FROM year_section WHERE record_id = ?1 AND school_year = ?2 AND version = ?3"),
                [](store::Statement& st) { return st.int64(0); },
                {f.item.recordId, qint64(f.item.year.startYear), qint64(f.newestVersion)});
            if (!newest)
                return std::unexpected(newest.error());
            if (newest->isEmpty())
                continue;
            auto again = sectionFacts(db, newest->first());
            if (!again)
                return std::unexpected(again.error());
            if (!*again)
                continue;
            f = **again;
        }
        auto item = printable(db, f);
        if (item)
            out.items.append(*item);
        else if (item.error().code == ErrorCode::InvalidInput)
            out.refused.append(item.error());
        else
            return std::unexpected(item.error());
    }
    return out;
}

Status permitPrint(store::Database& db, const Actor& actor, SchoolYear year)
{
    return permit(db, actor, Right::PrintExport, RightScope::inYear(year));
}

Result<QByteArray> printedPacketDigest(const render::RenderInput& input, const PrintItem& item)
{
    for (qsizetype i = 0; i < input.years.size(); ++i) {
        const packet::Packet& p = input.years.at(i);
        if (p.schoolYear != item.year)
            continue;
        if (p.lookupCode != item.lookupCode || p.version != item.version || p.draft != item.draft()
            || i >= input.packetSha256.size())
            break;
        return input.packetSha256.at(i);
    }
    return fail(
        ErrorCode::InvalidInput,
        Text::tr("School year %1 of record %2 changed while it was being printed; print it again.")
            .arg(item.year.toString(), item.lookupCode),
        QStringLiteral("print: section %1 v%2 not in the rendered input").arg(item.sectionId).arg(item.version));
}

Status logPrinted(store::Database& db, const Actor& actor, const PrintRequest& request,
                  const QList<PrintedCopy>& copies)
{
    return writeLog(db, actor, request, copies, {});
}

Result<QList<PrintLogEntry>> printLog(store::Database& db, const Actor& actor, const std::optional<SchoolYear>& year,
                                      const std::optional<QString>& className)
{
    if (auto ok = permit(db, actor, Right::PrintExport, year ? RightScope::inYear(*year) : RightScope {}); !ok)
        return std::unexpected(ok.error());
    auto st = db.prepare(QStringLiteral(
        "SELECT id, printed_at, printed_by, record_id, lookup_code, section_id, school_year, class_name, version, "
        "state, draft, packet_sha256, copies, reason, note, target FROM print_log WHERE (?1 IS NULL OR school_year = "
        "?1) AND (?2 IS NULL OR class_name = ?2) ORDER BY id"));
    if (!st)
        return std::unexpected(st.error());
    if (year)
        st->bind(1, qint64(year->startYear));
    else
        st->bindNull(1);
    st->bind(2, className ? store::nonNull(*className) : QString());
    QList<PrintLogEntry> out;
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        PrintLogEntry e;
        e.id = st->int64(0);
        e.printedAt = QDateTime::fromString(st->text(1), Qt::ISODate);
        e.printedBy = st->text(2);
        e.recordId = st->int64(3);
        e.lookupCode = st->text(4);
        e.sectionId = st->int64(5);
        e.year = SchoolYear {int(st->int64(6))};
        e.className = st->text(7);
        e.version = int(st->int64(8));
        e.state = sectionStateFromCode(st->text(9)).value_or(SectionState::Draft);
        e.draft = st->int64(10) != 0;
        e.packetSha256 = st->text(11);
        e.copies = int(st->int64(12));
        e.reason = printReasonFromCode(st->text(13)).value_or(PrintReason::Other);
        e.note = st->text(14);
        e.target = st->text(15) == QLatin1String("printer") ? PrintTarget::Printer : PrintTarget::Pdf;
        out.append(e);
    }
    return out;
}

Result<QList<PrintOutcome>> printToFolder(const QString& dbPath, const Actor& actor, const QString& printedBy,
                                          const QList<PrintItem>& items, const PrintRequest& request,
                                          const QString& folder, const PrintRunOptions& options)
{
    if (auto s = checkPrintRequest(request); !s)
        return std::unexpected(s.error());
    {
        auto db = store::Database::openExisting(dbPath);
        if (!db)
            return std::unexpected(db.error());
        for (const PrintItem& item : items)
            if (auto ok = permitPrint(**db, actor, item.year); !ok)
                return std::unexpected(ok.error());
    }
    if (!QDir().mkpath(folder))
        return fail(ErrorCode::Io, Text::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder)));
    QList<Id> records;
    records.reserve(items.size());
    for (const PrintItem& item : items)
        records.append(item.recordId);
    render::BatchOptions batch;
    batch.render = options.render;
    batch.threads = options.threads;
    batch.progress = options.progress;
    batch.cancel = options.cancel;
    const QDir dir(folder);
    // The file and its log row together: the file is committed inside the row's transaction, and the transaction
    // rolls back when the file cannot be written.
    const auto output
        = [&](qsizetype index, const render::RenderInput& input, const QByteArray& pdf, store::Database& db) -> Status {
        const PrintItem& item = items.at(index);
        auto digest = printedPacketDigest(input, item);
        if (!digest)
            return std::unexpected(digest.error());
        QSaveFile file(dir.filePath(item.lookupCode + QStringLiteral(".pdf")));
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
            return fail(ErrorCode::Io, Text::tr("Cannot write %1.").arg(QDir::toNativeSeparators(file.fileName())),
                        file.errorString());
        return writeLog(db, actor, request, {PrintedCopy {item, *digest}}, [&file]() -> Status {
            if (!file.commit())
                return fail(ErrorCode::Io, Text::tr("Cannot write %1.").arg(QDir::toNativeSeparators(file.fileName())),
                            file.errorString());
            return {};
        });
    };
    const QList<BookOutcome> books
        = renderBooks(dbPath, records, batch, output, [&printedBy](store::Database& db) { db.setActor(printedBy); });
    QList<PrintOutcome> out;
    out.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i)
        out.append({items.at(i), books.at(i).status});
    return out;
}

namespace {

/** The books of the items read one after another on `db`, each checked against its item. */
struct Collected
{
    QList<PrintOutcome> outcomes;
    QList<render::RenderInput> inputs;
    QList<PrintedCopy> copies;
    QList<qsizetype> printedIndex; ///< the outcome of each input
};

Result<Collected> collect(store::Database& db, const Actor& actor, const QList<PrintItem>& items,
                          const PrintRequest& request, const PrintRunOptions& options)
{
    if (auto s = checkPrintRequest(request); !s)
        return std::unexpected(s.error());
    for (const PrintItem& item : items)
        if (auto ok = permitPrint(db, actor, item.year); !ok)
            return std::unexpected(ok.error());
    Collected c;
    const int total = int(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const PrintItem& item = items.at(i);
        c.outcomes.append({item, {}});
        if (options.cancel && options.cancel->load()) {
            c.outcomes.last().status = std::unexpected(cancelled());
            continue;
        }
        auto input = renderInputForRecord(db, item.recordId);
        auto digest = input ? printedPacketDigest(*input, item) : Result<QByteArray>(std::unexpected(input.error()));
        if (!digest) {
            c.outcomes.last().status = std::unexpected(digest.error());
        } else {
            c.inputs.append(std::move(*input));
            c.copies.append({item, *digest});
            c.printedIndex.append(i);
        }
        if (options.progress)
            options.progress(int(i + 1), total);
    }
    return c;
}

} // namespace

Result<QList<PrintOutcome>> printTogether(store::Database& db, const Actor& actor, const QList<PrintItem>& items,
                                          const PrintRequest& request,
                                          const std::function<Status(const QList<render::RenderInput>&)>& paint,
                                          const PrintRunOptions& options)
{
    auto c = collect(db, actor, items, request, options);
    if (!c)
        return std::unexpected(c.error());
    if (c->inputs.isEmpty())
        return c->outcomes;
    // Logged once the device took every page; a print job cannot be taken back, so it is never logged before.
    if (auto painted = paint(c->inputs); !painted) {
        for (qsizetype i : c->printedIndex)
            c->outcomes[i].status = std::unexpected(painted.error());
        return c->outcomes;
    }
    if (auto logged = logPrinted(db, actor, request, c->copies); !logged)
        return std::unexpected(logged.error());
    return c->outcomes;
}

Result<QList<PrintOutcome>> printToPdfFile(store::Database& db, const Actor& actor, const QList<PrintItem>& items,
                                           const PrintRequest& request, const QString& path,
                                           const PrintRunOptions& options)
{
    auto c = collect(db, actor, items, request, options);
    if (!c)
        return std::unexpected(c.error());
    if (c->inputs.isEmpty())
        return c->outcomes;
    auto pdf = render::renderRecordsPdf(c->inputs, QFileInfo(path).completeBaseName(), options.render);
    if (!pdf)
        return std::unexpected(pdf.error());
    // The file and the log together: the file is committed inside the log's transaction.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size())
        return fail(ErrorCode::Io, Text::tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)),
                    file.errorString());
    if (auto logged = writeLog(db, actor, request, c->copies,
                               [&file, &path]() -> Status {
                                   if (!file.commit())
                                       return fail(ErrorCode::Io,
                                                   Text::tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)),
                                                   file.errorString());
                                   return {};
                               });
        !logged)
        return std::unexpected(logged.error());
    return c->outcomes;
}

} // namespace hocba::lifecycle
