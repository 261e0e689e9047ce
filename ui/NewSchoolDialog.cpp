// SPDX-License-Identifier: GPL-3.0-or-later
#include "NewSchoolDialog.h"

#include "MessageBox.h"

#include "lifecycle/SchoolFile.h"
#include "lifecycle/Session.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace hocba::ui {

NewSchoolDialog::NewSchoolDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New school"));
    auto* form = new QFormLayout;
    const auto field = [&](const char* name, const QString& label, const QString& hint) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(hint);
        connect(edit, &QLineEdit::textChanged, this, &NewSchoolDialog::updateOk);
        form->addRow(label, edit);
        return edit;
    };
    m_name = field("schoolName", tr("School name:"), tr("e.g. Trường THCS Nguyễn Du"));
    m_code = field("schoolCode", tr("School code:"), tr("the code the Department gave the school"));
    m_province = field("province", tr("Province or city:"), tr("e.g. Hà Nội"));
    m_commune = field("commune", tr("Commune or ward (optional):"), QString());

    m_levels = new QComboBox(this);
    m_levels->setObjectName(QStringLiteral("levels"));
    m_levels->addItem(tr("Lower secondary (grades 6–9)"), QStringLiteral("thcs"));
    m_levels->addItem(tr("Primary (grades 1–5)"), QStringLiteral("primary"));
    m_levels->addItem(tr("Both (grades 1–9)"), QStringLiteral("both"));
    form->addRow(tr("Levels:"), m_levels);

    m_year = new QComboBox(this);
    m_year->setObjectName(QStringLiteral("year"));
    const SchoolYear current = SchoolYear::containing(QDate::currentDate());
    for (int start = current.startYear - 1; start <= current.startYear + 1; ++start)
        m_year->addItem(SchoolYear {start}.toString(), start);
    m_year->setCurrentIndex(1);
    form->addRow(tr("First school year:"), m_year);

    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("file"));
    m_file->setPlaceholderText(tr("where the school's file is kept"));
    connect(m_file, &QLineEdit::textChanged, this, &NewSchoolDialog::updateOk);
    auto* browse = new QPushButton(tr("Choose…"), this);
    browse->setObjectName(QStringLiteral("chooseFile"));
    connect(browse, &QPushButton::clicked, this, &NewSchoolDialog::chooseFile);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file);
    fileRow->addWidget(browse);
    form->addRow(tr("Data file:"), fileRow);

    m_adminLogin = field("adminLogin", tr("Administrator's login:"), tr("e.g. hang.it (a-z, 0-9, . _ -)"));
    m_adminName = field("adminName", tr("Administrator's full name:"), tr("e.g. Nguyễn Thu Hằng"));
    m_password = field("password", tr("Password:"), tr("at least 8 characters"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordAgain = field("passwordAgain", tr("Password again:"), QString());
    m_passwordAgain->setEchoMode(QLineEdit::Password);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewSchoolDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewSchoolDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    updateOk();
}

lifecycle::NewSchool NewSchoolDialog::entered() const
{
    lifecycle::NewSchool s;
    s.name = m_name->text();
    s.moetCode = m_code->text();
    s.province = m_province->text();
    s.commune = m_commune->text();
    const QString levels = m_levels->currentData().toString();
    s.primary = levels != QLatin1String("thcs");
    s.thcs = levels != QLatin1String("primary");
    s.year = SchoolYear {m_year->currentData().toInt()};
    s.adminLogin = m_adminLogin->text();
    s.adminName = m_adminName->text();
    return s;
}

void NewSchoolDialog::updateOk()
{
    const bool filled = !m_name->text().trimmed().isEmpty() && !m_code->text().trimmed().isEmpty()
        && !m_province->text().trimmed().isEmpty() && !m_file->text().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(filled);
    m_problem->setText(
        filled ? QString()
               : tr("Fill in the school's name, code, province, the data file and the administrator's account."));
}

void NewSchoolDialog::chooseFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = FileDialog::getSaveFileName(this, tr("New data file"), dir,
                                               tr("School record files (*.hocba);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".hocba")))
        path += QStringLiteral(".hocba");
    m_file->setText(QDir::toNativeSeparators(path));
}

namespace {

/** The new file's administrator; nothing when the login fails, and the window then asks as for any file. */
std::optional<lifecycle::Actor> logInAdministrator(const QString& path, const QString& login, QByteArrayView password)
{
    auto file = lifecycle::SchoolFile::open(path);
    if (!file)
        return std::nullopt;
    auto actor = lifecycle::logIn((*file)->database(), login, password);
    return actor ? std::optional(*actor) : std::nullopt;
}

} // namespace

void NewSchoolDialog::accept()
{
    if (m_password->text() != m_passwordAgain->text()) {
        m_problem->setText(tr("The two passwords are not the same."));
        return;
    }
    const QString path = QDir::fromNativeSeparators(m_file->text().trimmed());
    QByteArray password = m_password->text().toUtf8();
    auto made
        = lifecycle::createSchool(path, entered(), password, qEnvironmentVariable("USER", QStringLiteral("desktop")));
    if (made)
        m_administrator = logInAdministrator(path, m_adminLogin->text().trimmed(), password);
    password.fill('\0');
    if (!made) {
        // The dialog stays open with what was typed, so nothing has to be entered again.
        m_problem->setText(made.error().message);
        return;
    }
    m_password->clear();
    m_passwordAgain->clear();
    m_path = path;
    QDialog::accept();
}

} // namespace hocba::ui
