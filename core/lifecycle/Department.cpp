// SPDX-License-Identifier: GPL-3.0-or-later
// Endpoint settings, the outbox as the school sees it, and the public lookup by code (docs/upload.md).
#include "lifecycle/Department.h"

#include "lifecycle/DepartmentHttp.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "util/Digest.h"
#include "verify/Certificate.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::Department)
};

constexpr qint64 kSmallFileCap = 64 * 1024;

Result<QByteArray> readSmallFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound, Text::tr("Cannot read the file %1. Check the name and try again.").arg(path),
                    f.errorString());
    if (f.size() > kSmallFileCap)
        return fail(ErrorCode::InvalidInput, Text::tr("The file %1 is too large for what it should hold.").arg(path));
    return f.readAll();
}

OutboxEntry::State stateFromCode(const QString& code)
{
    if (code == QLatin1String("submitted"))
        return OutboxEntry::State::Submitted;
    if (code == QLatin1String("locked"))
        return OutboxEntry::State::Locked;
    return OutboxEntry::State::Pending;
}

QDateTime utc(const QString& iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

Result<QString> readCredentialFile(const QString& path)
{
    auto bytes = readSmallFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    const QString line = QString::fromLatin1(*bytes).trimmed().toLower();
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex64.match(line).hasMatch())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The file %1 is not a school credential: it must hold one line of 64 characters 0-9 "
                             "and a-f, as the Department wrote it. Ask the Department for the file again.")
                        .arg(path));
    return line;
}

Status setEndpoint(store::Database& db, const Actor& actor, const QString& url, const QString& credentialFile,
                   const QString& departmentCertFile)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return ok;
    auto base = http::checkedBaseUrl(url);
    if (!base)
        return std::unexpected(base.error());
    auto credential = readCredentialFile(credentialFile);
    if (!credential)
        return std::unexpected(credential.error());
    auto certBytes = readSmallFile(departmentCertFile);
    if (!certBytes)
        return std::unexpected(certBytes.error());
    auto cert = signing::CertificateInfo::fromPemOrDer(*certBytes);
    if (!cert)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The file %1 is not a certificate. Use the Department's certificate file "
                             "(department-cert.pem) as the Department gave it.")
                        .arg(departmentCertFile),
                    cert.error().detail);
    const QString storedUrl = base->toString();
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto st = db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO department_endpoint (id, url, credential, department_cert, department_name, "
        "updated_at) VALUES (1, ?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    if (!st)
        return std::unexpected(st.error());
    if (auto s = st->bind(1, storedUrl).bind(2, *credential).bind(3, cert->der).bind(4, cert->holder).exec(); !s)
        return s;
    // The audit names the address and the pinned certificate; the credential is a secret and stays out.
    if (auto s = store::AuditLog(db).append(QStringLiteral("department.endpoint"),
                                            QStringLiteral("department_endpoint"), QStringLiteral("1"), {},
                                            std::nullopt, QStringLiteral("%1 %2").arg(storedUrl, cert->sha256));
        !s)
        return s;
    return tx.commit();
}

Result<std::optional<EndpointSettings>> endpointSettings(store::Database& db)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT url, credential, department_cert, department_name FROM department_endpoint WHERE id = 1"));
    if (!st)
        return std::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<EndpointSettings> {};
    return std::optional(EndpointSettings {st->text(0), st->text(1), st->blob(2), st->text(3)});
}

