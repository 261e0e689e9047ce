// SPDX-License-Identifier: GPL-3.0-or-later
// A pupil changing school (docs/transfer.md): "transfer out" makes the package signed by the principal's token,
// "transfer in" checks one against this school's trust anchors, shows it and imports it once confirmed.
#include "Commands.h"
#include "TokenSigning.h"

#include "lifecycle/Actor.h"
#include "lifecycle/ImportColumns.h"
#include "lifecycle/Transfer.h"
#include "store/Database.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

namespace hocba::cli {

namespace {

class TransferCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::TransferCommand)
public:
    QString name() const override { return QStringLiteral("transfer"); }
    QString summary() const override
    {
        return tr("A pupil changing school: \"transfer out\" makes the signed transfer package, \"transfer in\" "
                  "checks one and imports it.");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        const QCommandLineOption student(QStringLiteral("student"), tr("out: the student's MOET code."),
                                         QStringLiteral("CODE"));
        const QCommandLineOption toSchool(QStringLiteral("to-school"),
                                          tr("out: the MOET code of the school the pupil moves to."),
                                          QStringLiteral("CODE"));
        const QCommandLineOption toName(QStringLiteral("to-name"), tr("out: that school's name."),
                                        QStringLiteral("NAME"));
        const QCommandLineOption date(QStringLiteral("date"),
                                      tr("out: the transfer date, dd/MM/yyyy or yyyy-MM-dd (default: today)."),
                                      QStringLiteral("DATE"));
        const QCommandLineOption reason(QStringLiteral("reason"), tr("out: why the pupil moves (0-500 characters)."),
                                        QStringLiteral("TEXT"));
        const QCommandLineOption file(QStringLiteral("file"), tr("in: the transfer package (.hocba-transfer.zip)."),
                                      QStringLiteral("PKG"));
        const QCommandLineOption yes(QStringLiteral("yes"),
                                     tr("in: import without asking (after the checks pass); without it the command "
                                        "asks on the terminal, and imports nothing when there is none."));
        const QCommandLineOption cls(QStringLiteral("class"),
                                     tr("in: also start the pupil's latest school year here, in this class."),
                                     QStringLiteral("NAME"));
        const TokenOptions token;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), actorOption(), student, toSchool, toName,
                                                     outOption(tr("out: the folder the package is written to.")), date,
                                                     reason, principalRoleOption(), file, yes, cls, jsonOption()}
                              + token.list() + userOptions(),
                          args, console, QStringLiteral("out|in"));
            c >= 0)
            return c;
        const QStringList words = parser.positionalArguments();
        const QString action = words.value(0);
        if (words.size() != 1 || (action != QLatin1String("out") && action != QLatin1String("in")))
            return console.fail({ErrorCode::Usage,
                                 tr("Say \"transfer out --student CODE --to-school CODE --out DIR …\" or "
                                    "\"transfer in --file PKG\"."),
                                 {}});
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        if (action == QLatin1String("out")) {
            lifecycle::TransferOutRequest request;
            request.studentCode = parser.value(student).trimmed();
            request.toSchoolCode = parser.value(toSchool).trimmed();
            request.toSchoolName = parser.value(toName).trimmed();
            request.reason = parser.value(reason);
            if (request.studentCode.isEmpty() || request.toSchoolCode.isEmpty())
                return console.fail({ErrorCode::Usage, tr("Give --student CODE and --to-school CODE."), {}});
            auto out = requireOut(parser);
            if (!out)
                return console.fail(out.error());
            request.outDir = *out;
            if (parser.isSet(date)) {
                request.transferDate = chosenDate(parser.value(date));
                if (!request.transferDate.isValid())
                    return console.fail(
                        {ErrorCode::Usage, tr("--date must be a date as dd/MM/yyyy or yyyy-MM-dd."), {}});
            }
            if (auto ok = requirePrincipalRole(parser); !ok)
                return console.fail(ok.error());
            if (!token.given(parser))
                return console.fail(TokenOptions::usageError());
            if (auto made = createFolder(request.outDir); !made)
                return console.fail(made.error());
            return transferOut(parser, token, *school, request, console);
        }
        if (!parser.isSet(file))
            return console.fail({ErrorCode::Usage, tr("Give the package with --file PKG."), {}});
        return transferIn(parser, *school, parser.value(file), parser.isSet(yes), parser.value(cls), console);
    }

