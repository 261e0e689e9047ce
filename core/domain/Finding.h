// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace hocba {

/**
 * One problem found in data: by the ID check when a student is saved or imported, by lint before a year is
 * confirmed. A finding never changes data; errors block confirming/locking, warnings need an acknowledgement.
 */
struct Finding
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString code; ///< stable machine code, e.g. "pid.birth_year_mismatch"
    QString field; ///< the field it concerns, e.g. "personalId", "subjects.toan.hk1.regular[2]"
    QString message; ///< translated (Vietnamese by default) sentence for the user

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Finding&, const Finding&) = default;
};

using Findings = QList<Finding>;

inline bool hasErrors(const Findings& findings)
{
    for (const Finding& f : findings)
        if (f.isError())
            return true;
    return false;
}

inline QString severityCode(Finding::Severity s)
{
    return s == Finding::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

} // namespace hocba
