// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/Exports.h"
#include "lifecycle/PacketBuilder.h"
#include "lifecycle/SchoolFileCheck.h"
#include "packet/PacketWriter.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace hocba::cli {

namespace {

/** No personal names in file names: files get copied, listed and mailed around. */
QString fileBase(const QString& lookupCode, SchoolYear year, int version)
{
    return QStringLiteral("%1-%2-v%3").arg(lookupCode, year.toString()).arg(version);
}

/** Writes the files of one section after another, counting what was written and naming what failed. */
struct SectionWriter
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ExportCommand)

public:
    SectionWriter(store::Database& db, const QDir& dir, QList<QByteArray> anchors)
        : db(db)
        , dir(dir)
        , anchors(std::move(anchors))
        , builder(db)
        , students(db)
    { }

    /** A Result error only for a database error; a section that cannot be exported is a failure. */
    Status write(Id sectionId)
    {
        auto section = students.section(sectionId);
        if (!section)
            return std::unexpected(section.error());
        if (*section && lifecycle::isIssuedState((*section)->state)) {
            writeSigned(sectionId);
            return {};
        }
        auto p = builder.build(sectionId);
        auto bytes = p ? packet::writePacket(*p) : Result<QByteArray>(std::unexpected(p.error()));
        // Failures name the lookup code (or the section number), never the student.
        const QString what = p ? p->lookupCode : tr("section %1").arg(sectionId);
        if (!bytes)
            failures << tr("%1: %2").arg(what, describe(bytes.error()));
        else if (save(what, fileBase(p->lookupCode, p->schoolYear, p->version) + QStringLiteral(".xml"), *bytes)) {
            ++written;
            ++drafts;
        }
        return {};
    }

    int written = 0;
    int drafts = 0;
    int pdfs = 0;
    QStringList failures;

private:
    /**
     * A signed section is exported as stored, the signed packet and the PDF made from it, and only when they pass
     * the school file check; the refusal names the section (lookup code, school year, version).
     */
    void writeSigned(Id sectionId)
    {
        auto verified = lifecycle::verifiedSignedSection(db, sectionId, anchors);
        if (!verified) {
            failures << verified.error().message;
            return;
        }
        const lifecycle::SectionRef& ref = verified->section;
        const QString base = fileBase(ref.lookupCode, ref.schoolYear, ref.version);
        written += save(ref.lookupCode, base + QStringLiteral(".xml"), verified->packetXml) ? 1 : 0;
        pdfs += save(ref.lookupCode, base + QStringLiteral(".pdf"), verified->pdf) ? 1 : 0;
    }

    bool save(const QString& what, const QString& fileName, const QByteArray& bytes)
    {
        QSaveFile file(dir.filePath(fileName));
        if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
            return true;
        failures << tr("%1: cannot write %2 (%3)").arg(what, fileName, file.errorString());
        return false;
    }

    store::Database& db;
    const QDir& dir;
    QList<QByteArray> anchors;
    lifecycle::PacketBuilder builder;
    store::StudentRepository students;
};

/** Writes one packet file per year section of a school year (docs/packet.md). */
class ExportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ExportCommand)

