// SPDX-License-Identifier: GPL-3.0-or-later
// The admin commands on the data folder: init, school, trust, policy, window, status.
#include "DeptCommand.h"

#include "verify/SignatureReport.h"
#include "verify/TrustStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace hocba::server {

namespace {

class InitCommand : public DeptCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::server::InitCommand)
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override
    {
        return tr("Make the Department's data folder: its database, its receipt key and the certificate schools "
                  "pin (department-cert.pem).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption nameOption(QStringLiteral("name"),
                                            tr("The Department's name, e.g. \"Sở GDĐT Hà Nội\"."), tr("NAME"));
        QCommandLineParser parser;
        if (int code = parse(parser, {dataOption(), nameOption, databaseOption()}, args, console); code >= 0)
            return code;
        auto path = required(parser, QStringLiteral("data"), tr("DIR"));
        if (!path)
            return console.fail(path.error());
        auto departmentName = required(parser, QStringLiteral("name"), tr("NAME"));
        if (!departmentName)
            return console.fail(departmentName.error());
        auto folder = dept::DataFolder::init(*path, *departmentName);
        if (!folder)
            return console.fail(folder.error());
        // The folder's SQLite file exists now; an external database gets its schema here.
        if (!parser.value(QStringLiteral("database")).trimmed().isEmpty()) {
            auto store = dept::DeptStore::open(storeUrl(parser, *folder));
            if (!store)
                return console.fail(store.error());
        }
        console.out
            << tr("Data folder made: %1").arg(QDir::toNativeSeparators(folder->path)) << '\n'
            << tr("Give schools this certificate to pin: %1").arg(QDir::toNativeSeparators(folder->certificatePath()))
            << '\n';
        console.out.flush();
        return ExitOk;
    }
};

Error credentialFileExists(const QString& path)
{
    return {ErrorCode::InvalidInput,
            DeptCommand::tr("%1 exists already. A credential is written only to a new file: choose another name, or "
                            "move the old file away first.")
                .arg(QDir::toNativeSeparators(path)),
            {}};
}

/** Writes the token to a new file only its owner can read; refuses a file that exists. */
Status writeCredentialFile(const QString& path, const QString& token)
{
    const QByteArray local = QFile::encodeName(path);
    const int fd = ::open(local.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return std::unexpected(credentialFileExists(path));
        return fail(ErrorCode::Io, DeptCommand::tr("Cannot create %1.").arg(QDir::toNativeSeparators(path)),
                    QString::fromLocal8Bit(strerror(errno)));
    }
    const QByteArray bytes = token.toLatin1() + '\n';
    const bool written = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (written && synced)
        return {};
    QFile::remove(path);
    return fail(ErrorCode::Io, DeptCommand::tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)));
}

