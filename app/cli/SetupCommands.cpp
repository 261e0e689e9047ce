// SPDX-License-Identifier: GPL-3.0-or-later
// The first day of a real school: "init" makes an empty school file, "class add" adds a class to one of its years.
#include "Commands.h"
#include "PasswordInput.h"

#include "lifecycle/SchoolSetup.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class InitCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::InitCommand)
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override
    {
        return tr("Create an empty school file for a real school: the school and its first school year (an existing "
                  "file is never overwritten).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption schoolName(QStringLiteral("school-name"), tr("The school's name."), tr("NAME"));
        const QCommandLineOption code(QStringLiteral("school-code"), tr("The school's code (mã trường)."), tr("CODE"));
        const QCommandLineOption province(QStringLiteral("province"), tr("The province or city."), tr("NAME"));
        const QCommandLineOption commune(QStringLiteral("commune"), tr("The commune or ward."), tr("NAME"));
        const QCommandLineOption levels(QStringLiteral("levels"), tr("Which levels: primary, thcs or both."),
                                        tr("LEVELS"));
        const QCommandLineOption year(QStringLiteral("year"), tr("The first school year, e.g. 2025-2026."), tr("YEAR"));
        const QCommandLineOption admin(QStringLiteral("admin"),
                                       tr("The login of the school's administrator (IT), created with the file."),
                                       tr("LOGIN"));
        const QCommandLineOption adminName(QStringLiteral("admin-name"),
                                           tr("The administrator's full name (default: the login)."), tr("NAME"));
        const QCommandLineOption passwordFile(QStringLiteral("password-file"),
                                              tr("Read the administrator's password from FILE (mode 600). Otherwise "
                                                 "HOCBA_PASSWORD, or a prompt on a terminal."),
                                              tr("FILE"));
        QCommandLineParser parser;
        if (int c = parse(parser,
                          {dbOption(), schoolName, code, province, commune, levels, year, admin, adminName,
                           passwordFile, actorOption()},
                          args, console);
            c >= 0)
            return c;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        for (const auto* required : {&schoolName, &code, &province, &levels, &year, &admin})
            if (!parser.isSet(*required))
                return console.fail(
                    {ErrorCode::Usage,
                     tr("--school-name, --school-code, --province, --levels, --year and --admin are required."),
                     {}});
        lifecycle::NewSchool school;
        school.name = parser.value(schoolName);
        school.moetCode = parser.value(code);
        school.province = parser.value(province);
        school.commune = parser.value(commune);
        const QString levelText = parser.value(levels);
        school.primary = levelText == QLatin1String("primary") || levelText == QLatin1String("both");
        school.thcs = levelText == QLatin1String("thcs") || levelText == QLatin1String("both");
        if (!school.primary && !school.thcs)
            return console.fail({ErrorCode::Usage, tr("--levels must be primary, thcs or both."), {}});
        const auto first = SchoolYear::fromString(parser.value(year));
        if (!first)
            return console.fail({ErrorCode::Usage, tr("--year must look like 2025-2026."), {}});
        school.year = *first;
        school.adminLogin = parser.value(admin).trimmed();
        school.adminName = parser.isSet(adminName) ? parser.value(adminName).trimmed() : school.adminLogin;
        auto password = readPassword(parser.value(passwordFile), school.adminLogin);
        if (!password)
            return console.fail(password.error());
        if (auto made = lifecycle::createSchool(*path, school, password->view(), chosenActor(parser)); !made)
            return console.fail(made.error());
        console.out << tr("Created %1: %2, school year %3, administrator %4.")
                           .arg(QDir::toNativeSeparators(*path), school.name.trimmed(), school.year.toString(),
                                school.adminLogin)
                    << '\n';
        console.out.flush();
        return ExitOk;
    }
};

class ClassCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ClassCommand)
public:
    QString name() const override { return QStringLiteral("class"); }
    QString summary() const override
    {
        return tr("Add a class to a school year: \"class add --name 6A1\" (its grade is the number it starts with).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption className(QStringLiteral("name"), tr("The class, e.g. 6A1."), tr("NAME"));
        const QCommandLineOption homeroom(QStringLiteral("homeroom"),
                                          tr("The login of the class's homeroom teacher (a teacher account)."),
                                          tr("LOGIN"));
        QCommandLineParser parser;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), yearOption(), className, homeroom, actorOption()}
                              + userOptions(),
                          args, console, QStringLiteral("add"));
            c >= 0)
            return c;
        if (parser.positionalArguments() != QStringList {QStringLiteral("add")} || !parser.isSet(className))
            return console.fail({ErrorCode::Usage, tr("Say \"class add --name 6A1\"."), {}});
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        auto year = chosenYear(parser, *school->db);
        if (!year)
            return console.fail(year.error());
        auto added = lifecycle::addClass(*school->db, school->actor, *year, parser.value(className),
                                         parser.value(homeroom).trimmed());
        if (!added)
            return console.fail(added.error());
        console.out << tr("Class %1 added to %2.").arg(parser.value(className).trimmed(), year->toString()) << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeInitCommand()
{
    return std::make_unique<InitCommand>();
}

std::unique_ptr<Command> makeClassCommand()
{
    return std::make_unique<ClassCommand>();
}

} // namespace hocba::cli
