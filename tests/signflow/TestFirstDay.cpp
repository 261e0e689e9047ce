// SPDX-License-Identifier: GPL-3.0-or-later
// A school's first day, end to end through the real hocba-cli binary (issue "A real school in the app", Done when):
// an empty school file, its accounts and assignments, a student list and the grade books of a THCS class and a
// primary class from workbooks this test writes in the layouts schools have (a VnEdu-style .xlsx with merged title
// rows, an .xls, CSV), the homeroom teachers' books, then each homeroom teacher confirms their class, the principal
// signs with a SoftHSM2 token, and the exported signed packets carry the imported marks and verify.

#include "WorkbookFixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kSoftHsm = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
const QByteArray kPassword = "mat-khau-ngay-dau";

struct Run
{
    int code = -1;
    QString out;
};

Run runProgram(const QString& program, const QStringList& args, const QByteArray& pin = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("HOCBA_PASSWORD"));
    if (!pin.isEmpty())
        env.insert(QStringLiteral("HOCBA_PIN"), QString::fromLatin1(pin));
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(300000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

QString cliPath()
{
    return QDir(QString::fromLocal8Bit(qgetenv("HOCBA_BINARY_DIR"))).filePath(QStringLiteral("app/hocba-cli"));
}

using Rows = QList<QStringList>;

/** An .xlsx of one sheet whose leading one-cell rows are titles merged across the sheet, as schools write them. */
bool writeXlsx(const QString& path, const Rows& rows)
{
    int titles = 0;
    while (titles < rows.size() && rows.at(titles).size() == 1)
        ++titles;
    return hocba::test::writeXlsxRows(path, QStringLiteral("Sheet1"), rows, titles);
}

bool writeCsv(const QString& path, const Rows& rows)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    for (const QStringList& row : rows) {
        QStringList quoted;
        for (const QString& cell : row)
            quoted << (cell.contains(QLatin1Char(',')) ? QLatin1Char('"') + cell + QLatin1Char('"') : cell);
        f.write(quoted.join(QLatin1Char(',')).toUtf8() + '\n');
    }
    return true;
}

/** An .xls (BIFF8) written by python3-xlwt, as older VnEdu and CSDL exports are; false when xlwt is missing. */
bool writeXls(const QString& path, const Rows& rows)
{
    const QString python = hocba::test::pythonWithXlwt();
    if (python.isEmpty())
        return false;
    QJsonArray json;
    for (const QStringList& row : rows)
        json.append(QJsonArray::fromStringList(row));
    return hocba::test::runPython(
               python,
               QStringLiteral("import sys, json, xlwt\n"
                              "book = xlwt.Workbook(encoding='utf-8')\nsheet = book.add_sheet('Sheet1')\n"
                              "for r, row in enumerate(json.loads(sys.argv[2])):\n"
                              "    for c, cell in enumerate(row):\n"
                              "        sheet.write(r, c, cell)\n"
                              "book.save(sys.argv[1])\n"),
               {path, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))})
        .isEmpty();
}

struct Pupil
{
    QString moet;
    QString personalId;
    QString name;
    QString birth;
    QString gender;
    QString cls;
};

const QList<Pupil> kPupils {
    {u"0100000101"_qs, u"001214000101"_qs, u"Nguyễn Văn An"_qs, u"05/03/2014"_qs, u"Nam"_qs, u"6A1"_qs},
    {u"0100000102"_qs, u"001314000102"_qs, u"Trần Thị Bích"_qs, u"12/11/2014"_qs, u"Nữ"_qs, u"6A1"_qs},
    {u"0100000103"_qs, u"001214000103"_qs, u"Lê Minh Châu"_qs, u"30/01/2014"_qs, u"Nam"_qs, u"6A1"_qs},
    {u"0100000201"_qs, u"001319000201"_qs, u"Phạm Thu Hà"_qs, u"14/02/2019"_qs, u"Nữ"_qs, u"1A"_qs},
    {u"0100000202"_qs, u"001219000202"_qs, u"Đỗ Quang Huy"_qs, u"09/09/2019"_qs, u"Nam"_qs, u"1A"_qs},
};

