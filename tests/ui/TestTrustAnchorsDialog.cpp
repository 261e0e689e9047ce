// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Trusted root certificates: the list, adding a root from a file after the fingerprint question (Yes and
// No), and refusals (a personal certificate, a root already there, a file that is no certificate). The school's
// anchors land in its data file, where the CLI and the sign dialog find them.
#include "MessageBox.h"
#include "SigningSchool.h"
#include "TrustAnchorsDialog.h"
#include "signing/TrustStore.h"
#include "store/Database.h"

#include <QFile>
#include <QTest>
#include <QTreeWidget>

using namespace hocba;
using hocba::ui::FileDialog;
using hocba::ui::MessageBox;
using hocba::ui::TrustAnchorsDialog;

class TestTrustAnchorsDialog : public QObject
{
    Q_OBJECT
    test::SigningSchool m_school;

    int schoolAnchors(store::Database& db)
    {
        auto list = signing::TrustStore::listDatabase(db);
        return list ? int(list->size()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_school.create(false)); // a school that trusts no CA yet
        MessageBox::setAutoAnswer(true);
    }
    void cleanupTestCase() { MessageBox::setAutoAnswer(false); }

    void addRootAfterFingerprintQuestion()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        db->setActor(QStringLiteral("Trần Văn Minh"));
        TrustAnchorsDialog dialog(*db);
        auto* list = dialog.findChild<QTreeWidget*>(QStringLiteral("trustAnchorList"));
        QVERIFY(list);
        QCOMPARE(schoolAnchors(*db), 0);
        QVERIFY(list->topLevelItem(0)->text(0).startsWith(QStringLiteral("None yet")));

        // "No" after reading the fingerprint: nothing added.
        FileDialog::setNextFileName(m_school.pki.path(QStringLiteral("ca.pem")));
        MessageBox::resetShown();
        MessageBox::setNextAnswer(QMessageBox::No);
        dialog.addFromFile();
        QVERIFY(MessageBox::lastShown().text.contains(QStringLiteral("SHA-256 fingerprint")));
        QCOMPARE(schoolAnchors(*db), 0);

        // "Yes": stored in the school file, listed with who added it and when.
        FileDialog::setNextFileName(m_school.pki.path(QStringLiteral("ca.pem")));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog.addFromFile();
        QCOMPARE(schoolAnchors(*db), 1);
        QCOMPARE(dialog.anchorCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Test Root CA"));
        QVERIFY2(list->topLevelItem(0)->text(4).startsWith(QStringLiteral("Added by Trần Văn Minh on ")),
                 qPrintable(list->topLevelItem(0)->text(4)));
        QVERIFY(list->topLevelItem(0)->text(3).contains(QLatin1Char('/'))); // dd/MM/yyyy

        // The same root again: refused, still one.
        FileDialog::setNextFileName(m_school.pki.path(QStringLiteral("ca.pem")));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        MessageBox::resetShown();
        dialog.addFromFile();
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
        QCOMPARE(schoolAnchors(*db), 1);
    }

    void refusesWhatIsNoRoot()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        TrustAnchorsDialog dialog(*db);
        // A personal signing certificate is not a CA: the question is asked (it is a certificate), then refused.
        QVERIFY(QFile::exists(m_school.pki.path(QStringLiteral("rsa.pem"))));
        FileDialog::setNextFileName(m_school.pki.path(QStringLiteral("rsa.pem")));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        MessageBox::resetShown();
        dialog.addFromFile();
        QCOMPARE(MessageBox::shownCount(), 2);
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
        QCOMPARE(schoolAnchors(*db), 0);
        // A file that is no certificate at all: refused before any question.
        const QString junk = m_school.pki.path(QStringLiteral("junk.pem"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a certificate");
        f.close();
        FileDialog::setNextFileName(junk);
        MessageBox::resetShown();
        dialog.addFromFile();
        QCOMPARE(MessageBox::shownCount(), 1);
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
        // Cancelled file dialog: nothing happens.
        FileDialog::setNextFileName(QString());
        MessageBox::resetShown();
        dialog.addFromFile();
        QCOMPARE(MessageBox::shownCount(), 0);
        QCOMPARE(schoolAnchors(*db), 0);
    }
};

QTEST_MAIN(TestTrustAnchorsDialog)
#include "TestTrustAnchorsDialog.moc"
