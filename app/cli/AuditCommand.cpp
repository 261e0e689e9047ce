// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/AuditCheckpoints.h"
#include "lifecycle/SchoolFileCheck.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class SignedSectionsText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::AuditCommand)
};

/**
 * The school file check of every signed section (lifecycle::checkSignedSections): its verdict goes into `json`
 * ("signedSections") and, one line per bad section, into `text`. Returns whether every section passed.
 */
Result<bool> checkSignedSections(store::Database& db, QJsonObject& json, QStringList& text)
{
    auto report = lifecycle::checkSignedSections(db);
    if (!report)
        return std::unexpected(report.error());
    QJsonArray bad;
    for (const lifecycle::SectionFinding& f : report->findings) {
        bad.append(QJsonObject {{QStringLiteral("lookupCode"), f.section.lookupCode},
                                {QStringLiteral("schoolYear"), f.section.schoolYear.toString()},
                                {QStringLiteral("version"), f.section.version},
                                {QStringLiteral("problems"), QJsonArray::fromStringList(f.problems)}});
        text << SignedSectionsText::tr("Signed section %1 does NOT match its signed documents: %2")
                    .arg(f.section.toText(), f.problems.join(QLatin1Char(' ')));
    }
    json.insert(QStringLiteral("signedSections"),
                QJsonObject {{QStringLiteral("checked"), report->sectionsChecked},
                             {QStringLiteral("ok"), report->ok()},
                             {QStringLiteral("bad"), bad}});
    if (report->ok())
        text << SignedSectionsText::tr("Signed sections: %1 checked, each matches its signed packet and PDF.")
                    .arg(report->sectionsChecked);
    return report->ok();
}

/** The signed checkpoints' verdict (lifecycle::verifyAuditCheckpoints) for --json. */
QJsonObject checkpointsJson(const lifecycle::CheckpointVerification& v)
{
    QJsonArray findings;
    for (const Finding& f : v.findings)
        findings.append(QJsonObject {{QStringLiteral("code"), f.code},
                                     {QStringLiteral("field"), f.field},
                                     {QStringLiteral("message"), f.message}});
    return {{QStringLiteral("ok"), v.ok()},
            {QStringLiteral("stored"), v.checkpoints},
            {QStringLiteral("valid"), v.validCheckpoints},
            {QStringLiteral("lastVouchedEntry"), v.lastVouchedEntry},
            {QStringLiteral("findings"), findings}};
}

class CheckpointsText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::AuditCommand)
public:
    static QStringList lines(const lifecycle::CheckpointVerification& v)
    {
        QStringList out;
        if (v.checkpoints == 0)
            out << tr("Audit checkpoints: none yet (each signing batch makes one).");
        else
            out << tr("Audit checkpoints: %1 stored, %2 valid.").arg(v.checkpoints).arg(v.validCheckpoints);
        if (v.lastVouchedEntry > 0)
            out << tr("Entries 1 to %1 are vouched for by a signed checkpoint; later entries only by the chain.")
                       .arg(v.lastVouchedEntry);
        for (const Finding& f : v.findings)
            out << tr("Audit checkpoint problem: %1").arg(f.message);
        return out;
    }
};

class AuditCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::AuditCommand)
public:
    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override
    {
        return tr("Check the school file: \"audit verify --db FILE\" walks the audit log's hash chain and names the "
                  "first entry that was changed, removed or moved; checks the chain against the checkpoints signed "
                  "when records were signed; then checks every signed section (signed, submitted, locked) against "
                  "its stored signed packet and PDF: their signatures and digests, that they belong to that section "
                  "and student, and that the marks in the file still make the signed packet. It prints one line per "
                  "problem and exits with 1 when the chain, a checkpoint or any section is bad.");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        if (int code = parse(parser, {dbOption(), jsonOption()}, args, console, QStringLiteral("verify")); code >= 0)
            return code;
        const QStringList words = parser.positionalArguments();
        if (words != QStringList {QStringLiteral("verify")})
            return console.fail({ErrorCode::Usage, tr("Use: hocba-cli audit verify --db FILE"), {}});
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        auto db = store::Database::openExisting(*path);
        if (!db)
            return console.fail(db.error());
        auto result = store::AuditLog(**db).verify();
        if (!result)
            return console.fail(result.error());
        QJsonObject o {{QStringLiteral("chainOk"), result->ok}, {QStringLiteral("entries"), result->entries}};
        QStringList lines;
        if (result->ok) {
            lines << tr("Audit log intact: %1 entries, chain unbroken.").arg(result->entries);
        } else {
            o.insert(QStringLiteral("firstBadEntry"), result->firstBadId);
            o.insert(QStringLiteral("problem"), result->problem);
            lines << tr("Audit log BROKEN at entry %1: %2").arg(result->firstBadId).arg(result->problem);
        }
        auto checkpoints = lifecycle::verifyAuditCheckpoints(**db);
        if (!checkpoints)
            return console.fail(checkpoints.error());
        o.insert(QStringLiteral("checkpoints"), checkpointsJson(*checkpoints));
        lines << CheckpointsText::lines(*checkpoints);
        auto sectionsOk = checkSignedSections(**db, o, lines);
        if (!sectionsOk)
            return console.fail(sectionsOk.error());
        const bool ok = result->ok && checkpoints->ok() && *sectionsOk;
        o.insert(QStringLiteral("ok"), ok);
        if (parser.isSet(QStringLiteral("json")))
            console.printJson(QJsonDocument(o));
        else
            for (const QString& line : lines)
                console.out << line << '\n';
        console.out.flush();
        // A broken chain, checkpoint or section is invalid data (1); only a database that cannot be read is exit
        // code 4.
        return ok ? ExitOk : ExitFailed;
    }
};

} // namespace

std::unique_ptr<Command> makeAuditCommand()
{
    return std::make_unique<AuditCommand>();
}

} // namespace hocba::cli
