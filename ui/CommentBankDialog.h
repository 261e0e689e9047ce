// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "lifecycle/CommentBank.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/** One entry of the bank to add or change: code, text and what it suits. */
class CommentEntryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CommentEntryDialog(const lifecycle::CommentEntry& entry, QWidget* parent = nullptr);
    lifecycle::CommentEntry entry() const;

private:
    lifecycle::CommentEntry m_entry;
    QLineEdit* m_code = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_subject = nullptr;
    QComboBox* m_level = nullptr;
    QSpinBox* m_grade = nullptr;
    QComboBox* m_term = nullptr;
    QComboBox* m_band = nullptr;
};

/**
 * Settings → Comment bank… (docs/comment-bank.md): the school's phrases with filter fields (subject, level, grade,
 * term, band, words), add / edit / remove and "Add the default phrases", and a house style tab (a leading "Em",
 * banned words, the longest comment) with a box to try a text against it. Everyone may read; changing needs the
 * right to manage the school (the buttons are disabled otherwise and lifecycle refuses anyway). Refusals are shown in
 * the dialog.
 */
class CommentBankDialog : public QDialog
{
    Q_OBJECT

public:
    CommentBankDialog(store::Database& db, lifecycle::Actor actor, QWidget* parent = nullptr);

    /** Sets the filter fields (and reloads). */
    void setFilter(const lifecycle::CommentFilter& filter);
    lifecycle::CommentFilter filter() const;
    /** The entries the table shows. */
    const QList<lifecycle::CommentEntry>& shownEntries() const { return m_shown; }
    /** The last refusal or confirmation shown. */
    QString message() const;
    /** Selects a row of the table (tests, and after adding). */
    void selectRow(int row);

    void setStyleFields(const lifecycle::HouseStyle& style);
    lifecycle::HouseStyle styleFields() const;
    /** The warnings the house style tab shows for `text`. */
    QString tryText(const QString& text);

public Q_SLOTS:
    void reload();
    bool addEntry(const lifecycle::CommentEntry& entry);
    bool updateEntry(const lifecycle::CommentEntry& entry);
    bool removeSelected();
    bool seedDefaults();
    bool saveStyle();

private:
    void addWithDialog();
    void editWithDialog();
    void showResult(const Status& status, const QString& done);

    store::Database& m_db;
    lifecycle::Actor m_actor;
    bool m_mayChange = false;
    QList<lifecycle::CommentEntry> m_shown;

    QLineEdit* m_subject = nullptr;
    QComboBox* m_level = nullptr;
    QSpinBox* m_grade = nullptr;
    QComboBox* m_term = nullptr;
    QComboBox* m_band = nullptr;
    QLineEdit* m_search = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_seed = nullptr;

    QComboBox* m_em = nullptr;
    QPlainTextEdit* m_banned = nullptr;
    QSpinBox* m_maxLength = nullptr;
    QPushButton* m_saveStyle = nullptr;
    QLineEdit* m_try = nullptr;
    QLabel* m_tryResult = nullptr;
};

} // namespace hocba::ui
