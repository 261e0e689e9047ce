// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/SignedDocuments.h"
#include "packet/PacketBuilder.h"
#include "packet/PacketWriter.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace hocba::cli {

namespace {

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

        packet::PacketBuilder builder(**db);
        lifecycle::SignedDocuments signedDocs(**db);
        int written = 0;
        int drafts = 0;
        int pdfs = 0;
        QStringList failures;
        const qsizetype total = ids->size();
        int lastTenth = -1;
        for (qsizetype i = 0; i < total; ++i) {
            const Id sectionId = ids->at(i);
            auto p = builder.build(sectionId);
            // Failures name the lookup code (or the section number), never the student.
            QString what = tr("section %1").arg(sectionId);
            auto bytes = p ? packet::writePacket(*p) : Result<QByteArray>(std::unexpected(p.error()));
            if (p)
                what = p->lookupCode;
            std::optional<lifecycle::SignedDocument> signedDoc;
            if (bytes) {
                // A signed section is exported as stored: the signed packet and the PDF made from it.
                auto doc = signedDocs.completed(sectionId, p->version);
                if (!doc) {
                    failures << tr("%1: %2").arg(what, describe(doc.error()));
                    continue;
                }
                signedDoc = *doc;
            }
            if (bytes) {
                // No personal names in file names: files get copied, listed and mailed around.
                const QString base
                    = QStringLiteral("%1-%2-v%3").arg(p->lookupCode, p->schoolYear.toString()).arg(p->version);
                const QString fileName = base + QStringLiteral(".xml");
                const QByteArray& xml = signedDoc ? signedDoc->packetXml : *bytes;
                QSaveFile file(dir.filePath(fileName));
                if (file.open(QIODevice::WriteOnly) && file.write(xml) == xml.size() && file.commit()) {
                    ++written;
                    drafts += signedDoc ? 0 : 1;
                } else {
                    failures << tr("%1: cannot write %2 (%3)").arg(what, fileName, file.errorString());
                }
                if (signedDoc) {
                    const QString pdfName = base + QStringLiteral(".pdf");
                    QSaveFile pdf(dir.filePath(pdfName));
                    if (pdf.open(QIODevice::WriteOnly) && pdf.write(signedDoc->pdf) == signedDoc->pdf.size()
                        && pdf.commit())
                        ++pdfs;
                    else
                        failures << tr("%1: cannot write %2 (%3)").arg(what, pdfName, pdf.errorString());
                }
            } else {
                failures << tr("%1: %2").arg(what, describe(bytes.error()));
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