class SchoolCommand : public DeptCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::server::SchoolCommand)
public:
    QString name() const override { return QStringLiteral("school"); }
    QString summary() const override
    {
        return tr("Add a school and write its credential to a file (\"school add\"), give it a new credential "
                  "(\"school new-credential\"), or revoke its credentials (\"school revoke-credential\").");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption code(QStringLiteral("code"), tr("The school's MOET code."), tr("CODE"));
        const QCommandLineOption schoolName(QStringLiteral("name"), tr("The school's name (school add)."), tr("NAME"));
        const QCommandLineOption out(QStringLiteral("credential-out"),
                                     tr("Write the school's new credential to this new file (mode 600); hand it to "
                                        "the school."),
                                     tr("FILE"));
        QCommandLineParser parser;
        if (int c = parse(parser, {dataOption(), code, schoolName, out, databaseOption()}, args, console,
                          QStringLiteral("add|new-credential|revoke-credential"));
            c >= 0)
            return c;
        const QStringList words = parser.positionalArguments();
        const QString action = words.value(0);
        const QStringList actions {QStringLiteral("add"), QStringLiteral("new-credential"),
                                   QStringLiteral("revoke-credential")};
        if (words.size() != 1 || !actions.contains(action))
            return console.fail({ErrorCode::Usage,
                                 tr("Say \"school add\", \"school new-credential\" or \"school revoke-credential\"."),
                                 {}});
        auto schoolCode = required(parser, QStringLiteral("code"), tr("CODE"));
        if (!schoolCode)
            return console.fail(schoolCode.error());
        auto data = openData(parser);
        if (!data)
            return console.fail(data.error());
        dept::DeptSession& session = *data->session;
        if (action == QLatin1String("revoke-credential"))
            return revoke(session, *schoolCode, console);

        auto credentialPath = required(parser, QStringLiteral("credential-out"), tr("FILE"));
        if (!credentialPath)
            return console.fail(credentialPath.error());
        if (QFileInfo::exists(*credentialPath))
            return console.fail(credentialFileExists(*credentialPath));
        auto school = action == QLatin1String("add") ? addSchool(session, parser, *schoolCode)
                                                     : existingSchool(session, *schoolCode);
        if (!school)
            return console.fail(school.error());
        const QString token = dept::newCredentialToken();
        if (auto written = writeCredentialFile(*credentialPath, token); !written)
            return console.fail(written.error());
        if (auto stored = session.addCredential(school->id, dept::credentialDigest(token)); !stored) {
            QFile::remove(*credentialPath);
            return console.fail(stored.error());
        }
        console.out << tr("School %1 (%2): its credential is in %3. Hand this file to the school by a safe way; "
                          "it is not kept anywhere else.")
                           .arg(school->code, school->name, QDir::toNativeSeparators(*credentialPath))
                    << '\n';
        console.out.flush();
        return ExitOk;
    }

private:
    Result<dept::School> addSchool(dept::DeptSession& session, const QCommandLineParser& parser, const QString& code)
    {
        auto schoolName = required(parser, QStringLiteral("name"), tr("NAME"));
        if (!schoolName)
            return std::unexpected(schoolName.error());
        auto existing = session.schoolByCode(code);
        if (!existing)
            return std::unexpected(existing.error());
        if (*existing)
            return fail(ErrorCode::InvalidInput,
                        tr("School %1 exists already. To give it a new credential, run \"hocba-dept school "
                           "new-credential --code %1 --credential-out FILE\".")
                            .arg(code));
        return session.addSchool(code, *schoolName);
    }

    Result<dept::School> existingSchool(dept::DeptSession& session, const QString& code)
    {
        auto school = session.schoolByCode(code);
        if (!school)
            return std::unexpected(school.error());
        if (!*school)
            return fail(ErrorCode::NotFound,
                        tr("There is no school with code %1. Add it with \"hocba-dept school add\".").arg(code));
        return **school;
    }

    int revoke(dept::DeptSession& session, const QString& code, Console& console)
    {
        auto school = existingSchool(session, code);
        if (!school)
            return console.fail(school.error());
        auto revoked = session.revokeCredentials(school->id);
        if (!revoked)
            return console.fail(revoked.error());
        console.out << tr("School %1: %2 credential(s) revoked. The school can no longer upload until it gets a new "
                          "one (\"hocba-dept school new-credential\").")
                           .arg(code)
                           .arg(*revoked)
                    << '\n';
        console.out.flush();
        return ExitOk;
    }
};

class TrustCommand : public DeptCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::server::TrustCommand)
public:
    QString name() const override { return QStringLiteral("trust"); }
    QString summary() const override
    {
        return tr("Trust a certification authority (\"trust add --cert FILE\"): only signatures that chain to the "
                  "CAs added here are accepted.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption cert(QStringLiteral("cert"), tr("CA certificate to trust (PEM or DER)."), tr("FILE"));
        QCommandLineParser parser;
        if (int code = parse(parser, {dataOption(), cert, databaseOption()}, args, console, QStringLiteral("add"));
            code >= 0)
            return code;
        if (parser.positionalArguments() != QStringList {QStringLiteral("add")})
            return console.fail({ErrorCode::Usage, tr("Say \"trust add --cert FILE\"."), {}});
        auto certPath = required(parser, QStringLiteral("cert"), tr("FILE"));
        if (!certPath)
            return console.fail(certPath.error());
        QFile f(*certPath);
        if (!f.open(QIODevice::ReadOnly))
            return console.fail({ErrorCode::Io, tr("Cannot read %1.").arg(f.fileName()), f.errorString()});
        auto anchor = signing::TrustStore::anchorFor(f.read(1024 * 1024), signing::TrustAnchor::Source::School);
        if (!anchor)
            return console.fail(anchor.error());
        auto data = openData(parser);
        if (!data)
            return console.fail(data.error());
        const auto& c = anchor->certificate;
        if (auto added = data->session->addTrustAnchor(c.der, c.subject); !added)
            return console.fail(added.error());
        console.out << tr("Trusted: %1").arg(c.subject) << '\n' << tr("SHA-256: %1").arg(c.sha256) << '\n';
        console.out.flush();
        return ExitOk;
    }
};

