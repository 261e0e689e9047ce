// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClassReviewDialog.h"

#include "MessageBox.h"
#include "ScreenFit.h"
#include "lifecycle/ClassApproval.h"
#include "lifecycle/SectionConfirmer.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hocba::ui {

namespace {

const QString kDate = QStringLiteral("dd/MM/yyyy");

enum Column { PupilColumn, WhereColumn, KindColumn, ProblemColumn, SeverityColumn, ColumnCount };

} // namespace

ClassReviewDialog::ClassReviewDialog(store::Database& db, lifecycle::Actor actor, SchoolYear year, QString className,
                                     QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
    , m_year(year)
    , m_className(std::move(className))
    , m_today(QDate::currentDate())
{
    setObjectName(QStringLiteral("classReviewDialog"));
    setWindowTitle(tr("Check before signing: class %1, school year %2").arg(m_className, m_year.toString()));
    resizeWithinScreen(this, QSize(980, 620));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_returns = new QLabel(this);
    m_returns->setObjectName(QStringLiteral("reviewReturns"));
    m_returns->setWordWrap(true);
    m_returns->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));

    m_items = new QTreeWidget(this);
    m_items->setObjectName(QStringLiteral("reviewItems"));
    m_items->setColumnCount(ColumnCount);
    m_items->setHeaderLabels({tr("Pupil"), tr("Where"), tr("Kind"), tr("Problem"), tr("Severity")});
    m_items->setRootIsDecorated(false);
    m_items->setAlternatingRowColors(true);
    m_items->setWordWrap(true);
    m_items->header()->setSectionResizeMode(ProblemColumn, QHeaderView::Stretch);
    m_items->header()->setStretchLastSection(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);

    m_printButton = new QPushButton(tr("&Print the fix list…"), this);
    m_printButton->setObjectName(QStringLiteral("printFixListButton"));
    connect(m_printButton, &QPushButton::clicked, this, &ClassReviewDialog::printFixList);
    m_confirmButton = new QPushButton(tr("&Confirm the class"), this);
    m_confirmButton->setObjectName(QStringLiteral("confirmClassButton"));
    m_confirmButton->setToolTip(tr("The homeroom teacher's confirmation: records without errors become ready."));
    connect(m_confirmButton, &QPushButton::clicked, this, &ClassReviewDialog::confirmClass);
    m_approveButton = new QPushButton(tr("&Approve the class"), this);
    m_approveButton->setObjectName(QStringLiteral("approveClassButton"));
    m_approveButton->setToolTip(tr("The board approves the confirmed records for the principal's signature."));
    connect(m_approveButton, &QPushButton::clicked, this, &ClassReviewDialog::approveClass);
    m_reasonEdit = new QLineEdit(this);
    m_reasonEdit->setObjectName(QStringLiteral("returnReasonEdit"));
    m_reasonEdit->setPlaceholderText(tr("What must the homeroom teacher fix?"));
    m_reasonEdit->setMaxLength(1000);
    m_returnButton = new QPushButton(tr("&Return to the teacher"), this);
    m_returnButton->setObjectName(QStringLiteral("returnClassButton"));
    connect(m_returnButton, &QPushButton::clicked, this, &ClassReviewDialog::returnClass);
    connect(m_reasonEdit, &QLineEdit::textChanged, this, &ClassReviewDialog::updateButtons);

    auto* steps = new QHBoxLayout;
    steps->addWidget(m_printButton);
    steps->addWidget(m_confirmButton);
    steps->addWidget(m_approveButton);
    steps->addStretch();
    auto* board = new QHBoxLayout;
    board->addWidget(new QLabel(tr("Reason:"), this));
    board->addWidget(m_reasonEdit, 1);
    board->addWidget(m_returnButton);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_returns);
    layout->addWidget(m_items, 1);
    layout->addWidget(m_status);
    layout->addLayout(steps);
    layout->addLayout(board);
    layout->addWidget(close);

    // Hidden rights are not the guard (lifecycle refuses anyway): a teacher is only spared the board's buttons.
    const bool boardMember = m_actor.has(lifecycle::Right::Sign);
    m_approveButton->setVisible(boardMember);
    m_reasonEdit->setVisible(boardMember);
    m_returnButton->setVisible(boardMember);
    refresh();
}

ClassReviewDialog::~ClassReviewDialog() = default;

QString ClassReviewDialog::statusText() const
{
    return m_status->text();
}

void ClassReviewDialog::setStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

