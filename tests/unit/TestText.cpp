// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Text.h"

#include <QTest>

using namespace hocba;

class TestText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalizesDecomposedToNfc()
    {
        // "Nguyễn" typed as base letters + combining marks (as some input methods produce).
        const QString decomposed = QStringLiteral("Nguye\u0302\u0303n  Va\u0306n");
        const QString nfc = text::normalized(decomposed);
        QCOMPARE(nfc, QStringLiteral("Nguyễn Văn"));
        QVERIFY(text::isNfc(nfc));
        QVERIFY(!text::isNfc(decomposed));
        QCOMPARE(nfc.size(), 10);
    }

    void sortsByGivenNameWithVietnameseCollation()
    {
        QStringList names {QStringLiteral("Trần Văn Đức"), QStringLiteral("Nguyễn Thị Anh"),
                           QStringLiteral("Lê Minh Dũng"), QStringLiteral("Phạm Ăn"),
                           QStringLiteral("Bùi Thị Ân"),   QStringLiteral("Đỗ Văn Bình"),
                           QStringLiteral("Lê Văn Anh")};
        text::sortVietnameseNames(names);
        // a < ă < â < b < d < đ; same given name → middle name decides (Thị < Văn).
        const QStringList expected {QStringLiteral("Nguyễn Thị Anh"), QStringLiteral("Lê Văn Anh"),
                                    QStringLiteral("Phạm Ăn"),        QStringLiteral("Bùi Thị Ân"),
                                    QStringLiteral("Đỗ Văn Bình"),    QStringLiteral("Lê Minh Dũng"),
                                    QStringLiteral("Trần Văn Đức")};
        QCOMPARE(names, expected);
    }

    void givenNameIsLastWord()
    {
        QCOMPARE(text::givenName(QStringLiteral(" Nguyễn Thị Minh  Anh ")), QStringLiteral("Anh"));
        QCOMPARE(text::givenName(QStringLiteral("Lan")), QStringLiteral("Lan"));
        QCOMPARE(text::familyAndMiddleNames(QStringLiteral(" Nguyễn Thị Minh  Anh ")),
                 QStringLiteral("Nguyễn Thị Minh"));
        QCOMPARE(text::familyAndMiddleNames(QStringLiteral("Lan")), QString());
    }
};

QTEST_GUILESS_MAIN(TestText)
#include "TestText.moc"
