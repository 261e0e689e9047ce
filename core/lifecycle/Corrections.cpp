// SPDX-License-Identifier: GPL-3.0-or-later
// Reopening and revoking signed school years before the Department's lock (docs/corrections.md). The school file's
// triggers (migration 0011) enforce the same rules; these functions check first so that the message says why.
#include "lifecycle/Corrections.h"

#include "packet/PacketDigest.h"
#include "packet/SignedRequest.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"
#include "token/XmlSigner.h"
#include "verify/RequestVerifier.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::Corrections)
};

QDateTime utc(const QString& iso)
{
    if (iso.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QString nowIso()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return now.addMSecs(-now.time().msec()).toString(Qt::ISODate);
}

/** A section with what the checks need: its record's lookup code and the state of its year. */
struct SectionFacts
{
    YearSection section;
    QString lookupCode;
    bool yearLocked = false; ///< some version of this year is locked
    bool openDraft = false; ///< some version of this year is a draft or ready
    int newestVersion = 0;
    bool transferredAway = false;
};

Result<SectionFacts> factsOf(store::Database& db, Id sectionId)
{
    store::StudentRepository repo(db);
    auto section = repo.section(sectionId);
    if (!section)
        return std::unexpected(section.error());
    if (!*section)
        return fail(ErrorCode::NotFound,
                    Text::tr("There is no school year section with the number %1.").arg(sectionId));
    SectionFacts f;
    f.section = **section;
    auto st = db.prepare(QStringLiteral(
        "SELECT r.lookup_code, "
        "EXISTS (SELECT 1 FROM year_section l WHERE l.record_id = ?1 AND l.school_year = ?2 AND l.state = 'locked'), "
        "EXISTS (SELECT 1 FROM year_section d WHERE d.record_id = ?1 AND d.school_year = ?2 "
        "AND d.state IN ('draft', 'ready')), "
        "(SELECT max(version) FROM year_section v WHERE v.record_id = ?1 AND v.school_year = ?2) "
        "FROM record r WHERE r.id = ?1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, f.section.recordId).bind(2, f.section.schoolYear.startYear);
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, Text::tr("The record of this school year no longer exists."));
    f.lookupCode = st->text(0);
    f.yearLocked = st->int64(1) != 0;
    f.openDraft = st->int64(2) != 0;
    f.newestVersion = int(st->int64(3));
    // A record transferred away (migration 0012) is read-only here.
    if (auto q = db.prepare(QStringLiteral("SELECT transferred_at IS NOT NULL FROM record WHERE id = ?1"))) {
        q->bind(1, f.section.recordId);
        if (auto r = q->step(); r && *r)
            f.transferredAway = q->int64(0) != 0;
    }
    return f;
}

/** Why a signed year cannot be corrected or revoked any more; nothing when it can. */
std::optional<Error> refusal(const SectionFacts& f, bool revoke)
{
    const QString year = f.section.schoolYear.toString();
    if (f.yearLocked || f.section.state == SectionState::Locked)
        return Error {ErrorCode::RecordLocked,
                      Text::tr("The Department has locked the school year %1 of this record: nothing in it can "
                               "change any more, neither a correction nor a revoke.")
                          .arg(year),
                      QStringLiteral("locked")};
    if (f.transferredAway)
        return Error {ErrorCode::RecordLocked,
                      Text::tr("This record was transferred to another school; only that school can change it now."),
                      QStringLiteral("transferred")};
    if (f.section.source == SectionSource::Paper)
        return Error {ErrorCode::InvalidInput,
                      Text::tr("The school year %1 is kept on paper; it cannot be corrected or revoked in the "
                               "program.")
                          .arg(year),
                      QStringLiteral("paper")};
    switch (f.section.state) {
    case SectionState::Draft:
    case SectionState::Ready:
        return Error {ErrorCode::InvalidInput,
                      Text::tr("Version %1 of the school year %2 is not signed yet: correct it directly, there is "
                               "nothing to reopen or revoke.")
                          .arg(f.section.version)
                          .arg(year),
                      QStringLiteral("draft")};
    case SectionState::Revoked:
        return Error {ErrorCode::InvalidInput,
                      Text::tr("Version %1 of the school year %2 was revoked; it cannot be changed.")
                          .arg(f.section.version)
                          .arg(year),
                      QStringLiteral("revoked")};
    case SectionState::Superseded:
        return Error {ErrorCode::InvalidInput,
                      Text::tr("Version %1 of the school year %2 was replaced by a newer version; correct the newest "
                               "one instead.")
                          .arg(f.section.version)
                          .arg(year),
                      QStringLiteral("superseded")};
    default:
        break;
    }
    if (f.openDraft)
        return Error {ErrorCode::InvalidInput,
                      revoke ? Text::tr("The school year %1 was reopened: version %2 is being corrected. Sign it to "
                                        "replace this version, or revoke only after that.")
                                   .arg(year)
                                   .arg(f.newestVersion)
                             : Text::tr("The school year %1 was already reopened: version %2 is being corrected. "
                                        "Finish, confirm and sign it instead of reopening again.")
                                   .arg(year)
                                   .arg(f.newestVersion),
                      QStringLiteral("open draft")};
    if (f.newestVersion > f.section.version)
        return Error {ErrorCode::InvalidInput,
                      Text::tr("A newer version (%1) of the school year %2 exists; only the newest can be changed.")
                          .arg(f.newestVersion)
                          .arg(year),
                      QStringLiteral("newer version")};
    return std::nullopt;
}

Status checkReason(const QString& reason)
{
    const QString r = reason.trimmed();
    if (r.isEmpty() || r.size() > 500)
        return fail(ErrorCode::InvalidInput, Text::tr("Give a reason of 1 to 500 characters."));
    return {};
}

} // namespace

Result<QList<SectionVersion>> sectionVersions(store::Database& db, Id sectionId)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT v.id, v.version, v.state, coalesce(v.replaces_id, 0), coalesce(v.reopen_reason, ''), "
        "coalesce(v.reopened_at, ''), "
        "coalesce((SELECT max(d.signed_at) FROM signed_document d WHERE d.section_id = v.id AND d.version = v.version "
        "AND d.pdf IS NOT NULL), ''), "
        "coalesce((SELECT o.submitted_at FROM department_outbox o WHERE o.section_id = v.id AND o.version = "
        "v.version), ''), "
        "coalesce((SELECT o.locked_at FROM department_outbox o WHERE o.section_id = v.id AND o.version = "
        "v.version), ''), "
        "coalesce(v.revoked_at, ''), coalesce(v.revoke_reason, '') "
        "FROM year_section s JOIN year_section v ON v.record_id = s.record_id AND v.school_year = s.school_year "
        "WHERE s.id = ?1 ORDER BY v.version"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, sectionId);
    QList<SectionVersion> list;
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        SectionVersion v;
        v.sectionId = st->int64(0);
        v.version = int(st->int64(1));
        v.state = sectionStateFromCode(st->text(2)).value_or(SectionState::Draft);
        v.replacesSectionId = st->int64(3);
        v.reopenReason = st->text(4);
        v.openedAt = utc(st->text(5));
        v.signedAt = utc(st->text(6));
        v.submittedAt = utc(st->text(7));
        v.lockedAt = utc(st->text(8));
        v.revokedAt = utc(st->text(9));
        v.revokeReason = st->text(10);
        list.append(v);
    }
    if (list.isEmpty())
        return fail(ErrorCode::NotFound,
                    Text::tr("There is no school year section with the number %1.").arg(sectionId));
    return list;
}

