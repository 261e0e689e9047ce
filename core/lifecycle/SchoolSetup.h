// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
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
 * the school teaches; the year must exist and the name be new in it. Returns the class id.
 */
Result<Id> addClass(store::Database& db, SchoolYear year, const QString& name);

} // namespace hocba::lifecycle
