// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "store/Database.h"
#include "store/SchoolRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

QJsonObject statesJson(const QMap<QString, int>& states)
{
    QJsonObject o;
    for (auto it = states.begin(); it != states.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

class InfoCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::InfoCommand)
public:
    QString name() const override { return QStringLiteral("info"); }
    QString summary() const override
    {
        return tr("Summarise a school's data file: students and records per grade and class, and their states.");
    }

    QString statesText(const QMap<QString, int>& states) const
    {
        QStringList parts;
        for (auto it = states.begin(); it != states.end(); ++it) {
            const auto state = sectionStateFromCode(it.key());
            parts << QStringLiteral("%1 %2").arg(it.value()).arg(state ? displayName(*state) : it.key());
        }
        return parts.join(QStringLiteral(", "));
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        if (int code = parse(parser, {dbOption(), jsonOption()}, args, console); code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        auto db = store::Database::openExisting(*path);
        if (!db)
            return console.fail(db.error());
        store::SchoolRepository schools(**db);
        auto school = schools.school();
        if (!school)
            return console.fail(school.error());
        auto summary = schools.summary();
        if (!summary)
            return console.fail(summary.error());
        auto version = (*db)->userVersion();
        if (!version)
            return console.fail(version.error());

        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject o;
            o.insert(QStringLiteral("dataVersion"), *version);
            if (*school) {
                o.insert(QStringLiteral("school"),
                         QJsonObject {{QStringLiteral("name"), (*school)->name},
                                      {QStringLiteral("moetCode"), (*school)->moetCode},
                                      {QStringLiteral("province"), (*school)->province}});
            }
            o.insert(QStringLiteral("students"), summary->students);
            o.insert(QStringLiteral("teachers"), summary->teachers);
            o.insert(QStringLiteral("records"), summary->records);
            o.insert(QStringLiteral("sections"), summary->sections);
            o.insert(QStringLiteral("sectionsByState"), statesJson(summary->sectionsByState));
            QJsonArray classes;
            for (const auto& c : summary->classes)
                classes.append(QJsonObject {{QStringLiteral("schoolYear"), c.year.toString()},
                                            {QStringLiteral("grade"), c.grade},
                                            {QStringLiteral("class"), c.className},
                                            {QStringLiteral("students"), c.students},
                                            {QStringLiteral("sectionsByState"), statesJson(c.sectionsByState)}});
            o.insert(QStringLiteral("classes"), classes);
            console.printJson(QJsonDocument(o));
            return ExitOk;
        }

        QTextStream& out = console.out;
        if (*school)
            out << tr("School: %1 (code %2), %3").arg((*school)->name, (*school)->moetCode, (*school)->province)
                << '\n';
        else
            out << tr("School: not set up yet") << '\n';
        out << tr("Data version: %1").arg(*version) << '\n';
        out << tr("Students: %1, teachers: %2, records: %3, school years of records: %4")
                   .arg(summary->students)
                   .arg(summary->teachers)
                   .arg(summary->records)
                   .arg(summary->sections)
            << '\n';
        out << tr("By state: %1").arg(statesText(summary->sectionsByState)) << "\n\n";
        SchoolYear year;
        int grade = 0;
        int gradeStudents = 0;
        const auto flushGrade = [&] {
            if (grade != 0)
                out << "    " << tr("Grade %1 total: %2 students").arg(grade).arg(gradeStudents) << '\n';
        };
        for (const auto& c : summary->classes) {
            if (c.year != year) {
                flushGrade();
                grade = 0;
                year = c.year;
                out << tr("School year %1").arg(year.toString()) << '\n';
            }
            if (c.grade != grade) {
                flushGrade();
                grade = c.grade;
                gradeStudents = 0;
                out << "  " << tr("Grade %1").arg(grade) << '\n';
            }
            gradeStudents += c.students;
            out << "    "
                << tr("Class %1: %2 students (%3)").arg(c.className).arg(c.students).arg(statesText(c.sectionsByState))
                << '\n';
        }
        flushGrade();
        out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeInfoCommand()
{
    return std::make_unique<InfoCommand>();
}

} // namespace hocba::cli
