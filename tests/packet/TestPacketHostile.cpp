// SPDX-License-Identifier: GPL-3.0-or-later
#include "SamplePacket.h"
#include "packet/PacketReader.h"
#include "packet/PacketWriter.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using namespace hocba;

using hocba::test::samplePacket;

class TestPacketHostile : public QObject
{
    Q_OBJECT

    QByteArray m_valid;

    /** Reads `bytes`, expecting a clean InvalidInput error that names a line (and the element when given). */
    void expectRejected(const QByteArray& bytes, const QString& element = {}, int line = 0)
    {
        QElapsedTimer t;
        t.start();
        auto r = packet::readPacket(bytes);
        QVERIFY2(!r, "hostile input was accepted");
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        const QString m = r.error().message;
        QVERIFY2(QRegularExpression(QStringLiteral("^Line [0-9]+")).match(m).hasMatch()
                     || m.contains(QStringLiteral("MiB")),
                 qPrintable(m));
        if (!element.isEmpty())
            QVERIFY2(m.contains(QStringLiteral("<%1>").arg(element)), qPrintable(m));
        if (line > 0)
            QVERIFY2(m.startsWith(QStringLiteral("Line %1,").arg(line))
                         || m.startsWith(QStringLiteral("Line %1:").arg(line)),
                     qPrintable(m));
        QVERIFY2(t.elapsed() < 5000, "hostile input took too long");
    }

    int lineOf(const QByteArray& needle) const { return int(m_valid.left(m_valid.indexOf(needle)).count('\n')) + 1; }

private Q_SLOTS:
    void initTestCase()
    {
        auto bytes = packet::writePacket(samplePacket());
        QVERIFY(bytes);
        m_valid = *bytes;
        auto back = packet::readPacket(m_valid);
        QVERIFY2(back, qPrintable(back ? QString() : describe(back.error())));
    }