class WindowCommand : public DeptCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::server::WindowCommand)
public:
    QString name() const override { return QStringLiteral("window"); }
    QString summary() const override
    {
        return tr("Open a reporting window (\"window add\") or lock one now (\"window lock\"); the server locks "
                  "each window by itself at the end of its deadline day.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption id(QStringLiteral("id"), tr("The window's name, e.g. 2025-2026-06."), tr("ID"));
        const QCommandLineOption year(QStringLiteral("year"), tr("The school year, e.g. 2025-2026 (window add)."),
                                      tr("YEAR"));
        const QCommandLineOption deadline(QStringLiteral("deadline"),
                                          tr("The last day, e.g. 2026-06-30 (window add); the window locks at the end "
                                             "of that day, Vietnam time."),
                                          tr("DATE"));
        const QCommandLineOption august(QStringLiteral("august"),
                                        tr("For pupils assessed again in August (window add)."));
        QCommandLineParser parser;
        if (int code = parse(parser, {dataOption(), id, year, deadline, august, databaseOption()}, args, console,
                             QStringLiteral("add|lock"));
            code >= 0)
            return code;
        const QStringList words = parser.positionalArguments();
        const QString action = words.value(0);
        if (words.size() != 1 || (action != QLatin1String("add") && action != QLatin1String("lock")))
            return console.fail({ErrorCode::Usage, tr("Say \"window add\" or \"window lock\"."), {}});
        auto windowId = required(parser, QStringLiteral("id"), tr("ID"));
        if (!windowId)
            return console.fail(windowId.error());
        if (!QRegularExpression(QStringLiteral("^[0-9A-Za-z._-]{1,64}$")).match(*windowId).hasMatch())
            return console.fail({ErrorCode::Usage,
                                 tr("A window's name may hold only letters, digits, dots, dashes and underscores, "
                                    "e.g. 2025-2026-06."),
                                 {}});
        if (action == QLatin1String("add")) {
            auto window = windowFromOptions(parser, *windowId);
            if (!window)
                return console.fail(window.error());
            auto data = openData(parser);
            if (!data)
                return console.fail(data.error());
            if (auto added = data->session->addWindow(*window); !added)
                return console.fail(added.error());
            console.out << tr("Window %1 is open until the end of %2 (Vietnam time).")
                               .arg(window->id, window->deadline.toString(QStringLiteral("dd/MM/yyyy")))
                        << '\n';
            console.out.flush();
            return ExitOk;
        }
        return lock(parser, *windowId, console);
    }

private:
    Result<dept::Window> windowFromOptions(const QCommandLineParser& parser, const QString& id)
    {
        auto yearText = required(parser, QStringLiteral("year"), tr("YEAR"));
        if (!yearText)
            return std::unexpected(yearText.error());
        const auto match = QRegularExpression(QStringLiteral("^(\\d{4})-(\\d{4})$")).match(*yearText);
        if (!match.hasMatch() || match.captured(2).toInt() != match.captured(1).toInt() + 1)
            return fail(ErrorCode::Usage, tr("--year must look like 2025-2026."));
        auto deadlineText = required(parser, QStringLiteral("deadline"), tr("DATE"));
        if (!deadlineText)
            return std::unexpected(deadlineText.error());
        const QDate deadline = QDate::fromString(*deadlineText, Qt::ISODate);
        if (!deadline.isValid())
            return fail(ErrorCode::Usage, tr("--deadline must be a date like 2026-06-30."));
        dept::Window w;
        w.id = id;
        w.schoolYearStart = match.captured(1).toInt();
        w.august = parser.isSet(QStringLiteral("august"));
        w.deadline = deadline;
        return w;
    }

    int lock(const QCommandLineParser& parser, const QString& id, Console& console)
    {
        auto data = openData(parser);
        if (!data)
            return console.fail(data.error());
        auto window = data->session->window(id);
        if (!window)
            return console.fail(window.error());
        if (!*window)
            return console.fail(
                {ErrorCode::NotFound, tr("There is no window %1. \"hocba-dept status\" lists them.").arg(id), {}});
        // A lock before the deadline takes effect now; one after it (a server that was down) takes the deadline's.
        QDateTime effective = dept::lockInstant((*window)->deadline);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if ((*window)->state == dept::WindowState::Locked && (*window)->lockedAt.isValid())
            effective = (*window)->lockedAt;
        else if (effective > now)
            effective = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
        auto signer = data->folder.receiptSigner();
        if (!signer)
            return console.fail(signer.error());
        auto locked = data->session->lockWindow(id, effective, *signer);
        if (!locked)
            return console.fail(locked.error());
        console.out << tr("Window %1 is locked, effective %2 (UTC): %3 record(s) locked now.")
                           .arg(id, effective.toString(Qt::ISODate))
                           .arg(*locked)
                    << '\n';
        console.out.flush();
        return ExitOk;
    }
};

