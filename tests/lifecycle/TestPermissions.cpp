// SPDX-License-Identifier: GPL-3.0-or-later
// Permissions enforced in core (issue 11 §2): each role tries what it may not do through the lifecycle entry points;
// each attempt is refused with PermissionDenied naming the missing right, and the school file stays byte-identical.
#include "../signing/TestPki.h"
#include "SigningFixture.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "lifecycle/Accounts.h"
#include "lifecycle/Assignments.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/SchoolSetup.h"
#include "lifecycle/SectionConfirmer.h"
#include "lifecycle/Session.h"
#include "lifecycle/SignPolicy.h"
#include "lifecycle/TrustAnchors.h"
#include "store/SchoolRepository.h"
#include "token/SoftwareSigner.h"

#include <QTest>

#include <functional>
#include <map>

using namespace hocba;
using lifecycle::Accounts;
using lifecycle::Actor;
using lifecycle::Right;
using lifecycle::RightScope;

namespace {

constexpr auto kFast = Accounts::HashCost::Minimum;
const QByteArray kPassword = QByteArrayLiteral("mat-khau-chung-1");

struct QuietSink : lifecycle::ProgressSink
{
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress&) override { }
};

/** Every section of a class, whatever its state: a refusal must come before the state is even looked at. */
QList<Id> sectionsOf(store::Database& db, Id classId)
{
    QList<Id> ids;
    const QString all = test::scalar(
        db, QStringLiteral("SELECT group_concat(id) FROM year_section WHERE class_id = %1").arg(classId));
    for (const QString& id : all.split(QLatin1Char(','), Qt::SkipEmptyParts))
        ids.append(id.toLongLong());
    return ids;
}

Status asStatus(const auto& result)
{
    return result ? Status() : Status(std::unexpected(result.error()));
}

} // namespace

class TestPermissions : public QObject
{
    Q_OBJECT
    test::TestPki m_pki;
    test::SchoolTemplate m_template;
    QString m_path; ///< the school file every refusal is tried on
    ClassGroup m_classA; ///< gvcn.a is its homeroom teacher, gv.toan teaches toan in it
    ClassGroup m_classB; ///< another class of the same year: nobody's
    std::map<QString, Actor> m_actors;

    const Actor& actor(const QString& login) { return m_actors.at(login); }

    /** Runs `action` on its own connection, closed before the file is hashed again. */
    void expectRefused(const char* what, const std::function<Status(store::Database&)>& action,
                       const QString& missingRight)
    {
        const QByteArray before = test::fileDigest(m_path);
        QVERIFY(!before.isEmpty());
        Status outcome;
        {
            auto db = store::Database::openExisting(m_path);
            QVERIFY(db);
            outcome = action(**db);
        }
        QVERIFY2(!outcome, what);
        QVERIFY2(outcome.error().code == ErrorCode::PermissionDenied, qPrintable(describe(outcome.error())));
        QVERIFY2(outcome.error().detail.contains(QStringLiteral("missing right ") + missingRight),
                 qPrintable(outcome.error().detail));
        QVERIFY(outcome.error().message.contains(QStringLiteral("Nothing was changed")));
        QVERIFY2(test::fileDigest(m_path) == before, what);
    }

