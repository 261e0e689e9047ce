// SPDX-License-Identifier: GPL-3.0-or-later
// The school's settings kept in its data file. Trusted root certificates: the list, adding a root from a file after
// the fingerprint question (Yes and No), and refusals (a personal certificate, a root already there, a file that is
// no certificate). Required signatures: the principal fixed, the homeroom teacher and the seal chosen, Cancel. The
// seal image (issue 13): chosen, refused when it is no image, stored on OK only, removed. The instructions page
// checkbox: on by default, unticked and saved on OK only (with its audit entry), ticked again. The lookup portal in the
// Department dialog, saved without any Department connection.
#include "DepartmentDialog.h"
#include "MessageBox.h"
#include "SignPolicyDialog.h"
#include "SigningSchool.h"
#include "TrustAnchorsDialog.h"
#include "lifecycle/Department.h"
#include "lifecycle/PrintSettings.h"
#include "lifecycle/SignPolicy.h"
#include "lifecycle/TrustAnchors.h"
#include "store/Database.h"
#include "verify/TrustStore.h"

#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace hocba;
using hocba::ui::FileDialog;
using hocba::ui::MessageBox;
using hocba::ui::SignPolicyDialog;
using hocba::ui::TrustAnchorsDialog;

class TestSchoolSettings : public QObject
{
    Q_OBJECT
    test::SigningSchool m_school;

