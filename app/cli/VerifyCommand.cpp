// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/TrustAnchors.h"
#include "store/Database.h"
#include "verify/Appearance.h"
#include "verify/DocumentVerifier.h"
#include "verify/TrustStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class VerifyCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::VerifyCommand)
public:
    QString name() const override { return QStringLiteral("verify"); }
    QString summary() const override
    {
        return tr("Check signed packets and PDFs: integrity, signers, certificates at signing time, changes after "
                  "signing, and the packet inside a PDF (exit 0 only when every file is valid and trusted).");
    }

    static QJsonObject toJson(const signing::SignatureCheck& c)
    {
        return QJsonObject {
            {QStringLiteral("id"), c.id},
            {QStringLiteral("signer"), c.signerName},
            {QStringLiteral("role"), c.role ? signing::roleCode(*c.role) : QString()},
            {QStringLiteral("signingTime"), c.signingTime.toString(Qt::ISODate)},
            {QStringLiteral("issuer"), c.certificate.issuer},
            {QStringLiteral("integrity"), c.integrityOk},
            {QStringLiteral("trusted"), c.certificateTrusted},
            {QStringLiteral("validAtSigningTime"), c.validAtSigningTime},
            {QStringLiteral("changedAfterSigning"), c.changedAfterSigning},
            {QStringLiteral("level"), signing::levelCode(c.level)},
            {QStringLiteral("trustedTime"), c.trustedTime ? c.trustedTime->toString(Qt::ISODate) : QString()},
            {QStringLiteral("archiveTime"), c.archiveTime ? c.archiveTime->toString(Qt::ISODate) : QString()},
            {QStringLiteral("problems"), QJsonArray::fromStringList(c.problems)},
            {QStringLiteral("ok"), c.ok()}};
    }
    static QJsonArray archiveJson(const signing::VerificationReport& r)
    {
        QJsonArray a;
        for (const auto& t : r.archiveTimestamps)
            a.append(QJsonObject {
                {QStringLiteral("id"), t.id},
                {QStringLiteral("ok"), t.ok},
                {QStringLiteral("time"), t.time.toString(Qt::ISODate)},
                {QStringLiteral("authority"), t.authority},
                {QStringLiteral("authorityNotAfter"), t.authorityCertificate.notAfter.toString(Qt::ISODate)},
                {QStringLiteral("problems"), QJsonArray::fromStringList(t.problems)}});
        return a;
    }
    static QJsonArray toJson(const signing::VerificationReport& r)
    {
        QJsonArray a;
        for (const auto& c : r.signatures)
            a.append(toJson(c));
        return a;
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption trust(QStringLiteral("trust"),
                                       tr("A trusted root certificate (PEM or DER); repeatable."), tr("PEM"));
        const QCommandLineOption db(QStringLiteral("db"),
                                    tr("Also trust the school's trust anchors in this data file."), tr("FILE"));
        QCommandLineParser parser;
        if (int code = parse(parser, {trust, db, jsonOption()}, args, console, tr("FILE...")); code >= 0)
            return code;
        const QStringList files = parser.positionalArguments();
        if (files.isEmpty())
            return console.fail({ErrorCode::Usage, tr("Name at least one packet or PDF file."), {}});

        signing::TrustStore anchors = signing::TrustStore::builtIn();
        if (parser.isSet(db)) {
            auto opened = store::Database::openExisting(parser.value(db));
            if (!opened)
                return console.fail(opened.error());
            auto school = lifecycle::TrustAnchors::load(**opened);
            if (!school)
                return console.fail(school.error());
            anchors = *school;
        }
        for (const QString& f : parser.values(trust)) {
            QFile file(f);
            if (!file.open(QIODevice::ReadOnly))
                return console.fail({ErrorCode::Io, tr("Cannot read %1.").arg(f), {}});
            if (auto s = anchors.addCertificate(file.readAll()); !s)
                return console.fail(s.error());
        }
        const QList<QByteArray> der = anchors.anchorsDer();

        const bool asJson = parser.isSet(QStringLiteral("json"));
        QJsonArray results;
        int bad = 0;
        for (const QString& f : files) {
            QJsonObject entry {{QStringLiteral("file"), f}};
            auto v = signing::verifyDocumentFile(f, der);
            if (!v) {
                ++bad;
                entry.insert(QStringLiteral("error"), describe(v.error()));
                if (!asJson)
                    console.out << f << ": " << tr("INVALID") << " — " << describe(v.error()) << '\n';
                results.append(entry);
                continue;
            }
            const bool ok = v->ok();
            bad += ok ? 0 : 1;
            entry.insert(QStringLiteral("kind"),
                         v->kind == signing::DocumentVerification::Kind::Pdf ? QStringLiteral("pdf")
                                                                             : QStringLiteral("packet"));
            entry.insert(QStringLiteral("ok"), ok);
            entry.insert(QStringLiteral("packetDigest"), v->packetDigest);
            entry.insert(QStringLiteral("signatures"), toJson(v->report));
            if (!v->report.archiveTimestamps.isEmpty())
                entry.insert(QStringLiteral("archiveTimestamps"), archiveJson(v->report));
            if (v->embedded)
                entry.insert(QStringLiteral("embeddedPacketSignatures"), toJson(*v->embedded));
            if (v->kind == signing::DocumentVerification::Kind::Pdf)
                entry.insert(QStringLiteral("renderedDigest"), v->renderedDigest);
            entry.insert(QStringLiteral("problems"), QJsonArray::fromStringList(v->problems));
            if (v->appearance)
                entry.insert(QStringLiteral("appearance"),
                             QJsonObject {{QStringLiteral("holderName"), v->appearance->holderName},
                                          {QStringLiteral("role"), v->appearance->role},
                                          {QStringLiteral("issuer"), v->appearance->issuer},
                                          {QStringLiteral("signedAt"), v->appearance->signedAt.toString(Qt::ISODate)}});
            entry.insert(QStringLiteral("notes"), QJsonArray::fromStringList(v->notes));
            results.append(entry);
            if (asJson)
                continue;
            console.out << f << ": " << (ok ? tr("VALID") : tr("INVALID")) << '\n';
            console.out << v->report.toText() << '\n';
            if (v->embedded) {
                console.out << "  " << tr("Packet inside the PDF:") << '\n';
                for (const QString& line : v->embedded->toText().split(QLatin1Char('\n')))
                    console.out << "    " << line << '\n';
            }
            if (v->appearance)
                console.out << "  "
                            << tr("Visible signature: %1, %2, signed %3 (Vietnam time), certificate issued by %4")
                                   .arg(v->appearance->holderName, v->appearance->role,
                                        signing::appearanceTime(v->appearance->signedAt), v->appearance->issuer)
                            << '\n';
            for (const QString& n : v->notes)
                console.out << "  " << n << '\n';
            for (const QString& p : v->problems)
                console.out << "  " << p << '\n';
        }
        if (asJson)
            console.printJson(
                QJsonDocument(QJsonObject {{QStringLiteral("ok"), bad == 0}, {QStringLiteral("files"), results}}));
        else
            console.out << tr("%1 of %2 files valid and trusted.").arg(files.size() - bad).arg(files.size()) << '\n';
        console.out.flush();
        return bad == 0 ? ExitOk : ExitFailed;
    }
};

} // namespace

std::unique_ptr<Command> makeVerifyCommand()
{
    return std::make_unique<VerifyCommand>();
}

} // namespace hocba::cli
