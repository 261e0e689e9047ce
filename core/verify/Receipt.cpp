// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/Receipt.h"

#include "verify/DetachedCms.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace hocba::signing {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hocba::signing::Receipt", text);
}

std::optional<Receipt::Kind> kindFromCode(const QString& code)
{
    if (code == QLatin1String("upload"))
        return Receipt::Kind::Upload;
    if (code == QLatin1String("lock"))
        return Receipt::Kind::Lock;
    if (code == QLatin1String("revoke"))
        return Receipt::Kind::Revoke;
    if (code == QLatin1String("transfer"))
        return Receipt::Kind::Transfer;
    return std::nullopt;
}

} // namespace

QString receiptKindCode(Receipt::Kind kind)
{
    switch (kind) {
    case Receipt::Kind::Upload:
        break;
    case Receipt::Kind::Lock:
        return QStringLiteral("lock");
    case Receipt::Kind::Revoke:
        return QStringLiteral("revoke");
    case Receipt::Kind::Transfer:
        return QStringLiteral("transfer");
    }
    return QStringLiteral("upload");
}

QByteArray Receipt::canonicalBytes() const
{
    // QJsonObject keeps its keys sorted, so the compact form is the same bytes on every machine.
    QJsonObject o;
    o.insert(QStringLiteral("at"), at.toUTC().toString(Qt::ISODate));
    o.insert(QStringLiteral("department"), department);
    o.insert(QStringLiteral("digest"), packetDigest);
    o.insert(QStringLiteral("kind"), receiptKindCode(kind));
    o.insert(QStringLiteral("lookup_code"), lookupCode);
    o.insert(QStringLiteral("school"), schoolCode);
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("window"), windowId);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Receipt> Receipt::fromCanonicalBytes(const QByteArray& bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject() || doc.object().size() != 8)
        return std::nullopt;
    const QJsonObject o = doc.object();
    Receipt r;
    const auto kind = kindFromCode(o.value(QStringLiteral("kind")).toString());
    if (!kind)
        return std::nullopt;
    r.kind = *kind;
    r.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODate);
    r.department = o.value(QStringLiteral("department")).toString();
    r.packetDigest = o.value(QStringLiteral("digest")).toString();
    r.lookupCode = o.value(QStringLiteral("lookup_code")).toString();
    r.schoolCode = o.value(QStringLiteral("school")).toString();
    r.version = o.value(QStringLiteral("version")).toInt(0);
    r.windowId = o.value(QStringLiteral("window")).toString();
    static const QRegularExpression code(QStringLiteral("^[0-9a-f]{32}$"));
    // A transfer moves the whole record, not one version: its receipt alone carries version 0.
    const bool versionOk = r.kind == Receipt::Kind::Transfer ? r.version == 0 : r.version >= 1;
    if (!r.at.isValid() || !versionOk || r.packetDigest.size() != 43 || !code.match(r.lookupCode).hasMatch())
        return std::nullopt;
    // Only the exact canonical form is a receipt: nothing can hide in whitespace, key order or extra fields.
    if (r.canonicalBytes() != bytes)
        return std::nullopt;
    return r;
}

Result<Receipt> verifyReceipt(const QByteArray& canonical, const QByteArray& cmsDer,
                              const QByteArray& pinnedDepartmentCertDer)
{
    const DetachedCmsCheck check = checkDetachedCms(cmsDer, canonical);
    if (!check.intact)
        return fail(ErrorCode::InvalidInput,
                    tr("The Department's receipt is damaged or was not signed by the Department. Try fetching it "
                       "again; if this repeats, tell the Department's IT staff."),
                    QStringLiteral("receipt CMS: %1").arg(check.problem));
    if (pinnedDepartmentCertDer.isEmpty() || check.signerCertificate != pinnedDepartmentCertDer)
        return fail(ErrorCode::InvalidInput,
                    tr("The receipt was signed with a certificate other than the Department certificate set up for "
                       "this school. Check the Department settings (its certificate file) with the school's IT "
                       "person."),
                    QStringLiteral("receipt signer is not the pinned department certificate"));
    auto receipt = Receipt::fromCanonicalBytes(canonical);
    if (!receipt)
        return fail(ErrorCode::InvalidInput, tr("The Department's receipt cannot be read."),
                    QStringLiteral("receipt is not canonical receipt JSON"));
    return *receipt;
}

} // namespace hocba::signing
