// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"

#include <QString>

#include <optional>

namespace hocba::lifecycle {

/** What the caller says about a class's book (grade or homeroom book); an empty field is taken from its title rows. */
struct BookImportOptions
{
    std::optional<SchoolYear> year; ///< a title naming another year refuses the whole file
    QString className; ///< "6A1"
    /// grade book: "hk1" or "hk2" (THCS), "cn" (primary); homeroom book: the semester of a conduct column that names
    /// none ("Kết quả rèn luyện")
    QString term;
    QString fileName; ///< named in the audit entry of the batch
    bool dryRun = false;
    bool allOrNothing = false; ///< with a rejected row nothing is written
};

} // namespace hocba::lifecycle
