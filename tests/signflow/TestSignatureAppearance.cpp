// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: the visible signature appearance. Signing writes the principal's holder, role, issuer and time into the
// packet before the XMLDSig and renders the PDF from it, with the PAdES /M and the XML SigningTime equal to it;
// verify refuses a packet or a PDF whose visible appearance names someone else or another time, and still accepts
// packets signed before the appearance existed. The school's lookup portal and seal go into every rendering.
#include "../packet/SamplePacket.h"
#include "../signing/TestPki.h"
#include "CliRunner.h"
#include "SigningFixture.h"
#include "StoreFixture.h"

#include "lifecycle/PrintSettings.h"
#include "lifecycle/SignedDocuments.h"
#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "packet/PacketWriter.h"
#include "render/RecordRenderer.h"
#include "store/Database.h"
#include "token/PdfSigner.h"
#include "token/SoftwareSigner.h"
#include "token/XmlSigner.h"
#include "util/Digest.h"
#include "verify/Appearance.h"
#include "verify/DocumentVerifier.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTest>

using namespace hocba;
using test::runTool;

namespace {

const QString kImpostor = QStringLiteral("Kẻ Mạo Danh");

signing::XmlSignOptions packetSignOptions(const QDateTime& when)
{
    signing::XmlSignOptions o;
    o.role = signing::SignerRole::Principal;
    o.signingTime = when;
    o.layout.containerName = QStringLiteral("Signatures");
    o.layout.wrapPerRole = false;
    return o;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QDateTime nowWholeSeconds()
{
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
}

/** A one-page PDF drawn with QPdfWriter, each string of `columns` drawn as its own block of lines, left to right. */
QByteArray drawnPdf(const QList<QStringList>& columns)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    QPainter painter(&writer);
    QFont font(QStringLiteral("Noto Serif"));
    font.setPointSize(10);
    painter.setFont(font);
    int x = 100;
    for (const QStringList& lines : columns) {
        int y = 300;
        for (const QString& line : lines) {
            painter.drawText(x, y, line);
            y += 60;
        }
        x += 1100;
    }
    painter.end();
    return bytes;
}

} // namespace

