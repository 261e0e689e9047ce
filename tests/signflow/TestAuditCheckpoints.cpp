// SPDX-License-Identifier: GPL-3.0-or-later
// Signed audit checkpoints (docs/audit.md): a signing batch signs the audit chain's head; `audit verify` then finds a
// chain rewritten with the public formula, a cut tail, deleted checkpoints and a checkpoint re-signed with another
// key, all of which the chain walk alone calls intact. A demo school signed with a software key and a test CA.
#include "../signing/TestPki.h"
#include "CliRunner.h"
#include "SigningFixture.h"
#include "StoreFixture.h"

#include "lifecycle/AuditCheckpoints.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "token/CmsSigner.h"
#include "util/Digest.h"
#include "verify/DetachedCms.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hocba;

namespace {

struct Verdict
{
    int code = -1;
    QJsonObject json;
    QString raw;

    QJsonArray findings() const { return json.value(QStringLiteral("checkpoints"))["findings"].toArray(); }
    /** A finding with this code about this field ("checkpoint:1", …; empty: any field). */
    bool has(const QString& code, const QString& field = {}) const
    {
        for (const QJsonValue& f : findings())
            if (f[QStringLiteral("code")].toString() == code
                && (field.isEmpty() || f[QStringLiteral("field")].toString() == field))
                return true;
        return false;
    }
};

Verdict auditVerify(const QString& path)
{
    const test::CliRun r = test::runCliInProcess(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), path, QStringLiteral("--json")});
    return {r.code, QJsonDocument::fromJson(r.out.toUtf8()).object(), r.out + r.err};
}

using test::scalar;

// An attacker first has to get past the write-once triggers, as with the sqlite3 shell.
const QString kDropGuards
    = QStringLiteral("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; "
                     "DROP TRIGGER audit_checkpoint_no_update; DROP TRIGGER audit_checkpoint_no_delete; ");

/** Recomputes every entry's links and hash with the public formula: the chain walk then finds nothing. */
bool rechain(store::Database& db)
{
    auto st = db.prepare(QStringLiteral("SELECT id, at, actor, action, entity, entity_id, field, old_value, "
                                        "new_value FROM audit_log ORDER BY id"));
    if (!st)
        return false;
    QList<store::AuditEntry> entries;
    while (st->step().value_or(false)) {
        store::AuditEntry e;
        e.id = st->int64(0);
        e.at = QDateTime::fromString(st->text(1), Qt::ISODateWithMs);
        e.actor = st->text(2);
        e.action = st->text(3);
        e.entity = st->text(4);
        e.entityId = st->text(5);
        e.field = st->text(6);
        if (!st->isNull(7))
            e.oldValue = st->text(7);
        if (!st->isNull(8))
            e.newValue = st->text(8);
        entries << e;
    }
    QString prev = store::AuditLog::genesisHash();
    for (store::AuditEntry& e : entries) {
        e.prevHash = prev;
        e.hash = store::AuditLog::computeHash(e);
        auto up = db.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE id = ?3"));
        if (!up || !up->bind(1, e.prevHash).bind(2, e.hash).bind(3, e.id).exec())
            return false;
        prev = e.hash;
    }
    return store::AuditLog(db).verify().value_or(store::AuditVerification {}).ok;
}

} // namespace

