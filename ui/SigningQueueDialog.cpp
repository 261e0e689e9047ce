// SPDX-License-Identifier: GPL-3.0-or-later
#include "SigningQueueDialog.h"

#include "RecordPreviewWidget.h"
#include "ScreenFit.h"
#include "lifecycle/PrintSettings.h"
#include "lifecycle/RecordDocuments.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hocba::ui {

namespace {

enum Role { SectionRole = Qt::UserRole + 1, RecordRole, ClassRole };

} // namespace

SigningQueueDialog::SigningQueueDialog(store::Database& db, lifecycle::Actor actor, SchoolYear year, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
    , m_year(year)
{
    setObjectName(QStringLiteral("signingQueueDialog"));
    setWindowTitle(tr("Principal's signing queue: school year %1").arg(year.toString()));
    resizeWithinScreen(this, QSize(1200, 700));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("queueSummary"));
    m_summary->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("queueTree"));
    m_tree->setHeaderLabels({tr("Class / pupil"), tr("Approved by"), tr("Approved on")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current) { onCurrentChanged(current); });
    connect(m_tree, &QTreeWidget::itemChanged, this, &SigningQueueDialog::updateSignButton);
    m_preview = new RecordPreviewWidget(this);
    m_preview->setObjectName(QStringLiteral("queuePreview"));
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(1, 2);
    // Room for the pupils' names beside the preview (the splitter would give the list a narrow third).
    splitter->setSizes({460, 700});

    m_signButton = new QPushButton(tr("&Sign the ticked records…"), this);
    m_signButton->setObjectName(QStringLiteral("signQueueButton"));
    m_signButton->setToolTip(tr("One batch per class, one PIN per batch."));
    connect(m_signButton, &QPushButton::clicked, this, &SigningQueueDialog::signChecked);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->addButton(m_signButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    refresh();
}

SigningQueueDialog::~SigningQueueDialog() = default;

QString SigningQueueDialog::summaryText() const
{
    return m_summary->text();
}

void SigningQueueDialog::refresh()
{
    auto queue = lifecycle::signingQueue(m_db, m_year);
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    if (!queue) {
        m_queue.clear();
        m_summary->setText(queue.error().message);
        updateSignButton();
        return;
    }
    m_queue = std::move(*queue);
    int total = 0;
    for (const auto& q : m_queue) {
        total += int(q.entries.size());
        auto* top = new QTreeWidgetItem(
            m_tree, {tr("Class %1: %2 approved of %3 pupils").arg(q.cls.name).arg(q.entries.size()).arg(q.pupils)});
        top->setData(0, ClassRole, q.cls.name);
        top->setFlags(top->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        for (const auto& e : q.entries) {
            auto* child = new QTreeWidgetItem(
                top, {e.fullName, e.approvedBy, e.approvedAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy"))});
            child->setData(0, SectionRole, e.sectionId);
            child->setData(0, RecordRole, e.recordId);
            child->setData(0, ClassRole, q.cls.name);
            child->setFlags(child->flags() | Qt::ItemIsUserCheckable);
            child->setCheckState(0, Qt::Checked);
        }
        top->setExpanded(true);
    }
    m_summary->setText(total == 0
                           ? tr("No approved record waits for a signature in school year %1.").arg(m_year.toString())
                           : tr("%1 approved records wait for the principal's signature in %2 classes.")
                                 .arg(total)
                                 .arg(m_queue.size()));
    updateSignButton();
}

QMap<QString, QList<Id>> SigningQueueDialog::checkedSections() const
{
    QMap<QString, QList<Id>> out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* top = m_tree->topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j) {
            const QTreeWidgetItem* child = top->child(j);
            if (child->checkState(0) == Qt::Checked)
                out[child->data(0, ClassRole).toString()] << child->data(0, SectionRole).toLongLong();
        }
    }
    return out;
}

void SigningQueueDialog::updateSignButton()
{
    m_signButton->setEnabled(!checkedSections().isEmpty() && m_actor.has(lifecycle::Right::Sign));
}

void SigningQueueDialog::signChecked()
{
    const auto checked = checkedSections();
    if (checked.isEmpty())
        return;
    Q_EMIT signRequested(checked.firstKey(), checked.first());
}

void SigningQueueDialog::onCurrentChanged(QTreeWidgetItem* current)
{
    const Id record = current ? current->data(0, RecordRole).toLongLong() : 0;
    if (record == m_previewRecord)
        return;
    m_previewRecord = record;
    if (record == 0) {
        m_preview->clear();
        return;
    }
    auto input = lifecycle::renderInputForRecord(m_db, record);
    if (!input) {
        m_preview->clear();
        m_summary->setText(input.error().message);
        return;
    }
    render::RenderOptions options;
    (void)lifecycle::applyPrintSettings(m_db, options);
    m_preview->setRecord(*input, options);
}

} // namespace hocba::ui
