// SPDX-License-Identifier: GPL-3.0-or-later
// Corrections before the Department's lock (docs/corrections.md): reopen a signed school year as a new version, revoke
// one with the principal's token, and show a year's chain of versions.
#include "Commands.h"
#include "TokenSigning.h"

#include "lifecycle/Corrections.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

QCommandLineOption studentOption()
{
    return {QStringLiteral("student"),
            QCoreApplication::translate("hocba::cli::Corrections",
                                        "The student's code (MOET code, registration "
                                        "number or the record's lookup code)."),
            QStringLiteral("CODE")};
}

QCommandLineOption sectionOption()
{
    return {QStringLiteral("section"),
            QCoreApplication::translate("hocba::cli::Corrections", "The school year section's number."),
            QStringLiteral("ID")};
}

/** What the correction commands share: the section that --student (with the year) or --section names. */
class CorrectionCommand : public Command
{
protected:
    static Result<Id> chosenSection(const QCommandLineParser& parser, store::Database& db)
    {
        if (parser.isSet(QStringLiteral("section"))) {
            bool ok = false;
            const Id id = parser.value(QStringLiteral("section")).toLongLong(&ok);
            if (!ok || id <= 0)
                return fail(ErrorCode::Usage,
                            QCoreApplication::translate("hocba::cli::Corrections", "--section must be a number."));
            return id;
        }
        if (!parser.isSet(QStringLiteral("student")))
            return fail(ErrorCode::Usage,
                        QCoreApplication::translate("hocba::cli::Corrections", "Give --student CODE or --section ID."));
        auto year = Command::chosenYear(parser, db);
        if (!year)
            return std::unexpected(year.error());
        return lifecycle::currentSectionOf(db, parser.value(QStringLiteral("student")), *year);
    }
};

class ReopenCommand : public CorrectionCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ReopenCommand)
public:
    QString name() const override { return QStringLiteral("reopen"); }
    QString summary() const override
    {
        return tr("Reopen a signed school year as a new draft version to correct it (before the Department's "
                  "lock).");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        const QCommandLineOption reason(QStringLiteral("reason"), tr("Why the year is reopened (1-500 characters)."),
                                        QStringLiteral("TEXT"));
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), actorOption(), studentOption(), sectionOption(),
                                                     yearOption(), reason}
                              + userOptions(),
                          args, console);
            c >= 0)
            return c;
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        auto section = chosenSection(parser, *school->db);
        if (!section)
            return console.fail(section.error());
        auto reopened = lifecycle::reopenSection(*school->db, school->actor, *section, parser.value(reason));
        if (!reopened)
            return console.fail(reopened.error());
        console.out << tr("Section %1 reopened as section %2 (a new draft version). Correct it, confirm it and sign "
                          "it: it then replaces the old version.")
                           .arg(*section)
                           .arg(*reopened)
                    << '\n';
        console.out.flush();
        return ExitOk;
    }
};

class RevokeCommand : public CorrectionCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::RevokeCommand)
public:
    QString name() const override { return QStringLiteral("revoke"); }
    QString summary() const override
    {
        return tr("Revoke a signed school year (before the Department's lock) with a request the principal signs on "
                  "the token; the next upload sends it.");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        const QCommandLineOption reason(QStringLiteral("reason"), tr("Why the year is revoked (1-500 characters)."),
                                        QStringLiteral("TEXT"));
        const TokenOptions token;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), actorOption(), studentOption(), sectionOption(),
                                                     yearOption(), reason, principalRoleOption()}
                              + token.list() + userOptions(),
                          args, console);
            c >= 0)
            return c;
        if (auto ok = requirePrincipalRole(parser); !ok)
            return console.fail(ok.error());
        if (!token.given(parser))
            return console.fail(TokenOptions::usageError());
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        auto section = chosenSection(parser, *school->db);
        if (!section)
            return console.fail(section.error());
        // A year that cannot be revoked (locked, a draft, replaced) is refused before the PIN is asked for.
        if (auto ok = lifecycle::checkRevoke(*school->db, school->actor, *section, parser.value(reason)); !ok)
            return console.fail(ok.error());
        auto signing = TokenSigning::open(parser, token, *school->db, console);
        if (!signing)
            return console.fail(signing.error());
        auto revoked = lifecycle::revokeSection(*school->db, school->actor, *section, parser.value(reason),
                                                (*signing)->signer());
        if (!revoked)
            return console.fail(revoked.error());
        console.out << tr("Section %1 revoked. The revoke request, signed by the principal, waits in the outbox: "
                          "\"hocba-cli upload\" sends it to the Department.")
                           .arg(*section)
                    << '\n';
        console.out.flush();
        return ExitOk;
    }
};

class VersionsCommand : public CorrectionCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::VersionsCommand)
public:
    QString name() const override { return QStringLiteral("versions"); }
    QString summary() const override { return tr("Show every version of a student's school year."); }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), actorOption(), studentOption(), sectionOption(),
                                                     yearOption(), jsonOption()}
                              + userOptions(),
                          args, console);
            c >= 0)
            return c;
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        auto section = chosenSection(parser, *school->db);
        if (!section)
            return console.fail(section.error());
        auto chain = lifecycle::sectionVersions(*school->db, *section);
        if (!chain)
            return console.fail(chain.error());
        auto date = [](const QDateTime& t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); };
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray list;
            for (const lifecycle::SectionVersion& v : *chain)
                list.append(QJsonObject {{QStringLiteral("section"), qint64(v.sectionId)},
                                         {QStringLiteral("version"), v.version},
                                         {QStringLiteral("state"), toCode(v.state)},
                                         {QStringLiteral("replaces"), qint64(v.replacesSectionId)},
                                         {QStringLiteral("reopen_reason"), v.reopenReason},
                                         {QStringLiteral("opened_at"), date(v.openedAt)},
                                         {QStringLiteral("signed_at"), date(v.signedAt)},
                                         {QStringLiteral("submitted_at"), date(v.submittedAt)},
                                         {QStringLiteral("locked_at"), date(v.lockedAt)},
                                         {QStringLiteral("revoked_at"), date(v.revokedAt)},
                                         {QStringLiteral("revoke_reason"), v.revokeReason}});
            console.printJson(QJsonDocument(list));
            return ExitOk;
        }
        for (const lifecycle::SectionVersion& v : *chain) {
            console.out << tr("Version %1 (section %2): %3").arg(v.version).arg(v.sectionId).arg(displayName(v.state));
            if (!v.reopenReason.isEmpty())
                console.out << tr(", reopened: %1").arg(v.reopenReason);
            if (!v.revokeReason.isEmpty())
                console.out << tr(", revoked: %1").arg(v.revokeReason);
            console.out << '\n';
        }
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeReopenCommand()
{
    return std::make_unique<ReopenCommand>();
}

std::unique_ptr<Command> makeRevokeCommand()
{
    return std::make_unique<RevokeCommand>();
}

std::unique_ptr<Command> makeVersionsCommand()
{
    return std::make_unique<VersionsCommand>();
}

} // namespace hocba::cli
