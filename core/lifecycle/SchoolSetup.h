// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "util/Error.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** What a new school file starts with (issue "A real school in the app", §1). */
struct NewSchool
{
    QString name; ///< "Trường THCS Nguyễn Du"
    QString moetCode; ///< mã trường
    QString province;
    QString commune;
    bool primary = false;
    bool thcs = false;
    SchoolYear year; ///< the first school year
    QString adminLogin; ///< the school's administrator (IT), created with the file
    QString adminName;
};

/**
 * Creates an empty school file at `path`: the school, its first year and its administrator's account (with
 * `adminPassword`, which the caller owns and wipes), audited as `actor`, in one transaction. Refuses a path that
 * already exists (an existing school is never overwritten) and leaves nothing behind when any step fails.
 */
Status createSchool(const QString& path, const NewSchool& school, QByteArrayView adminPassword, const QString& actor);

/**
 * Adds a class to a year of the school: its grade is the number the name starts with ("6A1" → 6) and must be one
 * the school teaches; the year must exist and the name be new in it. Returns the class id. Checks no right: for a
 * caller that has checked ManageSchool already (the student import).
 */
Result<Id> addClass(store::Database& db, SchoolYear year, const QString& name);

/**
 * The same for `actor` (ManageSchool, checked before anything is written), with the class's homeroom teacher
 * (`homeroomLogin`, optional) assigned in the same transaction (lifecycle::assign).
 */
Result<Id> addClass(store::Database& db, const Actor& actor, SchoolYear year, const QString& name,
                    const QString& homeroomLogin = {});

/**
 * Records who was the principal in a school year (ManageSchool): that year's pages name them, whoever is the
 * principal today. Sections already signed keep the name they were signed with. NotFound when the year is not in
 * the file; InvalidInput for an empty name.
 */
Status setYearPrincipal(store::Database& db, const Actor& actor, SchoolYear year, const QString& name);

/**
 * Replaces the school file at `dbPath` with a backup (store::restoreFile, which keeps the file it replaces). `actor`
 * is who logged in to the file being replaced and needs ManageSchool.
 */
Status restoreSchoolFile(const Actor& actor, const QString& backupPath, const QString& dbPath);

} // namespace hocba::lifecycle