class TestAuditCheckpoints : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestPki m_pki;
    test::SchoolTemplate m_school; ///< a school with one class signed by one batch

    QString freshCopy() { return m_school.copyPath(); }
    QString file(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_pki.create());
        QVERIFY(m_school.create(12, 11, m_pki.caDer()));
        auto db = store::Database::openOrCreate(m_school.path());
        QVERIFY(db);
        QVERIFY(test::confirmAcknowledged(**db, m_school.year));
        const QList<Id> ready = test::readySections(**db, m_school.year);
        QVERIFY(ready.size() >= 2);
        auto signer = m_pki.signer(false);
        auto report = test::signBatch(**db, *signer, ready.mid(0, 4));
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QVERIFY(report->signedItems.size() >= 2);
        QVERIFY2(report->warnings.isEmpty(), qPrintable(report->warnings.join(u'\n')));
        QCOMPARE(report->checkpointId, qint64(1));
    }

    /** (e) One batch, one checkpoint, made last: it vouches for the batch's own entries and verifies. */
    void cleanFileVerifies()
    {
        const QString path = freshCopy();
        {
            auto db = store::Database::openOrCreate(path);
            QVERIFY(db);
            QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM audit_checkpoint")), QStringLiteral("1"));
            // The checkpoint's own audit entry is the newest; the checkpoint vouches for the one just before it
            // (the batch's "finish"), so the next checkpoint covers this one.
            QCOMPARE(scalar(**db, QStringLiteral("SELECT action || ' ' || entity_id FROM audit_log ORDER BY id DESC")),
                     QStringLiteral("audit.checkpoint 1"));
            QCOMPARE(scalar(**db,
                            QStringLiteral("SELECT action FROM audit_log WHERE id = (SELECT head_id FROM "
                                           "audit_checkpoint)")),
                     QStringLiteral("sign_batch.finish"));
            // Not writable again by the program.
            QVERIFY(!(*db)->exec(QStringLiteral("UPDATE audit_checkpoint SET head_id = 1")));
            QVERIFY(!(*db)->exec(QStringLiteral("DELETE FROM audit_checkpoint")));
        }
        const Verdict v = auditVerify(path);
        QVERIFY2(v.code == 0, qPrintable(v.raw));
        QCOMPARE(v.json[QStringLiteral("ok")].toBool(), true);
        const QJsonObject cp = v.json[QStringLiteral("checkpoints")].toObject();
        QCOMPARE(cp[QStringLiteral("stored")].toInt(), 1);
        QCOMPARE(cp[QStringLiteral("valid")].toInt(), 1);
        QVERIFY(v.findings().isEmpty());
    }

    /** (f) The checkpoint is a standard detached CMS: openssl verifies it against the CA, and not a changed copy. */
    void opensslVerifiesCheckpoint()
    {
        auto db = store::Database::openOrCreate(m_school.path());
        QVERIFY(db);
        auto st = (*db)->prepare(QStringLiteral("SELECT content, signature, head_id, head_hash FROM audit_checkpoint"));
        QVERIFY(st && st->step().value_or(false));
        const QByteArray content = st->blob(0);
        const QJsonObject o = QJsonDocument::fromJson(content).object();
        QCOMPARE(o[QStringLiteral("format")].toString(), QLatin1String(lifecycle::kCheckpointFormat));
        QCOMPARE(o[QStringLiteral("version")].toInt(), lifecycle::kCheckpointVersion);
        QCOMPARE(o[QStringLiteral("headId")].toInteger(), st->int64(2));
        QCOMPARE(o[QStringLiteral("headHash")].toString(), st->text(3));
        QCOMPARE(o[QStringLiteral("role")].toString(), QStringLiteral("principal"));
        QVERIFY(!o[QStringLiteral("school")][QStringLiteral("name")].toString().isEmpty());
        QVERIFY(QDateTime::fromString(o[QStringLiteral("at")].toString(), Qt::ISODate).isValid());

        const QString sig = file(QStringLiteral("checkpoint.p7s"), st->blob(1));
        const auto opensslVerify = [&](const QString& contentPath) {
            return test::runTool(QStringLiteral("openssl"),
                                 {"cms", "-verify", "-binary", "-inform", "DER", "-in", sig, "-content", contentPath,
                                  "-CAfile", m_pki.path(QStringLiteral("ca.pem")), "-purpose", "any", "-out",
                                  "/dev/null"});
        };
        const test::ToolRun good = opensslVerify(file(QStringLiteral("checkpoint.json"), content));
        QVERIFY2(good.exitCode == 0 && good.output.contains(QLatin1String("Verification successful")),
                 qPrintable(good.output));
        QByteArray changed = content;
        changed.replace("\"headId\":", "\"headId\":1");
        const test::ToolRun bad = opensslVerify(file(QStringLiteral("changed.json"), changed));
        QVERIFY(bad.exitCode != 0);
        // signing-certificate-v2 is there, signingTime is not (the time is in the content).
        const test::ToolRun printed = test::runTool(
            QStringLiteral("openssl"), {"cms", "-cmsout", "-print", "-inform", "DER", "-in", sig, "-noout"});
        QVERIFY2(printed.output.contains(QLatin1String("id-smime-aa-signingCertificateV2")),
                 qPrintable(printed.output));
        QVERIFY(!printed.output.contains(QLatin1String("signingTime")));
    }

    /** (a) An early entry changed and every later hash recomputed: the walk says intact, the checkpoint does not. */
    void rewrittenChainIsFound()
    {
        const QString path = freshCopy();
        QCOMPARE(test::runSqlite3(path, kDropGuards), 0);
        {
            auto db = store::Database::openOrCreate(path);
            QVERIFY(db);
            QVERIFY((*db)->exec(QStringLiteral("UPDATE audit_log SET actor = 'ke.gian' WHERE id = 3")));
            QVERIFY(rechain(**db));
        }
        const Verdict v = auditVerify(path);
        QVERIFY2(v.code == 1, qPrintable(v.raw));
        QCOMPARE(v.json[QStringLiteral("ok")].toBool(), false);
        QVERIFY2(v.has(QStringLiteral("audit.checkpoint.entry-changed"), QStringLiteral("checkpoint:1")),
                 qPrintable(v.raw));
        const test::CliRun text
            = test::runCliInProcess({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), path});
        QCOMPARE(text.code, 1);
    }

    /**
     * (b) The newest entries cut before the checkpoint's head, and sqlite_sequence fixed to match; and, short of
     * that, only the checkpoint's own entry cut (just after its head).
     */
    void cutTailIsFound_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<QString>("code");
        QTest::newRow("before the head") << -2 << QStringLiteral("audit.checkpoint.entry-missing");
        QTest::newRow("after the head") << 1 << QStringLiteral("audit.checkpoint.unrecorded");
    }
    void cutTailIsFound()
    {
        QFETCH(int, from);
        QFETCH(QString, code);
        const QString path = freshCopy();
        QCOMPARE(test::runSqlite3(path,
                                  kDropGuards
                                      + QStringLiteral("DELETE FROM audit_log WHERE id >= (SELECT head_id + %1 FROM "
                                                       "audit_checkpoint); UPDATE sqlite_sequence SET seq = (SELECT "
                                                       "max(id) FROM audit_log) WHERE name = 'audit_log';")
                                            .arg(from)),
                 0);
        {
            auto db = store::Database::openOrCreate(path);
            QVERIFY(db);
            QVERIFY(store::AuditLog(**db).verify().value().ok); // the walk alone is satisfied
        }
        const Verdict v = auditVerify(path);
        QVERIFY2(v.code == 1, qPrintable(v.raw));
        QVERIFY2(v.has(code, QStringLiteral("checkpoint:1")), qPrintable(v.raw));
    }

    /** (c) Checkpoints deleted while signed sections remain: plainly, and with their audit entry and a re-chain. */
    void deletedCheckpointIsFound_data()
    {
        QTest::addColumn<bool>("coverUp");
        QTest::newRow("row deleted") << false;
        QTest::newRow("row and its audit entry deleted, chain fixed") << true;
    }
    void deletedCheckpointIsFound()
    {
        QFETCH(bool, coverUp);
        const QString path = freshCopy();
        QString sql = kDropGuards + QStringLiteral("DELETE FROM audit_checkpoint;");
        if (coverUp)
            sql += QStringLiteral("DELETE FROM audit_log WHERE action = 'audit.checkpoint'; UPDATE sqlite_sequence "
                                  "SET seq = (SELECT max(id) FROM audit_log) WHERE name = 'audit_log';");
        QCOMPARE(test::runSqlite3(path, sql), 0);
        {
            auto db = store::Database::openOrCreate(path);
            QVERIFY(db);
            QVERIFY(store::AuditLog(**db).verify().value().ok); // the walk alone is satisfied
        }
        const Verdict v = auditVerify(path);
        QVERIFY2(v.code == 1, qPrintable(v.raw));
        QVERIFY2(v.has(QStringLiteral("audit.checkpoint.uncovered")), qPrintable(v.raw));
        QCOMPARE(v.has(QStringLiteral("audit.checkpoint.deleted"), QStringLiteral("checkpoint:1")), !coverUp);
    }

    /** (d) The chain rewritten and its checkpoint re-signed for the new head with a fresh self-signed key. */
    void checkpointResignedWithOtherKeyIsFound()
    {
        const QString key = m_dir.filePath(QStringLiteral("forger.key"));
        const QString cert = m_dir.filePath(QStringLiteral("forger.pem"));
        const test::ToolRun made = test::runTool(
            QStringLiteral("openssl"),
            {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "30", "-utf8",
             "-subj", "/C=VN/CN=Hiệu trưởng giả", "-addext", "keyUsage=critical,nonRepudiation,digitalSignature"});
        QVERIFY2(made.exitCode == 0, qPrintable(made.output));
        auto forger = signing::SoftwareSigner::fromPem(test::fileBytes(key), test::fileBytes(cert));
        QVERIFY(forger);

        const QString path = freshCopy();
        QCOMPARE(test::runSqlite3(path, kDropGuards), 0);
        {
            auto db = store::Database::openOrCreate(path);
            QVERIFY(db);
            QVERIFY((*db)->exec(QStringLiteral("UPDATE audit_log SET actor = 'ke.gian' WHERE id = 3")));
            QVERIFY(rechain(**db));
            // A consistent checkpoint for the new head, made now (the forger's certificate is valid now), signed by
            // the forger: only the certificate's chain can tell it apart.
            auto st = (*db)->prepare(QStringLiteral("SELECT c.content, a.hash FROM audit_checkpoint c JOIN audit_log "
                                                    "a ON a.id = c.head_id WHERE c.id = 1"));
            QVERIFY(st && st->step().value_or(false));
            QJsonObject content = QJsonDocument::fromJson(st->blob(0)).object();
            content[QStringLiteral("headHash")] = st->text(1);
            const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
            content[QStringLiteral("at")] = now;
            const QByteArray bytes = QJsonDocument(content).toJson(QJsonDocument::Compact);
            auto cms = signing::signDetachedCms(digest::sha256(bytes), **forger);
            QVERIFY(cms);
            auto up
                = (*db)->prepare(QStringLiteral("UPDATE audit_checkpoint SET content = ?1, signature = ?2, "
                                                "head_hash = ?3, certificate_sha256 = ?4, made_at = ?5 WHERE id = 1"));
            QVERIFY(up);
            QVERIFY(up->bind(1, bytes)
                        .bind(2, *cms)
                        .bind(3, st->text(1))
                        .bind(4, QString::fromLatin1(digest::sha256((*forger)->certificate()).toHex()))
                        .bind(5, now)
                        .exec());
        }
        const Verdict v = auditVerify(path);
        QVERIFY2(v.code == 1, qPrintable(v.raw));
        QVERIFY2(v.has(QStringLiteral("audit.checkpoint.certificate"), QStringLiteral("checkpoint:1")),
                 qPrintable(v.raw));
        QVERIFY2(!v.has(QStringLiteral("audit.checkpoint.signature")), qPrintable(v.raw)); // the CMS itself is fine
        QVERIFY2(v.has(QStringLiteral("audit.checkpoint.uncovered")), qPrintable(v.raw));
    }

    /**
     * Two batches; the second one's checkpoint deleted with its audit entry, history after the first checkpoint
     * rewritten, and the second batch's signing times back-dated before the first checkpoint: the signatures' own
     * audit entries still lie after the first checkpoint's head, so the second batch is not covered.
     */
    void backdatedSigningTimesDoNotHelp()
    {
        const QString path = freshCopy();
        {
            auto db = store::Database::openOrCreate(path);
            QVERIFY(db);
            QList<Id> ready;
            auto st = (*db)->prepare(
                QStringLiteral("SELECT id FROM year_section WHERE state = 'ready' ORDER BY id LIMIT 2"));
            while (st && st->step().value_or(false))
                ready << st->int64(0);
            QVERIFY(!ready.isEmpty());
            auto signer = m_pki.signer(false);
            auto second = test::signBatch(**db, *signer, ready);
            QVERIFY(second && second->checkpointId == 2 && !second->signedItems.isEmpty());
        }
        QCOMPARE(test::runSqlite3(
                     path,
                     kDropGuards
                         + QStringLiteral(
                             "DROP TRIGGER signed_document_no_update; DELETE FROM audit_checkpoint WHERE id = 2; "
                             "DELETE FROM audit_log WHERE action = 'audit.checkpoint' AND entity_id = '2'; "
                             "UPDATE sqlite_sequence SET seq = (SELECT max(id) FROM audit_log) WHERE name = "
                             "'audit_log'; UPDATE signed_document SET signed_at = '2001-01-01T00:00:00Z' WHERE "
                             "signed_at > (SELECT made_at FROM audit_checkpoint WHERE id = 1) OR id > 4;")),
                 0);
        {
            auto db = store::Database::openOrCreate(path);
            QVERIFY(db);
            QVERIFY((*db)->exec(QStringLiteral(
                "UPDATE audit_log SET actor = 'ke.gian' WHERE id = (SELECT head_id + 3 FROM audit_checkpoint)")));
            QVERIFY(rechain(**db));
        }
        const Verdict v = auditVerify(path);
        QVERIFY2(v.code == 1, qPrintable(v.raw));
        QVERIFY2(v.has(QStringLiteral("audit.checkpoint.uncovered")), qPrintable(v.raw));
        QVERIFY2(!v.has(QStringLiteral("audit.checkpoint.entry-changed")), qPrintable(v.raw)); // checkpoint 1 holds
    }

    /** A changed column (the head id) no longer matches what was signed. */
    void editedColumnIsFound()
    {
        const QString path = freshCopy();
        QCOMPARE(test::runSqlite3(path, kDropGuards + QStringLiteral("UPDATE audit_checkpoint SET head_id = 2;")), 0);
        const Verdict v = auditVerify(path);
        QVERIFY2(v.code == 1, qPrintable(v.raw));
        QVERIFY2(v.has(QStringLiteral("audit.checkpoint.altered"), QStringLiteral("checkpoint:1")), qPrintable(v.raw));
    }
};

QTEST_MAIN(TestAuditCheckpoints) // rendering the PDFs needs fonts: a QGuiApplication
#include "TestAuditCheckpoints.moc"
