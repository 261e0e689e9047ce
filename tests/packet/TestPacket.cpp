// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreFixture.h"
#include "TestSupport.h"

#include "demo/DemoSchool.h"
#include "lifecycle/PacketBuilder.h"
#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "packet/PacketWriter.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

const QDateTime kCreated = QDateTime(QDate(2026, 6, 1), QTime(8, 30, 15), Qt::UTC);

lifecycle::BuildOptions fixedTime()
{
    lifecycle::BuildOptions o;
    o.createdAt = kCreated;
    return o;
}

} // namespace

class TestPacket : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    QList<Id> m_sections; ///< every section of 2025-2026

    /** The first section of the year whose packet has the given level. */
    Id sectionOfLevel(SchoolLevel level)
    {
        for (Id id : m_sections) {
            auto p = lifecycle::buildPacket(*m_db, id, fixedTime());
            if (p && p->level == level && p->results)
                return id;
        }
        return 0;
    }

    /** write → read → compare field by field, and read → write → compare bytes. */
    void roundTrip(const packet::Packet& p)
    {
        auto bytes = packet::writePacket(p);
        QVERIFY2(bytes, qPrintable(bytes ? QString() : describe(bytes.error())));
        auto back = packet::readPacket(*bytes);
        QVERIFY2(back, qPrintable(back ? QString() : describe(back.error())));
        const QStringList diff = packet::differences(p, *back);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QStringLiteral(", "))));
        auto again = packet::writePacket(*back);
        QVERIFY(again);
        QCOMPARE(*again, *bytes);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        demo::DemoOptions options;
        options.students = 100;
        options.seed = 11;
        options.year = SchoolYear {2025};
        const QString path = m_dir.filePath(QStringLiteral("demo.hocba"));
        auto report = demo::createDemoSchool(path, options);
        QVERIFY2(report, qPrintable(report ? QString() : describe(report.error())));
        auto db = store::Database::openOrCreate(path);
        QVERIFY(db);
        m_db = std::move(*db);
        auto ids = lifecycle::sectionsToExport(*m_db, SchoolYear {2025});
        QVERIFY(ids);
        QCOMPARE(ids->size(), 100);
        m_sections = *ids;
    }

    void roundTripEverySectionOfTheYear()
    {
        lifecycle::PacketBuilder builder(*m_db, fixedTime());
        int primary = 0, thcs = 0, withFindings = 0;
        for (Id id : m_sections) {
            auto p = builder.build(id);
            QVERIFY2(p, qPrintable(p ? QString() : describe(p.error())));
            QVERIFY(p->draft);
            QVERIFY(p->results);
            (p->level == SchoolLevel::Primary ? primary : thcs)++;
            withFindings += p->results->findings.isEmpty() ? 0 : 1;
            roundTrip(*p);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY(primary > 0);
        QVERIFY(thcs > 0);
        QVERIFY2(withFindings > 0, "the demo school has defects; drafts must carry their findings");
    }

    void writerOutputValidatesAndIsDeterministic()
    {
        const Id id = sectionOfLevel(SchoolLevel::Thcs);
        QVERIFY(id);
        auto a = lifecycle::buildPacket(*m_db, id, fixedTime());
        auto b = lifecycle::buildPacket(*m_db, id, fixedTime());
        QVERIFY(a && b);
        const QByteArray bytesA = *packet::writePacket(*a);
        QCOMPARE(*packet::writePacket(*b), bytesA);
        QVERIFY(packet::validatePacket(bytesA));
        QVERIFY(
            bytesA.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<RecordPacket xmlns=\"urn:hocba:packet:1\" "
                              "formatVersion=\"1.1\">"));
        QVERIFY(bytesA.contains("<Data Id=\"data\" createdAt=\"2026-06-01T08:30:15Z\" status=\"draft\">"));
        QVERIFY(bytesA.contains("<Signatures></Signatures>"));
        QVERIFY(!bytesA.contains("/>")); // no self-closing tags: the bytes are their own C14N form
        QVERIFY(bytesA.contains("<Results ruleSet=\"TT22/2021@v1\">"));
        QVERIFY(bytesA.contains("<RulesApplied>"));
        QVERIFY(bytesA.contains("<Rule>tt22."));
        // Averages are exact one-decimal strings.
        const QRegularExpression avg(QStringLiteral("<YearAverage>([^<]*)</YearAverage>"));
        auto it = avg.globalMatch(QString::fromUtf8(bytesA));
        int n = 0;
        while (it.hasNext()) {
            const QString v = it.next().captured(1);
            QVERIFY2(QRegularExpression(QStringLiteral("^(10\\.0|[0-9]\\.[0-9])$")).match(v).hasMatch(), qPrintable(v));
            ++n;
        }
        QVERIFY(n > 0);

        const QString digest = packet::packetDigest(bytesA);
        QCOMPARE(digest.size(), 43);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(digest).hasMatch());
        QCOMPARE(packet::packetDigest(QByteArray("abc")),
                 QStringLiteral("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"));
    }

    void primaryPacketCarriesLevelsAndResult()
    {
        const Id id = sectionOfLevel(SchoolLevel::Primary);
        QVERIFY(id);
        auto p = lifecycle::buildPacket(*m_db, id, fixedTime());
        QVERIFY(p);
        const QByteArray bytes = *packet::writePacket(*p);
        QVERIFY(bytes.contains("<Results ruleSet=\"TT27/2020@v1\">"));
        QVERIFY(QRegularExpression(QStringLiteral("<Result>(HTXS|HTT|HT|CHT)</Result>"))
                    .match(QString::fromUtf8(bytes))
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("<Level>[THC]</Level>")).match(QString::fromUtf8(bytes)).hasMatch());
        QVERIFY(bytes.contains("<Inputs circular=\"TT27\""));
        QVERIFY(!p->className.isEmpty());
        QVERIFY(!p->homeroomTeacherName.isEmpty());
        QVERIFY(!p->principalName.isEmpty());
        QVERIFY(!p->studyHistory.isEmpty());
        QCOMPARE(p->studyHistory.last().schoolYear, SchoolYear {2025});
        QCOMPARE(p->lookupCode.size(), 32);
    }

    void signedSectionIsFinalWithoutFindings()
    {
        const Id id = sectionOfLevel(SchoolLevel::Thcs);
        store::StudentRepository students(*m_db);
        QVERIFY(students.setSectionState(id, SectionState::Ready));
        QVERIFY(students.setSectionState(id, SectionState::Signed));
        auto p = lifecycle::buildPacket(*m_db, id, fixedTime());
        QVERIFY(p);
        QVERIFY(!p->draft);
        QVERIFY(p->results);
        QVERIFY(p->results->findings.isEmpty());
        const QByteArray bytes = *packet::writePacket(*p);
        QVERIFY(bytes.contains("status=\"final\""));
        QVERIFY(!bytes.contains("LintFindings"));
        roundTrip(*p);

        // A final packet with lint findings is not a packet this program writes: the reader refuses it.
        QByteArray forged = bytes;
        forged.replace("</Results>", "</Results>\n    <LintFindings></LintFindings>");
        auto r = packet::readPacket(forged);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("LintFindings")));
    }

    void everyStudentFieldWithDiacritics()
    {
        store::StudentRepository students(*m_db);
        auto section = students.section(m_sections.last());
        QVERIFY(section && *section);
        auto before = lifecycle::buildPacket(*m_db, m_sections.last(), fixedTime());
        QVERIFY(before);
        // Find the student behind the last section and give every field Vietnamese text.
        auto st = m_db->prepare(QStringLiteral("SELECT student_id FROM record WHERE id = ?1"));
        QVERIFY(st);
        st->bind(1, (*section)->recordId);
        QVERIFY(*st->step());
        auto student = students.student(st->int64(0));
        QVERIFY(student && *student);
        Student s = **student;
        s.fullName = QStringLiteral("Nguyễn Thị Ánh Tuyết");
        s.gender = Gender::Female;
        s.birthDate = QDate(2013, 9, 2);
        s.ethnicity = QStringLiteral("Ê Đê");
        s.nationality = QStringLiteral("Việt Nam");
        s.birthplace = QStringLiteral("Buôn Ma Thuột, Đắk Lắk");
        s.hometown = QStringLiteral("Xã Hòa Thắng, Đắk Lắk");
        s.address = QStringLiteral("Số 12 đường Lê Duẩn, phường Tân Lợi");
        s.fatherName = QStringLiteral("Nguyễn Văn Đức");
        s.fatherOccupation = QStringLiteral("Nông dân");
        s.motherName = QStringLiteral("Trần Thị Hường");
        s.motherOccupation = QStringLiteral("Giáo viên");
        s.guardianName = QStringLiteral("Lê Quốc Bảo");
        s.guardianOccupation = QStringLiteral("Kỹ sư");
        s.personalId = QStringLiteral("066313001234");
        s.moetCode = QStringLiteral("6612345678");
        s.registrationNumber = QStringLiteral("ĐB-15/2019");
        s.enrolmentDate = QDate(2019, 9, 5);
        QVERIFY(students.saveStudent(s));

        auto p = lifecycle::buildPacket(*m_db, m_sections.last(), fixedTime());
        QVERIFY(p);
        const QString xml = QString::fromUtf8(*packet::writePacket(*p));
        const QList<QPair<QString, QString>> expected {
            {QStringLiteral("FullName"), s.fullName},
            {QStringLiteral("BirthDate"), QStringLiteral("2013-09-02")},
            {QStringLiteral("Ethnicity"), s.ethnicity},
            {QStringLiteral("Nationality"), s.nationality},
            {QStringLiteral("Birthplace"), s.birthplace},
            {QStringLiteral("Hometown"), s.hometown},
            {QStringLiteral("Address"), s.address},
            {QStringLiteral("FatherName"), s.fatherName},
            {QStringLiteral("FatherOccupation"), s.fatherOccupation},
            {QStringLiteral("MotherName"), s.motherName},
            {QStringLiteral("MotherOccupation"), s.motherOccupation},
            {QStringLiteral("GuardianName"), s.guardianName},
            {QStringLiteral("GuardianOccupation"), s.guardianOccupation},
            {QStringLiteral("PersonalId"), s.personalId},
            {QStringLiteral("MoetCode"), s.moetCode},
            {QStringLiteral("RegistrationNumber"), s.registrationNumber},
            {QStringLiteral("EnrolmentDate"), QStringLiteral("2019-09-05")},
        };
        for (const auto& [element, value] : expected) {
            const QString needle = QStringLiteral("<%1>%2</%1>").arg(element, value);
            QVERIFY2(xml.contains(needle), qPrintable(element));
        }
        QVERIFY(xml.contains(QStringLiteral("<Student gender=\"female\">")));
        QVERIFY(xml.contains(
            QStringLiteral("<RegistrationNumber>ĐB-15/2019</RegistrationNumber>\n        <EnrolmentDate>")));
        roundTrip(*p);
        QCOMPARE(p->student.fullName, s.fullName);
    }

    void recordPacketsInYearOrder()
    {
        // A grade-9 student has the most history: pick one whose record has several years.
        store::StudentRepository students(*m_db);
        Id best = 0;
        qsizetype most = 0;
        for (Id id : m_sections) {
            auto s = students.section(id);
            QVERIFY(s && *s);
            auto all = students.sectionsOfRecord((*s)->recordId);
            QVERIFY(all);
            if (all->size() > most) {
                most = all->size();
                best = (*s)->recordId;
            }
        }
        QVERIFY(most >= 2);
        auto packets = lifecycle::buildRecordPackets(*m_db, best, fixedTime());
        QVERIFY(packets);
        QCOMPARE(packets->size(), most);
        for (qsizetype i = 1; i < packets->size(); ++i) {
            QVERIFY(packets->at(i - 1).schoolYear < packets->at(i).schoolYear);
            QCOMPARE(packets->at(i).lookupCode, packets->at(0).lookupCode);
        }
        QCOMPARE(packets->first().studyHistory.size(), most);
        QCOMPARE(packets->last().schoolYear, SchoolYear {2025});
        for (const packet::Packet& p : *packets)
            roundTrip(p);
        QVERIFY(!lifecycle::buildRecordPackets(*m_db, 999999));
        QCOMPARE(lifecycle::buildRecordPackets(*m_db, 999999).error().code, ErrorCode::NotFound);
    }

    /** A book of several years names each year's principal, never today's; a later change of principal leaves past
     * years alone. */
    void eachYearNamesThatYearsPrincipal()
    {
        store::StudentRepository students(*m_db);
        store::SchoolRepository schools(*m_db);
        Id best = 0;
        qsizetype most = 0;
        for (Id id : m_sections) {
            auto s = students.section(id);
            QVERIFY(s && *s);
            auto all = students.sectionsOfRecord((*s)->recordId);
            QVERIFY(all);
            if (all->size() > most) {
                most = all->size();
                best = (*s)->recordId;
            }
        }
        QVERIFY(most >= 4);
        auto school = schools.school();
        QVERIFY(school && *school);
        const QString today = (**school).principalName;
        QVERIFY(!today.isEmpty());
        auto packets = lifecycle::buildRecordPackets(*m_db, best, fixedTime());
        QVERIFY(packets);
        QSet<QString> names;
        for (const packet::Packet& p : *packets) {
            auto expected = schools.yearPrincipal(p.schoolYear);
            QVERIFY(expected && *expected);
            QVERIFY(!p.principalName.isEmpty());
            QCOMPARE(p.principalName, **expected);
            if (p.schoolYear == SchoolYear {2025})
                QCOMPARE(p.principalName, today);
            else
                QVERIFY2(p.principalName != today, qPrintable(p.schoolYear.toString()));
            names << p.principalName;
        }
        QVERIFY(names.size() >= 2); // the demo had other principals before this one

        // A new principal of the school: the years already open keep theirs; a year opened afterwards takes them.
        School changed = **school;
        changed.principalName = QStringLiteral("Hoàng Văn Mới");
        QVERIFY(schools.saveSchool(changed));
        auto after = lifecycle::buildRecordPackets(*m_db, best, fixedTime());
        QVERIFY(after);
        for (qsizetype i = 0; i < after->size(); ++i)
            QCOMPARE(after->at(i).principalName, packets->at(i).principalName);
        QVERIFY(schools.addSchoolYear(SchoolYear {2026}));
        QCOMPARE(*schools.yearPrincipal(SchoolYear {2026}), std::optional(QStringLiteral("Hoàng Văn Mới")));
        QCOMPARE(*schools.yearPrincipal(SchoolYear {2030}), std::nullopt);

        // Setting a past year's principal changes that year's page only.
        const SchoolYear first = packets->first().schoolYear;
        auto set = schools.setYearPrincipal(first, QStringLiteral("Đinh Thị Xưa"));
        QVERIFY(set && *set);
        QVERIFY(!*schools.setYearPrincipal(SchoolYear {2030}, QStringLiteral("Ai Đó")));
        auto again = lifecycle::buildRecordPackets(*m_db, best, fixedTime());
        QVERIFY(again);
        QCOMPARE(again->first().principalName, QStringLiteral("Đinh Thị Xưa"));
        QCOMPARE(again->last().principalName, today);
        changed.principalName = today;
        QVERIFY(schools.saveSchool(changed));
    }

    void sectionsOfOneClass()
    {
        store::SchoolRepository schools(*m_db);
        auto classes = schools.classes(SchoolYear {2025});
        QVERIFY(classes && !classes->isEmpty());
        int sum = 0;
        for (const ClassGroup& c : *classes) {
            auto ids = lifecycle::sectionsToExport(*m_db, SchoolYear {2025}, c.name);
            QVERIFY(ids);
            sum += int(ids->size());
        }
        QCOMPARE(sum, int(m_sections.size()));
        auto none = lifecycle::sectionsToExport(*m_db, SchoolYear {2025}, QStringLiteral("9Z9"));
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
        QVERIFY(!lifecycle::buildPacket(*m_db, 987654));
    }

    /** A THCS row names the teachers assigned to that class and subject that year; a primary row none. */
    void thcsRowsNameTheYearsSubjectTeachers()
    {
        const Id id = sectionOfLevel(SchoolLevel::Thcs);
        QVERIFY(id);
        store::StudentRepository students(*m_db);
        auto section = students.section(id);
        QVERIFY(section && *section && (*section)->classId);
        const Id classId = *(*section)->classId;
        auto teachers = store::SchoolRepository(*m_db).teachers();
        QVERIFY(teachers && !teachers->isEmpty());
        // Two accounts teach Toán in the class (the second from the second semester); one, linked to a teacher of
        // the school's list, teaches Ngữ văn; one teaches Toán in another year's class.
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO app_user (id, login, full_name, role, teacher_id) VALUES "
                                          "(901, 'gv.toan', 'Nguyễn Văn Toán', 'subject_teacher', NULL), "
                                          "(902, 'gv.toan2', 'Lê Thị Số', 'subject_teacher', NULL), "
                                          "(903, 'gv.van', 'tên tài khoản', 'subject_teacher', %1)")
                               .arg(teachers->first().id)));
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO assignment (school_year, user_id, class_id, subject) VALUES "
                                          "(2025, 901, %1, 'toan'), (2025, 902, %1, 'toan'), "
                                          "(2025, 903, %1, 'ngu_van'), (2025, 903, %1, NULL)")
                               .arg(classId)));
        auto p = lifecycle::buildPacket(*m_db, id, fixedTime());
        QVERIFY(p);
        QHash<QString, QString> names;
        for (const SubjectEntry& s : p->inputs.subjects)
            names.insert(s.code, s.teacherName);
        QCOMPARE(names.value(QStringLiteral("toan")), QStringLiteral("Nguyễn Văn Toán, Lê Thị Số"));
        QCOMPARE(names.value(QStringLiteral("ngu_van")), teachers->first().fullName);
        QCOMPARE(names.value(QStringLiteral("khtn")), QString());
        const QByteArray bytes = *packet::writePacket(*p);
        QVERIFY(bytes.contains("<TeacherName>Nguyễn Văn Toán, Lê Thị Số</TeacherName>"));
        roundTrip(*p);
        // The teacher's name is not an input: the stored rows do not carry it.
        const auto rows = students.assessments(id);
        QVERIFY(rows);
        for (const Assessment& a : *rows)
            QVERIFY(a.item != QLatin1String("teacher"));
        QVERIFY(m_db->exec(QStringLiteral("DELETE FROM assignment; DELETE FROM app_user WHERE id > 900;")));
    }

    void xmllintAcceptsThePacket()
    {
        const QString xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
        if (xmllint.isEmpty())
            QSKIP("xmllint (libxml2-utils) is not installed");
        auto p = lifecycle::buildPacket(*m_db, m_sections.first(), fixedTime());
        QVERIFY(p);
        const QString file = m_dir.filePath(QStringLiteral("one.xml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(*packet::writePacket(*p));
        f.close();
        const QString xsd
            = qEnvironmentVariable("HOCBA_SOURCE_DIR") + QStringLiteral("/resources/packet/hocba-packet-1.xsd");
        QProcess proc;
        proc.start(xmllint,
                   {QStringLiteral("--noout"), QStringLiteral("--nonet"), QStringLiteral("--schema"), xsd, file});
        QVERIFY(proc.waitForFinished(30000));
        QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());

        // The writer's bytes are already their exclusive C14N form (what XMLDSig will digest), minus the declaration.
        QProcess c14n;
        c14n.start(xmllint, {QStringLiteral("--exc-c14n"), file});
        QVERIFY(c14n.waitForFinished(30000));
        QCOMPARE(c14n.exitCode(), 0);
        QByteArray expected = test::fileBytes(file);
        expected = expected.mid(expected.indexOf('\n') + 1);
        expected.chop(1);
        QCOMPARE(c14n.readAllStandardOutput(), expected);
    }
};

QTEST_GUILESS_MAIN(TestPacket)
#include "TestPacket.moc"
