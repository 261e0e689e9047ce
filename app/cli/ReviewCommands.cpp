// SPDX-License-Identifier: GPL-3.0-or-later
// The check before signing of a class, the board's approval or return, and the deadline board (docs/review.md).
#include "Commands.h"

#include "lifecycle/ClassApproval.h"
#include "lifecycle/ClassReview.h"
#include "lifecycle/DeadlineBoard.h"
#include "store/SchoolRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hocba::cli {

namespace {

const QString kDate = QStringLiteral("dd/MM/yyyy");

QCommandLineOption requiredClassOption()
{
    return QCommandLineOption(QStringLiteral("class"),
                              QCoreApplication::translate("hocba::cli::ReviewCommand", "The class, e.g. 6A1."),
                              QStringLiteral("NAME"));
}

/** --class NAME, required. */
Result<QString> requireClass(const QCommandLineParser& parser)
{
    const QString name = parser.value(QStringLiteral("class")).trimmed();
    if (name.isEmpty())
        return fail(ErrorCode::Usage,
                    QCoreApplication::translate("hocba::cli::ReviewCommand", "Name the class with --class NAME."));
    return name;
}

QJsonObject countsJson(const lifecycle::ClassReviewCounts& n)
{
    return QJsonObject {{QStringLiteral("pupils"), n.pupils},
                        {QStringLiteral("marksMissing"), n.marksMissing},
                        {QStringLiteral("commentsMissing"), n.commentsMissing},
                        {QStringLiteral("clean"), n.clean},
                        {QStringLiteral("draft"), n.draft},
                        {QStringLiteral("ready"), n.ready},
                        {QStringLiteral("approved"), n.approved},
                        {QStringLiteral("signed"), n.signedCount},
                        {QStringLiteral("uploaded"), n.uploaded},
                        {QStringLiteral("augustCohort"), n.augustCohort},
                        {QStringLiteral("augustSigned"), n.augustSigned}};
}

QJsonObject returnJson(const lifecycle::ClassReturn& r)
{
    return QJsonObject {{QStringLiteral("reason"), r.reason},
                        {QStringLiteral("by"), r.returnedBy},
                        {QStringLiteral("at"), r.returnedAt.toString(Qt::ISODate)},
                        {QStringLiteral("sections"), r.sections}};
}

/** review --db F --year Y --class NAME [--pdf OUT.pdf | --html OUT.html] [--json]: the check before signing. */
class ReviewCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ReviewCommand)
public:
    QString name() const override { return QStringLiteral("review"); }
    QString summary() const override
    {
        return tr("The check before signing of a class: what the checks find, marks, levels and comments not "
                  "entered, personal IDs, pupil codes, birthplaces, the August cohort and the board's returns; a fix "
                  "list as PDF (exit 1 when errors are found).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption pdf(QStringLiteral("pdf"), tr("Write the fix list for the homeroom teacher as PDF."),
                                     tr("FILE"));
        const QCommandLineOption html(QStringLiteral("html"), tr("Write the fix list as HTML."), tr("FILE"));
        QCommandLineParser parser;
        if (int code
            = parse(parser, {dbOption(), yearOption(), requiredClassOption(), pdf, html, jsonOption()}, args, console);
            code >= 0)
            return code;
        auto className = requireClass(parser);
        if (!className)
            return console.fail(className.error());
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        auto year = chosenYear(parser, **db);
        if (!year)
            return console.fail(year.error());
        auto review = lifecycle::reviewClass(**db, *year, *className);
        if (!review)
            return console.fail(review.error());
        QString schoolName;
        if (auto school = store::SchoolRepository(**db).school(); school && *school)
            schoolName = (*school)->name;
        const QDate today = QDate::currentDate();
        if (parser.isSet(pdf))
            if (auto s = lifecycle::writeFixListPdf(*review, schoolName, today, parser.value(pdf)); !s)
                return console.fail(s.error());
        if (parser.isSet(html)) {
            QFile f(parser.value(html));
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || f.write(lifecycle::fixListHtml(*review, schoolName, today).toUtf8()) < 0)
                return console.fail({ErrorCode::Io, tr("Cannot write the file %1.").arg(parser.value(html)), {}});
        }

        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray items;
            for (const auto& i : review->items)
                items.append(QJsonObject {{QStringLiteral("studentId"), i.studentId},
                                          {QStringLiteral("name"), i.fullName},
                                          {QStringLiteral("sectionId"), i.sectionId},
                                          {QStringLiteral("kind"), lifecycle::toCode(i.kind)},
                                          {QStringLiteral("code"), i.code},
                                          {QStringLiteral("subject"), i.subject},
                                          {QStringLiteral("term"), i.term},
                                          {QStringLiteral("where"), i.where},
                                          {QStringLiteral("severity"), severityCode(i.severity)},
                                          {QStringLiteral("message"), i.message}});
            QJsonArray returns;
            for (const auto& r : review->returns)
                returns.append(returnJson(r));
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("class"), review->cls.name},
                                                         {QStringLiteral("year"), year->toString()},
                                                         {QStringLiteral("homeroomTeacher"), review->homeroomTeacher},
                                                         {QStringLiteral("counts"), countsJson(review->counts)},
                                                         {QStringLiteral("errors"), review->errorCount()},
                                                         {QStringLiteral("items"), items},
                                                         {QStringLiteral("returns"), returns}}));
        } else {
            const auto& n = review->counts;
            console.out << tr("Class %1, school year %2 (%3): %4 pupils, %5 without errors; %6 marks or levels and %7 "
                              "comments not entered; %8 in the August cohort; %9 confirmed, %10 approved, %11 signed.")
                               .arg(review->cls.name, year->toString(), today.toString(kDate))
                               .arg(n.pupils)
                               .arg(n.clean)
                               .arg(n.marksMissing)
                               .arg(n.commentsMissing)
                               .arg(n.augustCohort)
                               .arg(n.ready)
                               .arg(n.approved)
                               .arg(n.signedCount)
                        << '\n';
            for (const auto& r : review->returns)
                console.out << tr("Returned by %1 on %2: %3")
                                   .arg(r.returnedBy, r.returnedAt.toLocalTime().toString(kDate), r.reason)
                            << '\n';
            QString last;
            for (const auto& i : review->items) {
                if (i.fullName != last) {
                    console.out << "  " << i.fullName << '\n';
                    last = i.fullName;
                }
                console.out << "    " << (i.severity == Finding::Severity::Error ? tr("error") : tr("warning")) << ' '
                            << lifecycle::toCode(i.kind);
                if (!i.where.isEmpty())
                    console.out << " [" << i.where << ']';
                console.out << ": " << i.message << '\n';
            }
            if (parser.isSet(pdf))
                console.out << tr("Fix list written to %1.").arg(parser.value(pdf)) << '\n';
        }
        console.out.flush();
        return review->errorCount() == 0 ? ExitOk : ExitFailed;
    }
};

