// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Overview.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSortFilterProxyModel>

namespace hocba::ui {

/**
 * One class list (RosterEntry per row) for the read-only student table. Display text is formatted for school
 * staff (dd/MM/yyyy dates, lookup code in groups of four); SortRole gives the raw value to sort by.
 */
class StudentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RowNumber, ///< STT
        FullName,
        Gender,
        BirthDate,
        Ethnicity,
        PersonalId,
        MoetCode,
        RegistrationNumber,
        Birthplace,
        Hometown,
        Address,
        Father,
        Mother,
        Guardian,
        State,
        LookupCode,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        /** Name and ID number folded for search (no diacritics, lower case). */
        SearchRole,
        StudentIdRole,
        RecordIdRole
    };

    explicit StudentTableModel(QObject* parent = nullptr);

    void setRoster(QList<RosterEntry> roster);
    /** When each locked section (by id) was locked, for the status column; set before setRoster. */
    void setLockDates(QHash<Id, QDateTime> lockedAt) { m_lockedAt = std::move(lockedAt); }
    /** The status column's text: the section's state, "Submitted to the Department", "Locked dd/MM/yyyy". */
    QString stateText(const YearSection& section) const;
    /** "Transferred to <school> on dd/MM/yyyy: read-only here." for a record handed over to another school. */
    static QString transferredAwayText(const RosterEntry& entry);
    void clear();
    const QList<RosterEntry>& roster() const { return m_roster; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "1a2b3c4d…" → "1a2b 3c4d …", easier to read out over the phone and to compare with the printed form. */
    static QString groupedLookupCode(const QString& code);
    /** Lower case without Vietnamese marks ("Đặng Thị Ánh" → "dang thi anh"): teachers often type without them. */
    static QString foldForSearch(const QString& text);

private:
    QList<RosterEntry> m_roster;
    QStringList m_search; ///< folded search text per row, made once per class
    QHash<Id, QDateTime> m_lockedAt;
};

/**
 * Sorts the class list the way Vietnamese class lists are sorted (given name first, Vietnamese collation), dates
 * by date, and filters by name or ID number. The STT column always counts the rows as shown.
 */
class StudentSortFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit StudentSortFilterProxyModel(QObject* parent = nullptr);

    void setSearchText(const QString& text);
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_search;
};

} // namespace hocba::ui
