// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/SchoolLint.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class LintCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::LintCommand)
public:
    QString name() const override { return QStringLiteral("lint"); }
    QString summary() const override
    {
        return tr("Run the checks before signing on a class or the whole school and list the findings by class and "
                  "student (exit 1 when there is an error).");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        const QCommandLineOption cls = classOption();
        const QCommandLineOption year = yearOption();
        if (int code = parse(parser, {dbOption(), cls, year, jsonOption()}, args, console); code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        auto db = store::Database::openExisting(*path);
        if (!db)
            return console.fail(db.error());

        lifecycle::SchoolLintOptions options;
        auto chosen = chosenYear(parser, **db);
        if (!chosen)
            return console.fail(chosen.error());
        options.year = *chosen;
        if (parser.isSet(cls))
            options.className = parser.value(cls);
        auto result = lifecycle::lintSchool(**db, options);
        if (!result)
            return console.fail(result.error());

        int errors = 0, warnings = 0, studentsWithFindings = 0, students = 0;
        for (const auto& c : *result)
            for (const auto& s : c.students) {
                ++students;
                if (!s.findings.isEmpty())
                    ++studentsWithFindings;
                for (const Finding& f : s.findings)
                    (f.isError() ? errors : warnings)++;
            }

        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray classes;
            for (const auto& c : *result) {
                QJsonArray list;
                for (const auto& s : c.students) {
                    if (s.findings.isEmpty())
                        continue;
                    QJsonArray findings;
                    for (const Finding& f : s.findings)
                        findings.append(QJsonObject {{QStringLiteral("severity"), severityCode(f.severity)},
                                                     {QStringLiteral("code"), f.code},
                                                     {QStringLiteral("field"), f.field},
                                                     {QStringLiteral("message"), f.message}});
                    list.append(QJsonObject {{QStringLiteral("student"), s.fullName},
                                             {QStringLiteral("sectionId"), s.sectionId},
                                             {QStringLiteral("findings"), findings}});
                }
                classes.append(QJsonObject {{QStringLiteral("class"), c.cls.name},
                                            {QStringLiteral("students"), int(c.students.size())},
                                            {QStringLiteral("withFindings"), list}});
            }
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("schoolYear"), options.year.toString()},
                                                         {QStringLiteral("errors"), errors},
                                                         {QStringLiteral("warnings"), warnings},
                                                         {QStringLiteral("classes"), classes}}));
            return errors > 0 ? ExitFailed : ExitOk;
        }

        QTextStream& out = console.out;
        for (const auto& c : *result) {
            int classFindings = 0;
            for (const auto& s : c.students)
                classFindings += int(s.findings.size());
            out << tr("Class %1 (%2 students): %3 findings").arg(c.cls.name).arg(c.students.size()).arg(classFindings)
                << '\n';
            for (const auto& s : c.students) {
                if (s.findings.isEmpty())
                    continue;
                out << "  " << s.fullName << '\n';
                for (const Finding& f : s.findings)
                    out << "    " << (f.isError() ? tr("[error]") : tr("[warning]")) << ' ' << f.message << "  ("
                        << f.code << ")\n";
            }
        }
        out << '\n'
            << tr("School year %1: %2 students checked, %3 with findings; %4 errors (must be fixed before "
                  "confirming), %5 warnings (need an acknowledgement).")
                   .arg(options.year.toString())
                   .arg(students)
                   .arg(studentsWithFindings)
                   .arg(errors)
                   .arg(warnings)
            << '\n';
        out.flush();
        return errors > 0 ? ExitFailed : ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeLintCommand()
{
    return std::make_unique<LintCommand>();
}

} // namespace hocba::cli
