// SPDX-License-Identifier: GPL-3.0-or-later
// SignDialog end to end on a demo school with a software key behind the SignerSource seam: confirm + sign a class
// (PIN through the PinDialog hook from the worker thread), cancel mid-batch, a pulled token answered with "Dừng",
// and a certificate the school does not trust. No modal dialog is ever shown (hooks answer them).
#include "MessageBox.h"
#include "PinDialog.h"
#include "SignDialog.h"
#include "SigningSchool.h"
#include "lifecycle/AuditCheckpoints.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/PacketBuilder.h"
#include "lifecycle/SectionConfirmer.h"
#include "store/Database.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace hocba;
using hocba::ui::MessageBox;
using hocba::ui::PinDialog;
using hocba::ui::SignDialog;

namespace {

int count(store::Database& db, const QString& sql)
{
    auto st = db.prepare(sql);
    if (!st || !st->step().value_or(false))
        return -1;
    return st->text(0).toInt();
}

} // namespace

class TestSignDialog : public QObject
{
    Q_OBJECT
    test::SigningSchool m_school;
    int m_pinAsked = 0;

    int classSections(store::Database& db, const QString& state)
    {
        return count(db,
                     QStringLiteral("SELECT count(*) FROM year_section s JOIN class c ON c.id = s.class_id "
                                    "WHERE c.name = '%1' AND c.school_year = %2 AND s.state = '%3'")
                         .arg(m_school.className)
                         .arg(m_school.year.startYear)
                         .arg(state));
    }

