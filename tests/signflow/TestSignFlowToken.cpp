// SPDX-License-Identifier: GPL-3.0-or-later
// End to end with a SoftHSM2 token and the real hocba-cli binary: demo school → confirm → sign a class as principal
// → export → verify (exit 0), independent checks of the outputs (xmlsec1, pdfsig, openssl cms, qpdf, pdfdetach),
// tamper detection, wrong PIN, refused certificates, and kill -9 mid-batch followed by a resuming run.

#include "store/Database.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace hocba;

namespace {

const QString kSoftHsm = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");

struct Run
{
    int code = -1;
    QString out;
};

Run tool(const QString& program, const QStringList& args, const QByteArray& pin = {}, const QString& lang = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    auto env = QProcessEnvironment::systemEnvironment();
    if (!pin.isEmpty())
        env.insert(QStringLiteral("HOCBA_PIN"), QString::fromLatin1(pin));
    if (!lang.isEmpty())
        env.insert(QStringLiteral("HOCBA_LANG"), lang);
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(600000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

QString cliPath()
{
    return QDir(QString::fromLocal8Bit(qgetenv("HOCBA_BINARY_DIR"))).filePath(QStringLiteral("app/hocba-cli"));
}

Run runCliBinary(const QStringList& args, const QByteArray& pin = {})
{
    return tool(cliPath(), args, pin);
}

int scalar(const QString& db, const QString& sql)
{
    auto opened = store::Database::openOrCreate(db);
    if (!opened)
        return -1;
    auto st = (*opened)->prepare(sql);
    if (!st || !st->step().value_or(false))
        return -1;
    return int(st->int64(0));
}

} // namespace

class TestSignFlowToken : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_skip;
    QString m_class;

    QString path(const QString& n) const { return m_dir.filePath(n); }
    QStringList tokenArgs() const
    {
        return {QStringLiteral("--module"), kSoftHsm,
                QStringLiteral("--token"),  QStringLiteral("HocbaTest"),
                QStringLiteral("--cert"),   QStringLiteral("01"),
                QStringLiteral("--role"),   QStringLiteral("principal")};
    }
    /** A demo school with the test CA trusted and the chosen class confirmed. */
    QString school(const QString& name, int students)
    {
        const QString db = path(name);
        Run r = runCliBinary({QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--students"),
                              QString::number(students), QStringLiteral("--level"), QStringLiteral("thcs")});
        if (r.code != 0) {
            qWarning("demo: %s", qPrintable(r.out));
            return {};
        }
        r = runCliBinary({QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--db"), db,
                          QStringLiteral("--cert"), path("ca.pem")});
        if (r.code != 0) {
            qWarning("trust: %s", qPrintable(r.out));
            return {};
        }
        return db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!QFile::exists(kSoftHsm) || QStandardPaths::findExecutable(QStringLiteral("pkcs11-tool")).isEmpty())
            QSKIP("softhsm2/opensc not installed (scripts/setup.sh installs them)");
        Run r = tool(QStringLiteral("bash"),
                     {QDir(QString::fromLocal8Bit(qgetenv("HOCBA_SOURCE_DIR")))
                          .filePath(QStringLiteral("tests/token/make-test-token.sh")),
                      m_dir.path()});
        QVERIFY2(r.code == 0, qPrintable(r.out));
        qputenv("SOFTHSM2_CONF", QFile::encodeName(path(QStringLiteral("softhsm2.conf"))));
    }