/** approve --db F --year Y --class NAME --user LOGIN: the board approves the class's confirmed records. */
class ApproveCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ApproveCommand)
public:
    QString name() const override { return QStringLiteral("approve"); }
    QString summary() const override
    {
        return tr("The board approves a class's confirmed records (the principal); those with errors and those not "
                  "confirmed yet are listed (exit 1 when some are left). --require-approval yes|no: whether the "
                  "school signs approved records only (the administrator).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption require(QStringLiteral("require-approval"),
                                         tr("yes: records are signed only once approved; no: as before."),
                                         QStringLiteral("yes|no"));
        QCommandLineParser parser;
        if (int code = parse(parser,
                             QList<QCommandLineOption> {dbOption(), actorOption(), yearOption(), requiredClassOption(),
                                                        require, jsonOption()}
                                 + userOptions(),
                             args, console);
            code >= 0)
            return code;
        if (parser.isSet(require)) {
            const QString v = parser.value(require).trimmed().toLower();
            if (v != QLatin1String("yes") && v != QLatin1String("no"))
                return console.fail({ErrorCode::Usage, tr("--require-approval takes yes or no."), {}});
            auto school = openForChange(parser);
            if (!school)
                return console.fail(school.error());
            if (auto s = lifecycle::setApprovalRequired(*school->db, school->actor, v == QLatin1String("yes")); !s)
                return console.fail(s.error());
            console.out << (v == QLatin1String("yes") ? tr("From now on only approved records are signed.")
                                                      : tr("Records are signed without the board's approval."))
                        << '\n';
            console.out.flush();
            return ExitOk;
        }
        auto className = requireClass(parser);
        if (!className)
            return console.fail(className.error());
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        auto year = chosenYear(parser, *school->db);
        if (!year)
            return console.fail(year.error());
        auto report = lifecycle::approveClass(*school->db, school->actor, *year, *className);
        if (!report)
            return console.fail(report.error());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray rest;
            for (const auto& i : report->withErrors)
                rest.append(QJsonObject {{QStringLiteral("studentId"), i.studentId},
                                         {QStringLiteral("name"), i.fullName},
                                         {QStringLiteral("sectionId"), i.sectionId}});
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("class"), report->cls.name},
                                                         {QStringLiteral("year"), year->toString()},
                                                         {QStringLiteral("approved"), report->approved},
                                                         {QStringLiteral("alreadyApproved"), report->alreadyApproved},
                                                         {QStringLiteral("notConfirmed"), report->notConfirmed},
                                                         {QStringLiteral("signed"), report->signedBefore},
                                                         {QStringLiteral("withErrors"), rest}}));
        } else {
            console.out << tr("Class %1, school year %2: %3 approved, %4 approved earlier, %5 not confirmed yet, %6 "
                              "with errors, %7 signed already.")
                               .arg(report->cls.name, year->toString())
                               .arg(report->approved)
                               .arg(report->alreadyApproved)
                               .arg(report->notConfirmed)
                               .arg(report->withErrors.size())
                               .arg(report->signedBefore)
                        << '\n';
            for (const auto& i : report->withErrors) {
                console.out << "  " << i.fullName << '\n';
                for (const Finding& f : i.findings)
                    if (f.isError())
                        console.out << "    " << f.code << ": " << f.message << '\n';
            }
        }
        console.out.flush();
        return report->complete() ? ExitOk : ExitFailed;
    }
};

