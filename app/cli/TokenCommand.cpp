// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "token/TokenManager.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class TokenCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::TokenCommand)
public:
    QString name() const override { return QStringLiteral("token"); }
    QString summary() const override
    {
        return tr("List USB tokens and their digital certificates (\"token list\"; no PIN needed).");
    }

    static QString usageText(const signing::KeyUsage& ku)
    {
        if (!ku.present)
            return tr("no key usage");
        QStringList parts;
        if (ku.digitalSignature)
            parts << QStringLiteral("digitalSignature");
        if (ku.nonRepudiation)
            parts << QStringLiteral("nonRepudiation");
        if (ku.keyEncipherment)
            parts << QStringLiteral("keyEncipherment");
        return parts.join(QStringLiteral(", "));
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption module(QStringLiteral("module"),
                                        tr("PKCS#11 module to use instead of the default list (repeatable)."),
                                        tr("PATH"));
        QCommandLineParser parser;
        if (int code = parse(parser, {module, jsonOption()}, args, console, QStringLiteral("list")); code >= 0)
            return code;
        if (parser.positionalArguments() != QStringList {QStringLiteral("list")})
            return console.fail({ErrorCode::Usage, tr("Say \"token list\"."), {}});
        const QStringList modules = parser.isSet(module) ? parser.values(module) : signing::defaultPkcs11Modules();
        signing::TokenManager manager(modules);
        auto tokens = manager.tokens();
        const bool asJson = parser.isSet(QStringLiteral("json"));
        QJsonArray jsonModules;
        for (const auto& m : manager.modules()) {
            jsonModules.append(QJsonObject {{QStringLiteral("path"), m.path},
                                            {QStringLiteral("present"), m.present},
                                            {QStringLiteral("loaded"), m.loaded},
                                            {QStringLiteral("error"), m.error}});
            if (!asJson)
                console.out << tr("Module %1: %2")
                                   .arg(m.path,
                                        m.loaded        ? tr("loaded")
                                            : m.present ? tr("cannot be loaded (%1)").arg(m.error)
                                                        : tr("not installed"))
                            << '\n';
        }
        if (!tokens)
            return console.fail(tokens.error());
        QJsonArray jsonTokens;
        if (!asJson && tokens->isEmpty())
            console.out << tr("No USB token is plugged in.") << '\n';
        for (const auto& t : *tokens) {
            auto certs = manager.certificates(t);
            QJsonArray jsonCerts;
            if (!asJson) {
                console.out << '\n'
                            << tr("Token \"%1\" (serial %2, %3 %4)").arg(t.label, t.serial, t.manufacturer, t.model)
                            << '\n';
                if (t.flags.pinLocked)
                    console.out << "  " << tr("PIN LOCKED: contact your certification service provider.") << '\n';
                else if (t.flags.pinFinalTry)
                    console.out << "  " << tr("Warning: one more wrong PIN will lock the token.") << '\n';
                else if (t.flags.pinCountLow)
                    console.out << "  " << tr("Warning: a wrong PIN was entered at least once.") << '\n';
            }
            if (!certs) {
                if (!asJson)
                    console.out << "  " << describe(certs.error()) << '\n';
                continue;
            }
            for (const auto& c : *certs) {
                jsonCerts.append(
                    QJsonObject {{QStringLiteral("id"), QString::fromLatin1(c.id.toHex())},
                                 {QStringLiteral("holder"), c.holder},
                                 {QStringLiteral("organization"), c.organization},
                                 {QStringLiteral("issuer"), c.issuer},
                                 {QStringLiteral("serial"), c.serialHex},
                                 {QStringLiteral("notBefore"), c.notBefore.toString(Qt::ISODate)},
                                 {QStringLiteral("notAfter"), c.notAfter.toString(Qt::ISODate)},
                                 {QStringLiteral("keyUsage"), usageText(c.keyUsage)},
                                 {QStringLiteral("keyType"),
                                  c.keyType == signing::KeyType::Rsa ? QStringLiteral("RSA") : QStringLiteral("EC")},
                                 {QStringLiteral("keyBits"), c.keyBits},
                                 {QStringLiteral("sha256"), c.sha256}});
                if (asJson)
                    continue;
                console.out << "  " << tr("Certificate %1: %2").arg(QString::fromLatin1(c.id.toHex()), c.holder);
                if (!c.organization.isEmpty())
                    console.out << " – " << c.organization;
                console.out << '\n'
                            << "    " << tr("issued by %1, serial %2").arg(c.issuer, c.serialHex) << '\n'
                            << "    "
                            << tr("valid %1 to %2").arg(text::shownDate(c.notBefore), text::shownDate(c.notAfter))
                            << '\n'
                            << "    "
                            << tr("%1 %2 bits, key usage: %3")
                                   .arg(c.keyType == signing::KeyType::Rsa ? QStringLiteral("RSA")
                                                                           : QStringLiteral("EC"))
                                   .arg(c.keyBits)
                                   .arg(usageText(c.keyUsage))
                            << '\n';
            }
            jsonTokens.append(QJsonObject {{QStringLiteral("label"), t.label},
                                           {QStringLiteral("serial"), t.serial},
                                           {QStringLiteral("manufacturer"), t.manufacturer},
                                           {QStringLiteral("model"), t.model},
                                           {QStringLiteral("module"), t.module},
                                           {QStringLiteral("pinLocked"), t.flags.pinLocked},
                                           {QStringLiteral("pinCountLow"), t.flags.pinCountLow},
                                           {QStringLiteral("pinFinalTry"), t.flags.pinFinalTry},
                                           {QStringLiteral("certificates"), jsonCerts}});
        }
        if (asJson)
            console.printJson(QJsonDocument(
                QJsonObject {{QStringLiteral("modules"), jsonModules}, {QStringLiteral("tokens"), jsonTokens}}));
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeTokenCommand()
{
    return std::make_unique<TokenCommand>();
}

} // namespace hocba::cli
