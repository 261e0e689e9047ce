// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's part of reporting to the Department (issue 12), in Vietnamese as school staff read it, against the
// fake Department on loopback: the connection dialog saves through setEndpoint and refuses a bad address; sending
// from the window submits the sections and reports what was sent, refused and not sent; Cancel stops between
// records; the quiet try when the file opens (and its switch); the student list shows "Đã nộp Sở" and "Đã khoá
// dd/MM/yyyy"; the check dialog reads the code from a photo of the printed QR code and shows the Department's answer.
// The fake Department answers on the GUI thread: every run that ends proves the window kept its event loop going.
#include "../signing/TestPki.h"
#include "DepartmentDialog.h"
#include "DepartmentSync.h"
#include "FakeDepartment.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "SigningFixture.h"
#include "StudentTableModel.h"
#include "TestSupport.h"
#include "VerifyWidget.h"

#include "lifecycle/Department.h"
#include "render/QrCode.h"
#include "store/Database.h"
#include "util/Settings.h"
#include "util/Text.h"
#include "util/Translations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace hocba;
using lifecycle::OutboxEntry;
using ui::MessageBox;

namespace {

constexpr int kSigned = 4;

QString screenshotPath(const QString& name)
{
    const QString dir = QDir(test::binaryDir()).filePath(QStringLiteral("screenshots/desktop-dept"));
    QDir().mkpath(dir);
    return QDir(dir).filePath(name + QStringLiteral(".png"));
}

void screenshot(QWidget& w, const QString& name)
{
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.grab().save(screenshotPath(name)));
}

/** The QR code a printed page carries, as a photo would show it: black modules on white with a quiet zone. */
QImage qrPicture(const QString& text)
{
    auto qr = render::encodeQr(text.toUtf8());
    if (!qr)
        return {};
    constexpr int kScale = 8, kQuiet = 4;
    QImage image((qr->size + 2 * kQuiet) * kScale, (qr->size + 2 * kQuiet) * kScale, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < qr->size; ++y)
        for (int x = 0; x < qr->size; ++x)
            if (qr->dark(x, y))
                p.fillRect((x + kQuiet) * kScale, (y + kQuiet) * kScale, kScale, kScale, Qt::black);
    return image;
}

int pendingIn(store::Database& db)
{
    auto entries = lifecycle::outbox(db);
    if (!entries)
        return -1;
    return int(std::count_if(entries->cbegin(), entries->cend(),
                             [](const OutboxEntry& e) { return e.state == OutboxEntry::State::Pending; }));
}

} // namespace

class TestDepartmentUi : public QObject
{
    Q_OBJECT
    test::TestPki m_pki;
    test::SchoolTemplate m_template;
    std::unique_ptr<test::FakeDepartment> m_fake;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;

    /** A copy of the signed school; reporting to the fake Department when `connected`. */
    QString school(bool connected = true)
    {
        const QString path = m_template.copyPath();
        if (path.isEmpty() || !connected)
            return path;
        auto db = store::Database::openExisting(path);
        if (!db)
            return {};
        const auto set = lifecycle::setEndpoint(**db, lifecycle::Actor::unrestricted(), m_fake->baseUrl(),
                                                m_fake->writeCredential(test::FakeDepartment::credential()),
                                                m_fake->certPemPath());
        return set ? path : QString();
    }

    struct Opened
    {
        std::unique_ptr<store::Database> db;
        std::unique_ptr<ui::MainWindow> window;
    };
    /** A connected copy of the school, open in a shown window, the quiet try on opening switched off; null on failure.
     */
    Opened openWithoutQuietTry()
    {
        m_settings->setValue(ui::AutoUploadOnOpenSetting, false);
        const QString path = school();
        auto db = path.isEmpty() ? nullptr : std::move(store::Database::openExisting(path).value_or(nullptr));
        if (!db)
            return {};
        auto window = std::make_unique<ui::MainWindow>(*m_settings);
        window->show();
        if (!window->openDatabase(path))
            return {};
        return {std::move(db), std::move(window)};
    }