    void addAccount(store::Database& db, const Actor& by, const QString& login, Role role)
    {
        QVERIFY(Accounts::add(db, by, login, login, role, kPassword, kFast));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        QVERIFY(m_template.create(40, 11, m_pki.caDer()));
        m_path = m_template.copyPath();
        auto db = store::Database::openExisting(m_path);
        QVERIFY(db);
        auto classes = store::SchoolRepository(**db).classes(m_template.year);
        QVERIFY(classes && classes->size() >= 2);
        m_classA = classes->at(0);
        m_classB = classes->at(1);

        // A file without accounts takes its first account from anyone; after that, only the administrator adds.
        QVERIFY(!*lifecycle::schoolHasAccounts(**db));
        addAccount(**db, Actor::unrestricted(), QStringLiteral("quan.tri"), Role::Admin);
        QVERIFY(*lifecycle::schoolHasAccounts(**db));
        auto admin = lifecycle::logIn(**db, QStringLiteral("quan.tri"), kPassword);
        QVERIFY(admin);
        addAccount(**db, *admin, QStringLiteral("hieu.truong"), Role::Principal);
        addAccount(**db, *admin, QStringLiteral("van.thu"), Role::Clerk);
        addAccount(**db, *admin, QStringLiteral("gvcn.a"), Role::Homeroom);
        addAccount(**db, *admin, QStringLiteral("gv.toan"), Role::SubjectTeacher);
        QVERIFY(lifecycle::assign(**db, *admin, {m_template.year, QStringLiteral("gvcn.a"), m_classA.name, {}}));
        QVERIFY(lifecycle::assign(**db, *admin,
                                  {m_template.year, QStringLiteral("gv.toan"), m_classA.name, QStringLiteral("toan")}));
        for (const char* login : {"quan.tri", "hieu.truong", "van.thu", "gvcn.a", "gv.toan"}) {
            auto logged = lifecycle::logIn(**db, QString::fromLatin1(login), kPassword);
            QVERIFY2(logged, login);
            m_actors.emplace(QString::fromLatin1(login), *logged);
        }
        QCOMPARE(actor(QStringLiteral("gvcn.a")).assignments().size(), 1);
        QCOMPARE(actor(QStringLiteral("gv.toan")).assignments().front().subject, QStringLiteral("toan"));
    }