/** What the policy means, for `policy` and its `--json`-less output. */
QString policyMeaning(signing::BaselineLevel level)
{
    switch (level) {
    case signing::BaselineLevel::B:
        return DeptCommand::tr("B: records are accepted whether or not their signatures carry a time-stamp.");
    case signing::BaselineLevel::T:
        return DeptCommand::tr("T: every signature of an uploaded record (the PDF's and the packet's) must carry a "
                               "time-stamp from a time-stamping server whose root CA was added with \"hocba-dept "
                               "trust add\".");
    case signing::BaselineLevel::LT:
    case signing::BaselineLevel::LTA:
        return DeptCommand::tr("LT: as T, and every signature must also carry the revocation data (OCSP or CRL) of "
                               "its certificate, checked at the time-stamp's time.");
    }
    return {};
}

class PolicyCommand : public DeptCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::server::PolicyCommand)
public:
    QString name() const override { return QStringLiteral("policy"); }
    QString summary() const override
    {
        return tr("Show the level every signature of an uploaded record must reach, or set it with --min-level B, T "
                  "or LT (B: as before; T: a trusted time-stamp; LT: also revocation data).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption minLevel(QStringLiteral("min-level"),
                                          tr("The lowest level accepted: B (the default), T or LT."), tr("LEVEL"));
        QCommandLineParser parser;
        if (int code = parse(parser, {dataOption(), minLevel, databaseOption(), jsonOption()}, args, console);
            code >= 0)
            return code;
        if (!parser.positionalArguments().isEmpty())
            return console.fail({ErrorCode::Usage,
                                 tr("Say \"policy\" to show the policy, or \"policy --min-level T\" to set it."),
                                 {}});
        std::optional<signing::BaselineLevel> wanted;
        if (parser.isSet(minLevel)) {
            wanted = dept::policyLevelFromCode(parser.value(minLevel));
            if (!wanted)
                return console.fail({ErrorCode::Usage, tr("--min-level must be B, T or LT."), {}});
        }
        auto data = openData(parser);
        if (!data)
            return console.fail(data.error());
        if (wanted) {
            auto before = data->session->minimumLevel();
            if (!before)
                return console.fail(before.error());
            if (auto set = data->session->setMinimumLevel(*wanted); !set)
                return console.fail(set.error());
            qCInfo(lcServer).noquote() << "upload policy:" << signing::levelCode(*before) << "->"
                                       << signing::levelCode(*wanted);
        }
        auto level = data->session->minimumLevel();
        if (!level)
            return console.fail(level.error());
        auto anchors = data->session->trustAnchors();
        if (!anchors)
            return console.fail(anchors.error());
        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("min_level"), signing::levelCode(*level)},
                                                         {QStringLiteral("trust_anchors"), int(anchors->size())}}));
            return ExitOk;
        }
        console.out << tr("Lowest level accepted for uploads: %1").arg(policyMeaning(*level)) << '\n';
        if (*level != signing::BaselineLevel::B)
            console.out << tr("Records already received keep their receipts and are locked as before; the level "
                              "applies to what is uploaded from now on. A running server applies it within a "
                              "minute.")
                        << '\n';
        console.out.flush();
        return ExitOk;
    }
};

