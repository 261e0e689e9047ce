// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli grid (docs/entry.md): a grid shown with its headers and decimal commas, a TSV block pasted through the
// desktop's checked write path (a mark of 11 and a cell of a locked column refused, the others written; exit 1), the
// cell's history, and a subject teacher of another subject refused with the file unchanged.
#include "CliRunner.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

class TestGridCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

    test::CliRun run(QStringList args)
    {
        args << QStringLiteral("--db") << m_db;
        if (args.first() != QLatin1String("user"))
            args << QStringLiteral("--year") << QStringLiteral("2025-2026");
        return test::runCliInProcess(args);
    }

    QString write(const QString& name, const QString& text)
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) >= 0 ? f.fileName() : QString();
    }

    QJsonObject grid()
    {
        const auto r = run(
            {u"grid"_qs, u"--class"_qs, u"6A1"_qs, u"--subject"_qs, u"toan"_qs, u"--term"_qs, u"hk1"_qs, u"--json"_qs});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("school.hocba"));
        const auto demo = run({u"demo"_qs, u"--students"_qs, u"90"_qs});
        QVERIFY2(demo.code == 0, qPrintable(demo.err + demo.out));
    }

    void show()
    {
        const auto r
            = run({u"grid"_qs, u"--class"_qs, u"6A1"_qs, u"--subject"_qs, u"toan"_qs, u"--term"_qs, u"hk1"_qs});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), u"STT\tHọ và tên\tĐĐGtx1\tĐĐGtx2\tĐĐGtx3\tĐĐGtx4\tĐĐGgk\tĐĐGck\tĐTBmhk\tNhận xét"_qs);
        QVERIFY(lines.size() > 5);
        QVERIFY2(r.out.contains(u','), "scores are shown with a decimal comma");
        const auto usage = run({u"grid"_qs, u"--class"_qs, u"6A1"_qs, u"--term"_qs, u"hk1"_qs});
        QCOMPARE(usage.code, 2);
    }

    void pasteAndHistory()
    {
        QCOMPARE(run({u"lock"_qs, u"--class"_qs, u"6A1"_qs, u"--subject"_qs, u"toan"_qs, u"--term"_qs, u"hk1"_qs,
                      u"--item"_qs, u"final"_qs, u"--reason"_qs, u"Đã chốt điểm cuối kì"_qs})
                     .code,
                 0);
        // The first two pupils one can type in, from ĐĐGgk: 7,5 then a mark in the locked ĐĐGck; 11 (refused) and 6.
        const QJsonArray before = grid().value(u"rows"_qs).toArray();
        int first = 0;
        while (first + 1 < before.size()
               && !(before[first].toObject().value(u"editable"_qs).toBool()
                    && before[first + 1].toObject().value(u"editable"_qs).toBool()))
            ++first;
        const QString file = write(u"block.tsv"_qs, u"7,5\t9\n11\t6\n"_qs);
        const auto r = run({u"grid"_qs, u"--class"_qs, u"6A1"_qs, u"--subject"_qs, u"toan"_qs, u"--term"_qs, u"hk1"_qs,
                            u"--paste"_qs, file, u"--column"_qs, u"ĐĐGgk"_qs, u"--row"_qs, QString::number(first + 1)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(u"1 cells written, 3 refused"_qs), qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(u"Đã chốt điểm cuối kì"_qs), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Row %1, column ĐĐGgk"_qs.arg(first + 2)), qPrintable(r.err));
        const QJsonObject g = grid();
        const QJsonArray rows = g.value(u"rows"_qs).toArray();
        QCOMPARE(rows[first].toObject().value(u"values"_qs).toArray().at(4).toString(), u"7.5"_qs);
        QVERIFY(g.value(u"columns"_qs).toArray().at(5).toObject().value(u"locked"_qs).toBool());
        const auto h = run({u"grid"_qs, u"--class"_qs, u"6A1"_qs, u"--subject"_qs, u"toan"_qs, u"--term"_qs, u"hk1"_qs,
                            u"--history"_qs, u"--row"_qs, QString::number(first + 1), u"--column"_qs, u"ĐĐGgk"_qs});
        QCOMPARE(h.code, 0);
        QVERIFY2(h.out.contains(u"→ 7,5"_qs), qPrintable(h.out));
    }

    void wrongTeacherRefused()
    {
        // With accounts, the Toán grid refuses a Ngữ văn teacher, and the file does not change.
        const QString adminPw = test::writeSecretFile(m_dir.filePath(u"admin-pw"_qs), "mat-khau-quan-tri-1\n");
        const QString staffPw = test::writeSecretFile(m_dir.filePath(u"staff-pw"_qs), "mat-khau-giao-vien-1\n");
        auto r = run({u"user"_qs, u"add"_qs, u"--login"_qs, u"quan.tri"_qs, u"--name"_qs, u"Quản trị"_qs, u"--role"_qs,
                      u"admin"_qs, u"--password-file"_qs, adminPw});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        qputenv("HOCBA_PASSWORD", "mat-khau-quan-tri-1");
        r = run({u"user"_qs, u"add"_qs, u"--login"_qs, u"gv.van"_qs, u"--name"_qs, u"Giáo viên Văn"_qs, u"--role"_qs,
                 u"subject"_qs, u"--password-file"_qs, staffPw, u"--user"_qs, u"quan.tri"_qs});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        qputenv("HOCBA_PASSWORD", "mat-khau-quan-tri-1"); // the CLI forgets it once read
        r = run({u"assign"_qs, u"--teacher"_qs, u"gv.van"_qs, u"--class"_qs, u"6A1"_qs, u"--subject"_qs, u"ngu_van"_qs,
                 u"--user"_qs, u"quan.tri"_qs});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        qputenv("HOCBA_PASSWORD", "mat-khau-giao-vien-1");
        const QByteArray before = test::fileDigest(m_db);
        const QString file = write(u"one.tsv"_qs, u"8\n"_qs);
        r = run({u"grid"_qs, u"--class"_qs, u"6A1"_qs, u"--subject"_qs, u"toan"_qs, u"--term"_qs, u"hk1"_qs,
                 u"--paste"_qs, file, u"--user"_qs, u"gv.van"_qs});
        qunsetenv("HOCBA_PASSWORD");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(u"0 cells written, 1 refused"_qs), qPrintable(r.out + r.err));
        QCOMPARE(test::fileDigest(m_db), before);
    }
};

QTEST_GUILESS_MAIN(TestGridCli)
#include "TestGridCli.moc"
