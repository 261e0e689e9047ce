// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli reopen and versions (issue 15): a signed year reopened by section number, the chain shown, a second
// reopen refused with the reason.
#include "../signing/TestPki.h"
#include "CliRunner.h"
#include "SigningFixture.h"
#include "StoreFixture.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hocba;

class TestCorrectionsCli : public QObject
{
    Q_OBJECT
    test::TestPki m_pki;
    test::SchoolTemplate m_template;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        QVERIFY(m_template.create(4, 3, m_pki.caDer()));
        auto signer = m_pki.signer(false);
        QVERIFY(test::signFirstSections(m_template.path(), m_template.year, *signer, 1));
    }

    void reopenThenVersions()
    {
        const QString db = m_template.copyPath();
        QVERIFY(!db.isEmpty());
        QString section;
        {
            auto opened = store::Database::openExisting(db);
            QVERIFY(opened);
            section = test::scalar(**opened, QStringLiteral("SELECT min(id) FROM year_section WHERE state = 'signed'"));
        }
        QVERIFY(!section.isEmpty());
        auto r
            = test::runCliInProcess({QStringLiteral("reopen"), QStringLiteral("--db"), db, QStringLiteral("--section"),
                                     section, QStringLiteral("--reason"), QStringLiteral("Sai điểm")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        auto again
            = test::runCliInProcess({QStringLiteral("reopen"), QStringLiteral("--db"), db, QStringLiteral("--section"),
                                     section, QStringLiteral("--reason"), QStringLiteral("x")});
        QVERIFY(again.code != 0);
        QVERIFY2((again.out + again.err).contains(QStringLiteral("already reopened")), qPrintable(again.err));
        auto v = test::runCliInProcess({QStringLiteral("versions"), QStringLiteral("--db"), db,
                                        QStringLiteral("--section"), section, QStringLiteral("--json")});
        QVERIFY2(v.code == 0, qPrintable(v.out + v.err));
        const QJsonArray chain = QJsonDocument::fromJson(v.out.toUtf8()).array();
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("signed"));
        QCOMPARE(chain.at(1).toObject().value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(chain.at(1).toObject().value(QStringLiteral("reopen_reason")).toString(), QStringLiteral("Sai điểm"));
    }
};

QTEST_MAIN(TestCorrectionsCli) // signing renders the book: fonts need a QGuiApplication
#include "TestCorrectionsCli.moc"
