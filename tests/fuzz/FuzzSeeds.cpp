// SPDX-License-Identifier: GPL-3.0-or-later
// fuzz_seeds SEED_DIR OUT_DIR: the signed seeds, made at run time so no key or certificate is committed.
// A throw-away CA (TestPki) signs SEED_DIR/packet/primary.xml (RSA principal, then EC homeroom teacher) into
// OUT_DIR/xml, and SEED_DIR/pdf/minimal.pdf with that packet embedded into OUT_DIR/pdf; OUT_DIR/anchor.der is the CA.
// OUT_DIR/xlsx gets workbooks: the import templates and a class list with the cells schools type.
#include "TestPki.h"

#include "lifecycle/ImportTemplates.h"
#include "packet/PacketDigest.h"
#include "token/PdfSigner.h"
#include "token/XmlSigner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <xlsxwriter.h>

#include <cstdio>

using namespace hocba;
using namespace hocba::signing;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

template <class T> T orExit(Result<T> r, const char* step)
{
    if (!r) {
        std::fprintf(stderr, "fuzz_seeds: %s: %s\n", step, qPrintable(describe(r.error())));
        std::exit(1);
    }
    return std::move(*r);
}

QByteArray signPacket(const QByteArray& xml, Signer& signer, SignerRole role, const QDateTime& when)
{
    XmlSignOptions o;
    o.role = role;
    o.signingTime = when;
    o.layout.containerName = QStringLiteral("Signatures"); // as SectionSigner signs packets
    o.layout.wrapPerRole = false;
    return orExit(XmlSigner::sign(xml, signer, o), "sign packet");
}

QByteArray signPdf(const QByteArray& pdf, Signer& signer, SignerRole role, const QDateTime& when,
                   const QByteArray& packetXml = {})
{
    PdfSignOptions o;
    o.role = role;
    o.signingTime = when;
    if (!packetXml.isEmpty())
        o.packet = PdfPacketAttachment {.packetXml = packetXml, .renderedDigest = packet::packetDigest(packetXml)};
    return orExit(PdfSigner::sign(pdf, signer, o), "sign PDF");
}

/** A class list as schools keep it: merged titles, shared and rich text, a date, a decimal mark, a formula. */
bool writeClassList(const QString& path)
{
    lxw_workbook* wb = workbook_new(QFile::encodeName(path).constData());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Lớp 6A1");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    worksheet_merge_range(ws, 0, 0, 0, 4, "DANH SÁCH HỌC SINH LỚP 6A1", nullptr);
    const char* header[] = {"STT", "Mã định danh Bộ GD&ĐT", "Họ và tên", "Ngày sinh", "ĐĐGtx1"};
    for (lxw_col_t c = 0; c < 5; ++c)
        worksheet_write_string(ws, 2, c, header[c], bold);
    lxw_datetime born {2013, 3, 5, 0, 0, 0};
    worksheet_write_number(ws, 3, 0, 1, nullptr);
    worksheet_write_string(ws, 3, 1, "0100000001", nullptr);
    lxw_rich_string_tuple family {bold, const_cast<char*>("Nguyễn Văn ")};
    lxw_rich_string_tuple given {nullptr, const_cast<char*>("An")};
    lxw_rich_string_tuple* runs[] = {&family, &given, nullptr};
    worksheet_write_rich_string(ws, 3, 2, runs, nullptr);
    worksheet_write_datetime(ws, 3, 3, &born, date);
    worksheet_write_number(ws, 3, 4, 8.5, nullptr);
    worksheet_write_formula_num(ws, 4, 4, "=E4+1", nullptr, 9.5);
    worksheet_write_boolean(ws, 5, 0, 1, nullptr);
    return workbook_close(wb) == LXW_NO_ERROR;
}

bool writeWorkbookSeeds(const QDir& out)
{
    QDir().mkpath(out.filePath(QStringLiteral("xlsx")));
    using lifecycle::ImportTemplate;
    return lifecycle::writeImportTemplate(out.filePath(QStringLiteral("xlsx/students.xlsx")), ImportTemplate::Students,
                                          SchoolLevel::Thcs)
        && lifecycle::writeImportTemplate(out.filePath(QStringLiteral("xlsx/grades-thcs.xlsx")), ImportTemplate::Grades,
                                          SchoolLevel::Thcs)
        && lifecycle::writeImportTemplate(out.filePath(QStringLiteral("xlsx/grades-primary.xlsx")),
                                          ImportTemplate::Grades, SchoolLevel::Primary)
        && writeClassList(out.filePath(QStringLiteral("xlsx/class-list.xlsx")));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: fuzz_seeds SEED_DIR OUT_DIR\n");
        return 2;
    }
    const QDir seeds(QString::fromLocal8Bit(argv[1]));
    const QDir out(QString::fromLocal8Bit(argv[2]));
    const QByteArray packetXml = readFile(seeds.filePath(QStringLiteral("packet/primary.xml")));
    const QByteArray pdf = readFile(seeds.filePath(QStringLiteral("pdf/minimal.pdf")));
    test::TestPki pki;
    if (packetXml.isEmpty() || pdf.isEmpty() || !pki.create()) {
        std::fprintf(stderr, "fuzz_seeds: seed files missing or the test CA could not be made\n");
        return 1;
    }
    auto rsa = pki.signer(false);
    auto ec = pki.signer(true);
    // The certificates are valid from the second they were issued.
    const QDateTime when = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 1, Qt::UTC);

    const QByteArray byPrincipal = signPacket(packetXml, *rsa, SignerRole::Principal, when);
    const QByteArray byBoth = signPacket(byPrincipal, *ec, SignerRole::Homeroom, when);
    const QByteArray signedPdf = signPdf(pdf, *rsa, SignerRole::Principal, when, byBoth);
    const QByteArray twiceSignedPdf = signPdf(signedPdf, *ec, SignerRole::Homeroom, when);
    const bool ok = writeFile(out.filePath(QStringLiteral("anchor.der")), pki.caDer())
        && writeFile(out.filePath(QStringLiteral("xml/signed-principal.xml")), byPrincipal)
        && writeFile(out.filePath(QStringLiteral("xml/signed-two-roles.xml")), byBoth)
        && writeFile(out.filePath(QStringLiteral("pdf/signed.pdf")), signedPdf)
        && writeFile(out.filePath(QStringLiteral("pdf/signed-twice.pdf")), twiceSignedPdf)
        && writeFile(out.filePath(QStringLiteral("pdf/changed-after-signing.pdf")), signedPdf + "\n%%EOF\n")
        && writeWorkbookSeeds(out);
    if (!ok) {
        std::fprintf(stderr, "fuzz_seeds: cannot write to %s\n", argv[2]);
        return 1;
    }
    return 0;
}
