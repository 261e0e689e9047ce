// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DataFolder.h"
#include "dept/DeptStore.h"
#include "util/CommandLine.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStringList>

#include <memory>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

/** The `hocba-dept` program (app/dept): the Department's admin commands and its HTTP server. */
namespace hocba::server {

using cmdline::Console;

/** A data folder opened for an admin command: its store (SQLite, or --database) and one session on it. */
struct OpenedData
{
    dept::DataFolder folder;
    std::unique_ptr<dept::DeptStore> store;
    std::unique_ptr<dept::DeptSession> session;
};

/** One sub-command of hocba-dept: the shared command line (util/CommandLine.h) and the data folder's options. */
class DeptCommand : public cmdline::Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::server::DeptCommand)
public:
    cmdline::Program program() const override;

protected:
    static QCommandLineOption dataOption();
    static QCommandLineOption databaseOption();
    /** A required option's value; a usage error naming it when it is missing or empty. */
    static Result<QString> required(const QCommandLineParser& parser, const QString& option, const QString& valueName);
    /** --data DIR opened, its store (--database URL overrides the folder's SQLite file) and a session. */
    static Result<OpenedData> openData(const QCommandLineParser& parser);
    /** The store URL: --database when given, else the folder's SQLite file. */
    static QString storeUrl(const QCommandLineParser& parser, const dept::DataFolder& folder);
};

std::unique_ptr<DeptCommand> makeInitCommand();
/** serve --data DIR --listen HOST:PORT [--tls-cert F --tls-key F] [--database URL] [--workers N] */
std::unique_ptr<DeptCommand> makeServeCommand();
/** school add | new-credential | revoke-credential: the schools and their credentials. */
std::unique_ptr<DeptCommand> makeSchoolCommand();
/** trust add --cert F: a CA whose signatures the Department accepts. */
std::unique_ptr<DeptCommand> makeTrustCommand();
/** policy [--min-level B|T|LT] [--json]: the lowest baseline level an upload's signatures must reach. */
std::unique_ptr<DeptCommand> makePolicyCommand();
/** window add | lock: the reporting windows. */
std::unique_ptr<DeptCommand> makeWindowCommand();
/** export --window ID --out DIR: the locked records and a manifest for the Ministry. */
std::unique_ptr<DeptCommand> makeExportCommand();
/** status [--json]: the windows with their counts. */
std::unique_ptr<DeptCommand> makeStatusCommand();

/** Dispatches args (without the program name) to a command. */
int runDept(const QStringList& args, Console& console);

} // namespace hocba::server
