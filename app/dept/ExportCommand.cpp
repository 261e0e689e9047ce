// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeptCommand.h"

#include "util/Digest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::server {

namespace {

/** The files of one export, so that a failed export removes what it wrote and leaves the folder as it was. */
class ExportWriter
{
    Q_DECLARE_TR_FUNCTIONS(hocba::server::ExportCommand)
public:
    explicit ExportWriter(QString folder)
        : m_folder(std::move(folder))
    { }

    /** Writes a new file in the folder; returns its manifest entry (name and SHA-256). */
    Result<QJsonObject> write(const QString& name, const QByteArray& bytes)
    {
        QFile f(QDir(m_folder).filePath(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return fail(ErrorCode::Io, tr("Cannot create %1.").arg(QDir::toNativeSeparators(f.fileName())),
                        f.errorString());
        m_written << f.fileName();
        if (f.write(bytes) != bytes.size() || !f.flush())
            return fail(ErrorCode::Io, tr("Cannot write %1.").arg(QDir::toNativeSeparators(f.fileName())),
                        f.errorString());
        return QJsonObject {{QStringLiteral("name"), name},
                            {QStringLiteral("sha256"), QString::fromLatin1(digest::sha256(bytes).toHex())}};
    }

    void removeAll()
    {
        for (const QString& path : std::as_const(m_written))
            QFile::remove(path);
        m_written.clear();
    }

private:
    QString m_folder;
    QStringList m_written;
};

QString isoOrNull(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

class ExportCommand : public DeptCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::server::ExportCommand)
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override
    {
        return tr("Write the locked records of a window into an empty folder for the Ministry: per record its "
                  "signed packet (.xml), signed PDF, lock receipt (.receipt.json, .receipt.sig), and manifest.json "
                  "with the SHA-256 of every file.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption window(QStringLiteral("window"), tr("The window to export, e.g. 2025-2026-06."),
                                        tr("ID"));
        const QCommandLineOption out(QStringLiteral("out"), tr("An empty (or new) folder to write into."), tr("DIR"));
        QCommandLineParser parser;
        if (int code = parse(parser, {dataOption(), window, out, databaseOption()}, args, console); code >= 0)
            return code;
        auto windowId = required(parser, QStringLiteral("window"), tr("ID"));
        if (!windowId)
            return console.fail(windowId.error());
        auto outPath = required(parser, QStringLiteral("out"), tr("DIR"));
        if (!outPath)
            return console.fail(outPath.error());
        const QDir outDir(*outPath);
        if (outDir.exists() && !outDir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
            return console.fail({ErrorCode::InvalidInput,
                                 tr("The folder %1 is not empty. Export into a new or empty folder, so that nothing "
                                    "old is mixed with the export.")
                                     .arg(QDir::toNativeSeparators(*outPath)),
                                 {}});
        auto data = openData(parser);
        if (!data)
            return console.fail(data.error());
        auto w = data->session->window(*windowId);
        if (!w)
            return console.fail(w.error());
        if (!*w)
            return console.fail({ErrorCode::NotFound,
                                 tr("There is no window %1. \"hocba-dept status\" lists them.").arg(*windowId),
                                 {}});
        if ((*w)->state != dept::WindowState::Locked)
            return console.fail({ErrorCode::InvalidInput,
                                 tr("Window %1 is not locked yet; only locked records are exported. It locks at the "
                                    "end of its deadline day, or now with \"hocba-dept window lock\".")
                                     .arg(*windowId),
                                 {}});
        auto departmentName = data->folder.departmentName();
        if (!departmentName)
            return console.fail(departmentName.error());
        const bool made = !outDir.exists();
        if (made && !QDir().mkpath(*outPath))
            return console.fail(
                {ErrorCode::Io, tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(*outPath)), {}});
        ExportWriter writer(*outPath);
        auto records = writeRecords(*data->session, **w, writer);
        Result<QJsonObject> manifest = records
            ? writer.write(QStringLiteral("manifest.json"), manifestBytes(**w, *departmentName, *records))
            : std::unexpected(records.error());
        if (!manifest) {
            writer.removeAll();
            if (made)
                QDir().rmdir(*outPath);
            return console.fail(manifest.error());
        }
        console.out << tr("%1 locked record(s) of window %2 exported to %3.")
                           .arg(records->size())
                           .arg(*windowId, QDir::toNativeSeparators(*outPath))
                    << '\n';
        console.out.flush();
        return ExitOk;
    }

private:
    static Result<QJsonArray> writeRecords(dept::DeptSession& session, const dept::Window& window, ExportWriter& writer)
    {
        QJsonArray records;
        std::optional<Error> failed;
        auto exported = session.exportLocked(window.id, [&](const dept::ExportItem& item) {
            auto entry = writeRecord(item, writer);
            if (!entry) {
                failed = entry.error();
                return false;
            }
            records.append(*entry);
            return true;
        });
        if (failed)
            return std::unexpected(*failed);
        if (!exported)
            return std::unexpected(exported.error());
        return records;
    }

    static Result<QJsonObject> writeRecord(const dept::ExportItem& item, ExportWriter& writer)
    {
        const dept::RecordStatus& s = item.status;
        const QString base = QStringLiteral("%1-v%2").arg(s.lookupCode).arg(s.version);
        const QList<std::pair<QString, const QByteArray*>> files {
            {base + QStringLiteral(".xml"), &item.packetXml},
            {base + QStringLiteral(".pdf"), &item.pdf},
            {base + QStringLiteral(".receipt.json"), &item.lockReceipt.canonical},
            {base + QStringLiteral(".receipt.sig"), &item.lockReceipt.signature}};
        QJsonArray entries;
        for (const auto& [name, bytes] : files) {
            auto entry = writer.write(name, *bytes);
            if (!entry)
                return std::unexpected(entry.error());
            entries.append(*entry);
        }
        return QJsonObject {{QStringLiteral("lookup_code"), s.lookupCode},
                            {QStringLiteral("version"), s.version},
                            {QStringLiteral("digest"), s.digest},
                            {QStringLiteral("school"), item.schoolCode},
                            {QStringLiteral("received_at"), isoOrNull(s.receivedAt)},
                            {QStringLiteral("locked_at"), isoOrNull(s.lockedAt)},
                            {QStringLiteral("files"), entries}};
    }

    static QByteArray manifestBytes(const dept::Window& window, const QString& departmentName,
                                    const QJsonArray& records)
    {
        const QJsonObject manifest {
            {QStringLiteral("format"), QStringLiteral("hocba-dept-export/1")},
            {QStringLiteral("department"), departmentName},
            {QStringLiteral("window"), window.id},
            {QStringLiteral("school_year"),
             QStringLiteral("%1-%2").arg(window.schoolYearStart).arg(window.schoolYearStart + 1)},
            {QStringLiteral("august"), window.august},
            {QStringLiteral("locked_at"), isoOrNull(window.lockedAt)},
            {QStringLiteral("exported_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
            {QStringLiteral("records"), records}};
        return QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    }
};

} // namespace

std::unique_ptr<DeptCommand> makeExportCommand()
{
    return std::make_unique<ExportCommand>();
}

} // namespace hocba::server
