// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "util/Error.h"

#include <QDialog>

#include <functional>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * Who is working (issue 11 §2): asked when a school file that has accounts is opened, and by File → Log out / switch
 * user. OK checks the password through lifecycle::logIn and keeps the dialog open with the reason when it fails (a
 * wrong password, a locked or disabled account); the typed password is wiped from the line edit either way.
 */
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    /** `db` is the school file's connection (GUI thread); `schoolName` is shown so the user knows where they log in. */
    LoginDialog(store::Database& db, const QString& schoolName, QWidget* parent = nullptr);

    /** The account that logged in (after accept). */
    const std::optional<lifecycle::Actor>& actor() const { return m_actor; }
    /** The reason the last attempt failed (empty when none), for tests and screen readers. */
    QString problemText() const;

    /** Tries the typed login and password; accepts the dialog only when they are right. */
    void accept() override;

    /**
     * Test hook: every LoginDialog opened through ask() is handed to `answer` instead of being run modally; it fills
     * the fields and calls accept() or reject(). Reset with an empty function.
     */
    static void setTestAnswer(std::function<void(LoginDialog&)> answer);
    /** Asks who is working (modally, or through the test hook); Cancelled when the user gives up. */
    static Result<lifecycle::Actor> ask(store::Database& db, const QString& schoolName, QWidget* parent);

private:
    void updateOkButton();

    store::Database& m_db;
    std::optional<lifecycle::Actor> m_actor;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

/** "Lê Văn An (homeroom teacher)" for the status bar; empty for a file without accounts. */
QString actorText(const lifecycle::Actor& actor);

} // namespace hocba::ui
