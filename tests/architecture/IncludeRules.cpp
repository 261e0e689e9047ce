// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncludeRules.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>

namespace hocba::test {

namespace {

QStringList tableCells(const QString& line)
{
    QString inner = line.trimmed();
    if (inner.startsWith(u'|'))
        inner.remove(0, 1);
    if (inner.endsWith(u'|'))
        inner.chop(1);
    QStringList cells = inner.split(u'|');
    for (QString& cell : cells)
        cell = cell.remove(u'`').trimmed();
    return cells;
}

bool isTableLine(const QString& line)
{
    return line.trimmed().startsWith(u'|');
}

/** "–" (or an empty cell) means that the module includes nothing of the others. */
QStringList allowedModules(const QString& cell)
{
    QStringList names;
    for (const QString& part : cell.split(u',')) {
        const QString name = part.trimmed();
        if (!name.isEmpty() && name != u"–" && name != u"—" && name != u"-")
            names.append(name);
    }
    return names;
}

struct TableColumns
{
    qsizetype module = -1;
    qsizetype folder = -1;
    qsizetype mayInclude = -1;
};

TableColumns headerColumns(const QString& line)
{
    const QStringList cells = tableCells(line);
    TableColumns columns;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString cell = cells[i].toLower();
        if (cell == u"module")
            columns.module = i;
        else if (cell == u"folder")
            columns.folder = i;
        else if (cell == u"may include")
            columns.mayInclude = i;
    }
    return columns;
}

Result<QList<ModuleRule>> parseTable(const QStringList& lines)
{
    qsizetype row = 0;
    TableColumns columns;
    for (; row < lines.size(); ++row) {
        if (!isTableLine(lines[row]))
            continue;
        columns = headerColumns(lines[row]);
        if (columns.module >= 0 && columns.folder >= 0 && columns.mayInclude >= 0)
            break;
    }
    if (row >= lines.size())
        return fail(ErrorCode::InvalidInput, QStringLiteral("no table with the columns module, folder, may include"));
    const qsizetype needed = std::max({columns.module, columns.folder, columns.mayInclude}) + 1;
    QList<ModuleRule> modules;
    for (row += 2; row < lines.size() && isTableLine(lines[row]); ++row) { // += 2 skips the |---| line
        const QStringList cells = tableCells(lines[row]);
        if (cells.size() < needed)
            return fail(ErrorCode::InvalidInput, QStringLiteral("line %1: too few cells").arg(row + 1));
        QString folder = cells[columns.folder];
        while (folder.endsWith(u'/'))
            folder.chop(1);
        modules.append({cells[columns.module], folder, allowedModules(cells[columns.mayInclude])});
    }
    return modules;
}

Status validateTable(const QList<ModuleRule>& modules)
{
    if (modules.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("the module table has no rows"));
    QStringList names;
    for (const ModuleRule& rule : modules) {
        if (rule.name.isEmpty() || rule.folder.isEmpty() || names.contains(rule.name))
            return fail(ErrorCode::InvalidInput, QStringLiteral("module '%1': empty or repeated row").arg(rule.name));
        names.append(rule.name);
    }
    for (const ModuleRule& rule : modules) {
        for (const QString& allowed : rule.mayInclude) {
            if (!names.contains(allowed))
                return fail(ErrorCode::InvalidInput,
                            QStringLiteral("module '%1' may include '%2', which has no row").arg(rule.name, allowed));
        }
    }
    return {};
}

/** Drops // and block comments (tracking a block that spans lines), leaving string literals intact. */
QString withoutComments(const QString& line, bool& inBlockComment)
{
    QString code;
    bool inString = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        const QChar next = i + 1 < line.size() ? line[i + 1] : QChar();
        if (inBlockComment) {
            if (c == u'*' && next == u'/') {
                inBlockComment = false;
                ++i;
            }
            continue;
        }
        if (!inString && c == u'/' && next == u'/')
            break;
        if (!inString && c == u'/' && next == u'*') {
            inBlockComment = true;
            ++i;
            continue;
        }
        if (c == u'"')
            inString = !inString;
        code.append(c);
    }
    return code;
}

} // namespace