/** return --db F --year Y --class NAME --reason TEXT --user LOGIN: the class goes back to its homeroom teacher. */
class ReturnCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ReturnCommand)
public:
    QString name() const override { return QStringLiteral("return"); }
    QString summary() const override
    {
        return tr("The board returns a class to its homeroom teacher with a reason: its confirmed records go back to "
                  "draft; the teacher sees the reason in the review.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption reason(QStringLiteral("reason"), tr("What the homeroom teacher must fix."),
                                        QStringLiteral("TEXT"));
        QCommandLineParser parser;
        if (int code
            = parse(parser,
                    QList<QCommandLineOption> {dbOption(), actorOption(), yearOption(), requiredClassOption(), reason}
                        + userOptions(),
                    args, console);
            code >= 0)
            return code;
        auto className = requireClass(parser);
        if (!className)
            return console.fail(className.error());
        if (parser.value(reason).trimmed().isEmpty())
            return console.fail({ErrorCode::Usage, tr("Give the reason with --reason TEXT."), {}});
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        auto year = chosenYear(parser, *school->db);
        if (!year)
            return console.fail(year.error());
        auto r = lifecycle::returnClass(*school->db, school->actor, *year, *className, parser.value(reason));
        if (!r)
            return console.fail(r.error());
        console.out << tr("Class %1 returned to its homeroom teacher: %2 confirmed records are drafts again.")
                           .arg(*className)
                           .arg(r->sections)
                    << '\n';
        console.out.flush();
        return ExitOk;
    }
};

