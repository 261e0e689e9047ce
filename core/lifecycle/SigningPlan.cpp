// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/SigningPlan.h"

#include "lifecycle/ClassApproval.h"
#include "lifecycle/TrustAnchors.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/SigningQueries.h"
#include "store/StudentRepository.h"
#include "token/TokenManager.h"
#include "verify/SignatureReport.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::SigningPlan)
};

/** The classes of the scope: one by name, or every class of the year. */
Result<QList<ClassGroup>> scopeClasses(store::Database& db, const SignScope& scope)
{
    store::SchoolRepository schools(db);
    if (!scope.className)
        return schools.classes(scope.year);
    auto cls = schools.classByName(scope.year, *scope.className);
    if (!cls)
        return std::unexpected(cls.error());
    if (!*cls)
        return fail(
            ErrorCode::NotFound,
            Text::tr("There is no class %1 in the school year %2.").arg(*scope.className, scope.year.toString()),
            QStringLiteral("sign plan: no such class"));
    return QList<ClassGroup> {**cls};
}

/** The scope's current sections, class by class in roster order, then (whole school) those in no class. */
Result<QList<YearSection>> scopeSections(store::Database& db, const SignScope& scope)
{
    auto classes = scopeClasses(db, scope);
    if (!classes)
        return std::unexpected(classes.error());
    store::StudentRepository students(db);
    QList<YearSection> out;
    for (const ClassGroup& g : *classes) {
        auto roster = students.roster(g.id);
        if (!roster)
            return std::unexpected(roster.error());
        for (const store::RosterEntry& e : *roster)
            out << e.section;
    }
    if (scope.className)
        return out;
    // Sections not placed in a class (e.g. a transfer not yet assigned) are part of the school's year too.
    auto unplaced = store::unplacedSections(db, scope.year);
    if (!unplaced)
        return std::unexpected(unplaced.error());
    for (Id id : *unplaced) {
        auto s = students.section(id);
        if (!s)
            return std::unexpected(s.error());
        if (*s)
            out << **s;
    }
    return out;
}

QJsonArray itemsJson(const QList<BatchItemResult>& items)
{
    QJsonArray a;
    for (const auto& i : items)
        a.append(QJsonObject {{QStringLiteral("sectionId"), i.sectionId},
                              {QStringLiteral("studentId"), i.studentId},
                              {QStringLiteral("lookupCode"), i.lookupCode},
                              {QStringLiteral("completed"), i.completed},
                              {QStringLiteral("reason"), i.reason}});
    return a;
}

/** A connection of this thread's own to the file of `other` (a connection belongs to the thread that opened it). */
Result<std::unique_ptr<store::Database>> openSameFile(const store::Database& other)
{
    return store::Database::openExisting(other.path());
}

} // namespace

Result<PlannedSections> SigningPlan::sections(store::Database& db, const SignScope& scope)
{
    auto all = scopeSections(db, scope);
    if (!all)
        return std::unexpected(all.error());
    auto signedBefore = store::sectionsSignedInRole(db, scope.year, signing::roleCode(scope.role));
    if (!signedBefore)
        return std::unexpected(signedBefore.error());
    auto onlyApproved = approvalRequired(db);
    if (!onlyApproved)
        return std::unexpected(onlyApproved.error());
    QSet<Id> approved;
    if (*onlyApproved) {
        auto st = db.prepare(
            QStringLiteral("SELECT id FROM year_section WHERE school_year = ?1 AND approved_at IS NOT NULL"));
        if (!st)
            return std::unexpected(st.error());
        st->bind(1, scope.year.startYear);
        while (true) {
            auto row = st->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                break;
            approved.insert(st->int64(0));
        }
    }
    PlannedSections plan;
    for (const YearSection& s : *all) {
        if (s.state == SectionState::Ready && !signedBefore->contains(s.id) && *onlyApproved
            && !approved.contains(s.id))
            ++plan.notApproved;
        else if (s.state == SectionState::Ready && !signedBefore->contains(s.id))
            plan.toSign << s.id;
        else if (s.state == SectionState::Draft && s.source == SectionSource::Digital)
            ++plan.notConfirmed;
    }
    return plan;
}