    /** A dialog for the school's first class, ready to sign (token and certificate loaded, warnings acknowledged). */
    std::unique_ptr<SignDialog> dialogFor(store::Database& db, lifecycle::SignerSource& source,
                                          signing::PinProvider& pins)
    {
        auto dialog = std::make_unique<SignDialog>(db, lifecycle::Actor::unrestricted(),
                                                   SignDialog::Scope {m_school.year, m_school.className}, source, pins);
        dialog->findChild<QCheckBox*>(QStringLiteral("acknowledgeCheckBox"))->setChecked(true);
        dialog->findChild<QLineEdit*>(QStringLiteral("acknowledgedByLineEdit"))
            ->setText(QStringLiteral("Nguyễn Thị Lan"));
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_school.create());
        MessageBox::setAutoAnswer(true);
        PinDialog::setTestAnswer([this](PinDialog& d) {
            ++m_pinAsked;
            d.findChild<QLineEdit*>(QStringLiteral("pinLineEdit"))->setText(QStringLiteral("123456"));
            d.accept();
        });
    }
    void cleanupTestCase()
    {
        PinDialog::setTestAnswer({});
        MessageBox::setAutoAnswer(false);
    }

    void confirmAndSignClass()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        QVERIFY(classSections(*db, QStringLiteral("draft")) > 0);
        test::SoftwareSignerSource source(m_school.pki);
        ui::GuiPinProvider pins(nullptr);
        auto dialog = dialogFor(*db, source, pins);
        QTRY_VERIFY(dialog->canSign());
        QVERIFY2(dialog->policyText().contains(QStringLiteral("valid and trusted")), qPrintable(dialog->policyText()));
        QSignalSpy finished(dialog.get(), &SignDialog::finished);
        QSignalSpy progressed(dialog.get(), &SignDialog::progressed);
        m_pinAsked = 0;
        dialog->start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 180000);
        QCOMPARE(m_pinAsked, 1);
        QVERIFY(dialog->lastReport());
        const auto& report = *dialog->lastReport();
        QVERIFY(report.signedItems.size() >= 5);
        QCOMPARE(report.failed.size(), 0);
        QVERIFY(report.finished);
        QCOMPARE(dialog->lastProgress().first, dialog->lastProgress().second);
        QCOMPARE(dialog->lastProgress().second, int(report.signedItems.size() + report.skipped.size()));
        QVERIFY(progressed.count() >= report.signedItems.size());
        QCOMPARE(classSections(*db, QStringLiteral("signed")), int(report.signedItems.size()));
        QCOMPARE(classSections(*db, QStringLiteral("ready")), 0);
        // The desktop's batch signs the audit chain's head as the CLI's does.
        QVERIFY(report.checkpointId > 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM audit_checkpoint")), 1);
        QVERIFY2(dialog->reportText().startsWith(
                     QStringLiteral("Signed: %1, skipped: 0, failed: 0.").arg(report.signedItems.size())),
                 qPrintable(dialog->reportText()));
        QVERIFY(!dialog->isBusy());
    }

    void cancelMidBatch()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        test::SoftwareSignerSource source(m_school.pki);
        source.slowMs = 150; // a slow token: the cancel is handled while the batch still runs
        ui::GuiPinProvider pins(nullptr);
        auto dialog = dialogFor(*db, source, pins);
        QTRY_VERIFY(dialog->canSign());
        QSignalSpy finished(dialog.get(), &SignDialog::finished);
        connect(dialog.get(), &SignDialog::progressed, this, [&dialog](int done, int) {
            // The user presses the progress dialog's own Cancel button ("Dừng sau hồ sơ này").
            if (done == 2 && dialog->progressDialog())
                if (auto* button = dialog->progressDialog()->findChild<QPushButton*>())
                    button->click();
        });
        dialog->start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 180000);
        QVERIFY(dialog->lastReport());
        const auto& report = *dialog->lastReport();
        QVERIFY(report.cancelled);
        QVERIFY(report.signedItems.size() >= 2);
        QVERIFY(report.pending > 0);
        // Each section is either signed or untouched (still ready): nothing half-done.
        QCOMPARE(classSections(*db, QStringLiteral("signed")), int(report.signedItems.size()));
        QCOMPARE(classSections(*db, QStringLiteral("ready")), report.pending);
        QVERIFY(dialog->reportText().contains(QStringLiteral("Signing was stopped")));
    }

    void tokenRemovedThenStop()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        test::SoftwareSignerSource source(m_school.pki);
        source.budget = 6; // two or three sections (packet + PDF each; packets run ahead), then the token is "pulled"
        ui::GuiPinProvider pins(nullptr);
        auto dialog = dialogFor(*db, source, pins);
        dialog->setWorkers(1); // with more workers, more packets run ahead of the PDFs and fewer sections complete
        QTRY_VERIFY(dialog->canSign());
        QSignalSpy finished(dialog.get(), &SignDialog::finished);
        // Answer the pause prompt with "Dừng"; set once signing runs, so the confirmation question keeps its default.
        connect(dialog.get(), &SignDialog::progressed, this, [](int done, int) {
            if (done == 1)
                MessageBox::setNextAnswer(QMessageBox::Abort);
        });
        dialog->start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 180000);
        QCOMPARE(MessageBox::lastShown().title, QStringLiteral("USB token removed"));
        QVERIFY(MessageBox::lastShown().text.startsWith(QStringLiteral("Please plug the USB token back in.")));
        QVERIFY(dialog->lastReport());
        const auto& report = *dialog->lastReport();
        QVERIFY(report.stoppedBy);
        QCOMPARE(report.stoppedBy->code, ErrorCode::TokenRemoved);
        const int signedCount = int(report.signedItems.size());
        QVERIFY2(signedCount >= 1 && signedCount <= 3, qPrintable(QString::number(signedCount)));
        QVERIFY(report.pending > 0);
        QCOMPARE(classSections(*db, QStringLiteral("signed")), signedCount);
        QCOMPARE(classSections(*db, QStringLiteral("ready")), report.pending);
        // A batch that stopped after signing something still signs the chain's head (this fake token is back).
        QVERIFY(report.checkpointId > 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM audit_checkpoint")), 1);
    }

    // The token goes away right after the last record, when the batch signs the audit chain's head: every record
    // stays signed, and the report says the checkpoint is missing.
    void checkpointFailureIsAWarning()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        lifecycle::ConfirmOptions confirm;
        confirm.year = m_school.year;
        confirm.className = m_school.className;
        confirm.acknowledgeWarnings = true;
        confirm.acknowledgedBy = QStringLiteral("Nguyễn Thị Lan");
        QVERIFY(lifecycle::confirmSections(*db, lifecycle::Actor::unrestricted(), confirm));
        const int ready = classSections(*db, QStringLiteral("ready"));
        QVERIFY(ready > 0);
        test::SoftwareSignerSource source(m_school.pki);
        source.budget = 2 * ready; // a packet and a PDF for each record; nothing left for the checkpoint
        ui::GuiPinProvider pins(nullptr);
        auto dialog = dialogFor(*db, source, pins);
        QTRY_VERIFY(dialog->canSign());
        QSignalSpy finished(dialog.get(), &SignDialog::finished);
        dialog->start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 180000);
        QVERIFY(dialog->lastReport());
        const auto& report = *dialog->lastReport();
        QCOMPARE(int(report.signedItems.size()), ready);
        QVERIFY(report.finished);
        QVERIFY(!report.stoppedBy);
        QCOMPARE(classSections(*db, QStringLiteral("signed")), ready);
        QCOMPARE(report.checkpointId, qint64(0));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM audit_checkpoint")), 0);
        QCOMPARE(report.warnings.size(), 1);
        QVERIFY2(dialog->reportText().contains(report.warnings.first()), qPrintable(dialog->reportText()));
    }

    void tokenRemovedThenContinue()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        test::SoftwareSignerSource source(m_school.pki);
        source.budget = 4;
        ui::GuiPinProvider pins(nullptr);
        auto dialog = dialogFor(*db, source, pins);
        QTRY_VERIFY(dialog->canSign());
        QSignalSpy finished(dialog.get(), &SignDialog::finished);
        bool answerSet = false;
        connect(dialog.get(), &SignDialog::progressed, this, [&answerSet](int done, int) {
            if (done == 1 && !std::exchange(answerSet, true))
                MessageBox::setNextAnswer(QMessageBox::Retry); // "Tiếp tục": the token is back
        });
        m_pinAsked = 0;
        dialog->start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 180000);
        QVERIFY(dialog->lastReport());
        QCOMPARE(m_pinAsked, 2); // a re-plugged token needs the PIN again
        QCOMPARE(classSections(*db, QStringLiteral("ready")), 0);
        QVERIFY(dialog->lastReport()->finished);
        // A checkpoint at the end of each part that signed something: the continued run's covers every record.
        QVERIFY(dialog->lastReport()->checkpointId > 0);
        QVERIFY(dialog->lastReport()->warnings.isEmpty());
        auto checked = lifecycle::verifyAuditCheckpoints(*db);
        QVERIFY(checked);
        QVERIFY(checked->ok());
        QCOMPARE(checked->signedDocuments, classSections(*db, QStringLiteral("signed")));
    }

    // A principal's batch left open with another certificate (another token): the dialog asks before the PIN, and
    // only "Yes" sets it aside (journal: abandoned) and signs with the chosen certificate.
    void foreignUnfinishedBatch_data()
    {
        QTest::addColumn<bool>("setAside");
        QTest::newRow("No: keep it") << false;
        QTest::newRow("Yes: set it aside") << true;
    }
    void foreignUnfinishedBatch()
    {
        QFETCH(bool, setAside);
        auto db = m_school.copy();
        QVERIFY(db);
        {
            // The EC key's batch over this class, stopped before any section: it stays open.
            auto other = m_school.pki.signer(true);
            auto ids = lifecycle::sectionsToExport(*db, m_school.year, m_school.className);
            QVERIFY(ids && !ids->isEmpty());
            lifecycle::BatchSignJob job(*db, *other, {}, lifecycle::Actor::unrestricted());
            struct : lifecycle::ProgressSink
            {
                void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress&) override { }
            } sink;
            CancellationToken cancelled;
            cancelled.cancel();
            auto report = job.run(*ids, sink, cancelled);
            QVERIFY(report && report->cancelled && !report->finished);
        }
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM sign_batch WHERE state = 'open'")), 1);

        test::SoftwareSignerSource source(m_school.pki);
        ui::GuiPinProvider pins(nullptr);
        auto dialog = dialogFor(*db, source, pins);
        QTRY_VERIFY(dialog->canSign());
        QSignalSpy finished(dialog.get(), &SignDialog::finished);
        MessageBox::resetShown();
        MessageBox::setNextAnswer(setAside ? QMessageBox::Yes : QMessageBox::No);
        m_pinAsked = 0;
        dialog->start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 180000);
        QCOMPARE(MessageBox::lastShown().title, QStringLiteral("Unfinished signing batch"));
        QVERIFY(MessageBox::lastShown().text.contains(QStringLiteral("another certificate")));
        if (!setAside) {
            QCOMPARE(m_pinAsked, 0);
            QVERIFY(!dialog->lastReport());
            QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM sign_batch WHERE state = 'open'")), 1);
            QCOMPARE(classSections(*db, QStringLiteral("signed")), 0);
            return;
        }
        QCOMPARE(m_pinAsked, 1);
        QVERIFY(dialog->lastReport() && dialog->lastReport()->finished);
        QVERIFY(!dialog->lastReport()->resumed);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM sign_batch WHERE state = 'abandoned'")), 1);
        QCOMPARE(classSections(*db, QStringLiteral("ready")), 0);
        QVERIFY(classSections(*db, QStringLiteral("signed")) > 0);
    }

    // The dialog opened before the token was plugged in: it keeps looking and offers the token once it is there.
    void tokenPluggedInLater()
    {
        auto db = m_school.copy();
        QVERIFY(db);
        test::SoftwareSignerSource inner(m_school.pki);
        struct LateSource : lifecycle::SignerSource
        {
            lifecycle::SignerSource& inner;
            QAtomicInt plugged {0};
            QAtomicInt searches {0};
            explicit LateSource(lifecycle::SignerSource& s)
                : inner(s)
            { }
            Result<QList<signing::TokenInfo>> tokens() override
            {
                searches.fetchAndAddRelaxed(1);
                return plugged.loadRelaxed() ? inner.tokens() : QList<signing::TokenInfo> {};
            }
            Result<QList<signing::CertificateInfo>> certificates(const signing::TokenInfo& token) override
            {
                return inner.certificates(token);
            }
            Status withSigner(const signing::TokenInfo& token, const signing::CertificateInfo& certificate,
                              signing::PinProvider& pins, const std::function<Status(signing::Signer&)>& work) override
            {
                return inner.withSigner(token, certificate, pins, work);
            }
        } source(inner);
        ui::GuiPinProvider pins(nullptr);
        SignDialog dialog(*db, lifecycle::Actor::unrestricted(), SignDialog::Scope {m_school.year, m_school.className},
                          source, pins);
        QTRY_VERIFY(source.searches.loadRelaxed() >= 1);
        QTest::qWait(100);
        QVERIFY(!dialog.canSign());
        QVERIFY2(dialog.policyText().startsWith(QStringLiteral("No USB token found.")),
                 qPrintable(dialog.policyText()));
        source.plugged.storeRelaxed(1);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.canSign(), 10000);
        QVERIFY(source.searches.loadRelaxed() >= 2);
        // Found: the search stops repeating.
        const int searches = source.searches.loadRelaxed();
        QTest::qWait(3500);
        QCOMPARE(source.searches.loadRelaxed(), searches);
    }

    void untrustedCertificateRefused()
    {
        test::SigningSchool other;
        QVERIFY(other.create(false));
        auto db = other.copy();
        QVERIFY(db);
        test::SoftwareSignerSource source(other.pki);
        ui::GuiPinProvider pins(nullptr);
        SignDialog dialog(*db, lifecycle::Actor::unrestricted(), SignDialog::Scope {other.year, other.className},
                          source, pins);
        QSignalSpy loaded(&dialog, &SignDialog::certificatesLoaded);
        QTRY_VERIFY(loaded.count() == 1);
        QVERIFY(!dialog.canSign());
        QVERIFY2(dialog.policyText().startsWith(QStringLiteral("This certificate cannot be used to sign:")),
                 qPrintable(dialog.policyText()));
    }
};

QTEST_MAIN(TestSignDialog)
#include "TestSignDialog.moc"
