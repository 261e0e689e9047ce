// SPDX-License-Identifier: GPL-3.0-or-later
// Corrections before the lock (issue 15): reopening a signed year as a new version, the supersede on signing, the
// lock refusing everything (in the lifecycle and by the school file's triggers), and the signed revoke request.
#include "../signing/TestPki.h"
#include "FakeDepartment.h"
#include "SigningFixture.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "lifecycle/Corrections.h"
#include "lifecycle/Department.h"
#include "lifecycle/PacketBuilder.h"
#include "store/Database.h"
#include "store/StudentRepository.h"
#include "verify/RequestVerifier.h"

#include <QTest>

using namespace hocba;
using lifecycle::Actor;

namespace {

int count(store::Database& db, const QString& sql)
{
    return test::scalar(db, sql).toInt();
}

Id firstSigned(store::Database& db)
{
    return Id(count(db, QStringLiteral("SELECT min(id) FROM year_section WHERE state = 'signed'")));
}

} // namespace

class TestCorrections : public QObject
{
    Q_OBJECT
    test::TestPki m_pki;
    test::SchoolTemplate m_template;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        QVERIFY(m_template.create(6, 11, m_pki.caDer()));
        auto signer = m_pki.signer(false);
        QVERIFY(test::signFirstSections(m_template.path(), m_template.year, *signer, 2));
    }

    void reopenMakesVersionTwoThatSupersedesOnSigning()
    {
        auto db = m_template.openCopy();
        QVERIFY(db);
        const Id v1 = firstSigned(*db);
        QVERIFY(v1 > 0);
        auto v2 = lifecycle::reopenSection(*db, Actor::unrestricted(), v1, QStringLiteral("Sai điểm Toán"));
        QVERIFY2(v2, v2 ? "" : qPrintable(describe(v2.error())));
        QVERIFY(*v2 != v1);
        store::StudentRepository repo(*db);
        auto section = repo.section(*v2);
        QVERIFY(section && *section);
        QCOMPARE((*section)->version, 2);
        QCOMPARE((*section)->state, SectionState::Draft);
        QCOMPARE((*section)->replacesId.value_or(0), v1);
        // The assessments were copied as signed.
        const int before = count(*db, QStringLiteral("SELECT count(*) FROM assessment WHERE section_id = %1").arg(v1));
        QVERIFY(before > 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM assessment WHERE section_id = %1").arg(*v2)), before);
        // The old version stays signed (valid) while the new one is a draft.
        auto old = repo.section(v1);
        QCOMPARE((*old)->state, SectionState::Signed);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'section.reopen'")), 1);

        // A second reopen is refused: a draft is already open.
        auto again = lifecycle::reopenSection(*db, Actor::unrestricted(), v1, QStringLiteral("again"));
        QVERIFY(!again);
        QVERIFY(again.error().message.contains(QStringLiteral("already reopened")));
        // An empty reason is refused.
        QVERIFY(!lifecycle::reopenSection(*db, Actor::unrestricted(), v1, QStringLiteral("  ")));

        // The chain.
        auto chain = lifecycle::sectionVersions(*db, *v2);
        QVERIFY(chain);
        QCOMPARE(chain->size(), 2);
        QCOMPARE(chain->at(0).sectionId, v1);
        QCOMPARE(chain->at(1).reopenReason, QStringLiteral("Sai điểm Toán"));
        QVERIFY(chain->at(1).openedAt.isValid());
        QVERIFY(chain->at(0).signedAt.isValid());

        // "Trong trang này có sửa chữa ở … chỗ": none on version 1; version 2 counts the places it changes.
        auto p1 = lifecycle::buildPacket(*db, v1);
        auto p2 = lifecycle::buildPacket(*db, *v2);
        QVERIFY(p1 && p2);
        QVERIFY(!p1->correctedPlaces);
        QCOMPARE(p2->correctedPlaces, std::optional(0));
        auto rows = repo.assessments(*v2);
        QVERIFY(rows);
        QList<Assessment> changed = *rows;
        int edited = 0;
        for (Assessment& a : changed)
            if (edited < 2 && a.item == QLatin1String("comment") && !a.subject.isEmpty()) {
                a.value += QStringLiteral(" (đã sửa)");
                ++edited;
            }
        QCOMPARE(edited, 2);
        changed.append({QString(), QStringLiteral("year"), QStringLiteral("certificate"), 1,
                        QStringLiteral("Chứng chỉ tin học cơ bản")});
        QVERIFY(repo.replaceAssessments(*v2, changed));
        p2 = lifecycle::buildPacket(*db, *v2);
        QVERIFY(p2);
        QCOMPARE(p2->correctedPlaces, std::optional(3));
        QCOMPARE(packet::correctedPlaces(*p1, *p2), 3);

        // Signing version 2 supersedes version 1 (the trigger) and queues version 2 for the upload.
        QVERIFY(repo.setSectionState(*v2, SectionState::Ready));
        auto signer = m_pki.signer(false);
        auto batch = test::signBatch(*db, *signer, {*v2});
        QVERIFY2(batch, batch ? "" : qPrintable(describe(batch.error())));
        QCOMPARE((*repo.section(*v2))->state, SectionState::Signed);
        QCOMPARE((*repo.section(v1))->state, SectionState::Superseded);
        QCOMPARE(count(*db,
                       QStringLiteral("SELECT count(*) FROM department_outbox WHERE section_id = %1 AND "
                                      "version = 2")
                           .arg(*v2)),
                 1);
        // A superseded version cannot be reopened.
        QVERIFY(!lifecycle::reopenSection(*db, Actor::unrestricted(), v1, QStringLiteral("x")));
    }

    void lockRefusesEverything()
    {
        auto db = m_template.openCopy();
        QVERIFY(db);
        const Id v1 = firstSigned(*db);
        // The Department's lock, as a raw write would make it.
        QVERIFY(db->exec(QStringLiteral("UPDATE year_section SET state = 'submitted' WHERE id = %1").arg(v1)));
        QVERIFY(db->exec(QStringLiteral("UPDATE year_section SET state = 'locked' WHERE id = %1").arg(v1)));
        auto reopened = lifecycle::reopenSection(*db, Actor::unrestricted(), v1, QStringLiteral("late"));
        QVERIFY(!reopened);
        QCOMPARE(reopened.error().code, ErrorCode::RecordLocked);
        QVERIFY(reopened.error().message.contains(QStringLiteral("locked")));
        auto signer = m_pki.signer(false);
        auto revoked = lifecycle::revokeSection(*db, Actor::unrestricted(), v1, QStringLiteral("late"), *signer);
        QVERIFY(!revoked);
        QCOMPARE(revoked.error().code, ErrorCode::RecordLocked);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM department_request")), 0);
        // Whatever program writes: a new version, a change of the locked one, or of its results.
        QVERIFY(!db->exec(
            QStringLiteral(
                "INSERT INTO year_section (record_id, school_year, grade, class_id, circular, version, replaces_id) "
                "SELECT record_id, school_year, grade, class_id, circular, 2, id FROM year_section WHERE id = %1")
                .arg(v1)));
        QVERIFY(!db->exec(QStringLiteral("UPDATE year_section SET state = 'revoked' WHERE id = %1").arg(v1)));
        QVERIFY(!db->exec(QStringLiteral("DELETE FROM assessment WHERE section_id = %1").arg(v1)));
        QCOMPARE(
            count(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE id = %1 AND state = 'locked'").arg(v1)),
            1);
    }

    void lockOfAnOlderVersionFreezesTheOpenDraft()
    {
        auto db = m_template.openCopy();
        QVERIFY(db);
        const Id v1 = firstSigned(*db);
        auto v2 = lifecycle::reopenSection(*db, Actor::unrestricted(), v1, QStringLiteral("fix"));
        QVERIFY(v2);
        QVERIFY(db->exec(QStringLiteral("UPDATE year_section SET state = 'submitted' WHERE id = %1").arg(v1)));
        QVERIFY(db->exec(QStringLiteral("UPDATE year_section SET state = 'locked' WHERE id = %1").arg(v1)));
        QVERIFY(!db->exec(QStringLiteral("DELETE FROM assessment WHERE section_id = %1").arg(*v2)));
        QVERIFY(!db->exec(QStringLiteral("UPDATE year_section SET state = 'ready' WHERE id = %1").arg(*v2)));
    }

    void revokeSignsAndQueuesARequest()
    {
        auto db = m_template.openCopy();
        QVERIFY(db);
        const Id v1 = firstSigned(*db);
        auto signer = m_pki.signer(false);
        auto xml = lifecycle::revokeSection(*db, Actor::unrestricted(), v1, QStringLiteral("Nhầm học sinh"), *signer);
        QVERIFY2(xml, xml ? "" : qPrintable(describe(xml.error())));
        auto checked = signing::verifyRevokeRequest(*xml, {m_pki.caDer()});
        QVERIFY2(checked, checked ? "" : qPrintable(describe(checked.error())));
        QCOMPARE(checked->request.version, 1);
        QCOMPARE(checked->request.reason, QStringLiteral("Nhầm học sinh"));
        QCOMPARE(checked->request.schoolYearStart, m_template.year.startYear);
        QCOMPARE(count(*db,
                       QStringLiteral("SELECT count(*) FROM year_section WHERE id = %1 AND state = 'revoked' "
                                      "AND revoked_at IS NOT NULL")
                           .arg(v1)),
                 1);
        auto requests = lifecycle::departmentRequests(*db);
        QVERIFY(requests);
        QCOMPARE(requests->size(), 1);
        QCOMPARE(requests->first().kind, lifecycle::DepartmentRequest::Kind::Revoke);
        QCOMPARE(requests->first().state, lifecycle::DepartmentRequest::State::Pending);
        QCOMPARE(requests->first().signedXml, *xml);
        QCOMPARE(requests->first().lookupCode, checked->request.lookupCode);
        // Queued once by digest.
        QVERIFY(lifecycle::queueDepartmentRequest(*db, lifecycle::DepartmentRequest::Kind::Revoke,
                                                  checked->request.lookupCode, m_template.year.startYear, *xml));
        QCOMPARE(lifecycle::departmentRequests(*db)->size(), 1);
        // The request cannot be deleted behind the program's back; a revoked year cannot be revoked again.
        QVERIFY(!db->exec(QStringLiteral("DELETE FROM department_request")));
        QVERIFY(!lifecycle::revokeSection(*db, Actor::unrestricted(), v1, QStringLiteral("again"), *signer));
        QVERIFY(!lifecycle::reopenSection(*db, Actor::unrestricted(), v1, QStringLiteral("again")));
    }

    void homeroomTeacherMayNotReopenOrRevoke()
    {
        auto db = m_template.openCopy();
        QVERIFY(db);
        const Id v1 = firstSigned(*db);
        User user;
        user.id = 1;
        user.login = QStringLiteral("gvcn");
        user.role = Role::Homeroom;
        const Actor homeroom = Actor::forAccount(user, {});
        auto reopened = lifecycle::reopenSection(*db, homeroom, v1, QStringLiteral("fix"));
        QVERIFY(!reopened);
        QCOMPARE(reopened.error().code, ErrorCode::PermissionDenied);
        auto signer = m_pki.signer(false);
        auto revoked = lifecycle::revokeSection(*db, homeroom, v1, QStringLiteral("fix"), *signer);
        QVERIFY(!revoked);
        QCOMPARE(revoked.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE version > 1")), 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM department_request")), 0);
    }

    void uploadSendsTheRevokeAfterThePacket_data()
    {
        QTest::addColumn<bool>("locked");
        QTest::newRow("before the lock") << false;
        QTest::newRow("locked at the Department") << true;
    }

    void uploadSendsTheRevokeAfterThePacket()
    {
        QFETCH(bool, locked);
        test::FakeDepartment fake;
        QVERIFY(fake.start());
        auto db = m_template.openCopy();
        QVERIFY(db);
        QVERIFY(lifecycle::setEndpoint(*db, Actor::unrestricted(), fake.baseUrl(),
                                       fake.writeCredential(test::FakeDepartment::credential()), fake.certPemPath()));
        const Id v1 = firstSigned(*db);
        auto signer = m_pki.signer(false);
        auto xml = lifecycle::revokeSection(*db, Actor::unrestricted(), v1, QStringLiteral("Nhầm học sinh"), *signer);
        QVERIFY(xml);
        const QString code = lifecycle::departmentRequests(*db)->first().lookupCode;
        if (locked)
            fake.lockCode(code);
        lifecycle::UploadRequest request;
        request.firstBackoffMs = 10;
        auto report = lifecycle::uploadOutbox(*db, Actor::unrestricted(), request);
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QCOMPARE(fake.stored(), 2); // both signed packets, the revoked one first of all
        const auto requests = lifecycle::departmentRequests(*db);
        QVERIFY(requests);
        QCOMPARE(requests->size(), 1);
        if (locked) {
            QCOMPARE(fake.revokes(), 0);
            QCOMPARE(requests->first().state, lifecycle::DepartmentRequest::State::Refused);
            QVERIFY(requests->first().lastError.contains(QStringLiteral("locked")));
        } else {
            QCOMPARE(fake.revokes(), 1);
            QCOMPARE(requests->first().state, lifecycle::DepartmentRequest::State::Sent);
            QVERIFY(requests->first().sentAt.isValid());
        }
        // Sent once: a second upload sends nothing more.
        auto again = lifecycle::uploadOutbox(*db, Actor::unrestricted(), request);
        QVERIFY(again);
        QCOMPARE(fake.revokes(), locked ? 0 : 1);
    }

    void currentSectionByCode()
    {
        auto db = m_template.openCopy();
        QVERIFY(db);
        const Id v1 = firstSigned(*db);
        const QString code = test::scalar(*db,
                                          QStringLiteral("SELECT r.lookup_code FROM record r JOIN year_section "
                                                         "s ON s.record_id = r.id WHERE s.id = %1")
                                              .arg(v1));
        auto current = lifecycle::currentSectionOf(*db, code, m_template.year);
        QVERIFY(current);
        QCOMPARE(*current, v1);
        auto v2 = lifecycle::reopenSection(*db, Actor::unrestricted(), v1, QStringLiteral("fix"));
        QVERIFY(v2);
        QCOMPARE(*lifecycle::currentSectionOf(*db, code, m_template.year), *v2);
        QVERIFY(!lifecycle::currentSectionOf(*db, QStringLiteral("no-such-code"), m_template.year));
    }
};

QTEST_MAIN(TestCorrections)
#include "TestCorrections.moc"