Result<QList<OutboxEntry>> outbox(store::Database& db, const QString& className)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT o.section_id, r.lookup_code, o.version, coalesce(c.name, ''), s.school_year, o.state, o.attempts, "
        "o.last_error, o.submitted_at, o.locked_at "
        "FROM department_outbox o JOIN year_section s ON s.id = o.section_id JOIN record r ON r.id = s.record_id "
        "LEFT JOIN class c ON c.id = s.class_id WHERE (?1 = '' OR c.name = ?1) "
        "ORDER BY CASE o.state WHEN 'pending' THEN 0 WHEN 'submitted' THEN 1 ELSE 2 END, s.school_year, c.name, "
        "o.section_id, o.version"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, className.trimmed().isNull() ? QString(QLatin1String("")) : className.trimmed());
    QList<OutboxEntry> list;
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        OutboxEntry e;
        e.sectionId = st->int64(0);
        e.lookupCode = st->text(1);
        e.version = int(st->int64(2));
        e.className = st->text(3);
        const int start = int(st->int64(4));
        e.schoolYear = QStringLiteral("%1-%2").arg(start).arg(start + 1);
        e.state = stateFromCode(st->text(5));
        e.attempts = int(st->int64(6));
        e.lastError = st->text(7);
        e.submittedAt = utc(st->text(8));
        e.lockedAt = utc(st->text(9));
        list.append(e);
    }
    return list;
}

QString lookupCodeFromText(const QString& text)
{
    static const QRegularExpression code(QStringLiteral("^[0-9a-f]{32}$"));
    const QString trimmed = text.trimmed();
    QString candidate;
    // A link typed without its scheme ("tracuu.example.vn/tra-cuu/…") is still a link.
    const bool looksLikeLink = trimmed.contains(QLatin1Char('/')) || trimmed.contains(QLatin1Char('?'));
    const QUrl url(looksLikeLink && !trimmed.contains(QLatin1String("://")) ? QStringLiteral("https://") + trimmed
                                                                            : trimmed);
    if (looksLikeLink && url.isValid()) {
        const QUrlQuery query(url);
        if (query.hasQueryItem(QStringLiteral("ma")))
            candidate = query.queryItemValue(QStringLiteral("ma"));
        else
            candidate = url.path().section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    } else {
        candidate = trimmed;
    }
    candidate.remove(QRegularExpression(QStringLiteral("[\\s-]")));
    candidate = candidate.toLower();
    return code.match(candidate).hasMatch() ? candidate : QString();
}

Result<LookupAnswer> lookupCode(const QString& baseUrl, const QString& code)
{
    static const QRegularExpression exact(QStringLiteral("^[0-9a-f]{32}$"));
    if (!exact.match(code).hasMatch())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not a lookup code: a lookup code has 32 characters 0-9 and a-f, as printed "
                             "under the QR code.")
                        .arg(code));
    auto base = http::checkedBaseUrl(baseUrl);
    if (!base)
        return std::unexpected(base.error());
    http::Request request;
    request.url = http::routeUrl(*base, QStringLiteral("/api/v1/lookup/") + code);
    const http::Answer answer = http::sendWithRetries(request, {}, nullptr);
    if (answer.status == 404)
        return fail(ErrorCode::NotFound,
                    Text::tr("The Department has no record with this lookup code. Check the code on the paper "
                             "copy; a record the school has not sent yet cannot be found."));
    if (answer.status != 200)
        return std::unexpected(http::problem(answer, Text::tr("lookup")));
    const QJsonObject o = QJsonDocument::fromJson(answer.body).object();
    LookupAnswer a;
    a.lookupCode = o.value(QStringLiteral("lookup_code")).toString();
    a.state = o.value(QStringLiteral("state")).toString();
    a.version = o.value(QStringLiteral("version")).toInt();
    a.schoolName = o.value(QStringLiteral("school")).toObject().value(QStringLiteral("name")).toString();
    a.receivedAt = utc(o.value(QStringLiteral("received_at")).toString());
    a.lockedAt = utc(o.value(QStringLiteral("locked_at")).toString());
    a.contentJson = QJsonDocument(o.value(QStringLiteral("content")).toObject()).toJson(QJsonDocument::Compact);
    if (a.lookupCode != code || a.state.isEmpty() || a.version < 1)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The Department's answer cannot be read. Try again later; if this repeats, tell the "
                             "Department's IT staff."),
                    QStringLiteral("lookup answer does not name the code asked for"));
    return a;
}

} // namespace hocba::lifecycle