    int schoolAnchors(store::Database& db)
    {
        auto list = lifecycle::TrustAnchors::school(db);
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
        TrustAnchorsDialog dialog(*db, lifecycle::Actor::unrestricted());
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
        TrustAnchorsDialog dialog(*db, lifecycle::Actor::unrestricted());
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

    void requiredSignatures()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        using signing::SignerRole;
        auto roles = [&] { return lifecycle::SignPolicy::requiredRoles(*db).value_or(QList<SignerRole> {}); };
        QCOMPARE(roles(), QList<SignerRole> {SignerRole::Principal});
        {
            SignPolicyDialog dialog(*db, lifecycle::Actor::unrestricted());
            auto* homeroom = dialog.findChild<QCheckBox*>(QStringLiteral("homeroomRequiredCheckBox"));
            QVERIFY(homeroom && !homeroom->isChecked());
            homeroom->setChecked(true);
            dialog.reject(); // Cancel changes nothing
        }
        QCOMPARE(roles(), QList<SignerRole> {SignerRole::Principal});
        {
            SignPolicyDialog dialog(*db, lifecycle::Actor::unrestricted());
            dialog.findChild<QCheckBox*>(QStringLiteral("homeroomRequiredCheckBox"))->setChecked(true);
            dialog.findChild<QCheckBox*>(QStringLiteral("sealRequiredCheckBox"))->setChecked(true);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(roles(), (QList<SignerRole> {SignerRole::Homeroom, SignerRole::Principal, SignerRole::Seal}));
        {
            // Reopened, it shows the stored rule; unticking the seal makes it optional again.
            SignPolicyDialog dialog(*db, lifecycle::Actor::unrestricted());
            QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("homeroomRequiredCheckBox"))->isChecked());
            auto* seal = dialog.findChild<QCheckBox*>(QStringLiteral("sealRequiredCheckBox"));
            QVERIFY(seal->isChecked());
            seal->setChecked(false);
            dialog.accept();
        }
        QCOMPARE(roles(), (QList<SignerRole> {SignerRole::Homeroom, SignerRole::Principal}));
    }

    void sealImage()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        QTemporaryDir dir;
        const QString jpeg = dir.filePath(QStringLiteral("seal.jpg"));
        QImage seal(200, 200, QImage::Format_RGB32);
        seal.fill(Qt::red);
        QVERIFY(seal.save(jpeg, "JPEG"));
        const QString text = dir.filePath(QStringLiteral("seal.txt"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not an image");
        }
        auto stored = [&] { return lifecycle::printSettings(*db).value_or(lifecycle::PrintSettings {}).sealPng; };
        {
            SignPolicyDialog dialog(*db, lifecycle::Actor::unrestricted());
            MessageBox::resetShown();
            QVERIFY(!dialog.chooseSealFile(text));
            QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
            QVERIFY(dialog.chooseSealFile(jpeg));
            QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("sealPreviewLabel"))->pixmap().isNull());
            dialog.reject(); // Cancel stores nothing
        }
        QVERIFY(stored().isEmpty());
        {
            SignPolicyDialog dialog(*db, lifecycle::Actor::unrestricted());
            QVERIFY(dialog.chooseSealFile(jpeg));
            dialog.accept();
        }
        QVERIFY(stored().startsWith("\x89PNG"));
        QCOMPARE(QImage::fromData(stored(), "PNG").size(), QSize(200, 200));
        {
            SignPolicyDialog dialog(*db, lifecycle::Actor::unrestricted());
            QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("sealPreviewLabel"))->pixmap().isNull());
            dialog.removeSeal();
            dialog.accept();
        }
        QVERIFY(stored().isEmpty());
    }

    void instructionsPage()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        auto stored
            = [&] { return lifecycle::printSettings(*db).value_or(lifecycle::PrintSettings {}).instructionsPage; };
        auto audited = [&] {
            auto st = db->prepare(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                                 "'school.print_settings' AND field = 'instructions_page'"));
            return st && st->step().value_or(false) ? int(st->int64(0)) : -1;
        };
        QVERIFY(stored());
        QCOMPARE(audited(), 0);
        {
            SignPolicyDialog dialog(*db, lifecycle::Actor::unrestricted());
            auto* box = dialog.findChild<QCheckBox*>(QStringLiteral("instructionsPageCheckBox"));
            QVERIFY(box && box->isChecked());
            box->setChecked(false);
            dialog.reject(); // Cancel stores nothing
        }
        QVERIFY(stored());
        {
            SignPolicyDialog dialog(*db, lifecycle::Actor::unrestricted());
            dialog.findChild<QCheckBox*>(QStringLiteral("instructionsPageCheckBox"))->setChecked(false);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QVERIFY(!stored());
        QCOMPARE(audited(), 1);
        render::RenderOptions options;
        QVERIFY(lifecycle::applyPrintSettings(*db, options));
        QVERIFY(!options.instructionsPage);
        {
            // Reopened, it shows the stored choice; OK without a change writes nothing.
            SignPolicyDialog dialog(*db, lifecycle::Actor::unrestricted());
            QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("instructionsPageCheckBox"))->isChecked());
            dialog.accept();
        }
        QCOMPARE(audited(), 1);
        {
            SignPolicyDialog dialog(*db, lifecycle::Actor::unrestricted());
            dialog.findChild<QCheckBox*>(QStringLiteral("instructionsPageCheckBox"))->setChecked(true);
            dialog.accept();
        }
        QVERIFY(stored());
        QCOMPARE(audited(), 2);
    }

    void lookupPortalWithoutDepartment()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("hocba.ini")));
        ui::DepartmentDialog dialog(*db, lifecycle::Actor::unrestricted(), settings);
        auto* lookup = dialog.findChild<QLineEdit*>(QStringLiteral("lookupUrlLineEdit"));
        QVERIFY(lookup);
        dialog.setLookupUrl(QStringLiteral("tracuu.sogd.example.vn"));
        MessageBox::resetShown();
        QVERIFY(!dialog.save());
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
        dialog.setLookupUrl(QStringLiteral("https://tracuu.sogd.example.vn/"));
        QVERIFY(dialog.save());
        QCOMPARE(lifecycle::printSettings(*db)->lookupUrl, QStringLiteral("https://tracuu.sogd.example.vn/"));
        QVERIFY(dialog.currentText().contains(QStringLiteral("https://tracuu.sogd.example.vn/")));
        auto endpoint = lifecycle::endpointSettings(*db);
        QVERIFY(endpoint && !*endpoint); // no Department connection was needed
    }
};

QTEST_MAIN(TestSchoolSettings)
#include "TestSchoolSettings.moc"
