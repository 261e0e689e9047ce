// SPDX-License-Identifier: GPL-3.0-or-later
// The upload of the outbox and the receipts that move sections to submitted and locked (docs/upload.md). A section
// changes state only in the transaction that stores the receipt that proves it, after the receipt was checked.
#include "lifecycle/Department.h"

#include "lifecycle/DepartmentHttp.h"
#include "lifecycle/SignedDocuments.h"

#include "packet/PacketDigest.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/StudentRepository.h"
#include "verify/Receipt.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::Department)
};

int countOf(const QList<UploadItemResult>& items, UploadItemResult::Outcome outcome)
{
    return int(std::count_if(items.begin(), items.end(), [&](const auto& i) { return i.outcome == outcome; }));
}

/** A pending entry with what is sent for it. */
struct Pending
{
    qint64 sectionId = 0;
    int version = 0;
    QString lookupCode;
    QString digest;
    QByteArray packet;
    QByteArray pdf;
};

Result<QList<Pending>> pendingEntries(store::Database& db, const QString& className)
{
    // The completing signature's row carries the PDF and the packet with every signature (migration 0004); the PDF is
    // its latest extension's when it has been archive-time-stamped (migration 0020).
    auto st = db.prepare(
        QStringLiteral(
            "SELECT o.section_id, o.version, r.lookup_code, o.packet_digest, d.packet_xml, %1 "
            "FROM department_outbox o JOIN year_section s ON s.id = o.section_id JOIN record r ON r.id = s.record_id "
            "LEFT JOIN class c ON c.id = s.class_id "
            "JOIN signed_document d ON d.section_id = o.section_id AND d.version = o.version AND d.pdf IS NOT NULL "
            "WHERE o.state = 'pending' AND (?1 = '' OR c.name = ?1) ORDER BY s.school_year, c.name, o.section_id")
            .arg(SignedDocuments::currentPdfSql(QStringLiteral("d"))));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, className.trimmed().isNull() ? QString(QLatin1String("")) : className.trimmed());
    QList<Pending> list;
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return list;
        list.append({st->int64(0), int(st->int64(1)), st->text(2), st->text(3), st->blob(4), st->blob(5)});
    }
}

QByteArray uploadBody(const QByteArray& packet, const QByteArray& pdf)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("packet"), QString::fromLatin1(packet.toBase64())},
                                      {QStringLiteral("pdf"), QString::fromLatin1(pdf.toBase64())}})
        .toJson(QJsonDocument::Compact);
}

/** A receipt as the Department sent it: canonical bytes and the detached CMS. */
struct SignedReceipt
{
    QByteArray canonical;
    QByteArray signature;
};

SignedReceipt receiptOf(const QJsonObject& o)
{
    return {QByteArray::fromBase64(o.value(QStringLiteral("receipt")).toString().toLatin1()),
            QByteArray::fromBase64(o.value(QStringLiteral("receipt_signature")).toString().toLatin1())};
}

/** verifyReceipt, then that it speaks of exactly this record version and packet. */
Result<signing::Receipt> checkedReceipt(const SignedReceipt& r, const QByteArray& pinned, signing::Receipt::Kind kind,
                                        const QString& lookupCode, int version, const QString& digest)
{
    auto receipt = signing::verifyReceipt(r.canonical, r.signature, pinned);
    if (!receipt)
        return receipt;
    if (receipt->kind != kind || (!lookupCode.isEmpty() && receipt->lookupCode != lookupCode)
        || (version > 0 && receipt->version != version) || receipt->packetDigest != digest)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The Department's receipt is for another record or another version than the one sent. "
                             "Nothing was marked as sent; tell the Department's IT staff."),
                    QStringLiteral("receipt names %1 v%2 %3")
                        .arg(receipt->lookupCode)
                        .arg(receipt->version)
                        .arg(receipt->packetDigest));
    return receipt;
}

