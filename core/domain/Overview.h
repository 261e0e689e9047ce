// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace hocba {

/** One line of a class list: the student with their record and this year's section. */
struct RosterEntry
{
    Student student;
    Id recordId = 0;
    QString lookupCode;
    YearSection section;
    /** Set when the record was handed over to another school ("chuyển đi", migration 0012): read-only here. */
    QDate transferredAt;
    QString transferredToName;
};

/** Counts for `hocba-cli info` and the status bar. */
struct SchoolSummary
{
    struct ClassCount
    {
        SchoolYear year;
        int grade = 0;
        QString className;
        int students = 0;
        QMap<QString, int> sectionsByState; ///< state code → count
    };
    qint64 students = 0;
    qint64 teachers = 0;
    qint64 records = 0;
    qint64 sections = 0;
    QMap<QString, int> sectionsByState;
    QList<ClassCount> classes;
};

} // namespace hocba
