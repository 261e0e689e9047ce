// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/SchoolSetup.h"
#include "store/Backup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace hocba::cli {

namespace {

class BackupCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::BackupCommand)
public:
    QString name() const override { return QStringLiteral("backup"); }
    QString summary() const override
    {
        return tr("Copy the school's data file to a backup file; safe while the program is open.");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        const QCommandLineOption out(QStringLiteral("out"), tr("The backup file to write."), tr("FILE"));
        if (int code = parse(parser, {dbOption(), out}, args, console); code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        if (!parser.isSet(out))
            return console.fail({ErrorCode::Usage, tr("The --out FILE option is required."), {}});
        if (auto s = store::backupFile(*path, parser.value(out)); !s)
            return console.fail(s.error());
        console.out << tr("Backup written to %1.").arg(QDir::toNativeSeparators(parser.value(out))) << '\n';
        console.out.flush();
        return ExitOk;
    }
};

class RestoreCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::RestoreCommand)
public:
    QString name() const override { return QStringLiteral("restore"); }
    QString summary() const override
    {
        return tr("Put a backup back in place of the school's data file (the current file is kept beside it).");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        const QCommandLineOption from(QStringLiteral("from"), tr("The backup file to restore."), tr("FILE"));
        if (int code = parse(parser, QList<QCommandLineOption> {dbOption(), from} + userOptions(), args, console);
            code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        if (!parser.isSet(from))
            return console.fail({ErrorCode::Usage, tr("The --from FILE option is required."), {}});
        // Who may replace the file is decided by the accounts of the file being replaced (a missing file has none).
        Result<lifecycle::Actor> actor = lifecycle::Actor::unrestricted();
        if (QFile::exists(*path)) {
            auto db = openDb(parser);
            if (!db)
                return console.fail(db.error());
            actor = actingUser(parser, **db);
        }
        if (!actor)
            return console.fail(actor.error());
        if (auto s = lifecycle::restoreSchoolFile(*actor, parser.value(from), *path); !s)
            return console.fail(s.error());
        console.out << tr("Restored %1 from %2.")
                           .arg(QDir::toNativeSeparators(*path), QDir::toNativeSeparators(parser.value(from)))
                    << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeBackupCommand()
{
    return std::make_unique<BackupCommand>();
}

std::unique_ptr<Command> makeRestoreCommand()
{
    return std::make_unique<RestoreCommand>();
}

} // namespace hocba::cli
