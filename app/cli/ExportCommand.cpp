// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/SchoolFileCheck.h"
#include "packet/PacketBuilder.h"
#include "packet/PacketWriter.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace hocba::cli {

namespace {

/** No personal names in file names: files get copied, listed and mailed around. */
QString fileBase(const QString& lookupCode, SchoolYear year, int version)
{
    return QStringLiteral("%1-%2-v%3").arg(lookupCode, year.toString()).arg(version);
}

/** Writes one packet file per year section of a school year (docs/packet.md). */
class ExportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ExportCommand)

public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override
    {
        return tr("Write the record packets (XML) of one school year, for a class or the whole school; for signed "
                  "years the signed packet and the signed PDF.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption out = outOption(tr("The folder to write the packets into."));
        const QCommandLineOption cls = classOption();
        const QCommandLineOption all = allOption();
        const QCommandLineOption year = yearOption();
        QCommandLineParser parser;
        if (const int code = parse(parser, {dbOption(), out, cls, all, year}, args, console); code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        auto outDir = requireOut(parser);
        if (!outDir)
            return console.fail(outDir.error());
        auto className = chosenClass(parser);
        if (!className)
            return console.fail(className.error());

        auto db = openExisting(*path);
        if (!db)
            return console.fail(db.error());

        auto chosen = chosenYear(parser, **db);
        if (!chosen)
            return console.fail(chosen.error());
        const SchoolYear schoolYear = *chosen;

        auto ids = packet::sectionsToExport(**db, schoolYear, *className);
        if (!ids)
            return console.fail(ids.error());

        const QString dirPath = *outDir;
        if (auto s = createFolder(dirPath); !s)
            return console.fail(s.error());
        const QDir dir(dirPath);

        auto anchors = lifecycle::schoolTrustAnchors(**db);
        if (!anchors)
            return console.fail(anchors.error());
        packet::PacketBuilder builder(**db);
        store::StudentRepository students(**db);
        int written = 0;
        int drafts = 0;
        int pdfs = 0;
        QStringList failures;
        const qsizetype total = ids->size();
        int lastTenth = -1;
        const auto save = [&](const QString& what, const QString& fileName, const QByteArray& bytes) {
            QSaveFile file(dir.filePath(fileName));
            if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
                return true;
            failures << tr("%1: cannot write %2 (%3)").arg(what, fileName, file.errorString());
            return false;
        };
        for (qsizetype i = 0; i < total; ++i) {
            const Id sectionId = ids->at(i);
            auto section = students.section(sectionId);
            if (!section)
                return console.fail(section.error());
            if (*section && lifecycle::isIssuedState((*section)->state)) {
                // A signed section is exported as stored, the signed packet and the PDF made from it, and only when
                // they pass the school file check; the refusal names the section (lookup code, year, version).
                auto verified = lifecycle::verifiedSignedSection(**db, sectionId, *anchors);
                if (!verified) {
                    failures << verified.error().message;
                } else {
                    const lifecycle::SectionRef& ref = verified->section;
                    const QString base = fileBase(ref.lookupCode, ref.schoolYear, ref.version);
                    written += save(ref.lookupCode, base + QStringLiteral(".xml"), verified->packetXml) ? 1 : 0;
                    pdfs += save(ref.lookupCode, base + QStringLiteral(".pdf"), verified->pdf) ? 1 : 0;
                }
            } else {
                auto p = builder.build(sectionId);
                auto bytes = p ? packet::writePacket(*p) : Result<QByteArray>(std::unexpected(p.error()));
                // Failures name the lookup code (or the section number), never the student.
                const QString what = p ? p->lookupCode : tr("section %1").arg(sectionId);
                if (!bytes)
                    failures << tr("%1: %2").arg(what, describe(bytes.error()));
                else if (save(what, fileBase(p->lookupCode, p->schoolYear, p->version) + QStringLiteral(".xml"),
                              *bytes)) {
                    ++written;
                    ++drafts;
                }
            }
            const int tenth = int((i + 1) * 10 / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                console.err << '\r' << tr("Exporting packets: %1/%2").arg(i + 1).arg(total);
                console.err.flush();
            }
        }
        if (total > 0)
            console.err << '\n';

        console.out << tr("School year %1: %2 packets written to %3 (%4 unsigned), %5 signed PDFs, %6 failed.")
                           .arg(schoolYear.toString())
                           .arg(written)
                           .arg(QDir::toNativeSeparators(dir.absolutePath()))
                           .arg(drafts)
                           .arg(pdfs)
                           .arg(failures.size())
                    << '\n';
        for (const QString& f : failures)
            console.out << "  " << f << '\n';
        console.out.flush();
        return failures.isEmpty() ? ExitOk : ExitFailed;
    }
};

} // namespace

std::unique_ptr<Command> makeExportCommand()
{
    return std::make_unique<ExportCommand>();
}

} // namespace hocba::cli
