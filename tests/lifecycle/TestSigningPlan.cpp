// SPDX-License-Identifier: GPL-3.0-or-later
// The signing plan both front ends use: which sections a batch signs for a role, and which certificate of a token
// signs them. No window, no token: a demo school and the test PKI's certificates.
#include "../signing/TestPki.h"

#include "demo/DemoSchool.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/SectionConfirmer.h"
#include "lifecycle/SignPolicy.h"
#include "lifecycle/SigningPlan.h"
#include "lifecycle/TrustAnchors.h"
#include "store/Database.h"
#include "verify/CertificatePolicy.h"
#include "verify/TrustStore.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace hocba;

namespace {

QList<Id> ids(store::Database& db, const QString& sql)
{
    QList<Id> out;
    auto st = db.prepare(sql);
    while (st && st->step().value_or(false))
        out << st->int64(0);
    return out;
}

class NullSink final : public lifecycle::ProgressSink
{
public:
    void started(int, bool) override { }
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress&) override { }
};

} // namespace

class TestSigningPlan : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestPki m_pki;
    std::unique_ptr<store::Database> m_db;
    SchoolYear m_year;
    QString m_class;

    signing::CertificateInfo certificate(const QString& name, const QByteArray& id)
    {
        QFile f(m_pki.path(name + QStringLiteral(".pem")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        auto c = signing::CertificateInfo::fromPemOrDer(f.readAll());
        if (!c)
            return {};
        c->id = id;
        return *c;
    }
    signing::CertificatePolicy policy() const
    {
        signing::TrustStore trust;
        (void)trust.addCertificate(m_pki.caDer());
        return signing::CertificatePolicy(trust);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_pki.create());
        // An authentication certificate (no non-repudiation) from the same CA, and a signing certificate nobody trusts.
        QVERIFY(m_pki.issue(QStringLiteral("auth"), QStringLiteral("/C=VN/CN=Nguyễn Văn Xác Thực"),
                            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"));
        QVERIFY(m_pki.issue(QStringLiteral("stranger"), QStringLiteral("/C=VN/CN=Người Lạ"),
                            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,nonRepudiation,digitalSignature\n",
                            true));

        const QString path = m_dir.filePath(QStringLiteral("school.db"));
        demo::DemoOptions options;
        options.levels = demo::DemoOptions::Levels::Thcs;
        options.students = 40;
        options.seed = 11;
        auto made = demo::createDemoSchool(path, options);
        QVERIFY2(made, made ? "" : qPrintable(describe(made.error())));
        m_year = options.year;
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        m_db = std::move(*db);
        QVERIFY(lifecycle::TrustAnchors::add(*m_db, lifecycle::Actor::unrestricted(), m_pki.caDer(),
                                             QStringLiteral("test")));
        auto cls = ids(*m_db,
                       QStringLiteral("SELECT id FROM class WHERE school_year = %1 ORDER BY grade, name LIMIT 1")
                           .arg(m_year.startYear));
        QCOMPARE(cls.size(), 1);
        auto st = m_db->prepare(QStringLiteral("SELECT name FROM class WHERE id = %1").arg(cls.first()));
        QVERIFY(st && st->step().value_or(false));
        m_class = st->text(0);
        // Only this class is confirmed: the other classes stay in draft.
        lifecycle::ConfirmOptions co;
        co.year = m_year;
        co.className = m_class;
        co.acknowledgeWarnings = true;
        co.acknowledgedBy = QStringLiteral("GVCN test");
        QVERIFY(lifecycle::confirmSections(*m_db, lifecycle::Actor::unrestricted(), co));
    }

    // Ready sections are chosen, drafts are not (they are counted as not confirmed); a section this role already
    // signed is not chosen again, while a role that has not signed it still gets it.
    void sectionsPerRole()
    {
        const QList<Id> ready = ids(*m_db, QStringLiteral("SELECT id FROM year_section WHERE state = 'ready'"));
        const int drafts = ids(*m_db,
                               QStringLiteral("SELECT id FROM year_section ys WHERE state = 'draft' AND "
                                              "source = 'digital' AND school_year = %1")
                                   .arg(m_year.startYear))
                               .size();
        QVERIFY(ready.size() >= 3);
        QVERIFY(drafts > 0);

        auto school = lifecycle::SigningPlan::sections(*m_db, {m_year, std::nullopt, signing::SignerRole::Principal});
        QVERIFY2(school, school ? "" : qPrintable(describe(school.error())));
        QCOMPARE(QSet<Id>(school->toSign.cbegin(), school->toSign.cend()), QSet<Id>(ready.cbegin(), ready.cend()));
        QCOMPARE(school->toSign.size(), ready.size());
        QCOMPARE(school->notConfirmed, drafts);
        auto cls = lifecycle::SigningPlan::sections(*m_db, {m_year, m_class, signing::SignerRole::Principal});
        QVERIFY(cls);
        QCOMPARE(cls->toSign, school->toSign); // only this class was confirmed: the same sections, in roster order
        QCOMPARE(cls->notConfirmed, 0);

        // The homeroom teacher must sign too: after the principal signs, the section stays ready for the homeroom.
        QVERIFY(lifecycle::SignPolicy::setRequired(*m_db, lifecycle::Actor::unrestricted(),
                                                   signing::SignerRole::Homeroom, true));
        auto signer = m_pki.signer(false);
        lifecycle::BatchSignJob job(*m_db, *signer, {}, lifecycle::Actor::unrestricted());
        NullSink sink;
        CancellationToken cancel;
        const Id first = school->toSign.first();
        auto report = job.run({first}, sink, cancel);
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QCOMPARE(report->signedItems.size(), 1);
        QVERIFY(!report->signedItems.first().completed);

        auto principal = lifecycle::SigningPlan::sections(*m_db, {m_year, m_class, signing::SignerRole::Principal});
        QVERIFY(principal);
        QVERIFY(!principal->toSign.contains(first));
        QCOMPARE(principal->toSign.size(), ready.size() - 1);
        auto homeroom = lifecycle::SigningPlan::sections(*m_db, {m_year, m_class, signing::SignerRole::Homeroom});
        QVERIFY(homeroom);
        QCOMPARE(homeroom->toSign, school->toSign);

        auto none = lifecycle::SigningPlan::sections(*m_db, {m_year, QStringLiteral("9Z9"), signing::SignerRole::Seal});
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
    }

    void certificateChoice()
    {
        const auto good = certificate(QStringLiteral("rsa"), "\x01");
        const auto goodEc = certificate(QStringLiteral("ec"), "\x02");
        const auto auth = certificate(QStringLiteral("auth"), "\x03");
        const auto stranger = certificate(QStringLiteral("stranger"), "\x04");
        QVERIFY(!good.isNull() && !goodEc.isNull() && !auth.isNull() && !stranger.isNull());
        const auto p = policy();

        // None: a token without certificates.
        auto none = lifecycle::SigningPlan::chooseCertificate(p, {});
        QCOMPARE(none.chosen, -1);
        QVERIFY(!none.choice());
        QVERIFY(none.problem);
        QCOMPARE(none.problem->code, ErrorCode::TokenError);

        // One, accepted.
        auto one = lifecycle::SigningPlan::chooseCertificate(p, {good});
        QCOMPARE(one.chosen, 0);
        QCOMPARE(one.acceptedCount, 1);
        QVERIFY(!one.problem);
        QCOMPARE(one.choice()->certificate.sha256, good.sha256);

        // One without non-repudiation: refused, and the refusal says why.
        auto authOnly = lifecycle::SigningPlan::chooseCertificate(p, {auth});
        QCOMPARE(authOnly.chosen, -1);
        QVERIFY(authOnly.problem);
        QVERIFY2(authOnly.problem->detail.startsWith(QLatin1String("key-usage")), qPrintable(authOnly.problem->detail));

        // Refused by the policy: not issued by a trusted CA.
        auto untrusted = lifecycle::SigningPlan::chooseCertificate(p, {stranger});
        QCOMPARE(untrusted.chosen, -1);
        QVERIFY(untrusted.problem);
        QCOMPARE(untrusted.problem->code, ErrorCode::CertificateInvalid);
        QVERIFY(!untrusted.problem->detail.startsWith(QLatin1String("key-usage")));

        // An authentication certificate next to a signing one: the signing one, whatever the order.
        auto mixed = lifecycle::SigningPlan::chooseCertificate(p, {auth, stranger, good});
        QCOMPARE(mixed.chosen, 2);
        QCOMPARE(mixed.acceptedCount, 1);
        QCOMPARE(mixed.candidates.size(), 3);
        QVERIFY(!mixed.candidates.at(0).accepted());

        // Several accepted: the first is proposed, the count tells the front end to offer the choice.
        auto several = lifecycle::SigningPlan::chooseCertificate(p, {auth, good, goodEc});
        QCOMPARE(several.chosen, 1);
        QCOMPARE(several.acceptedCount, 2);
        // Naming one by its id chooses it; an unknown id or a refused one is an error.
        auto byId = lifecycle::SigningPlan::chooseCertificate(p, {auth, good, goodEc}, QStringLiteral("02"));
        QCOMPARE(byId.candidates.size(), 1);
        QCOMPARE(byId.choice()->certificate.sha256, goodEc.sha256);
        auto unknown = lifecycle::SigningPlan::chooseCertificate(p, {auth, good}, QStringLiteral("ff"));
        QVERIFY(!unknown.choice());
        QVERIFY(unknown.problem && unknown.problem->message.contains(QLatin1String("ff")));
        auto refused = lifecycle::SigningPlan::chooseCertificate(p, {auth, good}, QStringLiteral("03"));
        QVERIFY(!refused.choice());
        QVERIFY(refused.problem && refused.problem->detail.startsWith(QLatin1String("key-usage")));

        // Against the school's anchors (the test CA was added to the file).
        auto school = lifecycle::SigningPlan::chooseCertificate(*m_db, {stranger, good});
        QVERIFY(school);
        QCOMPARE(school->chosen, 1);
    }

    // The report after a batch: one builder for the dialog's text and the terminal's lines.
    void report()
    {
        lifecycle::BatchReport r;
        r.batchId = 7;
        lifecycle::BatchItemResult done;
        done.studentId = 1;
        done.lookupCode = QStringLiteral("AAA");
        done.completed = false;
        lifecycle::BatchItemResult skipped;
        skipped.studentId = 2;
        skipped.lookupCode = QStringLiteral("BBB");
        skipped.reason = QStringLiteral("why");
        r.signedItems = {done};
        r.skipped = {skipped};
        r.cancelled = true;
        r.pending = 3;
        const QString text = lifecycle::SigningPlan::reportText(r, {{2, QStringLiteral("Trần Thị B")}});
        QVERIFY2(text.startsWith(QLatin1String("Signed: 1, skipped: 1, failed: 0.")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Signing was stopped. 3 record(s)")));
        QVERIFY(text.contains(QLatin1String("1 record(s) still need the signature of another role")));
        QVERIFY(text.contains(QStringLiteral("  • Trần Thị B (BBB): why")));
        const QStringList lines = lifecycle::SigningPlan::reportLines(r, 4);
        QVERIFY2(lines.first().startsWith(QLatin1String("Batch 7: 1 signed, 1 skipped, 0 failed, 3 left")),
                 qPrintable(lines.first()));
        QVERIFY(lines.contains(QStringLiteral("  skipped BBB: why")));
        QVERIFY(lines.contains(QStringLiteral("4 sections are not confirmed yet (run \"confirm\" first).")));
        const QJsonObject json = lifecycle::SigningPlan::reportJson(r, 4);
        QCOMPARE(json.value(QLatin1String("notConfirmed")).toInt(), 4);
        QCOMPARE(json.value(QLatin1String("batch")).toInteger(), 7);

        lifecycle::BatchReport later;
        later.resumed = true;
        later.signedItems = {done};
        later.pending = 0;
        const auto merged = lifecycle::SigningPlan::merged(r, later);
        QCOMPARE(merged.signedItems.size(), 2);
        QCOMPARE(merged.skipped.size(), 1);
        QCOMPARE(merged.pending, 0);
    }
};

QTEST_GUILESS_MAIN(TestSigningPlan)
#include "TestSigningPlan.moc"