Status noteProblem(store::Database& db, const Pending& p, int tries, const QString& message)
{
    auto st = db.prepare(QStringLiteral("UPDATE department_outbox SET attempts = attempts + ?1, last_error = ?2 "
                                        "WHERE section_id = ?3 AND version = ?4"));
    if (!st)
        return std::unexpected(st.error());
    return st->bind(1, tries).bind(2, message).bind(3, p.sectionId).bind(4, p.version).exec();
}

Status storeReceipt(store::Database& db, qint64 sectionId, const signing::Receipt& receipt, const SignedReceipt& r)
{
    auto st = db.prepare(QStringLiteral(
        "INSERT INTO department_receipt (section_id, version, kind, canonical, signature, at, stored_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    if (!st)
        return std::unexpected(st.error());
    const QString at = receipt.at.toUTC().toString(Qt::ISODate);
    if (auto s = st->bind(1, sectionId)
                     .bind(2, receipt.version)
                     .bind(3, signing::receiptKindCode(receipt.kind))
                     .bind(4, r.canonical)
                     .bind(5, r.signature)
                     .bind(6, at)
                     .exec();
        !s)
        return s;
    return store::AuditLog(db).append(QStringLiteral("department.receipt"), QStringLiteral("year_section"),
                                      QString::number(sectionId), signing::receiptKindCode(receipt.kind), std::nullopt,
                                      QStringLiteral("v%1 %2 %3").arg(receipt.version).arg(at, receipt.packetDigest));
}

/**
 * The one shape of a receipt taking effect, in one transaction: the receipt stored, the section moved forward step by
 * step to `target` (signed → submitted → locked; a step already taken is skipped), and the outbox entry updated by
 * `outboxSql` (?1 the receipt's date, ?2 the section, ?3 the version).
 */
Status applyReceipt(store::Database& db, qint64 sectionId, SectionState target, const signing::Receipt& receipt,
                    const SignedReceipt& r, const QString& outboxSql)
{
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    store::StudentRepository sections(db);
    auto section = sections.section(sectionId);
    if (!section)
        return std::unexpected(section.error());
    if (!*section)
        return fail(ErrorCode::NotFound, Text::tr("A section in the outbox no longer exists."));
    const SectionState state = (*section)->state;
    const bool toSubmitted = state == SectionState::Signed;
    // The Department's lock wins: a version the school superseded or revoked meanwhile is still marked as locked.
    const bool toLocked = target == SectionState::Locked
        && (state == SectionState::Signed || state == SectionState::Submitted || state == SectionState::Superseded
            || state == SectionState::Revoked);
    if (toSubmitted)
        if (auto s = sections.setSectionState(sectionId, SectionState::Submitted); !s)
            return s;
    if (toLocked)
        if (auto s = sections.setSectionState(sectionId, SectionState::Locked); !s)
            return s;
    if (auto s = storeReceipt(db, sectionId, receipt, r); !s)
        return s;
    auto st = db.prepare(outboxSql);
    if (!st)
        return std::unexpected(st.error());
    if (auto s
        = st->bind(1, receipt.at.toUTC().toString(Qt::ISODate)).bind(2, sectionId).bind(3, receipt.version).exec();
        !s)
        return s;
    return tx.commit();
}

Status markSubmitted(store::Database& db, const Pending& p, int tries, const signing::Receipt& receipt,
                     const SignedReceipt& r)
{
    return applyReceipt(db, p.sectionId, SectionState::Submitted, receipt, r,
                        QStringLiteral("UPDATE department_outbox SET state = 'submitted', attempts = attempts + %1, "
                                       "last_error = '', submitted_at = ?1 WHERE section_id = ?2 AND version = ?3 "
                                       "AND state = 'pending'")
                            .arg(tries));
}

/** Sends one packet and reads the answer; `p.sectionId` 0 for a record without a school file. */
UploadItemResult sendOne(const QUrl& base, const QString& credential, const QByteArray& pinned, const Pending& p,
                         const UploadRequest& retries, const CancellationToken* cancel, int* tried,
                         std::optional<std::pair<signing::Receipt, SignedReceipt>>* accepted)
{
    UploadItemResult out;
    out.lookupCode = p.lookupCode;
    out.version = p.version;
    http::Request request;
    request.url = http::routeUrl(base, QStringLiteral("/api/v1/records"));
    request.method = "POST";
    request.bearer = credential;
    request.jsonBody = uploadBody(p.packet, p.pdf);
    const http::Answer answer
        = http::sendWithRetries(request, {retries.maxAttempts, retries.firstBackoffMs}, cancel, tried);
    out.httpStatus = answer.status;
    if (answer.status != 200 && answer.status != 201) {
        const Error e = http::problem(answer, Text::tr("upload"));
        const bool refused = answer.answered() && answer.status >= 400 && answer.status < 500 && answer.status != 429;
        out.outcome = refused ? UploadItemResult::Outcome::Refused : UploadItemResult::Outcome::Failed;
        out.errorCode = answer.errorCode();
        out.message = e.message;
        return out;
    }
    const QJsonObject o = QJsonDocument::fromJson(answer.body).object();
    const SignedReceipt r = receiptOf(o);
    if (out.lookupCode.isEmpty())
        out.lookupCode = o.value(QStringLiteral("lookup_code")).toString();
    if (out.version == 0)
        out.version = o.value(QStringLiteral("version")).toInt();
    if (pinned.isEmpty()) {
        out.outcome
            = answer.status == 201 ? UploadItemResult::Outcome::Submitted : UploadItemResult::Outcome::AlreadyThere;
        out.message = Text::tr("Received by the Department (the receipt was not checked: no Department "
                               "certificate was given).");
        return out;
    }
    auto receipt = checkedReceipt(r, pinned, signing::Receipt::Kind::Upload, p.lookupCode, p.version, p.digest);
    if (!receipt) {
        out.outcome = UploadItemResult::Outcome::Refused;
        out.errorCode = QStringLiteral("bad_receipt");
        out.message = receipt.error().message;
        return out;
    }
    out.outcome = answer.status == 201 ? UploadItemResult::Outcome::Submitted : UploadItemResult::Outcome::AlreadyThere;
    out.message = answer.status == 201 ? Text::tr("Received by the Department.")
                                       : Text::tr("The Department already had this record; its receipt is kept.");
    if (accepted)
        *accepted = std::pair {*receipt, r};
    return out;
}

/** A queued signed request (revoke, transfer) with what is sent for it. */
struct PendingRequest
{
    qint64 id = 0;
    bool transfer = false;
    QString lookupCode;
    QByteArray signedXml;
    QByteArray versionsJson;
};

Result<QList<PendingRequest>> pendingRequests(store::Database& db)
{
    // A request waits for its record's packets: none of them may still be pending in the outbox.
    auto st = db.prepare(QStringLiteral(
        "SELECT q.id, q.kind, q.lookup_code, q.signed_xml, q.versions_json FROM department_request q "
        "WHERE q.state = 'pending' AND NOT EXISTS (SELECT 1 FROM department_outbox o JOIN year_section s ON s.id = "
        "o.section_id JOIN record r ON r.id = s.record_id WHERE r.lookup_code = q.lookup_code AND o.state = "
        "'pending') ORDER BY q.id"));
    if (!st)
        return std::unexpected(st.error());
    QList<PendingRequest> list;
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return list;
        list.append({st->int64(0), st->text(1) == QLatin1String("transfer"), st->text(2), st->blob(3), st->blob(4)});
    }
}

QByteArray requestBody(const PendingRequest& q)
{
    QJsonObject o;
    if (q.transfer) {
        o.insert(QStringLiteral("statement"), QString::fromLatin1(q.signedXml.toBase64()));
        if (!q.versionsJson.isEmpty())
            o.insert(QStringLiteral("versions"), QJsonDocument::fromJson(q.versionsJson).array());
    } else {
        o.insert(QStringLiteral("request"), QString::fromLatin1(q.signedXml.toBase64()));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/** Sends one queued request and records the outcome on its row (sent with its receipt, refused, or a try). */
Result<UploadItemResult> sendRequest(store::Database& db, const QUrl& base, const EndpointSettings& settings,
                                     const PendingRequest& q, const UploadRequest& retries,
                                     const CancellationToken* cancel)
{
    UploadItemResult out;
    out.lookupCode = q.lookupCode;
    http::Request request;
    request.url
        = http::routeUrl(base,
                         QStringLiteral("/api/v1/records/%1/%2")
                             .arg(q.lookupCode, q.transfer ? QStringLiteral("transfer") : QStringLiteral("revoke")));
    request.method = "POST";
    request.bearer = settings.credential;
    request.jsonBody = requestBody(q);
    int tried = 0;
    const http::Answer answer
        = http::sendWithRetries(request, {retries.maxAttempts, retries.firstBackoffMs}, cancel, &tried);
    out.httpStatus = answer.status;
    QString state = QStringLiteral("pending");
    SignedReceipt r;
    if (answer.status == 200 || answer.status == 201) {
        const QJsonObject o = QJsonDocument::fromJson(answer.body).object();
        r = receiptOf(o);
        auto receipt = checkedReceipt(r, settings.departmentCertDer,
                                      q.transfer ? signing::Receipt::Kind::Transfer : signing::Receipt::Kind::Revoke,
                                      q.lookupCode, 0, packet::packetDigest(q.signedXml));
        if (receipt) {
            state = QStringLiteral("sent");
            out.version = receipt->version;
            out.outcome
                = answer.status == 201 ? UploadItemResult::Outcome::Submitted : UploadItemResult::Outcome::AlreadyThere;
            out.message = q.transfer ? Text::tr("The Department recorded the transfer.")
                                     : Text::tr("The Department recorded the revoke.");
        } else {
            out.outcome = UploadItemResult::Outcome::Refused;
            out.errorCode = QStringLiteral("bad_receipt");
            out.message = receipt.error().message;
        }
    } else {
        const Error e = http::problem(answer, q.transfer ? Text::tr("transfer") : Text::tr("revoke"));
        const bool refused = answer.answered() && answer.status >= 400 && answer.status < 500 && answer.status != 429;
        out.outcome = refused ? UploadItemResult::Outcome::Refused : UploadItemResult::Outcome::Failed;
        out.errorCode = answer.errorCode();
        out.message = e.message;
        if (answer.status == 409 && out.errorCode == QLatin1String("locked")) {
            state = QStringLiteral("refused");
            out.message = Text::tr("The Department has already locked this school year: the revoke was refused and "
                                   "the record stays as the Department locked it.");
        } else if (refused && out.errorCode != QLatin1String("bad_receipt")) {
            state = QStringLiteral("refused");
        }
    }
    auto st = db.prepare(QStringLiteral(
        "UPDATE department_request SET state = ?1, attempts = attempts + ?2, last_error = ?3, sent_at = CASE WHEN ?1 = "
        "'sent' THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE sent_at END, receipt_canonical = CASE WHEN ?1 = "
        "'sent' THEN ?4 ELSE receipt_canonical END, receipt_signature = CASE WHEN ?1 = 'sent' THEN ?5 ELSE "
        "receipt_signature END WHERE id = ?6 AND state = 'pending'"));
    if (!st)
        return std::unexpected(st.error());
    if (auto s = st->bind(1, state)
                     .bind(2, tried)
                     .bind(3, state == QLatin1String("sent") ? QString(QLatin1String("")) : out.message)
                     .bind(4, r.canonical)
                     .bind(5, r.signature)
                     .bind(6, q.id)
                     .exec();
        !s)
        return std::unexpected(s.error());
    return out;
}

/** The right to report, then the endpoint set for the school: what every call to the Department starts with. */
Result<std::pair<QUrl, EndpointSettings>> reportingEndpoint(store::Database& db, const Actor& actor)
{
    if (auto ok = permit(db, actor, Right::Report); !ok)
        return std::unexpected(ok.error());
    auto settings = endpointSettings(db);
    if (!settings)
        return std::unexpected(settings.error());
    if (!*settings)
        return fail(
            ErrorCode::NotFound,
            Text::tr("The Department's server is not set up for this school yet. Ask the school's administrator "
                     "to set it first (\"hocba-cli endpoint set\")."));
    auto base = http::checkedBaseUrl((*settings)->url);
    if (!base)
        return std::unexpected(base.error());
    return std::pair {*base, **settings};
}

} // namespace

int UploadReport::submitted() const
{
    return countOf(items, UploadItemResult::Outcome::Submitted)
        + countOf(items, UploadItemResult::Outcome::AlreadyThere);
}

int UploadReport::refused() const
{
    return countOf(items, UploadItemResult::Outcome::Refused);
}

int UploadReport::failed() const
{
    return countOf(items, UploadItemResult::Outcome::Failed);
}

Result<UploadReport> uploadOutbox(store::Database& db, const Actor& actor, const UploadRequest& request,
                                  const CancellationToken* cancel, const std::function<void(int, int)>& progress)
{
    auto endpoint = reportingEndpoint(db, actor);
    if (!endpoint)
        return std::unexpected(endpoint.error());
    const auto& [base, settings] = *endpoint;
    auto pending = pendingEntries(db, request.className);
    if (!pending)
        return std::unexpected(pending.error());
    UploadReport report;
    for (const Pending& p : *pending) {
        if (cancel && cancel->isCancelled())
            break;
        int tried = 0;
        std::optional<std::pair<signing::Receipt, SignedReceipt>> accepted;
        UploadItemResult item
            = sendOne(base, settings.credential, settings.departmentCertDer, p, request, cancel, &tried, &accepted);
        const Status stored = accepted ? markSubmitted(db, p, tried, accepted->first, accepted->second)
                                       : noteProblem(db, p, tried, item.message);
        if (!stored)
            return std::unexpected(stored.error());
        report.items.append(item);
        if (progress)
            progress(int(report.items.size()), int(pending->size()));
    }
    // Then the signed requests (revoke, transfer), once their record's packets have arrived.
    if (request.className.trimmed().isEmpty()) {
        auto requests = pendingRequests(db);
        if (!requests)
            return std::unexpected(requests.error());
        for (const PendingRequest& q : *requests) {
            if (cancel && cancel->isCancelled())
                break;
            auto item = sendRequest(db, base, settings, q, request, cancel);
            if (!item)
                return std::unexpected(item.error());
            report.items.append(*item);
        }
    }
    return report;
}

Result<UploadItemResult> uploadRecord(const QString& baseUrl, const QString& credential, const QByteArray& packetXml,
                                      const QByteArray& pdf, const QByteArray& pinnedDepartmentCertDer,
                                      const UploadRequest& retries)
{
    auto base = http::checkedBaseUrl(baseUrl);
    if (!base)
        return std::unexpected(base.error());
    Pending p;
    p.digest = packet::packetDigest(packetXml);
    p.packet = packetXml;
    p.pdf = pdf;
    return sendOne(*base, credential, pinnedDepartmentCertDer, p, retries, nullptr, nullptr, nullptr);
}

namespace {

/** The outbox entry a lock receipt speaks of, found by code, version and digest. */
struct LockTarget
{
    qint64 sectionId = 0;
    QString outboxState;
};

Result<std::optional<LockTarget>> lockTarget(store::Database& db, const signing::Receipt& receipt)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT o.section_id, o.state FROM department_outbox o JOIN year_section s ON s.id = o.section_id "
        "JOIN record r ON r.id = s.record_id WHERE r.lookup_code = ?1 AND o.version = ?2 AND o.packet_digest = ?3"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, receipt.lookupCode).bind(2, receipt.version).bind(3, receipt.packetDigest);
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<LockTarget> {};
    return std::optional(LockTarget {st->int64(0), st->text(1)});
}

Status markLocked(store::Database& db, const LockTarget& target, const signing::Receipt& receipt,
                  const SignedReceipt& r)
{
    return applyReceipt(db, target.sectionId, SectionState::Locked, receipt, r,
                        QStringLiteral("UPDATE department_outbox SET state = 'locked', locked_at = ?1, last_error = '' "
                                       "WHERE section_id = ?2 AND version = ?3"));
}

/** Checks one lock receipt and marks its section; false when it was rejected. */
Result<bool> applyLockReceipt(store::Database& db, const QByteArray& pinned, const SignedReceipt& r,
                              ReceiptsReport& report)
{
    auto receipt = signing::verifyReceipt(r.canonical, r.signature, pinned);
    if (!receipt || receipt->kind != signing::Receipt::Kind::Lock)
        return false;
    auto target = lockTarget(db, *receipt);
    if (!target)
        return std::unexpected(target.error());
    if (!*target)
        return false;
    if ((*target)->outboxState == QLatin1String("locked"))
        return true;
    if (auto s = markLocked(db, **target, *receipt, r); !s)
        return std::unexpected(s.error());
    ++report.locked;
    return true;
}

} // namespace

