// SPDX-License-Identifier: GPL-3.0-or-later
// VerifyWidget: plain verdicts for a valid signed PDF, a PDF changed after signing, a changed packet, and a valid
// PDF whose CA the checking school does not trust, a packet forged with a fresh key; verification runs off the GUI
// thread.
#include "SigningSchool.h"
#include "VerifyWidget.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/PacketBuilder.h"
#include "lifecycle/SectionConfirmer.h"
#include "lifecycle/SignedDocuments.h"
#include "store/Database.h"
#include "store/StudentRepository.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace hocba;
using hocba::ui::FileVerdict;
using hocba::ui::VerifyWidget;

namespace {
struct NullSink : lifecycle::ProgressSink
{
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress&) override { }
};
bool write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}
} // namespace

class TestVerifyWidget : public QObject
{
    Q_OBJECT
    test::SigningSchool m_school;
    QTemporaryDir m_dir;
    QString m_valid, m_appended, m_changedPacket, m_packet, m_forged;

    QList<FileVerdict> check(const QList<QByteArray>& anchors, const QStringList& files)
    {
        VerifyWidget widget(anchors);
        QSignalSpy done(&widget, &VerifyWidget::verified);
        widget.verifyFiles(files);
        if (!QTest::qWaitFor([&] { return done.count() == 1; }, 60000))
            return {};
        auto* tree = widget.findChild<QTreeWidget*>(QStringLiteral("resultsTreeWidget"));
        if (!tree || tree->topLevelItemCount() != files.size())
            return {};
        return widget.verdicts();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_school.create());
        auto db = m_school.copy();
        QVERIFY(db);
        lifecycle::ConfirmOptions co;
        co.year = m_school.year;
        co.className = m_school.className;
        co.acknowledgeWarnings = true;
        co.acknowledgedBy = QStringLiteral("GVCN test");
        QVERIFY(lifecycle::confirmSections(*db, lifecycle::Actor::unrestricted(), co));
        auto ids = lifecycle::sectionsToExport(*db, m_school.year, m_school.className);
        QVERIFY(ids);
        QList<Id> ready;
        store::StudentRepository repo(*db);
        for (Id id : *ids)
            if (auto s = repo.section(id); s && *s && (*s)->state == SectionState::Ready)
                ready << id;
        QVERIFY(!ready.isEmpty());
        ready = ready.mid(0, 1);
        auto signer = m_school.pki.signer(false);
        lifecycle::BatchSignJob job(*db, *signer, {}, lifecycle::Actor::unrestricted());
        NullSink sink;
        CancellationToken cancel;
        auto report = job.run(ready, sink, cancel);
        QVERIFY(report && report->signedItems.size() == 1);
        auto doc = lifecycle::SignedDocuments(*db).completed(ready.first(), 1);
        QVERIFY(doc && *doc);
        m_valid = m_dir.filePath(QStringLiteral("hoc-ba.pdf"));
        m_appended = m_dir.filePath(QStringLiteral("hoc-ba-sua.pdf"));
        m_packet = m_dir.filePath(QStringLiteral("hoc-ba.xml"));
        m_changedPacket = m_dir.filePath(QStringLiteral("hoc-ba-sua.xml"));
        QVERIFY(write(m_valid, (*doc)->pdf));
        QVERIFY(write(m_appended, (*doc)->pdf + "\n% changed\n"));
        QVERIFY(write(m_packet, (*doc)->packetXml));
        qInfo("Signed packet of a demo section: %lld bytes, %lld elements", (*doc)->packetXml.size(),
              (*doc)->packetXml.count("</") + (*doc)->packetXml.count("/>"));
        QByteArray changed = (*doc)->packetXml;
        changed.replace("Trường", "Truong");
        QVERIFY(changed != (*doc)->packetXml);
        QVERIFY(write(m_changedPacket, changed));
        // Issue 9: the changed packet re-signed with a fresh key carried as KeyValue, the real certificate put back.
        QCOMPARE((*doc)->packetXml.count("<Signature "), 1);
        const QByteArray forged = m_school.pki.forgeWithFreshKey(changed, QStringLiteral("urn:hocba:packet:1:Data"));
        QVERIFY(forged.contains("<KeyValue>"));
        m_forged = m_dir.filePath(QStringLiteral("hoc-ba-gia.xml"));
        QVERIFY(write(m_forged, forged));
    }

    void verdicts()
    {
        const QList<QByteArray> anchors {m_school.pki.caDer()};
        const auto v = check(anchors, {m_valid, m_packet, m_appended, m_changedPacket});
        QCOMPARE(v.size(), 4);
        QCOMPARE(v.at(0).kind, FileVerdict::Kind::Valid);
        QVERIFY2(v.at(0).verdict.startsWith(QStringLiteral("Valid – signed by ")), qPrintable(v.at(0).verdict));
        QVERIFY2(v.at(0).verdict.contains(QStringLiteral("(Principal)")), qPrintable(v.at(0).verdict));
        QCOMPARE(v.at(1).kind, FileVerdict::Kind::Valid);
        QCOMPARE(v.at(2).kind, FileVerdict::Kind::Tampered);
        QCOMPARE(v.at(2).verdict, QStringLiteral("NOT valid: the document was changed after it was signed"));
        QVERIFY2(v.at(3).kind == FileVerdict::Kind::Tampered || v.at(3).kind == FileVerdict::Kind::Unreadable,
                 qPrintable(v.at(3).verdict));
    }

    void forgedPacket()
    {
        const auto v = check({m_school.pki.caDer()}, {m_forged});
        QCOMPARE(v.size(), 1);
        QCOMPARE(v.at(0).kind, FileVerdict::Kind::Tampered);
        QCOMPARE(v.at(0).verdict, QStringLiteral("NOT valid: the document was changed after it was signed"));
        const auto& signature = v.at(0).verification->report.signatures.at(0);
        QVERIFY(!signature.integrityOk && !signature.certificateTrusted);
    }

    void untrusted()
    {
        const auto v = check({}, {m_valid});
        QCOMPARE(v.size(), 1);
        QCOMPARE(v.at(0).kind, FileVerdict::Kind::Untrusted);
        QCOMPARE(v.at(0).verdict,
                 QStringLiteral("The signature is intact, but the signer's certificate is not trusted"));
    }
};

QTEST_MAIN(TestVerifyWidget)
#include "TestVerifyWidget.moc"