    /** Shows the class of the first outbox entry (the signed sections) in the window. */
    static bool showSignedClass(ui::MainWindow& window, store::Database& db)
    {
        auto entries = lifecycle::outbox(db);
        if (!entries || entries->isEmpty())
            return false;
        auto* tree = window.findChild<QTreeView*>(QStringLiteral("navigationTreeView"));
        const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
                                                           QStringLiteral("Lớp %1 (").arg(entries->first().className),
                                                           1, Qt::MatchStartsWith | Qt::MatchRecursive);
        if (found.isEmpty())
            return false;
        tree->setCurrentIndex(found.first());
        return true;
    }

    /** The status column's texts of the shown class for the given section states' rows. */
    static QStringList stateColumn(ui::MainWindow& window)
    {
        auto* table = window.findChild<QTableView*>(QStringLiteral("studentTableView"));
        QStringList out;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            out << table->model()->index(r, ui::StudentTableModel::State).data().toString();
        return out;
    }

    static bool waitFinished(ui::DepartmentSync* sync)
    {
        QSignalSpy done(sync, &ui::DepartmentSync::finished);
        return done.wait(60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(*qApp, QStringLiteral("vi"));
        MessageBox::setAutoAnswer(true);
        QVERIFY(m_pki.create());
        QVERIFY(m_template.create(12, 7, m_pki.caDer()));
        auto signer = m_pki.signer(false);
        QVERIFY(test::signFirstSections(m_template.path(), m_template.year, *signer, kSigned));
    }
    void cleanupTestCase() { MessageBox::setAutoAnswer(false); }

    void init()
    {
        m_fake = std::make_unique<test::FakeDepartment>();
        QVERIFY(m_fake->start());
        m_settings = std::make_unique<Settings>(
            m_dir.filePath(QStringLiteral("hocba-%1.ini")).arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    void connectionDialogSavesThroughSetEndpoint()
    {
        const QString path = school(false);
        QVERIFY(!path.isEmpty());
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        ui::DepartmentDialog dialog(**db, lifecycle::Actor::unrestricted(), *m_settings);
        QVERIFY2(dialog.currentText().startsWith(QStringLiteral("Chưa cài đặt")), qPrintable(dialog.currentText()));
        const QString credential = m_fake->writeCredential(test::FakeDepartment::credential());

        // A bad address: refused with lifecycle's own Vietnamese words, nothing stored.
        dialog.setUrl(QStringLiteral("hocba.sogd.example.vn"));
        dialog.setCredentialFile(credential);
        dialog.setCertificateFile(m_fake->certPemPath());
        MessageBox::resetShown();
        QVERIFY(!dialog.save());
        const auto refused
            = lifecycle::setEndpoint(**db, lifecycle::Actor::unrestricted(), QStringLiteral("hocba.sogd.example.vn"),
                                     credential, m_fake->certPemPath());
        QVERIFY(!refused);
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
        QCOMPARE(MessageBox::lastShown().text, refused.error().message);
        QVERIFY2(MessageBox::lastShown().text.contains(QStringLiteral("không phải là địa chỉ máy chủ của Sở")),
                 qPrintable(MessageBox::lastShown().text));
        auto none = lifecycle::endpointSettings(**db);
        QVERIFY(none && !*none);

        // The Department's address: stored with the pinned certificate; the dialog names the Department, never the
        // credential.
        dialog.setUrl(m_fake->baseUrl());
        dialog.findChild<QCheckBox*>(QStringLiteral("autoUploadCheckBox"))->setChecked(false);
        QVERIFY(dialog.save());
        auto set = lifecycle::endpointSettings(**db);
        QVERIFY(set && *set);
        QCOMPARE((*set)->url, m_fake->baseUrl());
        QCOMPARE((*set)->departmentCertDer, m_fake->certDer());
        QVERIFY(dialog.currentText().contains(m_fake->baseUrl()));
        QVERIFY(dialog.currentText().contains((*set)->departmentName));
        QVERIFY(dialog.currentText().contains(QStringLiteral("đã lưu")));
        QVERIFY(!dialog.currentText().contains(test::FakeDepartment::credential()));
        QCOMPARE(m_settings->value(ui::AutoUploadOnOpenSetting), false);
        screenshot(dialog, QStringLiteral("department-dialog"));
    }

    void sendFromTheWindowThenLock()
    {
        Opened opened = openWithoutQuietTry();
        QVERIFY(opened.window);
        ui::MainWindow& window = *opened.window;
        auto& db = opened.db;
        QCOMPARE(window.pendingForDepartment(), kSigned);
        QVERIFY2(window.statusText().contains(QStringLiteral("%1 học bạ chờ gửi Sở").arg(kSigned)),
                 qPrintable(window.statusText()));
        QCOMPARE(m_fake->count(QStringLiteral("POST /api/v1/records")), 0); // switched off: nothing sent on opening
        QTest::qWait(50); // the status bar's layout
        QVERIFY(window.grab().save(screenshotPath(QStringLiteral("main-window-waiting"))));

        // One refused by the Department, one without an answer (a 5xx, not tried again here), two accepted.
        const QByteArray refusal
            = QStringLiteral(R"({"error":"invalid_packet","message":"Chữ ký của gói không hợp lệ."})").toUtf8();
        m_fake->script(QStringLiteral("POST /api/v1/records"),
                       {{422, refusal}, {503, QByteArrayLiteral(R"({"error":"server_error","message":""})")}});
        window.findChild<QTreeView*>(QStringLiteral("navigationTreeView"))->setCurrentIndex(QModelIndex());
        ui::DepartmentSync* sync = window.departmentSync();
        sync->setRetries(1, 10);
        auto* upload = window.findChild<QAction*>(QStringLiteral("uploadAction"));
        QVERIFY(upload && upload->isEnabled());
        QCOMPARE(upload->text(), QStringLiteral("&Gửi cả trường lên Sở…"));
        QSignalSpy done(sync, &ui::DepartmentSync::finished);
        MessageBox::resetShown();
        upload->trigger();
        QVERIFY(sync->isBusy());
        QVERIFY(sync->progressDialog() && sync->progressDialog()->isVisible());
        QVERIFY(done.wait(60000));
        QVERIFY(!sync->progressDialog()->isVisible());
        QVERIFY(sync->lastUpload());
        QCOMPARE(sync->lastUpload()->submitted(), kSigned - 2);
        QCOMPARE(sync->lastUpload()->refused(), 1);
        QCOMPARE(sync->lastUpload()->failed(), 1);
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Warning);
        const QString report = MessageBox::lastShown().text;
        QVERIFY2(report.contains(QStringLiteral("Đã gửi lên Sở: %1 học bạ.").arg(kSigned - 2)), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("Chữ ký của gói không hợp lệ.")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("Chưa gửi được (máy chủ không trả lời): 1")), qPrintable(report));
        const UploadCheck refusedItem = firstRefused(*sync);
        QVERIFY2(report.contains(QStringLiteral("mã %1…").arg(refusedItem.code.left(8))), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("Lớp %1").arg(refusedItem.className)), qPrintable(report));
        QVERIFY(!report.contains(refusedItem.code)); // the code is the record's secret: only its first characters
        QCOMPARE(pendingIn(*db), 2);
        QVERIFY(window.statusText().contains(QStringLiteral("2 học bạ chờ gửi Sở")));

        // Again: the two left are sent; the status bar has nothing waiting any more.
        upload->trigger();
        QVERIFY(done.wait(60000));
        QCOMPARE(sync->lastUpload()->submitted(), 2);
        QCOMPARE(pendingIn(*db), 0);
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Information);
        QVERIFY(!window.statusText().contains(QStringLiteral("chờ gửi Sở")));
        QVERIFY(showSignedClass(window, *db));
        QCOMPARE(stateColumn(window).count(QStringLiteral("Đã nộp Sở")), countInShownClass(*db));

        // The deadline passes: the lock receipts lock the sections, shown with their date.
        const QDateTime lockedAt(QDate(2026, 6, 30), QTime(16, 59, 59), Qt::UTC);
        m_fake->lockAll(lockedAt);
        auto* receipts = window.findChild<QAction*>(QStringLiteral("receiptsAction"));
        QVERIFY(receipts && receipts->isEnabled());
        receipts->trigger();
        QVERIFY(done.wait(60000));
        QVERIFY(sync->lastReceipts());
        QCOMPARE(sync->lastReceipts()->locked, kSigned);
        QVERIFY2(MessageBox::lastShown().text.contains(QStringLiteral("Số học bạ mới được khoá: %1").arg(kSigned)),
                 qPrintable(MessageBox::lastShown().text));
        const QString lockedText = QStringLiteral("Đã khoá %1").arg(text::shownDate(lockedAt));
        QCOMPARE(stateColumn(window).count(lockedText), countInShownClass(*db));
        QVERIFY(stateColumn(window).count(lockedText) > 0);
        auto* table = window.findChild<QTableView*>(QStringLiteral("studentTableView"));
        table->scrollTo(table->model()->index(0, ui::StudentTableModel::LookupCode));
        QVERIFY(window.grab().save(screenshotPath(QStringLiteral("main-window-locked"))));
    }

    void cancelStopsBetweenRecords()
    {
        Opened opened = openWithoutQuietTry();
        QVERIFY(opened.window);
        ui::MainWindow& window = *opened.window;
        auto& db = opened.db;
        window.findChild<QTreeView*>(QStringLiteral("navigationTreeView"))->setCurrentIndex(QModelIndex());
        ui::DepartmentSync* sync = window.departmentSync();
        QSignalSpy done(sync, &ui::DepartmentSync::finished);
        // Cancel as soon as the first record is through, as a user pressing "Dừng" would.
        connect(sync, &ui::DepartmentSync::progressed, this, [sync](int done) {
            if (done == 1)
                sync->progressDialog()->findChild<QPushButton*>()->click();
        });
        window.uploadToDepartment();
        QVERIFY(done.wait(60000));
        const int sent = sync->lastUpload()->submitted();
        QVERIFY2(sent >= 1 && sent < kSigned, qPrintable(QString::number(sent)));
        QCOMPARE(int(sync->lastUpload()->items.size()), sent); // nothing half done
        QCOMPARE(pendingIn(*db), kSigned - sent);
        QCOMPARE(m_fake->stored(), sent);
    }

    void quietTryWhenTheFileOpens()
    {
        const QString path = school();
        QVERIFY(!path.isEmpty());
        ui::MainWindow window(*m_settings); // switched on by default
        MessageBox::resetShown();
        QVERIFY(window.openDatabase(path));
        ui::DepartmentSync* sync = window.departmentSync();
        QVERIFY(sync->isBusy());
        QVERIFY(!sync->progressDialog()); // no dialog for the automatic try
        QVERIFY(waitFinished(sync));
        QCOMPARE(sync->lastUpload()->submitted(), kSigned);
        QCOMPARE(MessageBox::shownCount(), 0);
        QVERIFY2(sync->lastReportText().contains(QStringLiteral("Đã gửi lên Sở: %1 học bạ.").arg(kSigned)),
                 qPrintable(sync->lastReportText()));
        QCOMPARE(window.pendingForDepartment(), 0);

        // Without a connection: a status-bar message, still no dialog, and the records stay waiting.
        const QString offline = school();
        QVERIFY(!offline.isEmpty());
        m_fake.reset(); // the server is gone
        ui::MainWindow second(*m_settings);
        QVERIFY(second.openDatabase(offline));
        QVERIFY(waitFinished(second.departmentSync()));
        QCOMPARE(MessageBox::shownCount(), 0);
        QVERIFY2(second.departmentSync()->lastReportText().startsWith(QStringLiteral("Chưa gửi được học bạ lên Sở")),
                 qPrintable(second.departmentSync()->lastReportText()));
        QCOMPARE(second.pendingForDepartment(), kSigned);
    }

    void lookupByCodeFromAQrPicture()
    {
        const QString code = QStringLiteral("0123456789abcdef0123456789abcdef");
        const QString link = render::lookupUrl(QStringLiteral("https://hocba.sogd.example.vn/tra-cuu"), code,
                                               SchoolYear {2025}, 2, QByteArray(32, 'x'));
        const QString picture = m_dir.filePath(QStringLiteral("qr.png"));
        QVERIFY(qrPicture(link).save(picture));

        ui::VerifyWidget dialog({});
        dialog.setLookupUrl(m_fake->baseUrl());
        QVERIFY(dialog.readCodeFromImage(picture));
        QCOMPARE(dialog.codeText(), code);

        // A picture without a QR code: said plainly, the field keeps its code.
        QImage blank(200, 200, QImage::Format_RGB32);
        blank.fill(Qt::white);
        const QString empty = m_dir.filePath(QStringLiteral("blank.jpg"));
        QVERIFY(blank.save(empty));
        MessageBox::resetShown();
        QVERIFY(!dialog.readCodeFromImage(empty));
        QVERIFY2(MessageBox::lastShown().text.startsWith(QStringLiteral("Không đọc được mã QR")),
                 qPrintable(MessageBox::lastShown().text));
        QCOMPARE(dialog.codeText(), code);

        m_fake->setLookup(
            code,
            QStringLiteral(R"({"lookup_code":"%1","state":"locked","version":2,)"
                           R"("school":{"code":"01000999","name":"Trường THCS Thử"},"window":"2025-2026-06",)"
                           R"("received_at":"2026-06-20T03:04:05Z","locked_at":"2026-06-30T16:59:59Z",)"
                           R"("content":{"student_name":"Nguyễn Văn An","school_year":"2025-2026","grade":6,)"
                           R"("class":"6A1","results":[{"subject":"Toán","score":"8.5","comment":"Tiến bộ"},)"
                           R"({"subject":"Âm nhạc","level":"Đạt"}],"conduct":"Tốt"},)"
                           R"("years":[{"school_year":"2025-2026","state":"locked","version":2,)"
                           R"("received_at":"2026-06-20T03:04:05Z","versions":[{"version":1,)"
                           R"("received_at":"2026-06-01T03:04:05Z","replaced_at":"2026-06-20T03:04:05Z"},)"
                           R"({"version":2,"received_at":"2026-06-20T03:04:05Z","replaced_at":null}]}],)"
                           R"("checked":{"school_year":"2025-2026","version":2,"matches":true,"current":true,)"
                           R"("current_version":2,"replaced_at":null,"revoked_at":null}})")
                .arg(code)
                .toUtf8());
        QSignalSpy answered(&dialog, &ui::VerifyWidget::lookedUp);
        dialog.lookUp();
        QVERIFY(answered.wait(30000));
        const QStringList rows = dialog.lookupRows();
        QVERIFY2(rows.contains(QStringLiteral("Trạng thái: Sở đã khoá")), qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY(rows.contains(QStringLiteral("Phiên bản: 2")));
        QVERIFY(rows.contains(QStringLiteral("Trường: Trường THCS Thử")));
        QVERIFY(rows.contains(QStringLiteral("Ngày khoá: %1")
                                  .arg(text::shownDate(QDateTime(QDate(2026, 6, 30), QTime(16, 59, 59), Qt::UTC)))));
        QVERIFY(rows.contains(QStringLiteral("Học sinh: Nguyễn Văn An")));
        QVERIFY(rows.contains(QStringLiteral("Toán: 8,5 — Tiến bộ")));
        QVERIFY(rows.contains(QStringLiteral("Âm nhạc: Đạt")));
        QVERIFY(rows.contains(QStringLiteral("Kết quả rèn luyện: Tốt")));
        // The picture's QR code named its paper copy: the Department was asked about it, and its answer comes first.
        QVERIFY2(m_fake->received().last().path.contains(QStringLiteral("&h=") + link.section(QStringLiteral("h="), 1)),
                 qPrintable(m_fake->received().last().path));
        QCOMPARE(rows.first(), QStringLiteral("Bản giấy: Bản giấy này khớp với phiên bản hiện hành."));
        const QString replaced = text::shownDate(QDateTime(QDate(2026, 6, 20), QTime(3, 4, 5), Qt::UTC));
        QVERIFY(
            rows.contains(QStringLiteral("Năm học 2025-2026: Phiên bản hiện hành: 2 (nhận ngày %1)").arg(replaced)));
        QVERIFY(
            rows.contains(QStringLiteral("Năm học 2025-2026: Phiên bản 1 — đã được thay thế ngày %1").arg(replaced)));
        screenshot(dialog, QStringLiteral("check-dialog-lookup"));

        // A code the Department does not have: said plainly in the table.
        dialog.setCodeText(QStringLiteral("ffff ffff ffff ffff ffff ffff ffff ffff"));
        dialog.lookUp();
        QVERIFY(answered.wait(30000));
        QVERIFY(!m_fake->received().last().path.contains(u'?')); // another code: no paper copy to check
        QCOMPARE(dialog.lookupRows().size(), 1);
        QVERIFY2(dialog.lookupRows().first().contains(QStringLiteral("Sở")), qPrintable(dialog.lookupRows().first()));
    }

private:
    struct UploadCheck
    {
        QString code;
        QString className;
    };
    UploadCheck firstRefused(const ui::DepartmentSync& sync) const
    {
        for (const auto& item : sync.lastUpload()->items)
            if (item.outcome == lifecycle::UploadItemResult::Outcome::Refused)
                return {item.lookupCode, classOfCode(item.lookupCode)};
        return {};
    }
    QString classOfCode(const QString& code) const
    {
        auto db = store::Database::openExisting(m_template.path());
        auto entries = db ? lifecycle::outbox(**db) : Result<QList<OutboxEntry>>(QList<OutboxEntry> {});
        for (const OutboxEntry& e : entries.value_or(QList<OutboxEntry> {}))
            if (e.lookupCode == code)
                return e.className;
        return {};
    }
    /** Signed sections in the class showSignedClass shows. */
    static int countInShownClass(store::Database& db)
    {
        auto entries = lifecycle::outbox(db);
        if (!entries || entries->isEmpty())
            return -1;
        return int(std::count_if(entries->cbegin(), entries->cend(),
                                 [&](const OutboxEntry& e) { return e.className == entries->first().className; }));
    }
};

QTEST_MAIN(TestDepartmentUi)
#include "TestDepartmentUi.moc"