void ClassReviewDialog::refresh()
{
    auto review = lifecycle::reviewClass(m_db, m_year, m_className);
    m_items->clear();
    if (!review) {
        m_review = {};
        m_summary->setText(review.error().message);
        m_returns->hide();
        updateButtons();
        return;
    }
    m_review = std::move(*review);
    const auto& n = m_review.counts;
    QString summary = tr("Class %1, school year %2").arg(m_className, m_year.toString());
    if (!m_review.homeroomTeacher.isEmpty())
        summary += tr(", homeroom teacher %1").arg(m_review.homeroomTeacher);
    summary += QStringLiteral(". ")
        + tr("%1 pupils, %2 without errors; %3 marks or levels and %4 comments not entered; %5 in the August cohort. "
             "Confirmed %6, approved %7, signed %8.")
              .arg(n.pupils)
              .arg(n.clean)
              .arg(n.marksMissing)
              .arg(n.commentsMissing)
              .arg(n.augustCohort)
              .arg(n.ready)
              .arg(n.approved)
              .arg(n.signedCount);
    m_summary->setText(summary);

    QStringList returns;
    for (const auto& r : m_review.returns)
        returns << tr("Returned by %1 on %2: %3")
                       .arg(r.returnedBy, r.returnedAt.toLocalTime().toString(kDate), r.reason.toHtmlEscaped());
    m_returns->setText(returns.join(QStringLiteral("<br>")));
    m_returns->setVisible(!returns.isEmpty());

    for (const auto& item : m_review.items) {
        const bool error = item.severity == Finding::Severity::Error;
        auto* row = new QTreeWidgetItem(m_items,
                                        {item.fullName, item.where, lifecycle::displayName(item.kind), item.message,
                                         error ? tr("Error") : tr("Warning")});
        row->setData(PupilColumn, Qt::UserRole, item.sectionId);
        row->setToolTip(ProblemColumn, item.message);
        row->setForeground(SeverityColumn, error ? QColor(0xb0, 0x00, 0x20) : QColor(0x8a, 0x5a, 0x00));
    }
    if (m_review.items.isEmpty())
        new QTreeWidgetItem(m_items, {tr("Nothing to fix."), {}, {}, {}, {}});
    for (int c = 0; c < ColumnCount; ++c)
        if (c != ProblemColumn)
            m_items->resizeColumnToContents(c);
    updateButtons();
}

void ClassReviewDialog::updateButtons()
{
    const bool loaded = m_review.cls.id != 0;
    m_printButton->setEnabled(loaded);
    m_confirmButton->setEnabled(loaded && m_review.counts.draft > 0);
    m_approveButton->setEnabled(loaded && m_review.counts.ready > m_review.counts.approved);
    m_returnButton->setEnabled(loaded && !m_reasonEdit->text().trimmed().isEmpty());
}

bool ClassReviewDialog::printFixList()
{
    const QString suggested = tr("fix-list-%1-%2.pdf").arg(m_className, m_year.toString());
    const QString path
        = FileDialog::getSaveFileName(this, tr("Save the fix list"), suggested, tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (auto s = lifecycle::writeFixListPdf(m_review, m_schoolName, m_today, path); !s) {
        setStatus(s.error().message, true);
        MessageBox::warning(this, tr("Fix list"), s.error().message);
        return false;
    }
    setStatus(tr("The fix list was saved to %1.").arg(path), false);
    return true;
}

void ClassReviewDialog::confirmClass()
{
    lifecycle::ConfirmOptions options;
    options.year = m_year;
    options.className = m_className;
    auto report = lifecycle::confirmSections(m_db, m_actor, options);
    if (!report) {
        setStatus(report.error().message, true);
        return;
    }
    int warningsOnly = 0;
    for (const auto& item : report->notConfirmed)
        warningsOnly += hasErrors(item.findings) ? 0 : 1;
    int confirmed = int(report->confirmed.size());
    if (warningsOnly > 0
        && MessageBox::question(this, tr("Confirm the class"),
                                tr("%n record(s) have only warnings. Confirm them too? Your acknowledgement is "
                                   "recorded under your name.",
                                   nullptr, warningsOnly))
            == QMessageBox::Yes) {
        options.acknowledgeWarnings = true;
        options.acknowledgedBy = m_actor.auditName();
        auto again = lifecycle::confirmSections(m_db, m_actor, options);
        if (!again) {
            setStatus(again.error().message, true);
            return;
        }
        confirmed += int(again->confirmed.size());
        report = std::move(again);
    }
    setStatus(tr("%1 records confirmed; %2 not confirmed (errors to correct first).")
                  .arg(confirmed)
                  .arg(report->notConfirmed.size()),
              !report->notConfirmed.isEmpty());
    refresh();
    Q_EMIT changed();
}

void ClassReviewDialog::approveClass()
{
    auto report = lifecycle::approveClass(m_db, m_actor, m_year, m_className);
    if (!report) {
        setStatus(report.error().message, true);
        return;
    }
    setStatus(tr("%1 records approved; %2 not confirmed yet; %3 with errors.")
                  .arg(report->approved)
                  .arg(report->notConfirmed)
                  .arg(report->withErrors.size()),
              !report->complete());
    refresh();
    Q_EMIT changed();
}

void ClassReviewDialog::returnClass()
{
    auto returned = lifecycle::returnClass(m_db, m_actor, m_year, m_className, m_reasonEdit->text());
    if (!returned) {
        setStatus(returned.error().message, true);
        return;
    }
    m_reasonEdit->clear();
    setStatus(tr("The class was returned to its homeroom teacher: %1 confirmed records are drafts again.")
                  .arg(returned->sections),
              false);
    refresh();
    Q_EMIT changed();
}

} // namespace hocba::ui