private:
    static QDate chosenDate(const QString& text)
    {
        const QDate iso = QDate::fromString(text.trimmed(), Qt::ISODate);
        return iso.isValid() ? iso : lifecycle::parseBirthDate(text.trimmed());
    }

    static QString stateText(const QString& state)
    {
        if (state == QLatin1String("current"))
            return tr("current");
        if (state == QLatin1String("superseded"))
            return tr("replaced by a later version");
        if (state == QLatin1String("revoked"))
            return tr("revoked");
        return state;
    }

    static QString itemLine(const packet::TransferItem& item, const QString& schoolName)
    {
        return tr("%1-%2, grade %3, version %4 (%5), signed by %6")
            .arg(item.schoolYearStart)
            .arg(item.schoolYearStart + 1)
            .arg(item.grade)
            .arg(item.version)
            .arg(stateText(item.state), schoolName.isEmpty() ? item.schoolCode : schoolName);
    }

    int transferOut(const QCommandLineParser& parser, const TokenOptions& token, OpenedForChange& school,
                    const lifecycle::TransferOutRequest& request, Console& console)
    {
        // The right before the PIN: a teacher's account is refused without touching the token.
        if (auto ok = lifecycle::permit(*school.db, school.actor, lifecycle::Right::Sign); !ok)
            return console.fail(ok.error());
        auto signing = TokenSigning::open(parser, token, *school.db, console);
        if (!signing)
            return console.fail(signing.error());
        auto made = lifecycle::transferOut(*school.db, school.actor, request, (*signing)->signer());
        if (!made)
            return console.fail(made.error());
        // What the package holds, read back from it as the new school will read it.
        QList<packet::TransferItem> items;
        if (auto held = lifecycle::inspectTransferPackage(*school.db, made->packagePath))
            items = held->statement.items;
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray versions;
            for (const packet::TransferItem& item : std::as_const(items))
                versions.append(QJsonObject {{QStringLiteral("school_year"), item.schoolYearStart},
                                             {QStringLiteral("grade"), item.grade},
                                             {QStringLiteral("version"), item.version},
                                             {QStringLiteral("state"), item.state},
                                             {QStringLiteral("school_code"), item.schoolCode}});
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("package"), made->packagePath},
                                                         {QStringLiteral("lookup_code"), made->lookupCode},
                                                         {QStringLiteral("versions"), versions},
                                                         {QStringLiteral("transferred"), true}}));
            return ExitOk;
        }
        console.out << tr("Transfer package written: %1").arg(made->packagePath) << '\n';
        console.out << tr("Lookup code %1; %2 signed versions:").arg(made->lookupCode).arg(made->versions) << '\n';
        for (const packet::TransferItem& item : std::as_const(items))
            console.out << "  " << itemLine(item, {}) << '\n';
        console.out << tr("The record is now marked \"transferred away\": read-only in this school file. The transfer "
                          "statement waits in the outbox: \"hocba-cli upload\" reports it to the Department. Give the "
                          "package to the new school.")
                    << '\n';
        console.out.flush();
        return ExitOk;
    }

    static QJsonObject inspectionJson(const lifecycle::TransferInspection& ins)
    {
        const packet::TransferStatement& st = ins.statement;
        QJsonArray versions;
        for (const lifecycle::ArrivingVersion& v : ins.versions)
            versions.append(QJsonObject {{QStringLiteral("school_year"), v.item.schoolYearStart},
                                         {QStringLiteral("grade"), v.item.grade},
                                         {QStringLiteral("version"), v.item.version},
                                         {QStringLiteral("state"), v.item.state},
                                         {QStringLiteral("school_code"), v.item.schoolCode},
                                         {QStringLiteral("school_name"), v.schoolName},
                                         {QStringLiteral("ok"), v.ok},
                                         {QStringLiteral("problems"), QJsonArray::fromStringList(v.problems)}});
        return {{QStringLiteral("ok"), ins.ok()},
                {QStringLiteral("lookup_code"), st.lookupCode},
                {QStringLiteral("student"), st.studentName},
                {QStringLiteral("birth_date"), st.birthDate.toString(Qt::ISODate)},
                {QStringLiteral("student_moet_code"), st.studentMoetCode},
                {QStringLiteral("from_school_code"), st.fromSchoolCode},
                {QStringLiteral("from_school_name"), st.fromSchoolName},
                {QStringLiteral("to_school_code"), st.toSchoolCode},
                {QStringLiteral("transfer_date"), st.transferDate.toString(Qt::ISODate)},
                {QStringLiteral("reason"), st.reason},
                {QStringLiteral("signed_at"), st.madeAt.toString(Qt::ISODate)},
                {QStringLiteral("versions"), versions},
                {QStringLiteral("problems"), QJsonArray::fromStringList(ins.problems)}};
    }

    static void printInspection(const lifecycle::TransferInspection& ins, Console& console)
    {
        const packet::TransferStatement& st = ins.statement;
        console.out << tr("Student: %1, born %2").arg(st.studentName, text::shownDate(st.birthDate));
        if (!st.studentMoetCode.isEmpty())
            console.out << tr(", MOET code %1").arg(st.studentMoetCode);
        console.out << '\n';
        console.out << tr("Lookup code: %1").arg(st.lookupCode) << '\n';
        console.out << tr("From: %1 (%2), transfer date %3, statement signed %4")
                           .arg(st.fromSchoolName, st.fromSchoolCode, text::shownDate(st.transferDate),
                                text::shownDateTime(st.madeAt))
                    << '\n';
        if (!st.reason.isEmpty())
            console.out << tr("Reason: %1").arg(st.reason) << '\n';
        console.out << tr("%1 signed versions:").arg(ins.versions.size()) << '\n';
        for (const lifecycle::ArrivingVersion& v : ins.versions) {
            console.out << "  " << itemLine(v.item, v.schoolName) << (v.ok ? QString() : tr(" — REFUSED")) << '\n';
            for (const QString& p : v.problems)
                console.out << "    " << p << '\n';
        }
        for (const QString& p : ins.problems)
            console.out << tr("Problem: %1").arg(p) << '\n';
        console.out.flush();
    }

    /** Asks on the terminal; false without a terminal (nothing is imported unasked). */
    static bool confirmedOnTerminal(Console& console)
    {
        if (!::isatty(STDIN_FILENO) || !console.in)
            return false;
        console.err << tr("Import this record into the school file? Type \"yes\" to import: ");
        console.err.flush();
        const QString answer = QString::fromUtf8(console.in->readLine()).trimmed().toLower();
        return answer == QLatin1String("yes") || answer == QLatin1String("y") || answer == QLatin1String("có")
            || answer == QLatin1String("co");
    }

    int transferIn(const QCommandLineParser& parser, OpenedForChange& school, const QString& path, bool yes,
                   const QString& className, Console& console)
    {
        const bool json = parser.isSet(QStringLiteral("json"));
        // The right first: who may not import is not shown the pupil's details either.
        if (auto ok = lifecycle::permit(*school.db, school.actor, lifecycle::Right::ManageSchool); !ok)
            return console.fail(ok.error());
        auto ins = lifecycle::inspectTransferPackage(*school.db, path);
        if (!ins)
            return console.fail(ins.error());
        if (!json)
            printInspection(*ins, console);
        auto printJson = [&](bool imported) {
            if (!json)
                return;
            QJsonObject o = inspectionJson(*ins);
            o.insert(QStringLiteral("imported"), imported);
            console.printJson(QJsonDocument(o));
        };
        if (!ins->ok()) {
            printJson(false);
            return console.fail({ErrorCode::InvalidInput,
                                 tr("The transfer package was refused; nothing was written. The problems are listed "
                                    "above."),
                                 {}});
        }
        if (!yes && (json || !confirmedOnTerminal(console))) {
            printJson(false);
            return console.fail({ErrorCode::Usage,
                                 tr("Nothing was imported: confirm on a terminal, or run the same command with --yes "
                                    "once you have checked what arrives."),
                                 {}});
        }
        auto done = lifecycle::transferIn(*school.db, school.actor, path, className);
        if (!done) {
            printJson(false);
            return console.fail(done.error());
        }
        printJson(true);
        if (!json) {
            console.out << tr("Imported: the record %1 with %2 signed versions, kept as received (read-only). Add the "
                              "following school years here.")
                               .arg(done->lookupCode)
                               .arg(done->versions)
                        << '\n';
            console.out.flush();
        }
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeTransferCommand()
{
    return std::make_unique<TransferCommand>();
}

} // namespace hocba::cli
