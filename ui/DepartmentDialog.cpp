// SPDX-License-Identifier: GPL-3.0-or-later
#include "DepartmentDialog.h"

#include "MessageBox.h"
#include "lifecycle/Department.h"
#include "lifecycle/PrintSettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hocba::ui {

DepartmentDialog::DepartmentDialog(store::Database& db, lifecycle::Actor actor, Settings& settings, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
    , m_settings(settings)
{
    setObjectName(QStringLiteral("departmentDialog"));
    setWindowTitle(tr("Connection to the Department of Education"));

    auto* currentBox = new QGroupBox(tr("Current settings"), this);
    m_current = new QLabel(currentBox);
    m_current->setObjectName(QStringLiteral("currentLabel"));
    m_current->setWordWrap(true);
    m_current->setTextFormat(Qt::PlainText);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    (new QVBoxLayout(currentBox))->addWidget(m_current);

    auto* changeBox = new QGroupBox(tr("Change the connection"), this);
    auto* intro = new QLabel(tr("Fill in what the Department gave the school: the address of its server, the school's "
                                "credential file and the Department's certificate file."),
                             changeBox);
    intro->setWordWrap(true);
    m_url = new QLineEdit(changeBox);
    m_url->setObjectName(QStringLiteral("urlLineEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://hocba.sogd.example.vn"));
    m_credential = new QLineEdit(changeBox);
    m_credential->setObjectName(QStringLiteral("credentialLineEdit"));
    m_certificate = new QLineEdit(changeBox);
    m_certificate->setObjectName(QStringLiteral("certificateLineEdit"));
    auto fileRow = [this, changeBox](QLineEdit* edit, const QString& caption, const QString& filter) {
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        auto* browse = new QPushButton(tr("Choose…"), changeBox);
        browse->setObjectName(edit->objectName() + QStringLiteral("Browse"));
        connect(browse, &QPushButton::clicked, this, [=, this] { chooseFile(edit, caption, filter); });
        row->addWidget(browse);
        return row;
    };
    auto* form = new QFormLayout;
    form->addRow(tr("Server address:"), m_url);
    form->addRow(tr("School's credential file:"),
                 fileRow(m_credential, tr("Choose the school's credential file"),
                         tr("Credential files (*.txt *.key);;All files (*)")));
    form->addRow(tr("Department's certificate:"),
                 fileRow(m_certificate, tr("Choose the Department's certificate"),
                         tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)")));
    auto* changeLayout = new QVBoxLayout(changeBox);
    changeLayout->addWidget(intro);
    changeLayout->addLayout(form);

    auto* lookupBox = new QGroupBox(tr("Lookup portal printed on the records"), this);
    auto* lookupIntro = new QLabel(tr("The address the QR codes of every record point to, where "
                                      "anyone can check a paper copy. Leave it empty if the Department has not "
                                      "given one yet."),
                                   lookupBox);
    lookupIntro->setWordWrap(true);
    m_lookupUrl = new QLineEdit(lookupBox);
    m_lookupUrl->setObjectName(QStringLiteral("lookupUrlLineEdit"));
    m_lookupUrl->setPlaceholderText(QStringLiteral("https://tracuu.sogd.example.vn/"));
    auto* lookupForm = new QFormLayout;
    lookupForm->addRow(tr("Lookup portal:"), m_lookupUrl);
    auto* lookupLayout = new QVBoxLayout(lookupBox);
    lookupLayout->addWidget(lookupIntro);
    lookupLayout->addLayout(lookupForm);

    m_autoUpload = new QCheckBox(tr("When this computer opens the school file, send the records waiting for the "
                                    "Department without asking"),
                                 this);
    m_autoUpload->setObjectName(QStringLiteral("autoUploadCheckBox"));
    m_autoUpload->setChecked(m_settings.value(AutoUploadOnOpenSetting));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("savePushButton"));
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(currentBox);
    layout->addWidget(changeBox);
    layout->addWidget(lookupBox);
    layout->addWidget(m_autoUpload);
    layout->addWidget(buttons);
    resize(640, 0);
    reload();
}

void DepartmentDialog::setUrl(const QString& url)
{
    m_url->setText(url);
}

void DepartmentDialog::setCredentialFile(const QString& path)
{
    m_credential->setText(path);
}

void DepartmentDialog::setCertificateFile(const QString& path)
{
    m_certificate->setText(path);
}

void DepartmentDialog::setLookupUrl(const QString& url)
{
    m_lookupUrl->setText(url);
}

QString DepartmentDialog::currentText() const
{
    return m_current->text();
}

void DepartmentDialog::reload()
{
    QString lookupLine;
    if (auto print = lifecycle::printSettings(m_db); !print) {
        lookupLine = print.error().message;
    } else {
        lookupLine
            = print->lookupUrl.isEmpty() ? tr("Lookup portal: not set") : tr("Lookup portal: %1").arg(print->lookupUrl);
        m_lookupUrl->setText(print->lookupUrl);
    }
    auto current = lifecycle::endpointSettings(m_db);
    if (!current) {
        m_current->setText(current.error().message);
        return;
    }
    if (!*current) {
        m_current->setText(tr("Not set yet: records cannot be sent to the Department.") + QLatin1Char('\n')
                           + lookupLine);
        return;
    }
    const lifecycle::EndpointSettings& s = **current;
    // The credential is a secret: the dialog only says that the school has one.
    m_current->setText(tr("Server address: %1\nDepartment: %2\nSchool's credential: saved")
                           .arg(s.url, s.departmentName.isEmpty() ? tr("(name not given)") : s.departmentName)
                       + QLatin1Char('\n') + lookupLine);
    if (m_url->text().isEmpty())
        m_url->setText(s.url);
}

void DepartmentDialog::chooseFile(QLineEdit* edit, const QString& caption, const QString& filter)
{
    const QString path = FileDialog::getOpenFileName(this, caption, QString(), filter);
    if (!path.isEmpty())
        edit->setText(path);
}

bool DepartmentDialog::save()
{
    m_settings.setValue(AutoUploadOnOpenSetting, m_autoUpload->isChecked());
    m_settings.sync();
    // The lookup portal is the school's own setting, saved whether or not a connection is set.
    if (auto print = lifecycle::printSettings(m_db); print && print->lookupUrl != m_lookupUrl->text().trimmed()) {
        if (const Status set = lifecycle::setLookupUrl(m_db, m_actor, m_lookupUrl->text()); !set) {
            MessageBox::critical(this, windowTitle(), set.error().message, set.error().detail);
            return false;
        }
    }
    auto current = lifecycle::endpointSettings(m_db);
    const QString url = m_url->text().trimmed();
    const bool urlUnchanged
        = (current && *current && (*current)->url == url) || (current && !*current && url.isEmpty());
    // Only the automatic sending or the lookup portal changed: the stored connection stays as it is.
    if (urlUnchanged && m_credential->text().isEmpty() && m_certificate->text().isEmpty()) {
        reload();
        return true;
    }
    if (m_credential->text().isEmpty() || m_certificate->text().isEmpty()) {
        MessageBox::warning(this, windowTitle(),
                            tr("Choose both the school's credential file and the Department's certificate file, "
                               "then save again."));
        return false;
    }
    const Status set
        = lifecycle::setEndpoint(m_db, m_actor, m_url->text().trimmed(), m_credential->text(), m_certificate->text());
    if (!set) {
        MessageBox::critical(this, windowTitle(), set.error().message, set.error().detail);
        return false;
    }
    m_credential->clear();
    m_certificate->clear();
    reload();
    return true;
}

} // namespace hocba::ui
