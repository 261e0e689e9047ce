// SPDX-License-Identifier: GPL-3.0-or-later
// template students|grades|homeroom: the empty workbooks a school fills in and imports.
#include "Commands.h"

#include "lifecycle/ImportTemplates.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace hocba::cli {

namespace {

class TemplateCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::TemplateCommand)
public:
    QString name() const override { return QStringLiteral("template"); }
    QString summary() const override
    {
        return tr("Write an empty workbook to fill in and import: \"template students --out list.xlsx\", "
                  "\"template grades --level thcs --out grades.xlsx\" or \"template homeroom --level primary --out "
                  "gvcn.xlsx\".");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption out(QStringLiteral("out"), tr("The .xlsx file to write."), tr("FILE"));
        const QCommandLineOption level(QStringLiteral("level"),
                                       tr("For grades and homeroom: primary (TT27) or thcs (TT22, the default)."),
                                       tr("LEVEL"));
        const QCommandLineOption force(QStringLiteral("force"), tr("Replace the file if it exists."));
        QCommandLineParser parser;
        if (int c = parse(parser, {out, level, force}, args, console, QStringLiteral("students|grades|homeroom"));
            c >= 0)
            return c;
        const QStringList words = parser.positionalArguments();
        // In the order of lifecycle::ImportTemplate.
        const QStringList kinds {QStringLiteral("students"), QStringLiteral("grades"), QStringLiteral("homeroom")};
        if (words.size() != 1 || !kinds.contains(words.first()) || !parser.isSet(out))
            return console.fail({ErrorCode::Usage,
                                 tr("Say \"template students --out F.xlsx\", \"template grades --out F.xlsx\" or "
                                    "\"template homeroom --out F.xlsx\"."),
                                 {}});
        const std::optional<SchoolLevel> chosen
            = parser.isSet(level) ? schoolLevelFromCode(parser.value(level)) : std::optional(SchoolLevel::Thcs);
        if (!chosen)
            return console.fail({ErrorCode::Usage, tr("--level must be primary or thcs."), {}});
        const QString path = parser.value(out);
        if (QFileInfo::exists(path) && !parser.isSet(force))
            return console.fail({ErrorCode::InvalidInput,
                                 tr("%1 already exists; choose another file or add --force to replace it.")
                                     .arg(QDir::toNativeSeparators(path)),
                                 {}});
        if (auto s
            = lifecycle::writeImportTemplate(path, lifecycle::ImportTemplate(kinds.indexOf(words.first())), *chosen);
            !s)
            return console.fail(s.error());
        console.out << tr("Wrote %1.").arg(QDir::toNativeSeparators(path)) << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeTemplateCommand()
{
    return std::make_unique<TemplateCommand>();
}

} // namespace hocba::cli
