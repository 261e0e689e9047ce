// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoginDialog.h"

#include "lifecycle/Session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hocba::ui {

namespace {
std::function<void(LoginDialog&)> g_testAnswer;
} // namespace

LoginDialog::LoginDialog(store::Database& db, const QString& schoolName, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
{
    setWindowTitle(tr("Log in"));
    setObjectName(QStringLiteral("loginDialog"));
    auto* intro = new QLabel(tr("The school file of %1 has accounts. Log in with yours to work on it.")
                                 .arg(schoolName.isEmpty() ? tr("this school") : schoolName),
                             this);
    intro->setWordWrap(true);
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("login"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    auto* form = new QFormLayout;
    form->addRow(tr("Login:"), m_login);
    form->addRow(tr("Password:"), m_password);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Log in"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(m_login, &QLineEdit::textChanged, this, &LoginDialog::updateOkButton);
    connect(m_password, &QLineEdit::textChanged, this, &LoginDialog::updateOkButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    updateOkButton();
}

QString LoginDialog::problemText() const
{
    return m_problem->text();
}

void LoginDialog::updateOkButton()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_login->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

void LoginDialog::accept()
{
    QByteArray password = m_password->text().toUtf8();
    m_password->clear();
    auto actor = lifecycle::logIn(m_db, m_login->text().trimmed(), password);
    password.fill('\0');
    if (!actor) {
        m_problem->setText(actor.error().message);
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_actor = std::move(*actor);
    m_problem->clear();
    QDialog::accept();
}

void LoginDialog::setTestAnswer(std::function<void(LoginDialog&)> answer)
{
    g_testAnswer = std::move(answer);
}

Result<lifecycle::Actor> LoginDialog::ask(store::Database& db, const QString& schoolName, QWidget* parent)
{
    LoginDialog dialog(db, schoolName, parent);
    if (g_testAnswer)
        g_testAnswer(dialog);
    else
        dialog.exec();
    if (dialog.result() != QDialog::Accepted || !dialog.actor())
        return fail(ErrorCode::Cancelled, tr("Nobody logged in."));
    return *dialog.actor();
}

QString actorText(const lifecycle::Actor& actor)
{
    if (actor.isUnrestricted())
        return {};
    return LoginDialog::tr("Logged in: %1 (%2)").arg(actor.user().fullName, displayName(actor.user().role));
}

} // namespace hocba::ui
