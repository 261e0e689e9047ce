// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/ImportColumns.h"

#include "util/Text.h"

#include <QRegularExpression>

#include <algorithm>

namespace hocba::lifecycle {

const std::array<QStringList, IdentityFieldCount>& identityAliases()
{
    static const std::array<QStringList, IdentityFieldCount> table {
        QStringList {u"ma dinh danh bo gd&dt"_qs, u"ma dinh danh bo gddt"_qs, u"ma hoc sinh"_qs, u"ma dinh danh"_qs},
        QStringList {u"so dinh danh ca nhan"_qs, u"ma dinh danh ca nhan"_qs, u"so cccd"_qs},
        QStringList {u"ho va ten"_qs, u"ho ten"_qs, u"ho ten hoc sinh"_qs, u"ho va ten hoc sinh"_qs},
        QStringList {u"ho dem"_qs, u"ho va ten dem"_qs, u"ho va dem"_qs},
        QStringList {u"ten"_qs},
        QStringList {u"ngay sinh"_qs, u"ngay thang nam sinh"_qs},
    };
    return table;
}

QString cellText(const sheets::SheetRow& row, int column)
{
    return column >= 0 ? text::normalized(row.cell(column).trimmed()) : QString();
}

QString foldedHeader(const QString& cell)
{
    const QString decomposed = text::normalized(cell).normalized(QString::NormalizationForm_D);
    QString out;
    for (QChar c : decomposed) {
        if (c.isMark())
            continue;
        out += (c == u'đ' || c == u'Đ') ? QChar(u'd') : c.toLower();
    }
    return out.simplified();
}

QDate parseBirthDate(const QString& cell)
{
    static const QRegularExpression shape(QStringLiteral(R"(^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$)"));
    const auto m = shape.match(cell);
    return m.hasMatch() ? QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt()) : QDate();
}

QString nameKey(const QString& fullName, const QDate& birthDate)
{
    return fullName.toCaseFolded().simplified() + u'|' + birthDate.toString(Qt::ISODate);
}

bool isBlank(const sheets::SheetRow& row)
{
    return std::all_of(row.cells.begin(), row.cells.end(), [](const QString& c) { return c.trimmed().isEmpty(); });
}

RowTracker::RowTracker(const ImportReport& report)
    : m_report(report)
{ }

void RowTracker::start()
{
    m_added = m_report.added;
    m_updated = m_report.updated;
    m_conflicts = m_report.conflicts.size();
    m_rejected = m_report.rejected.size();
}

ImportRow RowTracker::finish(const QString& sheet, int row, const QString& summary) const
{
    ImportRow r {sheet, row, RowOutcome::Unchanged, summary, {}};
    if (m_report.rejected.size() > m_rejected) {
        r.outcome = RowOutcome::Rejected;
        r.problems = m_report.rejected.mid(m_rejected);
    } else if (m_report.conflicts.size() > m_conflicts) {
        r.outcome = RowOutcome::Conflict;
        r.problems = m_report.conflicts.mid(m_conflicts);
    } else if (m_report.added > m_added)
        r.outcome = RowOutcome::Added;
    else if (m_report.updated > m_updated)
        r.outcome = RowOutcome::Updated;
    return r;
}

} // namespace hocba::lifecycle