Result<Id> currentSectionOf(store::Database& db, const QString& studentCode, SchoolYear year)
{
    const QString code = studentCode.trimmed();
    if (code.isEmpty())
        return fail(ErrorCode::InvalidInput, Text::tr("Give the student's code."));
    auto st = db.prepare(QStringLiteral(
        "SELECT ys.id FROM year_section ys JOIN record r ON r.id = ys.record_id JOIN student s ON s.id = r.student_id "
        "WHERE ys.school_year = ?2 AND (s.moet_code = ?1 OR s.registration_number = ?1 OR r.lookup_code = lower(?1)) "
        "ORDER BY ys.version DESC LIMIT 2"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, code).bind(2, year.startYear);
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(
            ErrorCode::NotFound,
            Text::tr("No student with the code %1 has a school year %2 in this file.").arg(code, year.toString()));
    const Id id = st->int64(0);
    // Two different records matching the code (e.g. one student's code equal to another's registration number).
    auto check = db.prepare(QStringLiteral(
        "SELECT count(DISTINCT r.id) FROM record r JOIN student s ON s.id = r.student_id JOIN year_section ys ON "
        "ys.record_id = r.id AND ys.school_year = ?2 WHERE s.moet_code = ?1 OR s.registration_number = ?1 OR "
        "r.lookup_code = lower(?1)"));
    if (!check)
        return std::unexpected(check.error());
    check->bind(1, code).bind(2, year.startYear);
    auto n = check->step();
    if (!n)
        return std::unexpected(n.error());
    if (*n && check->int64(0) > 1)
        return fail(
            ErrorCode::InvalidInput,
            Text::tr("The code %1 matches more than one student; choose the section by its number instead.").arg(code));
    return id;
}

Result<Id> reopenSection(store::Database& db, const Actor& actor, Id sectionId, const QString& reason)
{
    if (auto ok = permit(db, actor, Right::Sign); !ok)
        return std::unexpected(ok.error());
    if (auto ok = checkReason(reason); !ok)
        return std::unexpected(ok.error());
    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    auto facts = factsOf(db, sectionId);
    if (!facts)
        return std::unexpected(facts.error());
    if (auto why = refusal(*facts, false))
        return std::unexpected(*why);
    store::StudentRepository repo(db);
    YearSection next = facts->section;
    next.id = 0;
    next.state = SectionState::Draft;
    next.version = facts->section.version + 1;
    next.replacesId = facts->section.id;
    auto newId = repo.addSection(next);
    if (!newId)
        return std::unexpected(newId.error());
    const QString at = nowIso();
    auto st = db.prepare(QStringLiteral("UPDATE year_section SET reopen_reason = ?1, reopened_at = ?2 WHERE id = ?3"));
    if (!st)
        return std::unexpected(st.error());
    if (auto s = st->bind(1, reason.trimmed()).bind(2, at).bind(3, *newId).exec(); !s)
        return std::unexpected(s.error());
    // The old version's inputs, copied as they were signed.
    auto copy = db.prepare(QStringLiteral("INSERT INTO assessment (section_id, subject, term, item, seq, value) "
                                          "SELECT ?1, subject, term, item, seq, value FROM assessment WHERE "
                                          "section_id = ?2"));
    if (!copy)
        return std::unexpected(copy.error());
    if (auto s = copy->bind(1, *newId).bind(2, sectionId).exec(); !s)
        return std::unexpected(s.error());
    if (auto s = store::AuditLog(db).append(QStringLiteral("section.reopen"), QStringLiteral("year_section"),
                                            QString::number(*newId), QStringLiteral("replaces"),
                                            QStringLiteral("%1 v%2").arg(sectionId).arg(facts->section.version),
                                            QStringLiteral("v%1: %2").arg(next.version).arg(reason.trimmed()));
        !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return *newId;
}

Status checkRevoke(store::Database& db, const Actor& actor, Id sectionId, const QString& reason)
{
    if (auto ok = permit(db, actor, Right::Sign); !ok)
        return ok;
    if (auto ok = checkReason(reason); !ok)
        return ok;
    auto facts = factsOf(db, sectionId);
    if (!facts)
        return std::unexpected(facts.error());
    if (auto why = refusal(*facts, true))
        return std::unexpected(*why);
    return {};
}

Result<QByteArray> revokeSection(store::Database& db, const Actor& actor, Id sectionId, const QString& reason,
                                 signing::Signer& signer)
{
    if (auto ok = checkRevoke(db, actor, sectionId, reason); !ok)
        return std::unexpected(ok.error());
    auto facts = factsOf(db, sectionId);
    if (!facts)
        return std::unexpected(facts.error());
    auto school = store::SchoolRepository(db).school();
    if (!school)
        return std::unexpected(school.error());
    if (!*school || (*school)->moetCode.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The school's MOET code is not set; the Department cannot accept a revoke without it."));

    packet::RevokeRequest request;
    request.lookupCode = facts->lookupCode;
    request.schoolYearStart = facts->section.schoolYear.startYear;
    request.version = facts->section.version;
    request.schoolCode = (*school)->moetCode;
    request.schoolName = (*school)->name;
    request.reason = reason.trimmed().normalized(QString::NormalizationForm_C);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    request.requestedAt = now.addMSecs(-now.time().msec());

    signing::XmlSignOptions options;
    options.role = signing::SignerRole::Principal;
    options.signingTime = request.requestedAt;
    options.layout = signing::requestSignatureLayout();
    // Signed before the transaction: the token may ask for its PIN and take seconds.
    auto signedXml = signing::XmlSigner::sign(packet::writeRevokeRequest(request), signer, options);
    if (!signedXml)
        return std::unexpected(signedXml.error());

    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    // Checked again inside the transaction: a lock receipt may have arrived while the token signed.
    auto again = factsOf(db, sectionId);
    if (!again)
        return std::unexpected(again.error());
    if (auto why = refusal(*again, true))
        return std::unexpected(*why);
    auto st = db.prepare(
        QStringLiteral("UPDATE year_section SET state = 'revoked', revoked_at = ?1, revoke_reason = ?2 WHERE id = ?3"));
    if (!st)
        return std::unexpected(st.error());
    if (auto s
        = st->bind(1, request.requestedAt.toString(Qt::ISODate)).bind(2, request.reason).bind(3, sectionId).exec();
        !s)
        return std::unexpected(s.error());
    if (auto s = queueDepartmentRequest(db, DepartmentRequest::Kind::Revoke, request.lookupCode,
                                        request.schoolYearStart, *signedXml);
        !s)
        return std::unexpected(s.error());
    if (auto s
        = store::AuditLog(db).append(QStringLiteral("section.revoke"), QStringLiteral("year_section"),
                                     QString::number(sectionId), QStringLiteral("state"), toCode(facts->section.state),
                                     QStringLiteral("revoked v%1: %2").arg(request.version).arg(request.reason));
        !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return *signedXml;
}

Status queueDepartmentRequest(store::Database& db, DepartmentRequest::Kind kind, const QString& lookupCode,
                              int schoolYearStart, const QByteArray& signedXml, const QByteArray& versionsJson)
{
    if (signedXml.isEmpty())
        return fail(ErrorCode::InvalidInput, Text::tr("The signed request is empty."));
    const QString digest = packet::packetDigest(signedXml);
    auto st = db.prepare(QStringLiteral(
        "INSERT INTO department_request (kind, lookup_code, school_year, signed_xml, versions_json, digest, queued_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (digest) DO NOTHING"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, kind == DepartmentRequest::Kind::Revoke ? QStringLiteral("revoke") : QStringLiteral("transfer"))
        .bind(2, lookupCode.toLower())
        .bind(3, schoolYearStart)
        .bind(4, signedXml)
        .bind(5, versionsJson.isNull() ? QByteArray("") : versionsJson)
        .bind(6, digest)
        .bind(7, nowIso());
    if (auto s = st->exec(); !s)
        return s;
    if (db.changes() == 0)
        return {};
    return store::AuditLog(db).append(
        QStringLiteral("department.request.queue"), QStringLiteral("department_request"),
        QString::number(db.lastInsertId()), QStringLiteral("kind"), std::nullopt,
        QStringLiteral("%1 %2").arg(
            kind == DepartmentRequest::Kind::Revoke ? QStringLiteral("revoke") : QStringLiteral("transfer"), digest));
}

Result<QList<DepartmentRequest>> departmentRequests(store::Database& db)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT id, kind, lookup_code, school_year, signed_xml, versions_json, state, attempts, last_error, queued_at, "
        "coalesce(sent_at, '') FROM department_request "
        "ORDER BY CASE state WHEN 'pending' THEN 0 ELSE 1 END, id"));
    if (!st)
        return std::unexpected(st.error());
    QList<DepartmentRequest> list;
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return list;
        DepartmentRequest r;
        r.id = st->int64(0);
        r.kind = st->text(1) == QLatin1String("transfer") ? DepartmentRequest::Kind::Transfer
                                                          : DepartmentRequest::Kind::Revoke;
        r.lookupCode = st->text(2);
        r.schoolYearStart = int(st->int64(3));
        r.signedXml = st->blob(4);
        r.versionsJson = st->blob(5);
        const QString state = st->text(6);
        r.state = state == QLatin1String("sent") ? DepartmentRequest::State::Sent
            : state == QLatin1String("refused")  ? DepartmentRequest::State::Refused
                                                 : DepartmentRequest::State::Pending;
        r.attempts = int(st->int64(7));
        r.lastError = st->text(8);
        r.queuedAt = utc(st->text(9));
        r.sentAt = utc(st->text(10));
        list.append(r);
    }
}

} // namespace hocba::lifecycle
