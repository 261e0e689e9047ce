// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"

#include <QList>
#include <QSet>
#include <QString>

namespace hocba::store {

class Database;

/** The latest version of every year section of `year` that is not placed in a class (e.g. a transfer), by id. */
Result<QList<Id>> unplacedSections(Database& db, SchoolYear year);

/** The sections of `year` whose current version already carries a signature in `roleCode` ("principal", …). */
Result<QSet<Id>> sectionsSignedInRole(Database& db, SchoolYear year, const QString& roleCode);

} // namespace hocba::store
