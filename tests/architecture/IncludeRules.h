// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hocba::test {

/** One row of the module table: files under `folder` belong to `name` and may include only `mayInclude`. */
struct ModuleRule
{
    QString name;
    QString folder; ///< relative to the source tree's top, e.g. "core/packet" or "app/cli"
    QStringList mayInclude;
};

/** A broken rule, printed as "file:line: message" so that editors and CI logs can jump to it. */
struct IncludeViolation
{
    QString file; ///< relative to the checked tree's top
    int line = 0; ///< 0 when the whole file is at fault (it lies in no module's folder)
    QString message;

    QString toString() const;
};

struct IncludeReport
{
    QList<IncludeViolation> violations; ///< sorted by file, then line
    int filesChecked = 0;
    int includesChecked = 0;
};

/**
 * The layering of core/README.md as a test: reads the module table from a README and checks every quoted
 * #include of the .h/.cpp files under given roots against it. Angle-bracket includes are system or Qt headers
 * and are not checked. A file outside every module folder, or an include whose first path component names no
 * module, is a violation too, so that a new module has to be added to the table before it can be used.
 */
class IncludeRules
{
public:
    /** Parses the first Markdown table whose header has the columns "module", "folder" and "may include". */
    static Result<IncludeRules> fromReadme(const QString& readmePath);

    const QList<ModuleRule>& modules() const { return m_modules; }
    const ModuleRule* module(const QString& name) const;

    /** Checks the files below `topDir`/root for each root (e.g. "core", "ui", "app"). */
    IncludeReport check(const QString& topDir, const QStringList& roots) const;

private:
    const ModuleRule* moduleOfFile(const QString& relativePath) const;
    void checkFile(const QString& topDir, const QString& relativePath, IncludeReport& report) const;
    /** `where` holds the including file and line; its message is filled when the include breaks a rule. */
    void checkInclude(const ModuleRule& owner, const QString& topDir, const QString& fileDir, IncludeViolation where,
                      const QString& included, IncludeReport& report) const;

    QList<ModuleRule> m_modules;
};

} // namespace hocba::test
