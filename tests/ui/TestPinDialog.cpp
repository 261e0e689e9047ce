// SPDX-License-Identifier: GPL-3.0-or-later
// PinDialog: the flag warnings, the PIN typed comes back, cancel is PinCancelled, and the GUI provider marshals the
// dialog to the GUI thread when asked from a worker (as TokenManager::login does on the token thread).
#include "PinDialog.h"

#include <QFuture>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace hocba;
using hocba::ui::GuiPinProvider;
using hocba::ui::PinDialog;

namespace {
signing::PinRequest request(bool countLow, bool finalTry)
{
    signing::PinRequest r;
    r.token.label = QStringLiteral("HOCBA-TEST");
    r.token.serial = QStringLiteral("1234");
    r.certificateHolder = QStringLiteral("Nguyễn Thị Hiệu Trưởng");
    r.countLow = countLow;
    r.finalTry = finalTry;
    return r;
}
} // namespace

class TestPinDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { PinDialog::setTestAnswer({}); }

    void flags_data()
    {
        QTest::addColumn<bool>("countLow");
        QTest::addColumn<bool>("finalTry");
        QTest::addColumn<QString>("warning");
        QTest::newRow("fresh") << false << false << QString();
        QTest::newRow("count low") << true << false << QStringLiteral("A wrong PIN has been entered at least once.");
        QTest::newRow("final try") << true << true << QStringLiteral("The next wrong PIN will lock the token PIN.");
    }
    void flags()
    {
        QFETCH(bool, countLow);
        QFETCH(bool, finalTry);
        QFETCH(QString, warning);
        PinDialog dialog(request(countLow, finalTry));
        QCOMPARE(dialog.warningText(), warning);
        auto* label = dialog.findChild<QLabel*>(QStringLiteral("warningLabel"));
        QVERIFY(label);
        QCOMPARE(label->isVisibleTo(&dialog), !warning.isEmpty());
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("tokenLabel"))->text(), QStringLiteral("HOCBA-TEST"));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("holderLabel"))->text(),
                 QStringLiteral("Nguyễn Thị Hiệu Trưởng"));
        auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("pinLineEdit"));
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
    }

    void returnsTypedPin()
    {
        PinDialog dialog(request(false, false));
        auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("pinLineEdit"));
        auto* ok = dialog.findChild<QPushButton*>(QStringLiteral("okPushButton"));
        QVERIFY(!ok->isEnabled()); // shorter than the minimum length
        QTest::keyClicks(edit, QStringLiteral("123456"));
        QVERIFY(ok->isEnabled());
        signing::SecurePin pin = dialog.takePin();
        QCOMPARE(QByteArray(pin.c_str()), QByteArray("123456"));
        QVERIFY(edit->text().isEmpty()); // not left in the widget
    }

    void askAcceptAndCancel()
    {
        PinDialog::setTestAnswer([](PinDialog& d) {
            d.findChild<QLineEdit*>(QStringLiteral("pinLineEdit"))->setText(QStringLiteral("987654"));
            d.accept();
        });
        auto pin = PinDialog::ask(request(true, false), nullptr);
        QVERIFY(pin);
        QCOMPARE(QByteArray(pin->c_str()), QByteArray("987654"));

        PinDialog::setTestAnswer([](PinDialog& d) { d.reject(); });
        auto cancelled = PinDialog::ask(request(false, false), nullptr);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::PinCancelled);
    }

    void providerFromWorkerThread()
    {
        QThread* asker = nullptr;
        PinDialog::setTestAnswer([&asker](PinDialog& d) {
            asker = QThread::currentThread();
            QCOMPARE(d.warningText(), QStringLiteral("The next wrong PIN will lock the token PIN."));
            d.findChild<QLineEdit*>(QStringLiteral("pinLineEdit"))->setText(QStringLiteral("123456"));
            d.accept();
        });
        GuiPinProvider provider(nullptr);
        QFuture<QByteArray> f = QtConcurrent::run([&provider] {
            auto pin = provider.requestPin(request(true, true));
            return pin ? QByteArray(pin->c_str()) : QByteArray("cancelled");
        });
        QTRY_VERIFY(f.isFinished());
        QCOMPARE(f.result(), QByteArray("123456"));
        QCOMPARE(asker, QThread::currentThread()); // the dialog ran on the GUI thread
    }
};

QTEST_MAIN(TestPinDialog)
#include "TestPinDialog.moc"