    void endToEnd()
    {
        const QString db = school(QStringLiteral("e2e.db"), 40);
        QVERIFY(!db.isEmpty());
        // The first class of the latest year.
        Run r = runCliBinary({QStringLiteral("confirm"), QStringLiteral("--db"), db,
                              QStringLiteral("--acknowledge-warnings"), QStringLiteral("GVCN Test")});
        QVERIFY2(r.code == 0 || r.code == 1, qPrintable(r.out));
        const int ready = scalar(db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'ready'"));
        QVERIFY(ready > 0);

        // Wrong PIN: token/PIN exit code, nothing signed, no second attempt.
        r = runCliBinary(QStringList {QStringLiteral("sign"), QStringLiteral("--db"), db} + tokenArgs(), "999999");
        QCOMPARE(r.code, 3);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM signed_document")), 0);

        QElapsedTimer t;
        t.start();
        r = runCliBinary(QStringList {QStringLiteral("sign"), QStringLiteral("--db"), db} + tokenArgs(), "123456");
        QVERIFY2(r.code == 0, qPrintable(r.out));
        qInfo("sign: %d sections through the CLI with SoftHSM in %lld ms", ready, t.elapsed());
        QVERIFY(r.out.contains(QStringLiteral("[%1/%1]").arg(ready)));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'signed'")), ready);
        // The batch also signed the audit chain's head on the token: one checkpoint, which audit verify accepts.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM audit_checkpoint")), 1);
        r = runCliBinary({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), db});
        QVERIFY2(r.code == 0, qPrintable(r.out));

        const QString out = path(QStringLiteral("export"));
        r = runCliBinary({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--out"), out});
        QVERIFY2(r.code == 0, qPrintable(r.out));
        const QStringList pdfs = QDir(out).entryList({QStringLiteral("*.pdf")});
        QCOMPARE(pdfs.size(), ready);
        QStringList files;
        for (const QString& f : pdfs)
            files << QDir(out).filePath(f)
                  << QDir(out).filePath(QString(f).replace(QLatin1String(".pdf"), QLatin1String(".xml")));
        r = runCliBinary(QStringList {QStringLiteral("verify"), QStringLiteral("--db"), db} + files);
        QVERIFY2(r.code == 0, qPrintable(r.out.left(3000)));
        r = tool(cliPath(), QStringList {QStringLiteral("verify"), QStringLiteral("--db"), db} + files, {},
                 QStringLiteral("en"));
        // One statement per line, times as people write them; the summary is a line of its own.
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        QVERIFY(lines.contains(QStringLiteral("%1 of %1 files valid and trusted.").arg(files.size())));
        static const QRegularExpression signingTime(
            QStringLiteral(R"(^ *Signing time: \d\d/\d\d/\d{4} \d\d:\d\d:\d\d$)"));
        QVERIFY2(lines.filter(signingTime).size() >= files.size(), qPrintable(r.out.left(3000)));
        for (const QString& line : lines)
            QVERIFY2(!line.contains(QStringLiteral("Signature 1:"))
                         || line.trimmed().startsWith(QStringLiteral("Signature 1:")),
                     qPrintable(line));
        r = runCliBinary(QStringList {QStringLiteral("verify"), QStringLiteral("--trust"), path("ca.pem"),
                                      QStringLiteral("--json"), files.first()});
        QVERIFY2(r.code == 0, qPrintable(r.out));
        // Without the anchor: not trusted.
        r = runCliBinary({QStringLiteral("verify"), files.first()});
        QCOMPARE(r.code, 1);

        // Issue 13: the token-signed PDF shows who signed and when (docs/signing.md §1a), as pdftotext reads it.
        r = tool(QStringLiteral("pdftotext"),
                 {QStringLiteral("-enc"), QStringLiteral("UTF-8"), files.first(), QStringLiteral("-")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Ký số bởi: Nguyễn Thị Hồng Nhung")), qPrintable(r.out.right(2000)));
        QVERIFY2(
            QRegularExpression(QStringLiteral(R"(Thời gian ký: \d\d/\d\d/\d{4} \d\d:\d\d)")).match(r.out).hasMatch(),
            qPrintable(r.out.right(2000)));

        // Independent tools on one PDF and its packet.
        const QString pdf = files.at(0), xml = files.at(1);
        if (!QStandardPaths::findExecutable(QStringLiteral("xmlsec1")).isEmpty()) {
            Run x = tool(QStringLiteral("xmlsec1"),
                         {QStringLiteral("--verify"), QStringLiteral("--trusted-pem"), path("ca.pem"),
                          QStringLiteral("--id-attr:Id"), QStringLiteral("urn:hocba:packet:1:Data"), xml});
            QVERIFY2(x.code == 0, qPrintable(x.out));
        }
        if (!QStandardPaths::findExecutable(QStringLiteral("qpdf")).isEmpty()) {
            Run q = tool(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdf});
            QVERIFY2(q.code == 0, qPrintable(q.out));
        }
        if (!QStandardPaths::findExecutable(QStringLiteral("pdfsig")).isEmpty()) {
            Run s = tool(QStringLiteral("pdfsig"), {pdf});
            QVERIFY2(s.out.contains(QStringLiteral("Signature Validation: Signature is Valid.")), qPrintable(s.out));
            QVERIFY2(s.out.contains(QStringLiteral("ETSI.CAdES.detached")), qPrintable(s.out));
        }
        if (!QStandardPaths::findExecutable(QStringLiteral("pdfdetach")).isEmpty()) {
            Run d = tool(QStringLiteral("pdfdetach"), {QStringLiteral("-list"), pdf});
            QVERIFY2(d.out.contains(QStringLiteral("hocba-packet.xml")), qPrintable(d.out));
            const QString saved = path(QStringLiteral("detached.xml"));
            tool(QStringLiteral("pdfdetach"),
                 {QStringLiteral("-save"), QStringLiteral("1"), QStringLiteral("-o"), saved, pdf});
            QFile a(saved), b(xml);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QCOMPARE(a.readAll(), b.readAll());
        }

        // Tamper: one byte appended to the PDF; a changed value in the packet.
        QFile::copy(pdf, path(QStringLiteral("appended.pdf")));
        {
            QFile f(path(QStringLiteral("appended.pdf")));
            QVERIFY(f.open(QIODevice::Append));
            f.write("x");
        }
        r = runCliBinary({QStringLiteral("verify"), QStringLiteral("--db"), db, path(QStringLiteral("appended.pdf"))});
        QCOMPARE(r.code, 1);
        QFile orig(xml);
        QVERIFY(orig.open(QIODevice::ReadOnly));
        QByteArray changed = orig.readAll();
        const qsizetype at = changed.indexOf("<Score>");
        if (at > 0)
            changed[at + 7] = changed[at + 7] == '9' ? '8' : '9';
        else
            changed.replace("Trường", "Truong");
        QFile tampered(path(QStringLiteral("tampered.xml")));
        QVERIFY(tampered.open(QIODevice::WriteOnly));
        tampered.write(changed);
        tampered.close();
        r = runCliBinary({QStringLiteral("verify"), QStringLiteral("--db"), db, tampered.fileName()});
        QCOMPARE(r.code, 1);
    }

    void refusedCertificates_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("tag");
        QTest::newRow("expired") << "expired"
                                 << "expired";
        QTest::newRow("not yet valid") << "notyet"
                                       << "not-yet-valid";
        QTest::newRow("no nonRepudiation/digitalSignature") << "noku"
                                                            << "key-usage";
        QTest::newRow("untrusted chain") << "untrusted"
                                         << "untrusted";
    }
    void refusedCertificates()
    {
        QFETCH(QString, variant);
        QFETCH(QString, tag);
        const QString db = school(QStringLiteral("policy-%1.db").arg(variant), 12);
        QVERIFY(!db.isEmpty());
        runCliBinary({QStringLiteral("confirm"), QStringLiteral("--db"), db, QStringLiteral("--acknowledge-warnings"),
                      QStringLiteral("GVCN Test")});
        // The variant certificate carries the token's RSA public key; a PEM key file is not needed to be refused.
        Run r = runCliBinary({QStringLiteral("sign"), QStringLiteral("--db"), db, QStringLiteral("--demo-key"),
                              path(QStringLiteral("ca.key")), QStringLiteral("--demo-cert"), path(variant + ".pem"),
                              QStringLiteral("--role"), QStringLiteral("principal")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.contains(tag), qPrintable(r.out));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM signed_document")), 0);
    }

    void killedProcessResumes()
    {
        const QString db = school(QStringLiteral("kill.db"), 120);
        QVERIFY(!db.isEmpty());
        runCliBinary({QStringLiteral("confirm"), QStringLiteral("--db"), db, QStringLiteral("--acknowledge-warnings"),
                      QStringLiteral("GVCN Test")});
        const int ready = scalar(db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'ready'"));
        QVERIFY(ready >= 20);

        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOCBA_PIN"), QStringLiteral("123456"));
        env.insert(QStringLiteral("HOCBA_LANG"), QStringLiteral("en")); // the progress lines are matched below
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(cliPath(), QStringList {QStringLiteral("sign"), QStringLiteral("--db"), db} + tokenArgs());
        QVERIFY(p.waitForStarted());
        // Kill once a few sections are through.
        QByteArray seen;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 120000 && seen.count("student") < 5 && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            seen += p.readAll();
        }
        QVERIFY2(p.state() == QProcess::Running, seen.constData());
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished();
        const int signedBefore = scalar(db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'signed'"));
        qInfo("killed after %d of %d sections", signedBefore, ready);
        QVERIFY(signedBefore > 0 && signedBefore < ready);
        // Every section is either fully signed (artifacts present) or untouched.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM signed_document")), signedBefore);
        QCOMPARE(
            scalar(db,
                   QStringLiteral("SELECT count(*) FROM year_section s WHERE s.state = 'signed' AND NOT EXISTS "
                                  "(SELECT 1 FROM signed_document d WHERE d.section_id = s.id AND d.pdf IS NOT NULL)")),
            0);
        QCOMPARE(scalar(db,
                        QStringLiteral("SELECT count(*) FROM year_section s WHERE s.state = 'ready' AND EXISTS "
                                       "(SELECT 1 FROM signed_document d WHERE d.section_id = s.id)")),
                 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sign_batch WHERE state = 'open'")), 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM audit_checkpoint")), 0); // killed: no checkpoint

        Run r = runCliBinary(QStringList {QStringLiteral("sign"), QStringLiteral("--db"), db} + tokenArgs(), "123456");
        QVERIFY2(r.code == 0, qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Resuming")) || r.out.contains(QStringLiteral("Tiếp tục"))
                || r.out.contains(QString::number(ready - signedBefore)));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'signed'")), ready);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sign_batch WHERE state = 'open'")), 0);
        // The resuming run's checkpoint covers the sections the killed run signed too.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM audit_checkpoint")), 1);
        r = runCliBinary({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), db});
        QVERIFY2(r.code == 0, qPrintable(r.out));
        const QString out = path(QStringLiteral("kill-export"));
        QCOMPARE(
            runCliBinary({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--out"), out}).code, 0);
        QStringList pdfs;
        for (const QString& f : QDir(out).entryList({QStringLiteral("*.pdf")}))
            pdfs << QDir(out).filePath(f);
        QCOMPARE(pdfs.size(), ready);
        r = runCliBinary(QStringList {QStringLiteral("verify"), QStringLiteral("--db"), db} + pdfs);
        QVERIFY2(r.code == 0, qPrintable(r.out.right(2000)));
    }
};

QTEST_GUILESS_MAIN(TestSignFlowToken)
#include "TestSignFlowToken.moc"