public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override
    {
        return tr("Write the record packets (XML) of one school year, for a class or the whole school; for signed "
                  "years the stored signed packet and signed PDF, refused when they fail the school file check (see "
                  "\"audit verify\"). \"export grades|summary|students --class NAME --out F.xlsx\" writes the "
                  "workbooks offices send: a class's detailed grade book of one subject and semester, its summary "
                  "of results, its student list (docs/export.md).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption out = outOption(tr("The folder to write the packets into."));
        const QCommandLineOption cls = classOption();
        const QCommandLineOption all = allOption();
        const QCommandLineOption year = yearOption();
        const QCommandLineOption subject(QStringLiteral("subject"),
                                         tr("For grades: the subject code, e.g. toan (docs/evaluate.md)."), tr("CODE"));
        const QCommandLineOption term(QStringLiteral("term"),
                                      tr("For grades: hk1 or hk2 (THCS); for summary: hk1, hk2 or cn (the default)."),
                                      tr("TERM"));
        const QCommandLineOption force(QStringLiteral("force"), tr("Replace the workbook if it exists."));
        QCommandLineParser parser;
        if (const int code
            = parse(parser,
                    QList<QCommandLineOption> {dbOption(), out, cls, all, year, subject, term, force} + userOptions(),
                    args, console, QStringLiteral("[grades|summary|students]"));
            code >= 0)
            return code;
        if (!parser.positionalArguments().isEmpty())
            return workbook(parser, console);
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        auto outDir = requireOut(parser);
        if (!outDir)
            return console.fail(outDir.error());
        auto className = chosenClass(parser);
        if (!className)
            return console.fail(className.error());

        auto db = store::Database::openExisting(*path);
        if (!db)
            return console.fail(db.error());
        if (auto ok = requireRight(parser, **db, lifecycle::Right::PrintExport); !ok)
            return console.fail(ok.error());

        auto chosen = chosenYear(parser, **db);
        if (!chosen)
            return console.fail(chosen.error());
        const SchoolYear schoolYear = *chosen;

        auto ids = lifecycle::sectionsToExport(**db, schoolYear, *className);
        if (!ids)
            return console.fail(ids.error());

        const QString dirPath = *outDir;
        if (auto s = createFolder(dirPath); !s)
            return console.fail(s.error());
        const QDir dir(dirPath);

        auto anchors = lifecycle::schoolTrustAnchors(**db);
        if (!anchors)
            return console.fail(anchors.error());
        SectionWriter writer {**db, dir, *anchors};
        const qsizetype total = ids->size();
        int lastTenth = -1;
        for (qsizetype i = 0; i < total; ++i) {
            if (auto s = writer.write(ids->at(i)); !s)
                return console.fail(s.error());
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
                           .arg(writer.written)
                           .arg(QDir::toNativeSeparators(dir.absolutePath()))
                           .arg(writer.drafts)
                           .arg(writer.pdfs)
                           .arg(writer.failures.size())
                    << '\n';
        for (const QString& f : writer.failures)
            console.out << "  " << f << '\n';
        console.out.flush();
        return writer.failures.isEmpty() ? ExitOk : ExitFailed;
    }

private:
    /** export grades|summary|students: one class's workbook (lifecycle::exportWorkbook). */
    int workbook(const QCommandLineParser& parser, Console& console)
    {
        const QStringList words = parser.positionalArguments();
        const QStringList kinds {QStringLiteral("grades"), QStringLiteral("summary"), QStringLiteral("students")};
        if (words.size() != 1 || !kinds.contains(words.first()) || !parser.isSet(QStringLiteral("out"))
            || !parser.isSet(QStringLiteral("class")))
            return console.fail({ErrorCode::Usage,
                                 tr("Say \"export grades --class 6A1 --subject toan --term hk1 --out F.xlsx\", "
                                    "\"export summary --class 6A1 --out F.xlsx\" or \"export students --class 6A1 "
                                    "--out F.xlsx\"."),
                                 {}});
        const QString path = parser.value(QStringLiteral("out"));
        if (QFileInfo::exists(path) && !parser.isSet(QStringLiteral("force")))
            return console.fail({ErrorCode::InvalidInput,
                                 tr("%1 already exists; choose another file or add --force to replace it.")
                                     .arg(QDir::toNativeSeparators(path)),
                                 {}});
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        auto actor = actingUser(parser, **db);
        if (!actor)
            return console.fail(actor.error());
        auto chosen = chosenYear(parser, **db);
        if (!chosen)
            return console.fail(chosen.error());
        lifecycle::ExportRequest request;
        request.kind = lifecycle::ExportKind(kinds.indexOf(words.first()));
        request.year = *chosen;
        request.className = parser.value(QStringLiteral("class")).trimmed();
        request.subject = parser.value(QStringLiteral("subject"));
        request.term = parser.value(QStringLiteral("term"));
        if (auto s = lifecycle::exportWorkbook(**db, *actor, request, path); !s)
            return console.fail(s.error());
        console.out << tr("Wrote %1.").arg(QDir::toNativeSeparators(path)) << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeExportCommand()
{
    return std::make_unique<ExportCommand>();
}

} // namespace hocba::cli
