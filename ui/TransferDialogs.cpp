// SPDX-License-Identifier: GPL-3.0-or-later
#include "TransferDialogs.h"

#include "MessageBox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hocba::ui {

TransferInDialog::TransferInDialog(std::shared_ptr<RecordLifecycle> lifecycle, const QStringList& classNames,
                                   QWidget* parent)
    : QDialog(parent)
    , m_lifecycle(std::move(lifecycle))
{
    setWindowTitle(tr("Receive a transferred record"));
    resize(760, 520);
    auto* layout = new QVBoxLayout(this);
    auto* fileRow = new QHBoxLayout;
    m_fileEdit = new QLineEdit(this);
    m_fileEdit->setObjectName(QStringLiteral("packageEdit"));
    m_fileEdit->setReadOnly(true);
    auto* browseButton = new QPushButton(tr("Choose the package…"), this);
    fileRow->addWidget(new QLabel(tr("Transfer package:"), this));
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browseButton);
    layout->addLayout(fileRow);
    m_summary = new QLabel(tr("Choose the package (.hocba-transfer.zip) the old school gave you. It is checked before "
                              "anything is written."),
                           this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("arrivingTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("School year"), tr("Grade"), tr("Version"), tr("Signed by"), tr("Check")});
    layout->addWidget(m_tree, 1);
    layout->addWidget(new QLabel(tr("Problems found:"), this));
    m_problemList = new QListWidget(this);
    m_problemList->setObjectName(QStringLiteral("problemList"));
    layout->addWidget(m_problemList);
    auto* form = new QFormLayout;
    m_classCombo = new QComboBox(this);
    m_classCombo->setObjectName(QStringLiteral("classCombo"));
    m_classCombo->addItem(tr("(no class yet)"), QString());
    for (const QString& c : classNames)
        m_classCombo->addItem(c, c);
    form->addRow(tr("Place in class (this school year):"), m_classCombo);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_importButton = buttons->addButton(tr("Receive the record"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setEnabled(false);
    layout->addWidget(buttons);
    connect(browseButton, &QPushButton::clicked, this, &TransferInDialog::browse);
    connect(m_importButton, &QPushButton::clicked, this, &TransferInDialog::importPackage);
    connect(buttons, &QDialogButtonBox::rejected, this, &TransferInDialog::reject);
    connect(&m_inspectWatcher, &QFutureWatcherBase::finished, this, &TransferInDialog::onInspected);
    connect(&m_importWatcher, &QFutureWatcherBase::finished, this, &TransferInDialog::onImported);
}

TransferInDialog::~TransferInDialog()
{
    m_inspectWatcher.waitForFinished();
    m_importWatcher.waitForFinished();
}

void TransferInDialog::browse()
{
    const QString path = FileDialog::getOpenFileName(
        this, tr("Choose the transfer package"), QString(),
        tr("Transfer packages (*%1)").arg(QLatin1String(lifecycle::kTransferPackageSuffix)));
    if (!path.isEmpty())
        inspect(path);
}

void TransferInDialog::inspect(const QString& path)
{
    if (m_busy)
        return;
    m_path = path;
    m_fileEdit->setText(path);
    m_inspected = false;
    m_accepted = false;
    m_importButton->setEnabled(false);
    m_tree->clear();
    m_problemList->clear();
    m_busy = true;
    m_progress = makeBusyIndicator(this, tr("Checking the package…"));
    m_inspectWatcher.setFuture(
        QtConcurrent::run([lifecycle = m_lifecycle, path] { return lifecycle->inspectPackage(path); }));
}

void TransferInDialog::onInspected()
{
    m_busy = false;
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    auto result = m_inspectWatcher.result();
    m_inspected = true;
    if (!result) {
        m_problems = {result.error().message};
        m_summary->setText(tr("This package cannot be read."));
        m_problemList->addItems(m_problems);
        m_problemList->item(0)->setToolTip(result.error().detail);
        Q_EMIT inspected();
        return;
    }
    const lifecycle::TransferInspection& ins = *result;
    const packet::TransferStatement& s = ins.statement;
    m_summary->setText(tr("%1, born %2, from %3 (%4) to %5 (%6), transfer date %7. Reason: %8")
                           .arg(s.studentName, s.birthDate.toString(QStringLiteral("dd/MM/yyyy")), s.fromSchoolName,
                                s.fromSchoolCode, s.toSchoolName, s.toSchoolCode,
                                s.transferDate.toString(QStringLiteral("dd/MM/yyyy")), s.reason));
    for (const lifecycle::ArrivingVersion& v : ins.versions) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(0, QStringLiteral("%1–%2").arg(v.item.schoolYearStart).arg(v.item.schoolYearStart + 1));
        item->setText(1, QString::number(v.grade ? v.grade : v.item.grade));
        item->setText(2, QString::number(v.item.version));
        item->setText(3, v.schoolName.isEmpty() ? v.item.schoolCode : v.schoolName);
        item->setText(4, v.ok && v.problems.isEmpty() ? tr("Valid") : tr("Not valid"));
    }
    m_tree->header()->resizeSections(QHeaderView::ResizeToContents);
    m_problems = packageProblems(ins);
    m_problemList->addItems(m_problems);
    m_accepted = packageAccepted(ins);
    if (!m_accepted)
        m_summary->setText(m_summary->text() + QLatin1Char('\n')
                           + tr("This package cannot be received: see the problems below. Nothing was written."));
    else
        m_problemList->addItem(tr("No problem found: every signature is valid and nothing was changed."));
    m_importButton->setEnabled(m_accepted);
    Q_EMIT inspected();
}

void TransferInDialog::importPackage()
{
    if (m_busy || !m_inspected || !m_accepted)
        return;
    m_busy = true;
    m_importButton->setEnabled(false);
    m_progress = makeBusyIndicator(this, tr("Receiving the record…"));
    m_importWatcher.setFuture(
        QtConcurrent::run([lifecycle = m_lifecycle, path = m_path, cls = m_classCombo->currentData().toString()] {
            return lifecycle->transferIn(path, cls);
        }));
}

void TransferInDialog::onImported()
{
    m_busy = false;
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    auto result = m_importWatcher.result();
    if (!result) {
        m_importButton->setEnabled(m_accepted);
        MessageBox::critical(this, tr("The record was not received"), result.error().message, result.error().detail);
        Q_EMIT importFinished();
        return;
    }
    m_result = *result;
    MessageBox::information(this, tr("Record received"),
                            tr("The record was received with %n signed version(s).", nullptr, result->versions));
    Q_EMIT importFinished();
    QDialog::accept();
}

void TransferInDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

} // namespace hocba::ui
