// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Overview.h"
#include "domain/Types.h"
#include "util/Error.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** What the desktop shows about a school as soon as its file is open. */
struct SchoolOverview
{
    std::optional<School> school;
    QList<SchoolYear> years;
    QList<ClassGroup> classes;
    SchoolSummary summary;
};

/**
 * An open school data file as the desktop window holds it: the connection (for the dialogs and the lifecycle calls
 * that take one) and the reads the window makes, so the window never deals with the store itself.
 */
class SchoolFile
{
public:
    /** Opens an existing file (a mistyped or moved path must not become an empty school). */
    static Result<std::unique_ptr<SchoolFile>> open(const QString& path);
    ~SchoolFile();
    SchoolFile(const SchoolFile&) = delete;
    SchoolFile& operator=(const SchoolFile&) = delete;

    store::Database& database() { return *m_db; }
    QString path() const;

    Result<SchoolOverview> overview();
    /** The class list, sorted by Vietnamese name order. */
    Result<QList<RosterEntry>> roster(Id classId);
    /** The homeroom teacher's name, empty when the class has none (or it cannot be read). */
    QString homeroomTeacherName(const ClassGroup& cls);

private:
    explicit SchoolFile(std::unique_ptr<store::Database> db);
    std::unique_ptr<store::Database> m_db;
};

} // namespace hocba::lifecycle
