// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "util/Settings.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * Whether opening a school file quietly tries to send its pending records to the Department. A setting of this
 * computer (not of the school file): a school's laptop on a slow mobile connection can switch it off alone.
 */
inline const SettingKey<bool> AutoUploadOnOpenSetting {"department/autoUploadOnOpen", true};

/**
 * Settings → Connection to the Department: the address of the Department's server, the school's credential file and
 * the Department's certificate (lifecycle::setEndpoint, kept in the school file), the current settings as they are
 * stored (never the credential itself), whether to send pending records when the file is opened, and the lookup portal
 * the printed books' QR codes point to (lifecycle::setLookupUrl, settable before any connection is).
 */
class DepartmentDialog : public QDialog
{
    Q_OBJECT
public:
    /** `actor` is who works: core refuses the change when the account may not manage the school. */
    DepartmentDialog(store::Database& db, lifecycle::Actor actor, Settings& settings, QWidget* parent = nullptr);

    void setUrl(const QString& url);
    void setCredentialFile(const QString& path);
    void setCertificateFile(const QString& path);
    void setLookupUrl(const QString& url);
    /** Stores what the form holds, as the save button does; false (after saying why) when refused. */
    bool save();
    /** The "current settings" text as shown. */
    QString currentText() const;

private:
    void reload();
    void chooseFile(QLineEdit* edit, const QString& caption, const QString& filter);

    store::Database& m_db;
    lifecycle::Actor m_actor;
    Settings& m_settings;
    QLabel* m_current = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_credential = nullptr;
    QLineEdit* m_certificate = nullptr;
    QLineEdit* m_lookupUrl = nullptr;
    QCheckBox* m_autoUpload = nullptr;
};

} // namespace hocba::ui