/** deadlines --db F --year Y [--today dd/MM/yyyy] [--json]: the deadline board. */
class DeadlinesCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::DeadlinesCommand)
public:
    QString name() const override { return QStringLiteral("deadlines"); }
    QString summary() const override
    {
        return tr("The deadline board of a school year: per class and homeroom teacher, marks and comments missing, "
                  "records checked, confirmed, approved, signed and uploaded, the August cohort apart, and the days "
                  "left to 30/6 and 15/8.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption todayOption(QStringLiteral("today"), tr("Count the days from this date."),
                                             QStringLiteral("dd/MM/yyyy"));
        QCommandLineParser parser;
        if (int code = parse(parser, {dbOption(), yearOption(), todayOption, jsonOption()}, args, console); code >= 0)
            return code;
        QDate today = QDate::currentDate();
        if (parser.isSet(todayOption)) {
            today = QDate::fromString(parser.value(todayOption).trimmed(), kDate);
            if (!today.isValid())
                return console.fail({ErrorCode::Usage, tr("Write the date as dd/MM/yyyy, e.g. 01/06/2026."), {}});
        }
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        auto year = chosenYear(parser, **db);
        if (!year)
            return console.fail(year.error());
        auto board = lifecycle::deadlineBoard(**db, *year, today);
        if (!board)
            return console.fail(board.error());

        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray rows;
            for (const auto& r : board->rows) {
                QJsonObject o {{QStringLiteral("class"), r.cls.name},
                               {QStringLiteral("homeroomTeacher"), r.homeroomTeacher},
                               {QStringLiteral("errors"), r.errors},
                               {QStringLiteral("counts"), countsJson(r.counts)}};
                if (r.lastReturn)
                    o.insert(QStringLiteral("lastReturn"), returnJson(*r.lastReturn));
                rows.append(o);
            }
            console.printJson(
                QJsonDocument(QJsonObject {{QStringLiteral("year"), year->toString()},
                                           {QStringLiteral("today"), today.toString(kDate)},
                                           {QStringLiteral("mainDeadline"), board->mainDeadline.toString(kDate)},
                                           {QStringLiteral("augustDeadline"), board->augustDeadline.toString(kDate)},
                                           {QStringLiteral("daysToMain"), board->daysToMain},
                                           {QStringLiteral("daysToAugust"), board->daysToAugust},
                                           {QStringLiteral("totals"), countsJson(board->totals)},
                                           {QStringLiteral("classes"), rows}}));
            console.out.flush();
            return ExitOk;
        }
        console.out << tr("School year %1, %2: %3 days left to %4; %5 days left to %6 (August cohort).")
                           .arg(year->toString(), today.toString(kDate))
                           .arg(board->daysToMain)
                           .arg(board->mainDeadline.toString(kDate))
                           .arg(board->daysToAugust)
                           .arg(board->augustDeadline.toString(kDate))
                    << '\n';
        const QStringList heads {tr("Class"),    tr("Pupils"),    tr("Marks missing"),   tr("Comments missing"),
                                 tr("Clean"),    tr("Confirmed"), tr("Approved"),        tr("Signed"),
                                 tr("Uploaded"), tr("August"),    tr("Homeroom teacher")};
        console.out << heads.join(QLatin1Char('\t')) << '\n';
        const auto line = [&](const QString& name, const lifecycle::ClassReviewCounts& n, const QString& teacher) {
            console.out << QStringList {name,
                                        QString::number(n.pupils),
                                        QString::number(n.marksMissing),
                                        QString::number(n.commentsMissing),
                                        QString::number(n.clean),
                                        QString::number(n.ready),
                                        QString::number(n.approved),
                                        QString::number(n.signedCount),
                                        QString::number(n.uploaded),
                                        QString::number(n.augustCohort),
                                        teacher}
                               .join(QLatin1Char('\t'))
                        << '\n';
        };
        for (const auto& r : board->rows)
            line(r.cls.name, r.counts, r.homeroomTeacher);
        line(tr("Total"), board->totals, QString());
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeReviewCommand()
{
    return std::make_unique<ReviewCommand>();
}

std::unique_ptr<Command> makeApproveCommand()
{
    return std::make_unique<ApproveCommand>();
}

std::unique_ptr<Command> makeReturnCommand()
{
    return std::make_unique<ReturnCommand>();
}

std::unique_ptr<Command> makeDeadlinesCommand()
{
    return std::make_unique<DeadlinesCommand>();
}

} // namespace hocba::cli