class TestSignatureAppearance : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestPki m_pki;
    test::SchoolTemplate m_school;
    QString m_holder; ///< the RSA signer's CN
    QList<QByteArray> m_anchors;

    QString write(const QString& name, const QByteArray& bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return f.fileName();
    }

    QString pdftotext(const QByteArray& pdf)
    {
        const QString in = write(QStringLiteral("text-in.pdf"), pdf);
        const QString out = m_dir.filePath(QStringLiteral("text-out.txt"));
        const auto r = runTool(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), in, out});
        if (r.exitCode != 0)
            return {};
        QFile f(out);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    /** The first signed section of a fresh copy of the school, signed by the RSA signer as principal. */
    std::optional<lifecycle::SignedDocument> signOne(store::Database& db)
    {
        auto signer = m_pki.signer(false);
        const QList<Id> ids = test::readySections(db, m_school.year).mid(0, 1);
        if (ids.isEmpty())
            return std::nullopt;
        auto report = test::signBatch(db, *signer, ids);
        if (!report || report->signedItems.size() != 1)
            return std::nullopt;
        auto doc = lifecycle::SignedDocuments(db).completed(ids.first(), 1);
        if (!doc || !*doc)
            return std::nullopt;
        return **doc;
    }

    /** A PDF rendered from `shown`, carrying `signedPacket` (whose digest its QR codes name), PAdES-signed at `when`.
     */
    QByteArray renderAndSign(const packet::Packet& shown, const QByteArray& signedPacket, const QDateTime& when,
                             const render::RenderOptions& options = {})
    {
        render::RenderInput input;
        input.years << shown;
        input.years.last().draft = false;
        input.packetSha256 << digest::sha256(signedPacket);
        auto rendered = render::renderRecordPdf(input, options);
        if (!rendered)
            return {};
        auto signer = m_pki.signer(false);
        signing::PdfSignOptions po;
        po.signingTime = when;
        po.packet = signing::PdfPacketAttachment {.packetXml = signedPacket,
                                                  .renderedDigest = packet::packetDigest(signedPacket)};
        auto pdf = signing::PdfSigner::sign(*rendered, *signer, po);
        return pdf.value_or(QByteArray());
    }

    /** Every QR payload of `pdf` rendered at 150 dpi (pdftoppm), decoded with ZXingReader. */
    QStringList qrPayloads150(const QByteArray& pdf, const QString& tag)
    {
        const QString file = write(tag + QStringLiteral(".pdf"), pdf);
        const QString base = m_dir.filePath(tag + QStringLiteral("-150"));
        const auto r = runTool(
            QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-gray"), QStringLiteral("-png"), file, base});
        if (r.exitCode != 0)
            return {};
        QStringList decoded;
        for (const QString& image : QDir(m_dir.path()).entryList({tag + QStringLiteral("-150*.png")}, QDir::Files)) {
            const auto z = runTool(QStringLiteral("ZXingReader"), {m_dir.filePath(image)});
            const auto m = QRegularExpression(QStringLiteral("Text:\\s+\"([^\"]+)\"")).match(z.output);
            if (m.hasMatch())
                decoded << m.captured(1);
        }
        return decoded;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_pki.create());
        QVERIFY(m_school.create(30, 13, m_pki.caDer()));
        m_anchors = {m_pki.caDer()};
        auto info = signing::CertificateInfo::fromDer(m_pki.signer(false)->certificate());
        QVERIFY(info);
        m_holder = info->holder;
        QCOMPARE(m_holder, QStringLiteral("Nguyễn Văn Ký (RSA)"));
        // The template itself is confirmed so that every copy has ready sections.
        auto tmpl = store::Database::openExisting(m_school.path());
        QVERIFY(tmpl);
        QVERIFY(test::confirmAcknowledged(**tmpl, m_school.year));
    }

    // The appearance's parts, as both the signer and the verifier compute them.
    void appearanceFromTheCertificate()
    {
        const QDateTime when(QDate(2026, 5, 20), QTime(17, 5, 42, 900), Qt::UTC);
        auto a = signing::appearanceFor(m_pki.signer(false)->certificate(), signing::SignerRole::Principal, when);
        QVERIFY(a);
        QCOMPARE(a->holderName, m_holder);
        QCOMPARE(a->role, QStringLiteral("Hiệu trưởng"));
        QCOMPARE(a->issuer, QStringLiteral("Test Root CA"));
        QCOMPARE(a->signedAt, QDateTime(QDate(2026, 5, 20), QTime(17, 5, 42), Qt::UTC));
        // Vietnam time, UTC+7, across midnight.
        QCOMPARE(signing::appearanceTime(a->signedAt), QStringLiteral("21/05/2026 00:05"));
        QVERIFY(!signing::appearanceFor("not a certificate", signing::SignerRole::Principal, when));
    }

    // The page check on its own, on a PDF drawn by Qt as the renderer draws (Identity-H fonts with ToUnicode): the
    // names are read back through poppler-cpp, two blocks side by side do not mix, and a longer or another name fails.
    void pageTextCheck()
    {
        signing::SignatureCheck sig;
        sig.certificate.commonName = m_holder;
        sig.signingTime = QDateTime(QDate(2026, 5, 20), QTime(3, 4, 5), Qt::UTC);
        std::optional<packet::SignatureAppearance> expected = packet::SignatureAppearance {
            m_holder, QStringLiteral("Hiệu trưởng"), QStringLiteral("Test Root CA"), sig.signingTime};
        const QStringList left {QStringLiteral("Giáo viên chủ nhiệm"), QStringLiteral("(Ký và ghi rõ họ tên)"),
                                QStringLiteral("Đỗ Minh Châu")};
        auto block = [](const QString& holder, const QString& time) {
            return QStringList {QStringLiteral("Hiệu trưởng"), QStringLiteral("Ký số bởi: ") + holder,
                                QStringLiteral("Thời gian ký: ") + time,
                                QStringLiteral("Chứng thư số do Test Root CA cấp")};
        };
        auto check = [&](const QStringList& right, const std::optional<packet::SignatureAppearance>& want) {
            auto text = signing::pdfText(drawnPdf({left, right}));
            if (!text)
                return QStringList {describe(text.error())};
            return signing::pageAppearanceMismatches(*text, {sig}, want);
        };
        QCOMPARE(check(block(m_holder, QStringLiteral("20/05/2026 10:04")), expected), QStringList());
        const QStringList other = check(block(kImpostor, QStringLiteral("20/05/2026 10:04")), expected);
        QVERIFY(!other.isEmpty());
        QVERIFY2(other.join(u' ').contains(kImpostor), qPrintable(other.join(u'\n')));
        QVERIFY(
            !check(block(m_holder + QStringLiteral(" Hai"), QStringLiteral("20/05/2026 10:04")), expected).isEmpty());
        const QStringList late = check(block(m_holder, QStringLiteral("20/05/2026 10:05")), expected);
        QVERIFY2(late.join(u' ').contains(QStringLiteral("20/05/2026 10:05")), qPrintable(late.join(u'\n')));
        // A page without any appearance: fine for a packet that records none, refused for one that does.
        QCOMPARE(check({QStringLiteral("(Ký, ghi rõ họ tên và đóng dấu)")}, std::nullopt), QStringList());
        QVERIFY(!check({QStringLiteral("(Ký, ghi rõ họ tên và đóng dấu)")}, expected).isEmpty());
        QVERIFY(!signing::pdfText("%PDF-1.4 broken"));
    }

    // Signing fills the appearance from the certificate and the signature's own time; packet and PDF carry it and
    // verify; the PAdES /M and the XML SigningTime are that time.
    void signingWritesTheAppearance()
    {
        auto db = m_school.openCopy();
        QVERIFY(db);
        auto doc = signOne(*db);
        QVERIFY(doc);
        auto p = packet::readPacket(doc->packetXml);
        QVERIFY2(p, p ? "" : qPrintable(describe(p.error())));
        QVERIFY2(p->principalSignature, "the signed packet records no appearance");
        const packet::SignatureAppearance& a = *p->principalSignature;
        QCOMPARE(a.holderName, m_holder);
        QCOMPARE(a.role, QStringLiteral("Hiệu trưởng"));
        QCOMPARE(a.issuer, QStringLiteral("Test Root CA"));
        QCOMPARE(a.signedAt, doc->signedAt);
        QCOMPARE(a.signedAt.time().msec(), 0);

        auto v = signing::verifyDocument(doc->pdf, m_anchors);
        QVERIFY(v);
        QVERIFY2(v->ok(), qPrintable(v->problems.join(u'\n') + v->report.toText()));
        QCOMPARE(v->appearance, p->principalSignature);
        QCOMPARE(v->report.signatures.size(), 1);
        QCOMPARE(v->report.signatures.first().signingTime, a.signedAt); // PAdES /M
        QVERIFY(v->embedded);
        QCOMPARE(v->embedded->signatures.last().signingTime, a.signedAt); // XMLDSig SigningTime
        auto xml = signing::verifyDocument(doc->packetXml, m_anchors);
        QVERIFY(xml && xml->ok() && xml->appearance == p->principalSignature);

        // What the page text check adds to a PDF's verification (printed for the record, not asserted).
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 20; ++i)
            QVERIFY(signing::pdfText(doc->pdf));
        const double textMs = timer.nsecsElapsed() / 1e6 / 20;
        timer.restart();
        for (int i = 0; i < 20; ++i)
            QVERIFY(signing::verifyDocument(doc->pdf, m_anchors));
        qInfo("signed PDF of %lld bytes: page text %.2f ms, whole verifyDocument %.2f ms (mean of 20)",
              qlonglong(doc->pdf.size()), textMs, timer.nsecsElapsed() / 1e6 / 20);

        // What a person reads on the page (pdftotext), in layout13's format.
        const QString text = pdftotext(doc->pdf).normalized(QString::NormalizationForm_C);
        QVERIFY2(text.contains(QStringLiteral("Ký số bởi: ") + m_holder), qPrintable(text.right(1500)));
        QVERIFY2(text.contains(QStringLiteral("Thời gian ký: ") + signing::appearanceTime(a.signedAt)),
                 qPrintable(text.right(1500)));
    }

    // The attacker holds a valid certificate of the school's CA but wants the page to name the principal: they edit
    // the packet's appearance and sign it again with their own key, in the principal's role. Both the packet and the
    // PDF are refused, naming who the certificate belongs to.
    void packetNamingSomeoneElseIsRefused()
    {
        auto db = m_school.openCopy();
        QVERIFY(db);
        auto doc = signOne(*db);
        QVERIFY(doc);
        auto p = packet::readPacket(doc->packetXml);
        QVERIFY(p && p->principalSignature);
        packet::Packet forged = *p;
        forged.principalSignature->holderName = kImpostor;
        auto unsignedXml = packet::writePacket(forged);
        QVERIFY(unsignedXml);
        auto signer = m_pki.signer(false);
        auto signedXml
            = signing::XmlSigner::sign(*unsignedXml, *signer, packetSignOptions(forged.principalSignature->signedAt));
        QVERIFY(signedXml);
        auto v = signing::verifyDocument(*signedXml, m_anchors);
        QVERIFY(v);
        QVERIFY(v->report.ok()); // the signature itself is fine
        QVERIFY(!v->ok());
        const QString problems = v->problems.join(u'\n');
        QVERIFY2(problems.contains(kImpostor) && problems.contains(m_holder), qPrintable(problems));

        // Another time than the signature's: refused too.
        packet::Packet late = *p;
        late.principalSignature->signedAt = late.principalSignature->signedAt.addSecs(60);
        auto lateXml = signing::XmlSigner::sign(packet::writePacket(late).value(), *signer,
                                                packetSignOptions(p->principalSignature->signedAt));
        QVERIFY(lateXml);
        auto lv = signing::verifyDocument(*lateXml, m_anchors);
        QVERIFY(lv && lv->report.ok() && !lv->ok());

        // The PDF rendered from the forged packet and carrying it: refused as well.
        const QByteArray pdf = renderAndSign(forged, *signedXml, forged.principalSignature->signedAt);
        QVERIFY(!pdf.isEmpty());
        auto pv = signing::verifyDocument(pdf, m_anchors);
        QVERIFY(pv && pv->report.ok() && !pv->ok());
        QVERIFY2(pv->problems.join(u' ').contains(kImpostor), qPrintable(pv->problems.join(u'\n')));

        // And through the CLI: INVALID, with the Vietnamese reason.
        const QString file = write(QStringLiteral("forged-packet.pdf"), pdf);
        auto cli = test::runCliInProcess(
            {QStringLiteral("verify"), QStringLiteral("--trust"), m_pki.path(QStringLiteral("ca.pem")), file});
        QVERIFY2(cli.code == 1 && cli.out.contains(kImpostor), qPrintable(cli.out + cli.err));
    }

    // The attacker keeps the genuine signed packet (it verifies) but renders the page from an edited copy, so only
    // the page names someone else: the page text check refuses it.
    void pageNamingSomeoneElseIsRefused()
    {
        auto db = m_school.openCopy();
        QVERIFY(db);
        auto doc = signOne(*db);
        QVERIFY(doc);
        auto p = packet::readPacket(doc->packetXml);
        QVERIFY(p && p->principalSignature);
        packet::Packet shown = *p;
        shown.principalSignature->holderName = kImpostor;
        const QByteArray pdf = renderAndSign(shown, doc->packetXml, p->principalSignature->signedAt);
        QVERIFY(!pdf.isEmpty());
        auto v = signing::verifyDocument(pdf, m_anchors);
        QVERIFY(v);
        QVERIFY(v->report.ok() && v->embedded && v->embedded->ok());
        QCOMPARE(v->renderedDigest, v->packetDigest);
        QVERIFY(!v->ok());
        QVERIFY2(v->problems.join(u' ').contains(kImpostor), qPrintable(v->problems.join(u'\n')));

        // A fresh key beside the real certificate: a self-signed certificate in the impostor's name signs the
        // edited packet; untrusted, and the page names no signer of the document's trusted signatures either.
        QVERIFY(m_pki.issue(QStringLiteral("impostor"), QStringLiteral("/C=VN/CN=") + kImpostor,
                            "keyUsage=critical,nonRepudiation,digitalSignature\n", true));
        auto fresh = signing::SoftwareSigner::fromPem(fileBytes(m_pki.path(QStringLiteral("impostor.key"))),
                                                      fileBytes(m_pki.path(QStringLiteral("impostor.pem"))));
        QVERIFY(fresh);
        auto reSigned = signing::XmlSigner::sign(packet::writePacket(shown).value(), **fresh,
                                                 packetSignOptions(shown.principalSignature->signedAt));
        QVERIFY(reSigned);
        auto fv = signing::verifyDocument(*reSigned, m_anchors);
        QVERIFY(fv && !fv->ok());
    }

    // A packet signed before issue 13 (packet 1.0, no appearance) still verifies, and says it records none.
    void olderPacketsStillVerify()
    {
        packet::Packet p = test::samplePacket();
        p.draft = false;
        p.principalSignature.reset();
        auto xml = packet::writePacket(p);
        QVERIFY(xml);
        auto signer = m_pki.signer(false);
        auto signedXml = signing::XmlSigner::sign(*xml, *signer, packetSignOptions(nowWholeSeconds()));
        QVERIFY(signedXml);
        auto v = signing::verifyDocument(*signedXml, m_anchors);
        QVERIFY(v);
        QVERIFY2(v->ok(), qPrintable(v->problems.join(u'\n')));
        QVERIFY(!v->appearance);
        QCOMPARE(v->notes.size(), 1); // "no visible appearance recorded"
        // Its PDF without an appearance verifies as well.
        const QByteArray pdf = renderAndSign(p, *signedXml, nowWholeSeconds());
        auto pv = signing::verifyDocument(pdf, m_anchors);
        QVERIFY(pv);
        QVERIFY2(pv->ok(), qPrintable(pv->problems.join(u'\n')));
    }

    // The lookup portal: set on its own (no Department endpoint), refused when not a web address, and carried by
    // every signed PDF's QR codes, decodable at 150 dpi.
    void lookupUrlGoesIntoTheQrCodes()
    {
        const QString path = m_school.copyPath();
        QVERIFY(!path.isEmpty());
        auto opened = store::Database::openExisting(path);
        QVERIFY(opened);
        std::unique_ptr<store::Database> db = std::move(*opened);
        const auto admin = lifecycle::Actor::unrestricted();
        QVERIFY(!lifecycle::setLookupUrl(*db, admin, QStringLiteral("tracuu.sogd.example.vn")));
        QVERIFY(!lifecycle::setLookupUrl(*db, admin, QStringLiteral("ftp://tracuu.sogd.example.vn/")));
        QVERIFY(!lifecycle::setLookupUrl(*db, admin, QStringLiteral("https://tracuu.sogd.example.vn/?x=1")));
        const QString url = QStringLiteral("https://tracuu.sogd-daklak.example.vn/tra-cuu");
        QVERIFY(lifecycle::setLookupUrl(*db, admin, url));
        auto settings = lifecycle::printSettings(*db);
        QVERIFY(settings);
        QCOMPARE(settings->lookupUrl, url);

        auto doc = signOne(*db);
        QVERIFY(doc);
        const QStringList decoded = qrPayloads150(doc->pdf, QStringLiteral("lookup"));
        QVERIFY2(!decoded.isEmpty(), "no QR code decoded at 150 dpi");
        for (const QString& payload : decoded)
            QVERIFY2(payload.startsWith(url + QStringLiteral("?ma=")), qPrintable(payload));
        QVERIFY(decoded.first().contains(packet::packetDigest(doc->packetXml)));
        // The printed text names the portal too: every page's footer (pdftotext's pages are split by form feeds).
        const QStringList pagesText
            = pdftotext(doc->pdf).normalized(QString::NormalizationForm_C).split(QLatin1Char('\f'), Qt::SkipEmptyParts);
        QVERIFY(pagesText.size() >= 2);
        for (const QString& page : pagesText)
            QVERIFY2(page.contains(QStringLiteral("Tra cứu tại: ") + url), qPrintable(page.left(400)));

        // "hocba-cli render" prints the book from the stored packets with the school's portal too.
        const QString out = m_dir.filePath(QStringLiteral("rendered"));
        db.reset();
        auto rendered = test::runCliInProcess(
            {QStringLiteral("render"), QStringLiteral("--db"), path, QStringLiteral("--out"), out,
             QStringLiteral("--year"), m_school.year.toString(), QStringLiteral("--jobs"), QStringLiteral("1")});
        QVERIFY2(rendered.code == 0, qPrintable(rendered.out + rendered.err));
        auto signedPacket = packet::readPacket(doc->packetXml);
        QVERIFY(signedPacket);
        const QString book = QDir(out).filePath(signedPacket->lookupCode + QStringLiteral(".pdf"));
        QFile bookFile(book);
        QVERIFY2(bookFile.open(QIODevice::ReadOnly), qPrintable(book));
        const QStringList fromBook = qrPayloads150(bookFile.readAll(), QStringLiteral("book"));
        QVERIFY(!fromBook.isEmpty());
        for (const QString& payload : fromBook)
            QVERIFY2(payload.startsWith(url + QStringLiteral("?ma=")), qPrintable(payload));
        auto reopened = store::Database::openExisting(path);
        QVERIFY(reopened);
        db = std::move(*reopened);

        // Cleared: back to the renderer's default.
        QVERIFY(lifecycle::setLookupUrl(*db, admin, QString()));
        render::RenderOptions options;
        QVERIFY(lifecycle::applyPrintSettings(*db, options));
        QCOMPARE(options.portalBaseUrl, render::RenderOptions().portalBaseUrl);
        // and the placeholder is not printed as an address to type
        auto unset = signOne(*db);
        QVERIFY(unset);
        QVERIFY(!pdftotext(unset->pdf).contains(QStringLiteral("Tra cứu tại")));
    }

    // The seal: PNG or JPEG within the cap, re-encoded to PNG, kept in the school file and handed to the renderer.
    void sealImageIsCheckedAndKept()
    {
        auto db = m_school.openCopy();
        QVERIFY(db);
        const auto admin = lifecycle::Actor::unrestricted();
        QImage seal(300, 300, QImage::Format_ARGB32);
        seal.fill(Qt::transparent);
        {
            QPainter painter(&seal);
            painter.setPen(QPen(Qt::red, 12));
            painter.drawEllipse(20, 20, 260, 260);
        }
        QByteArray jpeg;
        {
            QBuffer b(&jpeg);
            b.open(QIODevice::WriteOnly);
            QVERIFY(seal.save(&b, "JPEG"));
        }
        QVERIFY(!lifecycle::setSeal(*db, admin, QByteArray("GIF89a not an image")));
        QVERIFY(!lifecycle::setSeal(*db, admin, QByteArray(600 * 1024, 'x')));
        QImage huge(3000, 10, QImage::Format_RGB32);
        huge.fill(Qt::white);
        QByteArray hugePng;
        {
            QBuffer b(&hugePng);
            b.open(QIODevice::WriteOnly);
            QVERIFY(huge.save(&b, "PNG"));
        }
        QVERIFY(!lifecycle::setSeal(*db, admin, hugePng));
        QVERIFY(lifecycle::setSeal(*db, admin, jpeg));
        auto settings = lifecycle::printSettings(*db);
        QVERIFY(settings);
        QVERIFY(settings->sealPng.startsWith("\x89PNG\r\n\x1a\n"));
        render::RenderOptions options;
        QVERIFY(lifecycle::applyPrintSettings(*db, options));
        QCOMPARE(options.sealImage.size(), QSize(300, 300));
        QVERIFY(test::scalar(*db,
                             QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                            "'school.print_settings' AND field = 'seal_png'"))
                    .toInt()
                == 1);
        // The store refuses what is not a PNG, whatever program writes.
        QVERIFY(!db->exec(QStringLiteral("UPDATE print_settings SET seal_png = X'FFD8FFE0' WHERE id = 1")));
        QVERIFY(lifecycle::setSeal(*db, admin, {}));
        settings = lifecycle::printSettings(*db);
        QVERIFY(settings && settings->sealPng.isEmpty());
    }

    // The CLI: "endpoint set --lookup-url" before any endpoint, "school seal --file | --clear".
    void cliSetsLookupUrlAndSeal()
    {
        const QString path = m_school.copyPath();
        QVERIFY(!path.isEmpty());
        auto bad = test::runCliInProcess({QStringLiteral("endpoint"), QStringLiteral("set"), QStringLiteral("--db"),
                                          path, QStringLiteral("--lookup-url"), QStringLiteral("tracuu.example.vn")});
        QVERIFY2(bad.code != 0, qPrintable(bad.out + bad.err));
        auto set = test::runCliInProcess({QStringLiteral("endpoint"), QStringLiteral("set"), QStringLiteral("--db"),
                                          path, QStringLiteral("--lookup-url"),
                                          QStringLiteral("https://tracuu.sogd.example.vn/")});
        QVERIFY2(set.code == 0, qPrintable(set.out + set.err));
        QVERIFY2(set.out.contains(QStringLiteral("https://tracuu.sogd.example.vn/")), qPrintable(set.out));
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        QCOMPARE(lifecycle::printSettings(**db)->lookupUrl, QStringLiteral("https://tracuu.sogd.example.vn/"));

        QImage seal(64, 64, QImage::Format_RGB32);
        seal.fill(Qt::red);
        const QString png = m_dir.filePath(QStringLiteral("seal.png"));
        QVERIFY(seal.save(png));
        auto sealed = test::runCliInProcess({QStringLiteral("school"), QStringLiteral("seal"), QStringLiteral("--db"),
                                             path, QStringLiteral("--file"), png});
        QVERIFY2(sealed.code == 0, qPrintable(sealed.out + sealed.err));
        QVERIFY(!lifecycle::printSettings(**db)->sealPng.isEmpty());
        auto both = test::runCliInProcess({QStringLiteral("school"), QStringLiteral("seal"), QStringLiteral("--db"),
                                           path, QStringLiteral("--file"), png, QStringLiteral("--clear")});
        QVERIFY(both.code != 0);
        auto cleared = test::runCliInProcess({QStringLiteral("school"), QStringLiteral("seal"), QStringLiteral("--db"),
                                              path, QStringLiteral("--clear")});
        QVERIFY2(cleared.code == 0, qPrintable(cleared.out + cleared.err));
        QVERIFY(lifecycle::printSettings(**db)->sealPng.isEmpty());
    }

    // The instructions page (issue 13): "school print --instructions off" and "hocba-cli render" prints the book one
    // page shorter, without the page; "on" again brings it back. Without --instructions it says the setting.
    void cliTurnsTheInstructionsPageOffAndOn()
    {
        const QString path = m_school.copyPath();
        QVERIFY(!path.isEmpty());
        QString lookupCode;
        {
            auto opened = store::Database::openExisting(path);
            QVERIFY(opened);
            auto doc = signOne(**opened);
            QVERIFY(doc);
            auto signedPacket = packet::readPacket(doc->packetXml);
            QVERIFY(signedPacket);
            lookupCode = signedPacket->lookupCode;
        }
        // The book as pdftotext reads it; its pages end in form feeds.
        auto renderBook = [&](const QString& folder) -> QString {
            const QString out = m_dir.filePath(folder);
            auto rendered = test::runCliInProcess(
                {QStringLiteral("render"), QStringLiteral("--db"), path, QStringLiteral("--out"), out,
                 QStringLiteral("--year"), m_school.year.toString(), QStringLiteral("--jobs"), QStringLiteral("1")});
            if (rendered.code != 0) {
                qWarning() << rendered.out << rendered.err;
                return {};
            }
            QFile book(QDir(out).filePath(lookupCode + QStringLiteral(".pdf")));
            return book.open(QIODevice::ReadOnly) ? pdftotext(book.readAll()).normalized(QString::NormalizationForm_C)
                                                  : QString();
        };
        auto school = [&](const QStringList& more) {
            return test::runCliInProcess(
                QStringList {QStringLiteral("school"), QStringLiteral("print"), QStringLiteral("--db"), path} + more);
        };
        const QString title = QStringLiteral("HƯỚNG DẪN GHI HỌC BẠ");

        auto shown = school({});
        QVERIFY2(shown.code == 0, qPrintable(shown.out + shown.err));
        QVERIFY2(shown.out.contains(QStringLiteral("carry the instructions page")), qPrintable(shown.out));
        const QString with = renderBook(QStringLiteral("with-instructions"));
        QVERIFY(!with.isEmpty());
        QVERIFY(with.contains(title));
        const int pagesWith = int(with.count(QLatin1Char('\f')));
        QVERIFY2(pagesWith >= 3, qPrintable(QString::number(pagesWith)));

        auto bad = school({QStringLiteral("--instructions"), QStringLiteral("maybe")});
        QCOMPARE(bad.code, 2);
        auto wrongWord
            = test::runCliInProcess({QStringLiteral("school"), QStringLiteral("seal"), QStringLiteral("--db"), path,
                                     QStringLiteral("--instructions"), QStringLiteral("off")});
        QCOMPARE(wrongWord.code, 2);
        auto off = school({QStringLiteral("--instructions"), QStringLiteral("off")});
        QVERIFY2(off.code == 0, qPrintable(off.out + off.err));
        QVERIFY2(off.out.contains(QStringLiteral("without the instructions page")), qPrintable(off.out));
        auto json = school({QStringLiteral("--json")});
        QVERIFY2(json.code == 0 && json.out.contains(QStringLiteral("\"instructionsPage\": false")),
                 qPrintable(json.out + json.err));
        const QString without = renderBook(QStringLiteral("without-instructions"));
        QVERIFY(!without.isEmpty());
        QVERIFY(!without.contains(title));
        QCOMPARE(int(without.count(QLatin1Char('\f'))), pagesWith - 1);
        {
            auto db = store::Database::openExisting(path);
            QVERIFY(db);
            QCOMPARE(test::scalar(**db,
                                  QStringLiteral("SELECT new_value FROM audit_log WHERE action = "
                                                 "'school.print_settings' AND field = 'instructions_page'")),
                     QStringLiteral("0"));
        }

        auto on = school({QStringLiteral("--instructions"), QStringLiteral("on")});
        QVERIFY2(on.code == 0, qPrintable(on.out + on.err));
        const QString again = renderBook(QStringLiteral("instructions-again"));
        QVERIFY(again.contains(title));
        QCOMPARE(int(again.count(QLatin1Char('\f'))), pagesWith);
    }
};

QTEST_MAIN(TestSignatureAppearance)
#include "TestSignatureAppearance.moc"