QString IncludeViolation::toString() const
{
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                    : QStringLiteral("%1: %2").arg(file, message);
}

Result<IncludeRules> IncludeRules::fromReadme(const QString& readmePath)
{
    QFile file(readmePath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return fail(ErrorCode::Io, QStringLiteral("cannot read %1").arg(readmePath), file.errorString());
    auto modules = parseTable(QString::fromUtf8(file.readAll()).split(u'\n'));
    if (!modules)
        return fail(modules.error().code, QStringLiteral("%1: %2").arg(readmePath, modules.error().message));
    if (const Status valid = validateTable(*modules); !valid)
        return fail(valid.error().code, QStringLiteral("%1: %2").arg(readmePath, valid.error().message));
    IncludeRules rules;
    rules.m_modules = std::move(*modules);
    return rules;
}

const ModuleRule* IncludeRules::module(const QString& name) const
{
    const auto found = std::ranges::find(m_modules, name, &ModuleRule::name);
    return found == m_modules.end() ? nullptr : &*found;
}

const ModuleRule* IncludeRules::moduleOfFile(const QString& relativePath) const
{
    const ModuleRule* owner = nullptr;
    for (const ModuleRule& rule : m_modules) {
        const bool inside = relativePath.startsWith(rule.folder + u'/');
        if (inside && (owner == nullptr || rule.folder.size() > owner->folder.size()))
            owner = &rule;
    }
    return owner;
}

IncludeReport IncludeRules::check(const QString& topDir, const QStringList& roots) const
{
    const QDir top(topDir);
    QStringList files;
    for (const QString& root : roots) {
        QDirIterator it(top.filePath(root), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(top.relativeFilePath(it.next()));
    }
    files.sort();
    IncludeReport report;
    for (const QString& file : files)
        checkFile(topDir, file, report);
    return report;
}

void IncludeRules::checkFile(const QString& topDir, const QString& relativePath, IncludeReport& report) const
{
    ++report.filesChecked;
    const QString fileDir = QFileInfo(relativePath).path();
    const ModuleRule* owner = moduleOfFile(relativePath);
    if (owner == nullptr) {
        report.violations.append(
            {relativePath, 0,
             QStringLiteral("folder '%1' belongs to no module of the table (add a row)").arg(fileDir)});
        return;
    }
    QFile file(QDir(topDir).filePath(relativePath));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        report.violations.append({relativePath, 0, QStringLiteral("cannot read: %1").arg(file.errorString())});
        return;
    }
    static const QRegularExpression include(QStringLiteral(R"re(^\s*#\s*include\s*"([^"]+)")re"));
    QTextStream in(&file);
    bool inBlockComment = false;
    for (int line = 1; !in.atEnd(); ++line) {
        const QString code = withoutComments(in.readLine(), inBlockComment);
        if (const QRegularExpressionMatch match = include.match(code); match.hasMatch())
            checkInclude(*owner, topDir, fileDir, {relativePath, line, {}}, match.captured(1), report);
    }
}

void IncludeRules::checkInclude(const ModuleRule& owner, const QString& topDir, const QString& fileDir,
                                IncludeViolation where, const QString& included, IncludeReport& report) const
{
    ++report.includesChecked;
    if (!included.contains(u'/'))
        return; // a header of the same folder (or one generated next to it)
    const ModuleRule* target = nullptr;
    const QString besideFile = QDir::cleanPath(fileDir + u'/' + included);
    if (QFileInfo::exists(QDir(topDir).filePath(besideFile)))
        target = moduleOfFile(besideFile); // a path relative to the including file, e.g. "detail/X.h"
    else
        target = module(included.section(u'/', 0, 0));
    if (target == nullptr) {
        where.message = QStringLiteral("include '%1' names no module of the table (add a row)").arg(included);
        report.violations.append(where);
        return;
    }
    if (target == &owner || owner.mayInclude.contains(target->name))
        return;
    const QString allowed = owner.mayInclude.isEmpty() ? QStringLiteral("none") : owner.mayInclude.join(u", ");
    where.message = QStringLiteral("module '%1' may not include '%2' (allowed: %3)").arg(owner.name, included, allowed);
    report.violations.append(where);
}

} // namespace hocba::test