QList<Pupil> inClass(const QString& cls)
{
    QList<Pupil> out;
    for (const Pupil& p : kPupils)
        if (p.cls == cls)
            out << p;
    return out;
}

const QStringList kThcsScoreSubjects {u"ngu_van"_qs,        u"toan"_qs, u"ngoai_ngu_1"_qs, u"gdcd"_qs,
                                      u"lich_su_dia_li"_qs, u"khtn"_qs, u"cong_nghe"_qs,   u"tin_hoc"_qs};
const QStringList kThcsCommentSubjects {u"gdtc"_qs, u"am_nhac"_qs, u"mi_thuat"_qs, u"noi_dung_gddp"_qs, u"hdtn_hn"_qs};
const QStringList kGrade1Subjects {u"tieng_viet"_qs, u"toan"_qs,    u"dao_duc"_qs,  u"tnxh"_qs,
                                   u"gdtc"_qs,       u"am_nhac"_qs, u"mi_thuat"_qs, u"hdtn"_qs};

} // namespace

class TestFirstDay : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    QString m_passwordFile;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    Run cli(const QStringList& args, const QByteArray& pin = {}) { return runProgram(cliPath(), args, pin); }

    /** `args` on the school file, logged in as `login` (every account here has the same password file). */
    Run as(const QString& login, const QStringList& args, const QByteArray& pin = {},
           const QString& passwordOption = QStringLiteral("--password-file"))
    {
        return cli(args
                       + QStringList {QStringLiteral("--db"), m_db, QStringLiteral("--user"), login, passwordOption,
                                      m_passwordFile},
                   pin);
    }

    void addUser(const QString& login, const QString& name, const QString& role)
    {
        const Run r = as(QStringLiteral("it.truong"),
                         {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--login"), login,
                          QStringLiteral("--name"), name, QStringLiteral("--role"), role,
                          QStringLiteral("--password-file"), m_passwordFile},
                         {}, QStringLiteral("--user-password-file"));
        QVERIFY2(r.code == 0, qPrintable(r.out));
    }

    void assign(const QString& teacher, const QString& cls, const QString& subject)
    {
        const Run r = as(QStringLiteral("it.truong"),
                         {QStringLiteral("assign"), QStringLiteral("--teacher"), teacher, QStringLiteral("--class"),
                          cls, QStringLiteral("--subject"), subject});
        QVERIFY2(r.code == 0, qPrintable(r.out));
    }

    void importAs(const QString& login, const QString& kind, const QString& file, const QStringList& extra)
    {
        const Run r = as(login, QStringList {QStringLiteral("import"), kind, QStringLiteral("--file"), file} + extra);
        QVERIFY2(r.code == 0, qPrintable(kind + QStringLiteral(" ") + file + QStringLiteral(": ") + r.out));
    }

    /** A THCS book of one subject and term: every pupil 4 regular marks, a midterm and a final. */
    Rows thcsBook(const QString& subject, const QString& term, const QStringList& titles)
    {
        const bool byComment = kThcsCommentSubjects.contains(subject);
        Rows rows;
        for (const QString& t : titles)
            rows << QStringList {t};
        rows << QStringList {u"STT"_qs,       u"Mã định danh Bộ GD&ĐT"_qs,
                             u"Họ và tên"_qs, u"Ngày sinh"_qs,
                             u"ĐĐGtx1"_qs,    u"ĐĐGtx2"_qs,
                             u"ĐĐGtx3"_qs,    u"ĐĐGtx4"_qs,
                             u"ĐĐGgk"_qs,     u"ĐĐGck"_qs,
                             u"Nhận xét"_qs};
        int n = 0;
        for (const Pupil& p : inClass(u"6A1"_qs)) {
            ++n;
            QStringList marks = byComment ? QStringList {u"Đ"_qs, u"Đ"_qs, u"Đ"_qs, u"Đ"_qs, u"Đ"_qs, u"Đ"_qs}
                                          : QStringList {u"8"_qs, u"9"_qs, u"8"_qs, u"9"_qs, u"8,5"_qs, u"9"_qs};
            // The one mark the signed record is checked for: An's mathematics midterm of the first term.
            if (subject == QLatin1String("toan") && term == QLatin1String("hk1") && n == 1)
                marks[4] = u"7,5"_qs;
            rows << QStringList {QString::number(n), p.moet, p.name, p.birth} + marks
                    + QStringList {u"Em học tập chăm chỉ, tiến bộ rõ."_qs};
        }
        return rows;
    }

    /** A primary (TT27) book of one subject for the year: a level, the periodic test where the grade has one. */
    Rows primaryBook(const QString& subject)
    {
        const bool tested = subject == QLatin1String("tieng_viet") || subject == QLatin1String("toan");
        Rows rows {{u"Năm học 2025-2026"_qs},
                   {u"STT"_qs, u"Mã định danh"_qs, u"Họ và tên"_qs, u"Ngày sinh"_qs, u"Mức đạt được"_qs,
                    u"Điểm KTĐK"_qs, u"Nhận xét"_qs}};
        int n = 0;
        for (const Pupil& p : inClass(u"1A"_qs)) {
            ++n;
            rows << QStringList {QString::number(n),
                                 p.moet,
                                 p.name,
                                 p.birth,
                                 n == 1 ? u"T"_qs : u"H"_qs,
                                 tested ? (n == 1 ? u"10"_qs : u"8"_qs) : QString(),
                                 u"Em hoàn thành tốt nội dung môn học."_qs};
        }
        return rows;
    }

    /** The exported packet of the pupil named `name`. */
    QString packetOf(const QString& folder, const QString& name)
    {
        const QDir dir(folder);
        for (const QFileInfo& f : dir.entryInfoList({QStringLiteral("*.xml")}, QDir::Files)) {
            QFile file(f.filePath());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(file.readAll());
            if (text.contains(name))
                return text;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!QFile::exists(kSoftHsm) || QStandardPaths::findExecutable(QStringLiteral("pkcs11-tool")).isEmpty())
            QSKIP("softhsm2/opensc not installed (scripts/setup.sh installs them)");
        const Run token = runProgram(QStringLiteral("bash"),
                                     {QDir(QString::fromLocal8Bit(qgetenv("HOCBA_SOURCE_DIR")))
                                          .filePath(QStringLiteral("tests/token/make-test-token.sh")),
                                      m_dir.path()});
        QVERIFY2(token.code == 0, qPrintable(token.out));
        qputenv("SOFTHSM2_CONF", QFile::encodeName(path(QStringLiteral("softhsm2.conf"))));
        m_db = path(QStringLiteral("thcs-th-hoa-sen.hocba"));
        m_passwordFile = path(QStringLiteral("mat-khau"));
        QFile pw(m_passwordFile);
        QVERIFY(pw.open(QIODevice::WriteOnly) && pw.write(kPassword) == kPassword.size());
        pw.close();
        QVERIFY(pw.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    }

    void aSchoolFromNothingIsSigned()
    {
        // 1. The empty school file and its administrator.
        Run r = cli({QStringLiteral("init"), QStringLiteral("--db"), m_db, QStringLiteral("--school-name"),
                     QStringLiteral("Trường TH và THCS Hoa Sen"), QStringLiteral("--school-code"),
                     QStringLiteral("01000777"), QStringLiteral("--province"), QStringLiteral("Hà Nội"),
                     QStringLiteral("--levels"), QStringLiteral("both"), QStringLiteral("--year"),
                     QStringLiteral("2025-2026"), QStringLiteral("--admin"), QStringLiteral("it.truong"),
                     QStringLiteral("--password-file"), m_passwordFile});
        QVERIFY2(r.code == 0, qPrintable(r.out));

        // 2. Accounts, classes with their homeroom teachers, subject assignments.
        addUser(QStringLiteral("hieu.truong"), QStringLiteral("Nguyễn Thị Hồng Nhung"), QStringLiteral("principal"));
        addUser(QStringLiteral("gvcn.6a1"), QStringLiteral("Vũ Thị Lan"), QStringLiteral("homeroom"));
        addUser(QStringLiteral("gvcn.1a"), QStringLiteral("Hoàng Văn Nam"), QStringLiteral("homeroom"));
        addUser(QStringLiteral("gv.toan"), QStringLiteral("Bùi Đức Thắng"), QStringLiteral("subject"));
        addUser(QStringLiteral("gv.bomon"), QStringLiteral("Lý Thị Mai"), QStringLiteral("subject"));
        for (const auto& [cls, homeroom] :
             {std::pair {u"6A1"_qs, u"gvcn.6a1"_qs}, std::pair {u"1A"_qs, u"gvcn.1a"_qs}}) {
            r = as(QStringLiteral("it.truong"),
                   {QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("--year"),
                    QStringLiteral("2025-2026"), QStringLiteral("--name"), cls, QStringLiteral("--homeroom"),
                    homeroom});
            QVERIFY2(r.code == 0, qPrintable(r.out));
        }
        assign(QStringLiteral("gv.toan"), QStringLiteral("6A1"), QStringLiteral("toan"));
        for (const QString& subject : kThcsScoreSubjects + kThcsCommentSubjects)
            if (subject != QLatin1String("toan"))
                assign(QStringLiteral("gv.bomon"), QStringLiteral("6A1"), subject);

        // 3. The student list of both classes, as an .xlsx with the school's title above the header.
        Rows list {{u"DANH SÁCH HỌC SINH NĂM HỌC 2025-2026"_qs},
                   {u"STT"_qs, u"Mã định danh Bộ GD&ĐT"_qs, u"Số định danh cá nhân"_qs, u"Họ và tên"_qs,
                    u"Ngày sinh"_qs, u"Giới tính"_qs, u"Dân tộc"_qs, u"Lớp"_qs, u"Nơi sinh"_qs, u"Chỗ ở hiện nay"_qs}};
        int n = 0;
        for (const Pupil& p : kPupils)
            list << QStringList {QString::number(++n),
                                 p.moet,
                                 p.personalId,
                                 p.name,
                                 p.birth,
                                 p.gender,
                                 u"Kinh"_qs,
                                 p.cls,
                                 u"Hà Nội"_qs,
                                 u"Số 5 phố Hàng Bài, Hoàn Kiếm, Hà Nội"_qs};
        QVERIFY(writeXlsx(path(QStringLiteral("danh-sach.xlsx")), list));
        importAs(QStringLiteral("it.truong"), QStringLiteral("students"), path(QStringLiteral("danh-sach.xlsx")),
                 {QStringLiteral("--year"), QStringLiteral("2025-2026")});

        // 4. The THCS grade books: mathematics as a VnEdu .xlsx whose title rows name subject, term, class and year
        //    (first term) and as an .xls (second term); the other subjects as CSV with the command line naming them.
        const QStringList titles {u"BẢNG ĐIỂM CHI TIẾT"_qs, u"Môn: Toán"_qs, u"Học kỳ I"_qs, u"Lớp: 6A1"_qs,
                                  u"Năm học 2025-2026"_qs};
        QVERIFY(writeXlsx(path(QStringLiteral("toan-hk1.xlsx")), thcsBook(u"toan"_qs, u"hk1"_qs, titles)));
        importAs(QStringLiteral("gv.toan"), QStringLiteral("grades"), path(QStringLiteral("toan-hk1.xlsx")),
                 {QStringLiteral("--year"), QStringLiteral("2025-2026")});
        const Rows toanHk2 = thcsBook(u"toan"_qs, u"hk2"_qs, {});
        QString hk2File = path(QStringLiteral("toan-hk2.xls"));
        if (!writeXls(hk2File, toanHk2)) {
            qInfo("python3-xlwt is missing: the second-term book is CSV instead of .xls");
            hk2File = path(QStringLiteral("toan-hk2.csv"));
            QVERIFY(writeCsv(hk2File, toanHk2));
        }
        importAs(QStringLiteral("gv.toan"), QStringLiteral("grades"), hk2File,
                 {QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--class"),
                  QStringLiteral("6A1"), QStringLiteral("--subject"), QStringLiteral("toan"), QStringLiteral("--term"),
                  QStringLiteral("hk2")});
        for (const QString& subject : kThcsScoreSubjects + kThcsCommentSubjects) {
            if (subject == QLatin1String("toan"))
                continue;
            for (const QString& term : {u"hk1"_qs, u"hk2"_qs}) {
                const QString file = path(subject + QLatin1Char('-') + term + QStringLiteral(".csv"));
                QVERIFY(writeCsv(file, thcsBook(subject, term, {})));
                importAs(QStringLiteral("gv.bomon"), QStringLiteral("grades"), file,
                         {QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--class"),
                          QStringLiteral("6A1"), QStringLiteral("--subject"), subject, QStringLiteral("--term"), term});
            }
        }

        // 5. The primary class's books: its homeroom teacher assesses every subject (TT27).
        for (const QString& subject : kGrade1Subjects) {
            const QString file = path(QStringLiteral("1a-") + subject + QStringLiteral(".xlsx"));
            QVERIFY(writeXlsx(file, primaryBook(subject)));
            importAs(QStringLiteral("gvcn.1a"), QStringLiteral("grades"), file,
                     {QStringLiteral("--class"), QStringLiteral("1A"), QStringLiteral("--subject"), subject,
                      QStringLiteral("--term"), QStringLiteral("cn")});
        }

        // 6. The homeroom teachers' books: conduct, absences and comment (THCS); qualities and competencies (TT27).
        Rows thcsHomeroom {{u"Họ và tên"_qs, u"Ngày sinh"_qs, u"Rèn luyện HK1"_qs, u"Rèn luyện HK2"_qs,
                            u"Số buổi nghỉ"_qs, u"Nhận xét"_qs}};
        for (const Pupil& p : inClass(u"6A1"_qs))
            thcsHomeroom << QStringList {p.name,  p.birth, u"T"_qs,
                                         u"T"_qs, u"1"_qs, u"Em ngoan, lễ phép, hoà đồng với bạn bè."_qs};
        QVERIFY(writeXlsx(path(QStringLiteral("chu-nhiem-6a1.xlsx")), thcsHomeroom));
        importAs(
            QStringLiteral("gvcn.6a1"), QStringLiteral("homeroom"), path(QStringLiteral("chu-nhiem-6a1.xlsx")),
            {QStringLiteral("--class"), QStringLiteral("6A1"), QStringLiteral("--year"), QStringLiteral("2025-2026")});
        const QStringList traits {u"Yêu nước"_qs,
                                  u"Nhân ái"_qs,
                                  u"Chăm chỉ"_qs,
                                  u"Trung thực"_qs,
                                  u"Trách nhiệm"_qs,
                                  u"Tự chủ và tự học"_qs,
                                  u"Giao tiếp và hợp tác"_qs,
                                  u"Giải quyết vấn đề và sáng tạo"_qs,
                                  u"Ngôn ngữ"_qs,
                                  u"Tính toán"_qs,
                                  u"Khoa học"_qs,
                                  u"Công nghệ"_qs,
                                  u"Tin học"_qs,
                                  u"Thẩm mĩ"_qs,
                                  u"Thể chất"_qs};
        Rows primaryHomeroom {QStringList {u"Họ và tên"_qs, u"Ngày sinh"_qs} + traits + QStringList {u"Nhận xét"_qs}};
        for (const Pupil& p : inClass(u"1A"_qs))
            primaryHomeroom << QStringList {p.name, p.birth} + QStringList(traits.size(), u"T"_qs)
                    + QStringList {u"Em chăm ngoan, học tốt."_qs};
        QVERIFY(writeXlsx(path(QStringLiteral("chu-nhiem-1a.xlsx")), primaryHomeroom));
        importAs(
            QStringLiteral("gvcn.1a"), QStringLiteral("homeroom"), path(QStringLiteral("chu-nhiem-1a.xlsx")),
            {QStringLiteral("--class"), QStringLiteral("1A"), QStringLiteral("--year"), QStringLiteral("2025-2026")});

        // 7. Each homeroom teacher confirms their class; a subject teacher may not.
        r = as(QStringLiteral("gv.toan"),
               {QStringLiteral("confirm"), QStringLiteral("--class"), QStringLiteral("6A1")});
        QCOMPARE(r.code, 1);
        for (const auto& [cls, homeroom] :
             {std::pair {u"6A1"_qs, u"gvcn.6a1"_qs}, std::pair {u"1A"_qs, u"gvcn.1a"_qs}}) {
            r = as(homeroom,
                   {QStringLiteral("confirm"), QStringLiteral("--class"), cls, QStringLiteral("--acknowledge-warnings"),
                    QStringLiteral("--year"), QStringLiteral("2025-2026")});
            QVERIFY2(r.code == 0, qPrintable(cls + QStringLiteral(": ") + r.out));
        }

        // 8. The administrator trusts the test CA; the principal signs both classes with the SoftHSM2 token.
        r = as(
            QStringLiteral("it.truong"),
            {QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--cert"), path(QStringLiteral("ca.pem"))});
        QVERIFY2(r.code == 0, qPrintable(r.out));
        const QStringList token {QStringLiteral("--module"), kSoftHsm,
                                 QStringLiteral("--token"),  QStringLiteral("HocbaTest"),
                                 QStringLiteral("--cert"),   QStringLiteral("01"),
                                 QStringLiteral("--role"),   QStringLiteral("principal")};
        r = as(QStringLiteral("gvcn.6a1"), QStringList {QStringLiteral("sign")} + token, "123456");
        QCOMPARE(r.code, 1); // a homeroom teacher may not sign as the principal
        r = as(QStringLiteral("hieu.truong"), QStringList {QStringLiteral("sign")} + token, "123456");
        QVERIFY2(r.code == 0, qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("[5/5]")), qPrintable(r.out));

        // 9. The signed packets carry the imported values and verify.
        const QString out = path(QStringLiteral("xuat"));
        r = as(QStringLiteral("hieu.truong"),
               {QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--all")});
        QVERIFY2(r.code == 0, qPrintable(r.out));
        const QString an = packetOf(out, QStringLiteral("Nguyễn Văn An"));
        QVERIFY2(!an.isEmpty(), "no packet names Nguyễn Văn An");
        QVERIFY(an.contains(QStringLiteral("001214000101")));
        const QRegularExpression toanHk1(
            QStringLiteral(R"(<Subject code="toan"[^>]*>\s*<TeacherName>Bùi Đức Thắng</TeacherName>\s*)"
                           R"(<Semester term="hk1">.*?<Midterm>7\.5</Midterm>)"),
            QRegularExpression::DotMatchesEverythingOption);
        QVERIFY2(toanHk1.match(an).hasMatch(), qPrintable(an.left(4000)));
        QVERIFY(an.contains(QStringLiteral("Em ngoan, lễ phép, hoà đồng với bạn bè.")));
        const QString ha = packetOf(out, QStringLiteral("Phạm Thu Hà"));
        QVERIFY2(!ha.isEmpty(), "no packet names Phạm Thu Hà");
        const QRegularExpression tiengViet(
            QStringLiteral(R"(<Subject code="tieng_viet"[^>]*>\s*<Level>T</Level>\s*<Score>10</Score>)"));
        QVERIFY2(tiengViet.match(ha).hasMatch(), qPrintable(ha.left(4000)));
        QStringList signedFiles;
        for (const QFileInfo& f : QDir(out).entryInfoList({QStringLiteral("*.pdf")}, QDir::Files))
            signedFiles << f.filePath();
        QCOMPARE(signedFiles.size(), 5);
        r = cli(QStringList {QStringLiteral("verify"), QStringLiteral("--db"), m_db} + signedFiles);
        QVERIFY2(r.code == 0, qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestFirstDay)
#include "TestFirstDay.moc"
