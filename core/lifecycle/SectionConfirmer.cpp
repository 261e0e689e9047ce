// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/SectionConfirmer.h"

#include "lifecycle/Actor.h"
#include "lifecycle/ResultsCache.h"
#include "lifecycle/SchoolLint.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>

namespace hocba::lifecycle {

namespace {

/** A confirmation covers classes: the actor must be the homeroom teacher of each (or unrestricted). */
Status requireConfirmation(store::Database& db, const Actor& actor, const ConfirmOptions& options)
{
    if (actor.isUnrestricted())
        return permit(db, actor, Right::WriteHomeroom);
    auto classes = store::SchoolRepository(db).classes(options.year);
    if (!classes)
        return std::unexpected(classes.error());
    bool any = false;
    for (const ClassGroup& cls : *classes) {
        if (options.className && cls.name != *options.className)
            continue;
        any = true;
        if (auto ok = permit(db, actor, Right::WriteHomeroom, RightScope::inClass(options.year, cls.id)); !ok)
            return ok;
    }
    // No class matched: still ask, so a refusal names the right rather than a missing class.
    return any ? Status() : permit(db, actor, Right::WriteHomeroom, RightScope::inClass(options.year, 0));
}

} // namespace

Result<ConfirmReport> confirmSections(store::Database& db, const Actor& actor, const ConfirmOptions& options)
{
    if (auto ok = requireConfirmation(db, actor, options); !ok)
        return std::unexpected(ok.error());
    if (auto refreshed = ResultsCache(db).refreshStale(options.year); !refreshed)
        return std::unexpected(refreshed.error());
    SchoolLintOptions lo;
    lo.year = options.year;
    lo.className = options.className;
    auto classes = lintSchool(db, lo);
    if (!classes)
        return std::unexpected(classes.error());

    store::StudentRepository repo(db);
    ConfirmReport report;
    for (const auto& cls : *classes) {
        for (const auto& s : cls.students) {
            if (s.sectionId == 0)
                continue;
            auto section = repo.section(s.sectionId);
            if (!section)
                return std::unexpected(section.error());
            if (!*section || (*section)->source != SectionSource::Digital)
                continue;
            if ((*section)->state != SectionState::Draft) {
                ++report.alreadyConfirmed;
                continue;
            }
            ConfirmItem item {s.studentId, s.fullName, s.sectionId, cls.cls.name, s.findings, {}};
            if (hasErrors(s.findings)) {
                item.reason = QCoreApplication::translate("hocba::lifecycle::SectionConfirmer",
                                                          "Has errors that must be corrected.");
                report.notConfirmed << item;
                continue;
            }
            if (!s.findings.isEmpty() && !options.acknowledgeWarnings) {
                item.reason = QCoreApplication::translate("hocba::lifecycle::SectionConfirmer",
                                                          "Has warnings that must be acknowledged.");
                report.notConfirmed << item;
                continue;
            }
            store::Transaction tx(db);
            if (!tx.began())
                return std::unexpected(tx.began().error());
            for (const auto& f : s.findings)
                if (auto a = store::AuditLog(db).append(QStringLiteral("section.acknowledge"),
                                                        QStringLiteral("year_section"), QString::number(s.sectionId),
                                                        f.code, std::nullopt, options.acknowledgedBy);
                    !a)
                    return std::unexpected(a.error());
            if (auto st = repo.setSectionState(s.sectionId, SectionState::Ready); !st)
                return std::unexpected(st.error());
            if (auto c = tx.commit(); !c)
                return std::unexpected(c.error());
            report.confirmed << item;
        }
    }
    return report;
}

} // namespace hocba::lifecycle