class StatusCommand : public DeptCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::server::StatusCommand)
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override { return tr("Show the reporting windows with their counts of records."); }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        if (int code = parse(parser, {dataOption(), databaseOption(), jsonOption()}, args, console); code >= 0)
            return code;
        auto data = openData(parser);
        if (!data)
            return console.fail(data.error());
        auto departmentName = data->folder.departmentName();
        if (!departmentName)
            return console.fail(departmentName.error());
        auto counts = data->session->counts();
        if (!counts)
            return console.fail(counts.error());
        auto level = data->session->minimumLevel();
        if (!level)
            return console.fail(level.error());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray windows;
            for (const auto& c : *counts)
                windows.append(json(c));
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("department"), *departmentName},
                                                         {QStringLiteral("engine"), data->store->engine()},
                                                         {QStringLiteral("min_level"), signing::levelCode(*level)},
                                                         {QStringLiteral("windows"), windows}}));
            return ExitOk;
        }
        console.out << *departmentName << '\n'
                    << tr("Lowest signature level accepted for uploads: %1 (\"hocba-dept policy\")")
                           .arg(signing::levelCode(*level))
                    << '\n';
        if (counts->isEmpty())
            console.out << tr("No reporting windows yet. Open one with \"hocba-dept window add\".") << '\n';
        for (const auto& c : *counts) {
            const bool locked = c.window.state == dept::WindowState::Locked;
            console.out
                << "  " << c.window.id << "  "
                << (locked
                        ? tr("locked %1 (UTC)").arg(c.window.lockedAt.toString(Qt::ISODate))
                        : tr("open until the end of %1").arg(c.window.deadline.toString(QStringLiteral("dd/MM/yyyy"))))
                << "  "
                << tr("%1 submitted, %2 locked, from %3 school(s)").arg(c.submitted).arg(c.locked).arg(c.schools)
                << '\n';
        }
        console.out.flush();
        return ExitOk;
    }

private:
    static QJsonObject json(const dept::WindowCounts& c)
    {
        const dept::Window& w = c.window;
        return QJsonObject {
            {QStringLiteral("id"), w.id},
            {QStringLiteral("school_year"), QStringLiteral("%1-%2").arg(w.schoolYearStart).arg(w.schoolYearStart + 1)},
            {QStringLiteral("august"), w.august},
            {QStringLiteral("deadline"), w.deadline.toString(Qt::ISODate)},
            {QStringLiteral("state"),
             w.state == dept::WindowState::Locked ? QStringLiteral("locked") : QStringLiteral("open")},
            {QStringLiteral("locked_at"),
             w.lockedAt.isValid() ? QJsonValue(w.lockedAt.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("submitted"), c.submitted},
            {QStringLiteral("locked"), c.locked},
            {QStringLiteral("schools"), c.schools}};
    }
};

} // namespace

std::unique_ptr<DeptCommand> makeInitCommand()
{
    return std::make_unique<InitCommand>();
}

std::unique_ptr<DeptCommand> makeSchoolCommand()
{
    return std::make_unique<SchoolCommand>();
}

std::unique_ptr<DeptCommand> makeTrustCommand()
{
    return std::make_unique<TrustCommand>();
}

std::unique_ptr<DeptCommand> makePolicyCommand()
{
    return std::make_unique<PolicyCommand>();
}

std::unique_ptr<DeptCommand> makeWindowCommand()
{
    return std::make_unique<WindowCommand>();
}

std::unique_ptr<DeptCommand> makeStatusCommand()
{
    return std::make_unique<StatusCommand>();
}

} // namespace hocba::server
