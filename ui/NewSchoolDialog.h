// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "lifecycle/SchoolSetup.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hocba::ui {

/**
 * File → New school…: the school's name, code, province, commune, levels and first year, where to keep the file,
 * and the administrator's account. OK stays disabled until every required field is filled; on OK the empty school
 * file is created with the administrator in one transaction (never over an existing file) and path() names it.
 */
class NewSchoolDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewSchoolDialog(QWidget* parent = nullptr);

    /** The created file, after the dialog was accepted. */
    QString path() const { return m_path; }
    /** The administrator, logged in with the password just chosen (after accept), so it is not asked again. */
    const std::optional<lifecycle::Actor>& administrator() const { return m_administrator; }

public Q_SLOTS:
    void accept() override;

private:
    void chooseFile();
    void updateOk();
    lifecycle::NewSchool entered() const;

    QLineEdit* m_name = nullptr;
    QLineEdit* m_code = nullptr;
    QLineEdit* m_province = nullptr;
    QLineEdit* m_commune = nullptr;
    QComboBox* m_levels = nullptr;
    QComboBox* m_year = nullptr;
    QLineEdit* m_file = nullptr;
    QLineEdit* m_adminLogin = nullptr;
    QLineEdit* m_adminName = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_passwordAgain = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_path;
    std::optional<lifecycle::Actor> m_administrator;
};

} // namespace hocba::ui