    void auditEntriesCarryTheLogin()
    {
        auto db = store::Database::openExisting(m_path);
        QVERIFY(db);
        QCOMPARE(test::scalar(**db,
                              QStringLiteral("SELECT actor FROM audit_log WHERE action = 'user.add' AND "
                                             "new_value LIKE 'gv.toan %'")),
                 QStringLiteral("quan.tri"));
        QCOMPARE(test::scalar(**db,
                              QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'assignment.add' "
                                             "AND actor = 'quan.tri'")),
                 QStringLiteral("2"));
        // The homeroom assignment makes the account the class's homeroom teacher, whom the printed record names.
        QCOMPARE(test::scalar(**db,
                              QStringLiteral("SELECT t.full_name FROM class c JOIN teacher t ON t.id = "
                                             "c.homeroom_teacher_id WHERE c.id = %1")
                                  .arg(m_classA.id)),
                 QStringLiteral("gvcn.a"));
    }

    void clerkAndAdminDoNotSign()
    {
        auto signer = m_pki.signer(false);
        QVERIFY(signer);
        for (const char* login : {"van.thu", "quan.tri", "gvcn.a"}) {
            expectRefused(
                login,
                [&](store::Database& db) {
                    QuietSink sink;
                    CancellationToken cancel;
                    lifecycle::BatchSignJob job(db, *signer, {}, actor(QString::fromLatin1(login)));
                    return asStatus(job.run(sectionsOf(db, m_classA.id), sink, cancel));
                },
                QStringLiteral("sign"));
        }
    }

    void homeroomSignsOnlyTheirClass()
    {
        auto signer = m_pki.signer(false);
        lifecycle::SectionSignOptions options;
        options.role = signing::SignerRole::Homeroom;
        expectRefused(
            "homeroom signature in another class",
            [&](store::Database& db) {
                QuietSink sink;
                CancellationToken cancel;
                const QList<Id> other = sectionsOf(db, m_classA.id) + sectionsOf(db, m_classB.id);
                if (other.size() <= sectionsOf(db, m_classA.id).size())
                    return Status(); // no section in B: the test would prove nothing
                lifecycle::BatchSignJob job(db, *signer, options, actor(QStringLiteral("gvcn.a")));
                return asStatus(job.run(other, sink, cancel));
            },
            QStringLiteral("write_homeroom"));
    }

    void onlyTheHomeroomTeacherConfirms()
    {
        const auto confirm = [this](const QString& login, const QString& className) {
            return [this, login, className](store::Database& db) {
                lifecycle::ConfirmOptions options;
                options.year = m_template.year;
                options.className = className;
                return asStatus(lifecycle::confirmSections(db, actor(login), options));
            };
        };
        expectRefused("subject teacher confirms", confirm(QStringLiteral("gv.toan"), m_classA.name),
                      QStringLiteral("write_homeroom"));
        expectRefused("homeroom teacher of A confirms B", confirm(QStringLiteral("gvcn.a"), m_classB.name),
                      QStringLiteral("write_homeroom"));
        expectRefused(
            "homeroom teacher of A confirms the whole school",
            [this](store::Database& db) {
                lifecycle::ConfirmOptions options;
                options.year = m_template.year;
                return asStatus(lifecycle::confirmSections(db, actor(QStringLiteral("gvcn.a")), options));
            },
            QStringLiteral("write_homeroom"));
        expectRefused("the principal confirms", confirm(QStringLiteral("hieu.truong"), m_classA.name),
                      QStringLiteral("write_homeroom"));
    }

    void onlyTheAdministratorManagesAccounts()
    {
        for (const char* login : {"gvcn.a", "hieu.truong", "van.thu", "gv.toan"}) {
            const Actor& who = actor(QString::fromLatin1(login));
            expectRefused(
                login,
                [&](store::Database& db) {
                    return asStatus(Accounts::add(db, who, QStringLiteral("moi.them"), QStringLiteral("Người mới"),
                                                  Role::Admin, kPassword, kFast));
                },
                QStringLiteral("manage_accounts"));
            expectRefused(
                login, [&](store::Database& db) { return Accounts::disable(db, who, QStringLiteral("quan.tri")); },
                QStringLiteral("manage_accounts"));
            expectRefused(
                login,
                [&](store::Database& db) {
                    return Accounts::changePassword(db, who, QStringLiteral("quan.tri"), kPassword, kFast);
                },
                QStringLiteral("change_password"));
        }
    }

    void onlyTheAdministratorManagesTheSchool()
    {
        for (const char* login : {"gvcn.a", "hieu.truong", "van.thu", "gv.toan"}) {
            const Actor& who = actor(QString::fromLatin1(login));
            expectRefused(
                login,
                [&](store::Database& db) {
                    return asStatus(lifecycle::addClass(db, who, m_template.year, QStringLiteral("9Z9")));
                },
                QStringLiteral("manage_school"));
            expectRefused(
                login,
                [&](store::Database& db) {
                    return lifecycle::assign(
                        db, who, {m_template.year, QStringLiteral("gv.toan"), m_classB.name, QStringLiteral("toan")});
                },
                QStringLiteral("manage_school"));
            expectRefused(
                login,
                [&](store::Database& db) {
                    return lifecycle::SignPolicy::setRequired(db, who, signing::SignerRole::Seal, true);
                },
                QStringLiteral("manage_school"));
            expectRefused(
                login,
                [&](store::Database& db) { return asStatus(lifecycle::TrustAnchors::add(db, who, m_pki.caDer())); },
                QStringLiteral("manage_school"));
        }
    }

    void aFileWithAccountsRefusesTheUnrestrictedActor()
    {
        expectRefused(
            "unrestricted",
            [this](store::Database& db) {
                return asStatus(lifecycle::addClass(db, Actor::unrestricted(), m_template.year, QStringLiteral("9Z9")));
            },
            QStringLiteral("manage_school"));
        expectRefused(
            "unrestricted",
            [this](store::Database& db) {
                return asStatus(Accounts::add(db, Actor::unrestricted(), QStringLiteral("ke.la"),
                                              QStringLiteral("Kẻ lạ"), Role::Admin, kPassword, kFast));
            },
            QStringLiteral("manage_accounts"));
    }

    void subjectTeachersWriteOnlyTheirSubjectAndClass()
    {
        // The grade import checks this scope (another part of issue 11); here the rule itself.
        const Actor& teacher = actor(QStringLiteral("gv.toan"));
        RightScope scope = RightScope::inClass(m_template.year, m_classA.id);
        scope.subject = QStringLiteral("toan");
        QVERIFY(teacher.has(Right::WriteGrades, scope));
        scope.subject = QStringLiteral("ngu_van");
        const Status other = teacher.require(Right::WriteGrades, scope);
        QVERIFY(!other);
        QCOMPARE(other.error().code, ErrorCode::PermissionDenied);
        QVERIFY(other.error().detail.contains(QStringLiteral("write_grades")));
        scope = RightScope::inClass(m_template.year, m_classB.id);
        scope.subject = QStringLiteral("toan");
        QVERIFY(!teacher.has(Right::WriteGrades, scope));
        scope = RightScope::inClass(SchoolYear {m_template.year.startYear + 1}, m_classA.id);
        scope.subject = QStringLiteral("toan");
        QVERIFY(!teacher.has(Right::WriteGrades, scope)); // assignments are per year
        // A THCS homeroom teacher does not write the subjects' marks.
        scope = RightScope::inClass(m_template.year, m_classA.id);
        scope.subject = QStringLiteral("toan");
        scope.level = SchoolLevel::Thcs;
        QVERIFY(!actor(QStringLiteral("gvcn.a")).has(Right::WriteGrades, scope));
        QVERIFY(!actor(QStringLiteral("van.thu")).has(Right::WriteGrades, scope));
        QVERIFY(actor(QStringLiteral("van.thu")).has(Right::PrintExport));
        QVERIFY(!actor(QStringLiteral("gv.toan")).has(Right::PrintExport));
    }

    /** The allowed counterparts, on a copy made after the refusals: they do write. */
    void whatEachRoleMayDo()
    {
        auto db = store::Database::openExisting(m_path);
        QVERIFY(db);
        // Anyone may change their own password, having logged in with the old one.
        QVERIFY(Accounts::changePassword(**db, actor(QStringLiteral("gv.toan")), QStringLiteral("gv.toan"),
                                         QByteArrayLiteral("mat-khau-moi-22"), kFast));
        QVERIFY(lifecycle::logIn(**db, QStringLiteral("gv.toan"), QByteArrayLiteral("mat-khau-moi-22")));
        lifecycle::ConfirmOptions options;
        options.year = m_template.year;
        options.className = m_classA.name;
        options.acknowledgeWarnings = true;
        options.acknowledgedBy = QStringLiteral("gvcn.a");
        auto confirmed = lifecycle::confirmSections(**db, actor(QStringLiteral("gvcn.a")), options);
        QVERIFY2(confirmed, confirmed ? "" : qPrintable(describe(confirmed.error())));
        QVERIFY(!confirmed->confirmed.isEmpty());
        QCOMPARE(test::scalar(**db,
                              QStringLiteral("SELECT DISTINCT actor FROM audit_log WHERE id > (SELECT max(id) "
                                             "FROM audit_log WHERE action = 'user.password')")),
                 QStringLiteral("gvcn.a"));
        auto signer = m_pki.signer(false);
        QuietSink sink;
        CancellationToken cancel;
        lifecycle::BatchSignJob job(**db, *signer, {}, actor(QStringLiteral("hieu.truong")));
        auto report = job.run(test::readySections(**db, m_template.year, m_classA.name), sink, cancel);
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QVERIFY(!report->signedItems.isEmpty());
    }
};

QTEST_MAIN(TestPermissions) // signing renders the book: fonts need a QGuiApplication
#include "TestPermissions.moc"