CertificateChoice SigningPlan::chooseCertificate(const signing::CertificatePolicy& policy,
                                                 const QList<signing::CertificateInfo>& certificates,
                                                 const QString& wantedIdHex)
{
    CertificateChoice choice;
    QList<QByteArray> ders;
    for (const auto& c : certificates)
        ders << c.der;
    const QString wanted = wantedIdHex.trimmed().toLower();
    for (const auto& c : certificates) {
        if (!wanted.isEmpty() && QString::fromLatin1(c.id.toHex()) != wanted)
            continue;
        CertificateCandidate candidate {c, signing::buildChain(c.der, ders), {}};
        candidate.verdict = policy.check(c.der, candidate.chain);
        if (candidate.accepted() && ++choice.acceptedCount == 1)
            choice.chosen = int(choice.candidates.size());
        choice.candidates << candidate;
    }
    if (choice.chosen >= 0)
        return choice;
    for (const auto& candidate : choice.candidates) {
        choice.problem = candidate.verdict.error(); // the first refusal says why
        return choice;
    }
    choice.problem = Error {ErrorCode::TokenError,
                            wanted.isEmpty() ? Text::tr("The token holds no certificate.")
                                             : Text::tr("The token has no certificate with id %1.").arg(wantedIdHex),
                            QStringLiteral("sign: no certificate")};
    return choice;
}

Result<CertificateChoice> SigningPlan::chooseCertificate(store::Database& db,
                                                         const QList<signing::CertificateInfo>& certificates,
                                                         const QString& wantedIdHex)
{
    auto trust = TrustAnchors::load(db);
    if (!trust)
        return std::unexpected(trust.error());
    return chooseCertificate(signing::CertificatePolicy(*trust), certificates, wantedIdHex);
}

Result<ConfirmedPlan> SigningPlan::confirmAndPlan(const store::Database& file, const Actor& actor,
                                                  const ConfirmOptions& confirm, signing::SignerRole role)
{
    auto db = openSameFile(file);
    if (!db)
        return std::unexpected(db.error());
    ConfirmedPlan out;
    auto report = confirmSections(**db, actor, confirm);
    if (!report)
        return std::unexpected(report.error());
    out.confirmation = *report;
    auto planned = sections(**db, {confirm.year, confirm.className, role});
    if (!planned)
        return std::unexpected(planned.error());
    out.sections = *planned;
    return out;
}

Result<ConfirmedPlan> SigningPlan::planAt(const store::Database& file, const SignScope& scope, const QList<Id>& only)
{
    auto db = openSameFile(file);
    if (!db)
        return std::unexpected(db.error());
    auto planned = sections(**db, scope);
    if (!planned)
        return std::unexpected(planned.error());
    ConfirmedPlan out;
    out.sections = *planned;
    const QSet<Id> chosen(only.cbegin(), only.cend());
    out.sections.toSign.removeIf([&](Id id) { return !chosen.contains(id); });
    return out;
}

Result<BatchReport> SigningPlan::signAt(const store::Database& file, const Actor& actor, signing::Signer& signer,
                                        signing::SignerRole role, const QList<Id>& sections, int workers,
                                        ProgressSink& sink, CancellationToken& cancel)
{
    auto db = openSameFile(file);
    if (!db)
        return std::unexpected(db.error());
    SectionSignOptions options;
    options.role = role;
    BatchSignJob job(**db, signer, options, actor);
    job.setWorkers(workers);
    return job.run(sections, sink, cancel);
}

BatchReport SigningPlan::merged(const BatchReport& earlier, const BatchReport& later)
{
    BatchReport out = later;
    out.signedItems = earlier.signedItems + later.signedItems;
    out.skipped = earlier.skipped + later.skipped;
    out.failed = earlier.failed + later.failed;
    return out;
}

