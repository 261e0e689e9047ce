// SPDX-License-Identifier: GPL-3.0-or-later
#include "StudentTableModel.h"

#include "util/Text.h"

#include <QBrush>
#include <QDate>
#include <QPalette>

namespace hocba::ui {

// Fixed format, not the locale's: this is how dates are written on the học bạ forms.
using text::shownDate;

StudentTableModel::StudentTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void StudentTableModel::setRoster(QList<RosterEntry> roster)
{
    beginResetModel();
    m_roster = std::move(roster);
    m_search.clear();
    m_search.reserve(m_roster.size());
    for (const auto& e : m_roster)
        m_search.append(foldForSearch(e.student.fullName) + QLatin1Char('\n') + e.student.personalId + QLatin1Char('\n')
                        + e.student.moetCode);
    endResetModel();
}

void StudentTableModel::clear()
{
    setRoster({});
}

int StudentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_roster.size());
}

int StudentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StudentTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_roster.size())
        return {};
    const RosterEntry& e = m_roster.at(index.row());
    const Student& s = e.student;

    switch (role) {
    case SearchRole:
        return m_search.at(index.row());
    case StudentIdRole:
        return s.id;
    case RecordIdRole:
        return e.recordId;
    case Qt::TextAlignmentRole:
        if (index.column() == RowNumber)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case RowNumber:
            return index.row();
        case BirthDate:
            return s.birthDate;
        case State:
            return int(e.section.state);
        default:
            break;
        }
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (index.column() == LookupCode)
            return tr("Lookup code of this school record (parents use it to look the record up)");
        if (e.transferredAt.isValid())
            return transferredAwayText(e);
        return {};
    case Qt::ForegroundRole:
        // A record handed over to another school stays listed, greyed: nothing of it can change here.
        if (e.transferredAt.isValid())
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (Column(index.column())) {
    case RowNumber:
        return index.row() + 1;
    case FullName:
        return s.fullName;
    case Gender:
        return s.gender == hocba::Gender::Unknown ? QString() : displayName(s.gender);
    case BirthDate:
        return shownDate(s.birthDate);
    case Ethnicity:
        return s.ethnicity;
    case PersonalId:
        return s.personalId;
    case MoetCode:
        return s.moetCode;
    case RegistrationNumber:
        return s.registrationNumber;
    case Birthplace:
        return s.birthplace;
    case Hometown:
        return s.hometown;
    case Address:
        return s.address;
    case Father:
        return s.fatherName;
    case Mother:
        return s.motherName;
    case Guardian:
        return s.guardianName;
    case State:
        return e.transferredAt.isValid() ? tr("Transferred away %1").arg(shownDate(e.transferredAt))
                                         : stateText(e.section);
    case LookupCode:
        return groupedLookupCode(e.lookupCode);
    case ColumnCount:
        break;
    }
    return {};
}

QString StudentTableModel::transferredAwayText(const RosterEntry& entry)
{
    return entry.transferredToName.isEmpty()
        ? tr("Transferred away on %1: read-only here.").arg(shownDate(entry.transferredAt))
        : tr("Transferred to %1 on %2: read-only here.").arg(entry.transferredToName, shownDate(entry.transferredAt));
}

QString StudentTableModel::stateText(const YearSection& section) const
{
    if (section.id == 0)
        return {};
    switch (section.state) {
    case SectionState::Submitted:
        return tr("Submitted to the Department");
    case SectionState::Locked: {
        const QDateTime at = m_lockedAt.value(section.id);
        return at.isValid() ? tr("Locked %1").arg(shownDate(at)) : displayName(section.state);
    }
    default:
        return displayName(section.state);
    }
}

QVariant StudentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RowNumber:
        //: Column header: row number in the class list (Số thứ tự)
        return tr("No.");
    case FullName:
        return tr("Full name");
    case Gender:
        return tr("Gender");
    case BirthDate:
        return tr("Date of birth");
    case Ethnicity:
        return tr("Ethnicity");
    case PersonalId:
        return tr("Personal ID number");
    case MoetCode:
        //: The student code issued by the Ministry of Education (Mã học sinh)
        return tr("Student code");
    case RegistrationNumber:
        return tr("Registration number");
    case Birthplace:
        return tr("Place of birth");
    case Hometown:
        return tr("Home town");
    case Address:
        return tr("Current address");
    case Father:
        return tr("Father");
    case Mother:
        return tr("Mother");
    case Guardian:
        return tr("Guardian");
    case State:
        return tr("Status");
    case LookupCode:
        return tr("Lookup code");
    case ColumnCount:
        break;
    }
    return {};
}

QString StudentTableModel::groupedLookupCode(const QString& code)
{
    QString out;
    out.reserve(code.size() + code.size() / 4);
    for (qsizetype i = 0; i < code.size(); i += 4) {
        if (i > 0)
            out += QLatin1Char(' ');
        out += code.mid(i, 4);
    }
    return out;
}

QString StudentTableModel::foldForSearch(const QString& text)
{
    // Decompose, then drop the combining marks; đ/Đ is a letter of its own, not a marked d, so it is mapped here.
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x0111) || c == QChar(0x0110))
            out += QLatin1Char('d');
        else
            out += c.toLower();
    }
    return out.simplified();
}

StudentSortFilterProxyModel::StudentSortFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(StudentTableModel::SortRole);
}

void StudentSortFilterProxyModel::setSearchText(const QString& text)
{
    const QString folded = StudentTableModel::foldForSearch(text);
    if (folded == m_search)
        return;
    m_search = folded;
    invalidateRowsFilter();
}

QVariant StudentSortFilterProxyModel::data(const QModelIndex& index, int role) const
{
    // STT numbers the rows as they are shown, whatever the sort or filter.
    if (index.isValid() && index.column() == StudentTableModel::RowNumber && role == Qt::DisplayRole)
        return index.row() + 1;
    return QSortFilterProxyModel::data(index, role);
}

bool StudentSortFilterProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (left.column() == StudentTableModel::FullName) {
        const int c = text::compareVietnameseNames(left.data(Qt::DisplayRole).toString(),
                                                   right.data(Qt::DisplayRole).toString());
        if (c != 0)
            return c < 0;
        return left.row() < right.row(); // keep the class list order for equal names
    }
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::QDate && r.typeId() == QMetaType::QDate) {
        // Unknown dates go last.
        const QDate a = l.toDate(), b = r.toDate();
        if (a.isValid() != b.isValid())
            return a.isValid();
        return a < b;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool StudentSortFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_search.isEmpty())
        return true;
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    return idx.data(StudentTableModel::SearchRole).toString().contains(m_search);
}

} // namespace hocba::ui
