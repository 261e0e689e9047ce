// SPDX-License-Identifier: GPL-3.0-or-later
// sheets::readCsv: the encodings, delimiters and quotes of the CSV files schools export, and the caps.
#include "sheets/Csv.h"

#include <QTest>

using namespace hocba;

class TestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsUtf8WithBomAndCommas()
    {
        const QByteArray bytes
            = QByteArray("\xEF\xBB\xBF") + QStringLiteral("STT,Họ và tên\r\n1,Lê Thị Hà\r\n").toUtf8();
        auto sheet = sheets::readCsv(bytes);
        QVERIFY(sheet);
        QCOMPARE(sheet->rows.size(), 2);
        QCOMPARE(sheet->rows.at(0).cells, (QStringList {QStringLiteral("STT"), QStringLiteral("Họ và tên")}));
        QCOMPARE(sheet->rows.at(1).number, 2);
        QCOMPARE(sheet->rows.at(1).cell(1), QStringLiteral("Lê Thị Hà"));
    }

    void detectsSemicolonsAndTabs()
    {
        auto semi = sheets::readCsv(
            QStringLiteral("DANH SÁCH, LỚP 6A1\nSTT;Họ tên;Ngày sinh\n1;An, Văn;01/02/2013\n").toUtf8());
        QVERIFY(semi);
        QCOMPARE(semi->rows.at(2).cells,
                 (QStringList {QStringLiteral("1"), QStringLiteral("An, Văn"), QStringLiteral("01/02/2013")}));
        auto tabs = sheets::readCsv(QByteArray("a\tb\tc;d\n1\t2\t3;4\n"));
        QVERIFY(tabs);
        QCOMPARE(tabs->rows.at(1).cells,
                 (QStringList {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3;4")}));
    }

    void quotesHoldDelimitersQuotesAndLineBreaks()
    {
        auto sheet
            = sheets::readCsv(QByteArray("name;address;x\n\"Hà; \"\"Bé\"\"\";\"Số 1\nPhố Huế\";z\nlast;row;3\n"));
        QVERIFY(sheet);
        QCOMPARE(sheet->rows.size(), 3);
        QCOMPARE(sheet->rows.at(1).cell(0), QStringLiteral("Hà; \"Bé\""));
        QCOMPARE(sheet->rows.at(1).cell(1), QStringLiteral("Số 1\nPhố Huế"));
        QCOMPARE(sheet->rows.at(2).number, 3); // the line break inside quotes does not start a row
        QCOMPARE(sheet->rows.at(2).cell(0), QStringLiteral("last"));
    }

    void blankLinesKeepTheRowNumbers()
    {
        auto sheet = sheets::readCsv(QByteArray("title\n\nSTT,Tên\n1,An"));
        QVERIFY(sheet);
        QCOMPARE(sheet->rows.size(), 4);
        QVERIFY(sheet->rows.at(1).cells.isEmpty());
        QCOMPARE(sheet->rows.at(3).number, 4);
        QCOMPARE(sheet->rows.at(3).cell(1), QStringLiteral("An"));
    }

    void refusesWindows1258()
    {
        // "Họ tên,Lê" as Excel's plain CSV writes it in Vietnamese Windows (Windows-1258 bytes, invalid as UTF-8).
        const QByteArray cp1258("H\xF5 t\xEAn,L\xEA\r\n");
        auto sheet = sheets::readCsv(cp1258);
        QVERIFY(!sheet);
        QCOMPARE(sheet.error().code, ErrorCode::InvalidInput);
        QVERIFY2(sheet.error().message.contains(QStringLiteral("CSV UTF-8")), qPrintable(sheet.error().message));
    }

    void refusesAnUnclosedQuote() { QVERIFY(!sheets::readCsv(QByteArray("a,\"b\nc,d\n"))); }

    void capsSizeRowsAndColumns()
    {
        sheets::SheetLimits limits;
        limits.maxBytes = 10;
        QVERIFY(!sheets::readCsv(QByteArray(11, 'a'), limits));
        QVERIFY(sheets::readCsv(QByteArray(10, 'a'), limits));

        limits = {};
        limits.maxRows = 3;
        QVERIFY(sheets::readCsv(QByteArray("1\n2\n3\n"), limits));
        auto rows = sheets::readCsv(QByteArray("1\n2\n3\n4\n"), limits);
        QVERIFY(!rows);
        QVERIFY(rows.error().message.contains(QStringLiteral("3")));

        limits = {};
        limits.maxColumns = 3;
        QVERIFY(sheets::readCsv(QByteArray("a,b,c\n"), limits));
        QVERIFY(!sheets::readCsv(QByteArray("a,b,c,d\n"), limits));
        QVERIFY(!sheets::readCsv(QByteArray(qsizetype(20) * 1024 * 1024 + 1, 'x')));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "TestCsv.moc"