QString SigningPlan::reportText(const BatchReport& r, const QHash<Id, QString>& names)
{
    auto who = [&names](const BatchItemResult& i) {
        const QString name = names.value(i.studentId);
        return name.isEmpty() ? i.lookupCode : QStringLiteral("%1 (%2)").arg(name, i.lookupCode);
    };
    QStringList lines;
    lines << Text::tr("Signed: %1, skipped: %2, failed: %3.")
                 .arg(r.signedItems.size())
                 .arg(r.skipped.size())
                 .arg(r.failed.size());
    if (r.cancelled)
        lines << Text::tr("Signing was stopped. %1 record(s) were not signed yet; they stay confirmed and can be "
                          "signed later.")
                     .arg(r.pending);
    else if (r.stoppedBy)
        lines << Text::tr("Signing stopped: %1. %2 record(s) were not signed yet; they stay confirmed and can be "
                          "signed later.")
                     .arg(r.stoppedBy->message)
                     .arg(r.pending);
    const auto waiting = std::count_if(r.signedItems.cbegin(), r.signedItems.cend(),
                                       [](const BatchItemResult& i) { return !i.completed; });
    if (waiting > 0)
        lines
            << Text::tr("%1 record(s) still need the signature of another role before they are complete.").arg(waiting);
    if (!r.skipped.isEmpty()) {
        lines << QString() << Text::tr("Skipped:");
        for (const auto& i : r.skipped)
            lines << QStringLiteral("  • %1: %2").arg(who(i), i.reason);
    }
    if (!r.failed.isEmpty()) {
        lines << QString() << Text::tr("Failed:");
        for (const auto& i : r.failed)
            lines << QStringLiteral("  • %1: %2").arg(who(i), i.reason);
    }
    for (const QString& warning : r.warnings)
        lines << QString() << warning;
    return lines.join(QLatin1Char('\n'));
}

QStringList SigningPlan::reportLines(const BatchReport& r, int notConfirmed)
{
    QStringList lines;
    lines << Text::tr("Batch %1: %2 signed, %3 skipped, %4 failed, %5 left for a later run (%6 s).")
                 .arg(r.batchId)
                 .arg(r.signedItems.size())
                 .arg(r.skipped.size())
                 .arg(r.failed.size())
                 .arg(r.pending)
                 .arg(r.seconds, 0, 'f', 1);
    for (const auto& i : r.skipped)
        lines << QStringLiteral("  ") + Text::tr("skipped %1: %2").arg(i.lookupCode, i.reason);
    for (const auto& i : r.failed)
        lines << QStringLiteral("  ") + Text::tr("failed %1: %2").arg(i.lookupCode, i.reason);
    if (notConfirmed > 0)
        lines << Text::tr("%1 sections are not confirmed yet (run \"confirm\" first).").arg(notConfirmed);
    if (r.cancelled)
        lines << Text::tr("Cancelled: run the same command again to continue.");
    for (const QString& w : r.warnings)
        lines << Text::tr("WARNING: %1").arg(w);
    return lines;
}

QJsonObject SigningPlan::reportJson(const BatchReport& r, int notConfirmed)
{
    return QJsonObject {{QStringLiteral("batch"), r.batchId},
                        {QStringLiteral("resumed"), r.resumed},
                        {QStringLiteral("finished"), r.finished},
                        {QStringLiteral("cancelled"), r.cancelled},
                        {QStringLiteral("stoppedBy"), r.stoppedBy ? describe(*r.stoppedBy) : QString()},
                        {QStringLiteral("signed"), itemsJson(r.signedItems)},
                        {QStringLiteral("skipped"), itemsJson(r.skipped)},
                        {QStringLiteral("failed"), itemsJson(r.failed)},
                        {QStringLiteral("pending"), r.pending},
                        {QStringLiteral("notConfirmed"), notConfirmed},
                        {QStringLiteral("checkpoint"), r.checkpointId},
                        {QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings)}};
}

} // namespace hocba::lifecycle
