// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's corrections (issue 15) against a fake RecordLifecycle and a fake token: the reopen dialog's reason,
// the version chain, a locked year's refusal, and the revoke's PIN and reason.
#include "CorrectionDialogs.h"
#include "MessageBox.h"
#include "PinDialog.h"
#include "TransferDialogs.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <atomic>

using namespace hocba;
using namespace hocba::ui;

namespace {

QDateTime utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(3, 0), Qt::UTC);
}

class FakeLifecycle final : public RecordLifecycle
{
public:
    QList<lifecycle::SectionVersion> chain;
    std::optional<TransferredAway> away;
    std::atomic<int> reopenCalls = 0;
    std::atomic<int> revokeCalls = 0;
    QString lastReason;
    Id lastSection = 0;

    Result<QList<lifecycle::SectionVersion>> versions(Id) override { return chain; }
    Result<Id> reopen(Id sectionId, const QString& reason) override
    {
        ++reopenCalls;
        lastReason = reason;
        lastSection = sectionId;
        return Id {99};
    }
    Result<QByteArray> revoke(Id sectionId, const QString& reason, signing::Signer& signer) override
    {
        ++revokeCalls;
        lastReason = reason;
        lastSection = sectionId;
        auto signature = signer.signSha256("request");
        if (!signature)
            return std::unexpected(signature.error());
        return QByteArray("<RevokeRequest/>");
    }
    std::atomic<int> transferOutCalls = 0;
    lifecycle::TransferOutRequest lastTransfer;
    Result<lifecycle::TransferOutResult> transferOut(const lifecycle::TransferOutRequest& request,
                                                     signing::Signer&) override
    {
        ++transferOutCalls;
        lastTransfer = request;
        lifecycle::TransferOutResult r;
        r.packagePath = request.outDir + QStringLiteral("/abcd.hocba-transfer.zip");
        return r;
    }
    lifecycle::TransferInspection inspection;
    std::atomic<int> transferInCalls = 0;
    QString lastPackage;
    QString lastClass;
    Result<lifecycle::TransferInspection> inspectPackage(const QString&) override { return inspection; }
    Result<lifecycle::TransferInResult> transferIn(const QString& path, const QString& className) override
    {
        ++transferInCalls;
        lastPackage = path;
        lastClass = className;
        lifecycle::TransferInResult r;
        r.versions = inspection.versions.size();
        return r;
    }
    Result<std::optional<TransferredAway>> transferredAway(const QString&) override { return away; }
};

class FakeSigner final : public signing::Signer
{
public:
    QByteArray certificate() const override { return "cert"; }
    QList<QByteArray> chain() const override { return {}; }
    signing::KeyType keyType() const override { return signing::KeyType::Rsa; }
    Result<QByteArray> signSha256(const QByteArray&) override { return QByteArray("sig"); }
};

class FakeSource final : public lifecycle::SignerSource
{
public:
    Result<QList<signing::TokenInfo>> tokens() override
    {
        signing::TokenInfo t;
        t.label = QStringLiteral("Principal");
        t.serial = QStringLiteral("0001");
        return QList<signing::TokenInfo> {t};
    }
    Result<QList<signing::CertificateInfo>> certificates(const signing::TokenInfo&) override
    {
        signing::CertificateInfo c;
        c.holder = QStringLiteral("Hiệu trưởng");
        c.issuer = QStringLiteral("Test CA");
        return QList<signing::CertificateInfo> {c};
    }
    Status withSigner(const signing::TokenInfo& token, const signing::CertificateInfo&, signing::PinProvider& pins,
                      const std::function<Status(signing::Signer&)>& work) override
    {
        signing::PinRequest request;
        request.token = token;
        auto pin = pins.requestPin(request);
        if (!pin)
            return std::unexpected(pin.error());
        FakeSigner signer;
        return work(signer);
    }
};

lifecycle::SectionVersion version(Id id, int n, SectionState state)
{
    lifecycle::SectionVersion v;
    v.sectionId = id;
    v.version = n;
    v.state = state;
    return v;
}

} // namespace

class TestCorrectionsUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
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

    void reopenRefusesAnEmptyReasonAndPassesTheReason()
    {
        auto fake = std::make_shared<FakeLifecycle>();
        ReopenDialog dialog(fake, 7, QStringLiteral("Lớp 6A, 2025–2026"));
        auto* reason = dialog.findChild<QPlainTextEdit*>(QStringLiteral("reasonEdit"));
        QVERIFY(reason);
        reason->setPlainText(QStringLiteral("   "));
        dialog.accept();
        QVERIFY(!dialog.isBusy());
        QVERIFY(!dialog.problemText().isEmpty());
        QCOMPARE(fake->reopenCalls.load(), 0);

        QSignalSpy reopened(&dialog, &ReopenDialog::reopened);
        reason->setPlainText(QStringLiteral("Sai điểm Toán học kỳ 2"));
        dialog.accept();
        QTRY_COMPARE(reopened.count(), 1);
        QCOMPARE(fake->reopenCalls.load(), 1);
        QCOMPARE(fake->lastReason, QStringLiteral("Sai điểm Toán học kỳ 2"));
        QCOMPARE(fake->lastSection, Id {7});
        QCOMPARE(dialog.newSectionId(), std::optional<Id> {99});
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void chainShowsSupersededAndDraftWithDates()
    {
        auto fake = std::make_shared<FakeLifecycle>();
        auto v1 = version(7, 1, SectionState::Superseded);
        v1.signedAt = utc(2026, 5, 20);
        v1.submittedAt = utc(2026, 5, 21);
        auto v2 = version(9, 2, SectionState::Draft);
        v2.replacesSectionId = 7;
        v2.openedAt = utc(2026, 6, 2);
        v2.reopenReason = QStringLiteral("Sai điểm");
        fake->chain = {v1, v2};
        FakeSource source;
        GuiPinProvider pins(nullptr);
        RecordVersionsDialog dialog(fake, source, pins, 9, QStringLiteral("abcd"), QStringLiteral("Lớp 6A"));
        QTRY_VERIFY(dialog.isLoaded());
        QTreeWidget* tree = dialog.versionTree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("1"));
        QCOMPARE(tree->topLevelItem(0)->text(1), versionStateText(SectionState::Superseded));
        QCOMPARE(tree->topLevelItem(0)->text(3), QStringLiteral("20/05/2026"));
        QCOMPARE(tree->topLevelItem(0)->text(4), QStringLiteral("21/05/2026"));
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("2"));
        QCOMPARE(tree->topLevelItem(1)->text(1), versionStateText(SectionState::Draft));
        QCOMPARE(tree->topLevelItem(1)->text(2), QStringLiteral("02/06/2026"));
        QCOMPARE(tree->topLevelItem(1)->text(7), QStringLiteral("Sai điểm"));
        // A draft v2 is open: neither a second reopening nor a revoke of the draft.
        QVERIFY(!dialog.reopenButton()->isEnabled());
        QVERIFY(!dialog.revokeButton()->isEnabled());
        QVERIFY(dialog.explanationText().contains(QStringLiteral("2")));
    }

    void lockedYearOffersNothingAndSaysWhy()
    {
        auto fake = std::make_shared<FakeLifecycle>();
        auto v1 = version(7, 1, SectionState::Locked);
        v1.signedAt = utc(2026, 5, 20);
        v1.lockedAt = utc(2026, 7, 1);
        fake->chain = {v1};
        FakeSource source;
        GuiPinProvider pins(nullptr);
        RecordVersionsDialog dialog(fake, source, pins, 7, QStringLiteral("abcd"), QStringLiteral("Lớp 6A"));
        QTRY_VERIFY(dialog.isLoaded());
        QVERIFY(!dialog.reopenButton()->isEnabled());
        QVERIFY(!dialog.revokeButton()->isEnabled());
        QVERIFY(dialog.explanationText().contains(QStringLiteral("01/07/2026")));
        QCOMPARE(dialog.explanationText(), frozenReason(fake->chain, std::nullopt));
        QVERIFY(!dialog.reopenButton()->toolTip().isEmpty());
        dialog.openReopen(); // refused: no dialog, no call
        QCOMPARE(fake->reopenCalls.load(), 0);

        // A signed year that is not locked offers both.
        fake->chain = {version(7, 1, SectionState::Submitted)};
        dialog.reload();
        QTRY_VERIFY(dialog.isLoaded());
        QVERIFY(dialog.reopenButton()->isEnabled());
        QVERIFY(dialog.revokeButton()->isEnabled());

        // Transferred away: nothing, and it says "chuyển đi".
        fake->away = TransferredAway {QStringLiteral("79000123"), QStringLiteral("THCS Lê Lợi"), QDate(2026, 8, 15)};
        dialog.reload();
        QTRY_VERIFY(dialog.isLoaded());
        QVERIFY(!dialog.reopenButton()->isEnabled());
        QVERIFY(dialog.explanationText().contains(QStringLiteral("chuyển đi")));
        QVERIFY(dialog.explanationText().contains(QStringLiteral("15/08/2026")));
    }

    void revokeAsksForThePinAndPassesTheReason()
    {
        auto fake = std::make_shared<FakeLifecycle>();
        FakeSource source;
        GuiPinProvider pins(nullptr);
        RevokeDialog dialog(fake, source, pins, 7, QStringLiteral("Lớp 6A"));
        QTRY_VERIFY(dialog.tokenChooser()->hasChoice());
        auto* reason = dialog.findChild<QPlainTextEdit*>(QStringLiteral("reasonEdit"));
        dialog.accept(); // no reason yet
        QCOMPARE(fake->revokeCalls.load(), 0);
        QVERIFY(!dialog.problemText().isEmpty());
        const int asked = m_pinAsked;
        reason->setPlainText(QStringLiteral("Lập nhầm học bạ của học sinh khác"));
        dialog.accept();
        QTRY_VERIFY(dialog.revoked());
        QCOMPARE(m_pinAsked, asked + 1);
        QCOMPARE(fake->revokeCalls.load(), 1);
        QCOMPARE(fake->lastReason, QStringLiteral("Lập nhầm học bạ của học sinh khác"));
        QCOMPARE(fake->lastSection, Id {7});
    }

    void transferInShowsTheProblemsAndDoesNotImport()
    {
        auto fake = std::make_shared<FakeLifecycle>();
        fake->inspection.statement.studentName = QStringLiteral("Nguyễn Văn An");
        fake->inspection.statement.transferDate = QDate(2026, 8, 15);
        lifecycle::ArrivingVersion good;
        good.item.schoolYearStart = 2024;
        good.item.version = 1;
        good.ok = true;
        lifecycle::ArrivingVersion altered;
        altered.item.schoolYearStart = 2025;
        altered.item.version = 2;
        altered.problems = {QStringLiteral("the PDF was changed")};
        fake->inspection.versions = {good, altered};
        fake->inspection.problems = {QStringLiteral("the statement names another school")};
        TransferInDialog dialog(fake, {QStringLiteral("7A")});
        dialog.inspect(QStringLiteral("/tmp/bad.hocba-transfer.zip"));
        QTRY_VERIFY(dialog.isInspected());
        QCOMPARE(dialog.versionTree()->topLevelItemCount(), 2);
        QCOMPARE(dialog.problems().size(), 2);
        QVERIFY(dialog.problems().at(0).contains(QStringLiteral("another school")));
        QVERIFY(dialog.problems().at(1).contains(QStringLiteral("the PDF was changed")));
        QVERIFY(dialog.problems().at(1).contains(QStringLiteral("2025")));
        QVERIFY(!dialog.importButton()->isEnabled());
        dialog.importPackage();
        QTest::qWait(50);
        QCOMPARE(fake->transferInCalls.load(), 0);
        QVERIFY(!dialog.imported());
    }

    void goodPackageImports()
    {
        auto fake = std::make_shared<FakeLifecycle>();
        lifecycle::ArrivingVersion good;
        good.item.schoolYearStart = 2024;
        good.item.version = 1;
        good.ok = true;
        fake->inspection.versions = {good};
        TransferInDialog dialog(fake, {QStringLiteral("7A")});
        dialog.inspect(QStringLiteral("/tmp/good.hocba-transfer.zip"));
        QTRY_VERIFY(dialog.isInspected());
        QVERIFY(dialog.problems().isEmpty());
        QVERIFY(dialog.importButton()->isEnabled());
        dialog.findChild<QComboBox*>(QStringLiteral("classCombo"))->setCurrentIndex(1);
        dialog.importPackage();
        QTRY_VERIFY(dialog.imported().has_value());
        QCOMPARE(fake->transferInCalls.load(), 1);
        QCOMPARE(fake->lastPackage, QStringLiteral("/tmp/good.hocba-transfer.zip"));
        QCOMPARE(fake->lastClass, QStringLiteral("7A"));
        QCOMPARE(dialog.imported()->versions, 1);
    }

    void transferOutChecksTheFormAndSigns()
    {
        auto fake = std::make_shared<FakeLifecycle>();
        FakeSource source;
        GuiPinProvider pins(nullptr);
        TransferOutDialog dialog(fake, source, pins, QStringLiteral("0123456789"), QStringLiteral("Lớp 7A"));
        QTRY_VERIFY(dialog.tokenChooser()->hasChoice());
        dialog.accept(); // no school yet
        QVERIFY(!dialog.problemText().isEmpty());
        QCOMPARE(fake->transferOutCalls.load(), 0);
        dialog.findChild<QLineEdit*>(QStringLiteral("toSchoolCodeEdit"))->setText(QStringLiteral("79000123"));
        dialog.findChild<QLineEdit*>(QStringLiteral("toSchoolNameEdit"))->setText(QStringLiteral("THCS Lê Lợi"));
        dialog.findChild<QLineEdit*>(QStringLiteral("outDirEdit"))->setText(QDir::tempPath());
        dialog.findChild<QPlainTextEdit*>(QStringLiteral("reasonEdit"))->setPlainText(QStringLiteral("Chuyển nhà"));
        const int asked = m_pinAsked;
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog.accept();
        QTRY_VERIFY(dialog.result().has_value());
        QCOMPARE(m_pinAsked, asked + 1);
        QCOMPARE(fake->transferOutCalls.load(), 1);
        QCOMPARE(fake->lastTransfer.studentCode, QStringLiteral("0123456789"));
        QCOMPARE(fake->lastTransfer.toSchoolCode, QStringLiteral("79000123"));
        QCOMPARE(fake->lastTransfer.reason, QStringLiteral("Chuyển nhà"));
        QVERIFY(fake->lastTransfer.transferDate.isValid());
    }

private:
    int m_pinAsked = 0;
};

QTEST_MAIN(TestCorrectionsUi)
#include "TestCorrectionsUi.moc"