    void handMadePacketRoundTrips()
    {
        const packet::Packet p = samplePacket();
        auto back = packet::readPacket(m_valid);
        QVERIFY(back);
        const QStringList diff = packet::differences(p, *back);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QStringLiteral(", "))));
        QCOMPARE(*packet::writePacket(*back), m_valid);
        // C14N escaping of text: & < > and CR; quotes and tabs stay literal in text.
        QVERIFY(m_valid.contains("Tiến bộ &lt;rõ&gt; &amp; \"đều\"&#xD;\nCố gắng\thơn"));
        QVERIFY(m_valid.contains("<Regular></Regular>"));
        QVERIFY(m_valid.contains("<LintFindings>"));
        QVERIFY(m_valid.contains("<YearAverage>10.0</YearAverage>"));
        QVERIFY(m_valid.contains("<RetestScore>0.0</RetestScore>"));
        QVERIFY(m_valid.contains("<Comment></Comment>\n  </Inputs>")
                || m_valid.contains("<Comment></Comment>\n    </Inputs>"));
    }

    /** Format 1.1: every field issue 13 added survives write → read → write, and each one is seen by differences(). */
    void formatOnePointOneFieldsRoundTrip()
    {
        packet::Packet p = samplePacket();
        p.draft = false;
        p.results->findings.clear();
        p.correctedPlaces = 3;
        p.principalSignature = packet::SignatureAppearance {
            QStringLiteral("Phạm Thị Hoà"), QStringLiteral("Hiệu trưởng"), QStringLiteral("VNPT-CA SHA-256"),
            QDateTime(QDate(2026, 5, 30), QTime(9, 15, 0), Qt::UTC)};
        p.inputs.subjects[0].teacherName = QStringLiteral("Nguyễn Văn Bình");
        SubjectEntry nn;
        nn.code = QStringLiteral("ngoai_ngu_1");
        nn.languageName = QStringLiteral("Tiếng Anh");
        p.inputs.subjects << nn;
        p.inputs.qualityComments.insert(QStringLiteral("cham_chi"), QStringLiteral("Chăm chỉ, tự giác"));
        p.inputs.competencyComments.insert(QStringLiteral("tu_chu"), QStringLiteral("Tự chủ trong học tập"));
        p.inputs.heightCm = QStringLiteral("132,5");
        p.inputs.weightKg = QStringLiteral("30");
        p.inputs.absencesExcused = QStringLiteral("2");
        p.inputs.absencesUnexcused = QStringLiteral("0");
        p.inputs.certificates << QStringLiteral("Chứng chỉ tiếng Anh A2, 05/2026");
        p.inputs.competitions << QStringLiteral("Giải Nhì Hội khoẻ Phù Đổng cấp huyện")
                              << QStringLiteral("Giải Ba Toán tuổi thơ");
        auto bytes = packet::writePacket(p);
        QVERIFY2(bytes, qPrintable(bytes ? QString() : describe(bytes.error())));
        QVERIFY(bytes->contains("formatVersion=\"1.1\""));
        QVERIFY(bytes->contains("<CorrectedPlaces>3</CorrectedPlaces>"));
        QVERIFY(bytes->contains("<SignedAt>2026-05-30T09:15:00Z</SignedAt>"));
        auto back = packet::readPacket(*bytes);
        QVERIFY2(back, qPrintable(back ? QString() : describe(back.error())));
        const QStringList diff = packet::differences(p, *back);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QStringLiteral(", "))));
        QCOMPARE(*packet::writePacket(*back), *bytes);
        QCOMPARE(back->inputs.competitions.size(), 2);
        QCOMPARE(back->principalSignature->signedAt.timeSpec(), Qt::UTC);

        // Each new field on its own is a difference, named by its path.
        const auto changed = [&](auto edit) {
            packet::Packet q = p;
            edit(q);
            return packet::differences(p, q);
        };
        QCOMPARE(changed([](packet::Packet& q) { q.correctedPlaces.reset(); }), QStringList {"correctedPlaces"});
        QCOMPARE(changed([](packet::Packet& q) { q.principalSignature->holderName = QStringLiteral("X"); }),
                 QStringList {"principalSignature.holderName"});
        QCOMPARE(changed([](packet::Packet& q) { q.principalSignature->role = QStringLiteral("X"); }),
                 QStringList {"principalSignature.role"});
        QCOMPARE(changed([](packet::Packet& q) { q.principalSignature->issuer = QStringLiteral("X"); }),
                 QStringList {"principalSignature.issuer"});
        QCOMPARE(changed([](packet::Packet& q) {
                     q.principalSignature->signedAt = q.principalSignature->signedAt.addSecs(1);
                 }),
                 QStringList {"principalSignature.signedAt"});
        QCOMPARE(changed([](packet::Packet& q) { q.principalSignature.reset(); }), QStringList {"principalSignature"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.subjects[1].languageName = QStringLiteral("Tiếng Pháp"); }),
                 QStringList {"inputs.subjects.ngoai_ngu_1.languageName"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.subjects[0].teacherName.clear(); }),
                 QStringList {"inputs.subjects.toan.teacherName"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.qualityComments[QStringLiteral("cham_chi")] = "a"; }),
                 QStringList {"inputs.qualityComments.cham_chi"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.competencyComments.clear(); }),
                 QStringList {"inputs.competencyComments.tu_chu"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.heightCm = QStringLiteral("133"); }),
                 QStringList {"inputs.heightCm"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.weightKg.clear(); }), QStringList {"inputs.weightKg"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.absencesExcused = QStringLiteral("3"); }),
                 QStringList {"inputs.absencesExcused"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.absencesUnexcused = QStringLiteral("1"); }),
                 QStringList {"inputs.absencesUnexcused"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.certificates.clear(); }),
                 QStringList {"inputs.certificates[0]"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.competitions[1] = QStringLiteral("Giải Nhất"); }),
                 QStringList {"inputs.competitions[1]"});
        QCOMPARE(changed([](packet::Packet& q) { q.inputs.subjects[0].hk1.regular[2] = QStringLiteral("9"); }),
                 QStringList {"inputs.subjects.toan.hk1.regular[2]"});

        // The correction count: printed places of the year only, never bookkeeping.
        packet::Packet corrected = p;
        corrected.version = 3;
        corrected.createdAt = p.createdAt.addDays(10);
        corrected.principalSignature.reset();
        corrected.correctedPlaces = 7;
        corrected.student.fullName = QStringLiteral("Lê Văn Tùng Anh");
        QCOMPARE(packet::correctedPlaces(p, corrected), 0);
        corrected.inputs.subjects[0].hk1.final = QStringLiteral("9");
        corrected.results->thcsOutcome.subjects[0].hk1Average = 85;
        corrected.results->rulesApplied << QStringLiteral("tt22.other");
        corrected.inputs.certificates << QStringLiteral("Chứng chỉ tin học cơ bản");
        QCOMPARE(packet::correctedPlaces(p, corrected), 3);
    }

    /** A packet of format 1 (before issue 13) is still read; one that carries 1.1's elements, or a format to come, is
     * not. */
    void formatOnePacketIsStillRead()
    {
        QByteArray v1 = m_valid;
        QVERIFY(v1.contains("formatVersion=\"1.1\""));
        v1.replace("formatVersion=\"1.1\"", "formatVersion=\"1\"");
        auto back = packet::readPacket(v1);
        QVERIFY2(back, qPrintable(back ? QString() : describe(back.error())));
        const QStringList diff = packet::differences(samplePacket(), *back);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QStringLiteral(", "))));
        QVERIFY(!back->correctedPlaces);
        QVERIFY(!back->principalSignature);
        QVERIFY(back->inputs.certificates.isEmpty());
        // Written again, it says the same thing in the current format.
        QCOMPARE(*packet::writePacket(*back), m_valid);

        QByteArray mixed = v1;
        const qsizetype at = mixed.indexOf("</Section>");
        QVERIFY(at > 0);
        mixed.insert(at, "<CorrectedPlaces>2</CorrectedPlaces>");
        QVERIFY(mixed != v1);
        expectRejected(mixed, QStringLiteral("Section"));

        for (const char* version : {"2", "1.2", "1.0", ""}) {
            QByteArray future = m_valid;
            future.replace("formatVersion=\"1.1\"", QByteArray("formatVersion=\"") + version + '"');
            expectRejected(future);
        }
    }

    void controlCharacterIsRefusedByTheWriter()
    {
        packet::Packet p = samplePacket();
        p.student.address = QStringLiteral("Số 1") + QChar(0x1) + QStringLiteral("Lê Lợi");
        auto bytes = packet::writePacket(p);
        QVERIFY(!bytes);
        QVERIFY(bytes.error().message.contains(QStringLiteral("<Address>")));
    }

    void empty() { expectRejected(QByteArray(), {}, 1); }
    void notXml() { expectRejected(QByteArrayLiteral("%PDF-1.7\n binary"), {}, 1); }

    void truncated()
    {
        for (const qsizetype cut : {m_valid.size() / 3, m_valid.size() / 2, m_valid.size() - 3})
            expectRejected(m_valid.left(cut));
        expectRejected(m_valid.left(m_valid.size() / 2), QString());
    }

    void oversized()
    {
        QByteArray big = m_valid;
        big.replace("</TransferFrom>", QByteArray(5 * 1024 * 1024, 'a') + "</TransferFrom>");
        auto r = packet::readPacket(big);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("4 MiB")));
    }

    void deeplyNested()
    {
        QByteArray deep = "<?xml version=\"1.0\"?>\n<RecordPacket xmlns=\"urn:hocba:packet:1\" formatVersion=\"1\">";
        for (int i = 0; i < 100000; ++i)
            deep += "<a>";
        for (int i = 0; i < 100000; ++i)
            deep += "</a>";
        deep += "</RecordPacket>";
        expectRejected(deep, QStringLiteral("a"), 2);
    }

    // Refused by counting before libxml2 parses: 100,000 attributes took libxml2 minutes (each one is compared with
    // every other), and the checks must hold for any later reader of the document, not only the schema.
    void tooManyAttributesDepthOrElements()
    {
        QByteArray attributes;
        for (int i = 0; i < 100000; ++i)
            attributes += " a" + QByteArray::number(i) + "=\"1\"";
        QByteArray b = m_valid;
        b.replace("<Data ", "<Data" + attributes + " ");
        QElapsedTimer t;
        t.start();
        expectRejected(b, QStringLiteral("Data"), lineOf("<Data "));
        QVERIFY(packet::readPacket(b).error().message.contains(QStringLiteral("more than 32 attributes")));
        QByteArray deep = m_valid;
        deep.replace("<Ethnicity>", QByteArray("<a>").repeated(70) + QByteArray("</a>").repeated(70) + "<Ethnicity>");
        expectRejected(deep, QStringLiteral("a"), lineOf("<Ethnicity>"));
        QVERIFY(packet::readPacket(deep).error().message.contains(QStringLiteral("more than 64 levels")));
        QByteArray many = m_valid;
        many.replace("<Ethnicity>", QByteArray("<a/>").repeated(60000) + "<Ethnicity>");
        expectRejected(many, QStringLiteral("a"));
        QVERIFY(packet::readPacket(many).error().message.contains(QStringLiteral("more than 50000 elements")));
        // The caps stop the reader early on hostile sizes. The bound is loose: these machines vary several-fold from
        // day to day, and a sanitizer build is slower still.
#if defined(__SANITIZE_ADDRESS__)
        constexpr qint64 limitMs = 10000;
#else
        constexpr qint64 limitMs = 3000;
#endif
        QVERIFY2(t.elapsed() < limitMs, qPrintable(QString::number(t.elapsed())));
    }

    void entityDeclarationWithoutDoctype()
    {
        QByteArray b = m_valid;
        b.insert(b.indexOf('\n') + 1, "<!ENTITY x \"y\">\n");
        expectRejected(b, QStringLiteral("!ENTITY"), 2);
    }

    void wrongNamespace()
    {
        QByteArray b = m_valid;
        b.replace("urn:hocba:packet:1", "urn:hocba:packet:2");
        expectRejected(b, QStringLiteral("RecordPacket"), 2);
    }

    void billionLaughs()
    {
        QByteArray b = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
        b += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
        for (int i = 2; i <= 9; ++i)
            b += QStringLiteral(" <!ENTITY lol%1 \"%2\">\n")
                     .arg(i)
                     .arg(QStringLiteral("&lol%1;").arg(i - 1).repeated(10))
                     .toUtf8();
        b += "]>\n";
        b += m_valid.mid(m_valid.indexOf('\n') + 1).replace("Lê Văn Tùng", "&lol9;");
        expectRejected(b, QStringLiteral("!DOCTYPE"), 2);
    }

    void externalEntity()
    {
        QByteArray b
            = "<?xml version=\"1.0\"?>\n<!DOCTYPE RecordPacket [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n";
        b += m_valid.mid(m_valid.indexOf('\n') + 1).replace("Lê Văn Tùng", "&xxe;");
        auto r = packet::readPacket(b);
        QVERIFY(!r);
        QVERIFY(!r.error().message.contains(QStringLiteral("root:")));
        expectRejected(b, QStringLiteral("!DOCTYPE"), 2);
        // Without a DOCTYPE an entity reference is simply undefined.
        QByteArray c = m_valid;
        c.replace("Lê Văn Tùng", "&xxe;");
        expectRejected(c, QStringLiteral("FullName"), lineOf("<FullName>"));
    }

    void invalidUtf8()
    {
        QByteArray b = m_valid;
        b.replace("Lê Văn Tùng", "L\xC3\x28 V\xFF");
        expectRejected(b, QStringLiteral("FullName"), lineOf("<FullName>"));
        // Declaring another encoding does not make the bytes Latin-1: UTF-8 is forced.
        QByteArray latin = m_valid;
        latin.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        latin.replace("Lê Văn Tùng", "L\xEA V\xE3n");
        expectRejected(latin, QStringLiteral("FullName"));
    }

    void notNfc()
    {
        QByteArray b = m_valid;
        const QString decomposed = QStringLiteral("Lê Văn Tùng").normalized(QString::NormalizationForm_D);
        b.replace("Lê Văn Tùng", decomposed.toUtf8());
        expectRejected(b, QStringLiteral("FullName"), lineOf("<FullName>"));
        QByteArray a = m_valid;
        a.replace("moetCode=\"66000123\"",
                  "moetCode=\"" + QStringLiteral("Hệ").normalized(QString::NormalizationForm_D).toUtf8() + "\"");
        expectRejected(a, QStringLiteral("School"), lineOf("<School "));
    }

    void missingRequiredElement()
    {
        QByteArray b = m_valid;
        const qsizetype from = b.indexOf("<Ethnicity>");
        const qsizetype to = b.indexOf("</Ethnicity>") + qsizetype(strlen("</Ethnicity>"));
        b.remove(from, to - from);
        expectRejected(b, QStringLiteral("Nationality"), lineOf("<Nationality>"));
        QByteArray noData = m_valid;
        noData.replace("Id=\"data\" ", "");
        expectRejected(noData, QStringLiteral("Data"), lineOf("<Data "));
    }

    void unknownElement()
    {
        QByteArray b = m_valid;
        b.replace("<Ethnicity>", "<Religion>x</Religion><Ethnicity>");
        expectRejected(b, QStringLiteral("Religion"), lineOf("<Ethnicity>"));
        QByteArray attr = m_valid;
        attr.replace("<Student gender=\"male\">", "<Student gender=\"male\" note=\"x\">");
        expectRejected(attr, QStringLiteral("Student"), lineOf("<Student "));
    }

    void scoreWithComma()
    {
        QByteArray b = m_valid;
        b.replace("<Hk1Average>7.9</Hk1Average>", "<Hk1Average>7,9</Hk1Average>");
        expectRejected(b, QStringLiteral("Hk1Average"), lineOf("<Hk1Average>"));
        QByteArray over = m_valid;
        over.replace("<Hk1Average>7.9</Hk1Average>", "<Hk1Average>10.5</Hk1Average>");
        expectRejected(over, QStringLiteral("Hk1Average"));
        QByteArray code = m_valid;
        code.replace("<LearningYear>K</LearningYear>", "<LearningYear>Giỏi</LearningYear>");
        expectRejected(code, QStringLiteral("LearningYear"));
    }

    void badSchoolYearAndDates()
    {
        QByteArray y = m_valid;
        y.replace("<Section awaitingAdditionalAssessment=\"false\" grade=\"7\" schoolYear=\"2025-2026\">",
                  "<Section awaitingAdditionalAssessment=\"false\" grade=\"7\" schoolYear=\"2025-2027\">");
        expectRejected(y, QStringLiteral("Section"));
        QByteArray d = m_valid;
        d.replace("<BirthDate>2012-01-31</BirthDate>", "<BirthDate>2012-02-31</BirthDate>");
        expectRejected(d, QStringLiteral("BirthDate"));
    }

    void processingTricksAreHarmless()
    {
        // xi:include is not processed (no XInclude option); schema rejects the foreign element.
        QByteArray b = m_valid;
        b.replace("<Ethnicity>",
                  "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/><Ethnicity>");
        expectRejected(b);
        // A schemaLocation hint is ignored: validation always uses the embedded XSD.
        QByteArray s = m_valid;
        QVERIFY(s.contains("formatVersion=\"1.1\">"));
        s.replace("formatVersion=\"1.1\">",
                  "formatVersion=\"1.1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                  "xsi:schemaLocation=\"urn:hocba:packet:1 http://example.invalid/x.xsd\">");
        QVERIFY(packet::readPacket(s));
    }
};

QTEST_GUILESS_MAIN(TestPacketHostile)
#include "TestPacketHostile.moc"
