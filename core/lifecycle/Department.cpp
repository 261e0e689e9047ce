// SPDX-License-Identifier: GPL-3.0-or-later
// Endpoint settings, the outbox as the school sees it, and the public lookup by code (docs/upload.md).
#include "lifecycle/Department.h"

#include "lifecycle/DepartmentHttp.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "util/Digest.h"
#include "util/Text.h"
#include "verify/Certificate.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
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

LookupLink lookupLinkFromText(const QString& text)
{
    static const QRegularExpression code(QStringLiteral("^[0-9a-f]{32}$"));
    static const QRegularExpression year(QStringLiteral("^[12][0-9]{3}$"));
    static const QRegularExpression version(QStringLiteral("^[1-9][0-9]{0,3}$"));
    static const QRegularExpression digest(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    const QString trimmed = text.trimmed();
    QString candidate;
    LookupLink link;
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
        // The paper copy only when the link names it as the printed QR code does; anything else is left out.
        const QString nam = query.queryItemValue(QStringLiteral("nam"));
        const QString v = query.queryItemValue(QStringLiteral("v"));
        const QString h = query.queryItemValue(QStringLiteral("h"));
        if (year.match(nam).hasMatch() && digest.match(h).hasMatch())
            link.paper = {nam.toInt(), version.match(v).hasMatch() ? v.toInt() : 0, h};
    } else {
        candidate = trimmed;
    }
    candidate.remove(QRegularExpression(QStringLiteral("[\\s-]")));
    candidate = candidate.toLower();
    if (!code.match(candidate).hasMatch())
        return {};
    link.code = candidate;
    return link;
}

QString lookupCodeFromText(const QString& text)
{
    return lookupLinkFromText(text).code;
}

namespace {

LookupYear lookupYearOf(const QJsonObject& o)
{
    LookupYear y;
    y.schoolYear = o.value(QStringLiteral("school_year")).toString();
    y.state = o.value(QStringLiteral("state")).toString();
    y.version = o.value(QStringLiteral("version")).toInt();
    y.receivedAt = utc(o.value(QStringLiteral("received_at")).toString());
    y.lockedAt = utc(o.value(QStringLiteral("locked_at")).toString());
    y.revokedAt = utc(o.value(QStringLiteral("revoked_at")).toString());
    for (const QJsonValue& v : o.value(QStringLiteral("versions")).toArray())
        y.versions.append({v[QStringLiteral("version")].toInt(), utc(v[QStringLiteral("received_at")].toString()),
                           utc(v[QStringLiteral("replaced_at")].toString())});
    return y;
}

LookupCheck lookupCheckOf(const QJsonObject& o)
{
    return {
        o.value(QStringLiteral("school_year")).toString(),    o.value(QStringLiteral("version")).toInt(),
        o.value(QStringLiteral("matches")).toBool(),          o.value(QStringLiteral("current")).toBool(),
        o.value(QStringLiteral("current_version")).toInt(),   utc(o.value(QStringLiteral("replaced_at")).toString()),
        utc(o.value(QStringLiteral("revoked_at")).toString())};
}

} // namespace

Result<LookupAnswer> lookupCode(const QString& baseUrl, const QString& code, const PaperCopyRef& paper)
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
    if (!paper.digest.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("nam"), QString::number(paper.schoolYearStart));
        if (paper.version > 0)
            query.addQueryItem(QStringLiteral("v"), QString::number(paper.version));
        query.addQueryItem(QStringLiteral("h"), paper.digest);
        request.url.setQuery(query);
    }
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
    a.revokedAt = utc(o.value(QStringLiteral("revoked_at")).toString());
    a.contentJson = QJsonDocument(o.value(QStringLiteral("content")).toObject()).toJson(QJsonDocument::Compact);
    for (const QJsonValue& y : o.value(QStringLiteral("years")).toArray())
        a.years.append(lookupYearOf(y.toObject()));
    for (const QJsonValue& t : o.value(QStringLiteral("transfers")).toArray())
        a.transfers.append({t[QStringLiteral("from_school")].toString(), t[QStringLiteral("to_school")].toString(),
                            QDate::fromString(t[QStringLiteral("date")].toString(), Qt::ISODate)});
    if (o.value(QStringLiteral("checked")).isObject())
        a.checked = lookupCheckOf(o.value(QStringLiteral("checked")).toObject());
    if (a.lookupCode != code || a.state.isEmpty() || a.version < 1)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The Department's answer cannot be read. Try again later; if this repeats, tell the "
                             "Department's IT staff."),
                    QStringLiteral("lookup answer does not name the code asked for"));
    return a;
}

QList<QPair<QString, QString>> lookupHistoryRows(const LookupAnswer& answer)
{
    QList<QPair<QString, QString>> rows;
    for (const LookupYear& y : answer.years) {
        const QString term = Text::tr("School year %1").arg(y.schoolYear);
        if (y.state == QLatin1String("revoked"))
            rows.append({term, Text::tr("Revoked on %1").arg(text::shownDate(y.revokedAt))});
        else
            rows.append(
                {term,
                 Text::tr("Current version: %1 (received on %2)").arg(y.version).arg(text::shownDate(y.receivedAt))});
        for (auto v = y.versions.crbegin(); v != y.versions.crend(); ++v)
            if (v->replacedAt.isValid())
                rows.append(
                    {term,
                     Text::tr("Version %1 — replaced on %2").arg(v->version).arg(text::shownDate(v->replacedAt))});
    }
    for (const LookupTransfer& t : answer.transfers)
        rows.append(
            {Text::tr("Transfer"),
             Text::tr("Transferred from %1 to %2 on %3").arg(t.fromSchool, t.toSchool, text::shownDate(t.date))});
    return rows;
}

QString paperCheckSentence(const LookupCheck& c)
{
    if (!c.matches)
        return Text::tr("No version matches this paper copy: the paper copy may have been altered. Ask the school "
                        "for the valid copy.");
    if (c.revokedAt.isValid())
        return Text::tr("This paper copy is version %1; the school revoked this school year of the record on %2. "
                        "Ask the school for the valid copy.")
            .arg(c.version)
            .arg(text::shownDate(c.revokedAt));
    if (!c.current)
        return Text::tr("This paper copy is version %1, replaced by version %2 on %3; use the new copy.")
            .arg(c.version)
            .arg(c.currentVersion)
            .arg(text::shownDate(c.replacedAt));
    return Text::tr("This paper copy matches the current version.");
}

} // namespace hocba::lifecycle