Result<ReceiptsReport> fetchReceipts(store::Database& db, const Actor& actor, const CancellationToken* cancel)
{
    auto endpoint = reportingEndpoint(db, actor);
    if (!endpoint)
        return std::unexpected(endpoint.error());
    const auto& [base, settings] = *endpoint;
    ReceiptsReport report;
    QString cursor;
    for (int page = 0; page < 100000; ++page) {
        if (cancel && cancel->isCancelled())
            return fail(ErrorCode::Cancelled, Text::tr("Fetching the receipts was stopped."));
        http::Request request;
        request.url = http::routeUrl(base, QStringLiteral("/api/v1/receipts"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("after"), cursor);
        request.url.setQuery(query);
        request.bearer = settings.credential;
        const http::Answer answer = http::sendWithRetries(request, {}, cancel);
        if (answer.status != 200)
            return std::unexpected(http::problem(answer, Text::tr("receipts")));
        const QJsonObject o = QJsonDocument::fromJson(answer.body).object();
        for (const QJsonValue& v : o.value(QStringLiteral("receipts")).toArray()) {
            ++report.fetched;
            auto applied = applyLockReceipt(db, settings.departmentCertDer, receiptOf(v.toObject()), report);
            if (!applied)
                return std::unexpected(applied.error());
            if (!*applied)
                ++report.rejected;
        }
        const QString next = o.value(QStringLiteral("next")).toString();
        if (next.isEmpty() || next == cursor)
            break;
        cursor = next;
    }
    return report;
}

} // namespace hocba::lifecycle

namespace hocba::lifecycle {

Result<std::optional<QDateTime>> verifiedLockDate(store::Database& db, qint64 sectionId, int version,
                                                  const QString& lookupCode, const QString& packetDigest)
{
    auto st = db.prepare(QStringLiteral("SELECT canonical, signature FROM department_receipt "
                                        "WHERE section_id = ?1 AND version = ?2 AND kind = 'lock'"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, sectionId);
    st->bind(2, version);
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<QDateTime> {};
    const SignedReceipt stored {st->blob(0), st->blob(1)};
    auto settings = endpointSettings(db);
    if (!settings)
        return std::unexpected(settings.error());
    if (!*settings)
        return std::optional<QDateTime> {};
    // Checked again at every use: a receipt row written behind the program's back must not print as a lock.
    auto receipt = checkedReceipt(stored, (*settings)->departmentCertDer, signing::Receipt::Kind::Lock, lookupCode,
                                  version, packetDigest);
    if (!receipt)
        return std::optional<QDateTime> {};
    return std::optional(receipt->at);
}

} // namespace hocba::lifecycle
