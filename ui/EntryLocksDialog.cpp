// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntryLocksDialog.h"

#include "MessageBox.h"
#include "ScreenFit.h"

#include "domain/Curriculum.h"
#include "rules/Names.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hocba::ui {

namespace {

// What the scope picker's entries hold: the whole school, a grade (its number) or a class (its id).
enum ScopeKind { School, Grade, Class };

} // namespace

EntryLocksDialog::EntryLocksDialog(store::Database& db, lifecycle::Actor actor, SchoolYear year,
                                   const QList<ClassGroup>& classes, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
    , m_year(year)
{
    for (const ClassGroup& c : classes)
        if (c.schoolYear == year)
            m_classes.append(c);
    std::ranges::stable_sort(m_classes, [](const ClassGroup& a, const ClassGroup& b) {
        return std::tie(a.grade, a.name) < std::tie(b.grade, b.name);
    });
    m_mayLock = m_actor.has(lifecycle::Right::LockEntry, lifecycle::RightScope::inYear(year));

    setObjectName(QStringLiteral("entryLocksDialog"));
    setWindowTitle(tr("Entry locks: school year %1").arg(year.toString()));
    resizeWithinScreen(this, QSize(1000, 560));
    auto* layout = new QVBoxLayout(this);

    auto* intro = new QLabel(
        m_mayLock ? tr("A lock stops teachers from typing, pasting or importing marks and comments in its scope. "
                       "Lifting a lock needs a reason; both are kept in the audit log.")
                  : tr("Only the principal and the administrator can lock or unlock entry. These locks are in force: "
                       "the cells they cover cannot be changed."),
        this);
    intro->setObjectName(QStringLiteral("entryLocksIntro"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(0, 8, this);
    m_table->setObjectName(QStringLiteral("entryLocksTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("No."), tr("Scope"), tr("Subject"), tr("Term"), tr("Column"), tr("Locked by"), tr("On"), tr("Reason")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto* lift = new QHBoxLayout;
    m_liftReason = new QLineEdit(this);
    m_liftReason->setObjectName(QStringLiteral("liftReasonEdit"));
    m_liftReason->setPlaceholderText(tr("Why the selected lock is lifted (required)"));
    m_lift = new QPushButton(tr("&Lift the selected lock…"), this);
    m_lift->setObjectName(QStringLiteral("liftLockButton"));
    lift->addWidget(m_liftReason, 1);
    lift->addWidget(m_lift);
    layout->addLayout(lift);

    auto* add = new QGroupBox(tr("Add a lock"), this);
    add->setObjectName(QStringLiteral("addLockGroup"));
    auto* form = new QFormLayout(add);
    m_scope = new QComboBox(add);
    m_scope->setObjectName(QStringLiteral("lockScopeCombo"));
    m_subject = new QComboBox(add);
    m_subject->setObjectName(QStringLiteral("lockSubjectCombo"));
    m_term = new QComboBox(add);
    m_term->setObjectName(QStringLiteral("lockTermCombo"));
    m_item = new QComboBox(add);
    m_item->setObjectName(QStringLiteral("lockItemCombo"));
    m_reason = new QLineEdit(add);
    m_reason->setObjectName(QStringLiteral("lockReasonEdit"));
    m_reason->setPlaceholderText(tr("The teachers see it, e.g. \"Semester I marks are final.\""));
    m_add = new QPushButton(tr("&Add the lock"), add);
    m_add->setObjectName(QStringLiteral("addLockButton"));
    form->addRow(tr("&Where:"), m_scope);
    form->addRow(tr("&Subject:"), m_subject);
    form->addRow(tr("&Term:"), m_term);
    form->addRow(tr("&Column:"), m_item);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(QString(), m_add);
    layout->addWidget(add);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("entryLocksStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    add->setVisible(m_mayLock);
    m_liftReason->setVisible(m_mayLock);
    m_lift->setVisible(m_mayLock);
    fillPickers();
    connect(m_add, &QPushButton::clicked, this, &EntryLocksDialog::addLock);
    connect(m_lift, &QPushButton::clicked, this, &EntryLocksDialog::liftSelected);
    connect(m_reason, &QLineEdit::textChanged, this, &EntryLocksDialog::updateButtons);
    connect(m_liftReason, &QLineEdit::textChanged, this, &EntryLocksDialog::updateButtons);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &EntryLocksDialog::updateButtons);
    refresh();
}

EntryLocksDialog::~EntryLocksDialog() = default;

void EntryLocksDialog::fillPickers()
{
    const auto addScope = [&](const QString& text, ScopeKind kind, qint64 value) {
        m_scope->addItem(text, int(kind));
        m_scope->setItemData(m_scope->count() - 1, value, Qt::UserRole + 1);
    };
    addScope(tr("Whole school"), School, 0);
    QList<int> grades;
    for (const ClassGroup& c : std::as_const(m_classes))
        if (!grades.contains(c.grade))
            grades.append(c.grade);
    for (int g : std::as_const(grades))
        addScope(tr("Grade %1").arg(g), Grade, g);
    for (const ClassGroup& c : std::as_const(m_classes))
        addScope(tr("Class %1").arg(c.name), Class, c.id);

    m_subject->addItem(tr("All subjects and the homeroom columns"), QString());
    QStringList codes;
    for (int g : std::as_const(grades))
        for (const CurriculumSubject& s : curriculumOfGrade(g))
            if (!codes.contains(s.code))
                codes.append(s.code);
    for (const QString& code : std::as_const(codes))
        m_subject->addItem(rules::subjectName(code), code);

    m_term->addItem(tr("All terms"), QString());
    for (const QString& t : lifecycle::lockableTerms())
        m_term->addItem(lifecycle::termDisplayName(t), t);
    m_item->addItem(tr("All columns"), QString());
    for (const QString& i : lifecycle::lockableItems())
        m_item->addItem(lifecycle::itemDisplayName(i), i);
}

QString EntryLocksDialog::classNameOf(const lifecycle::EntryLock& lock) const
{
    if (!lock.classId)
        return {};
    for (const ClassGroup& c : m_classes)
        if (c.id == *lock.classId)
            return c.name;
    return QString::number(*lock.classId);
}

void EntryLocksDialog::refresh()
{
    auto locks = lifecycle::entryLocks(m_db, m_year);
    if (!locks) {
        m_status->setText(locks.error().message);
        return;
    }
    m_locks = std::move(*locks);
    m_table->setRowCount(int(m_locks.size()));
    for (int r = 0; r < m_locks.size(); ++r) {
        const lifecycle::EntryLock& l = m_locks.at(r);
        const QStringList cells = QStringList {QString::number(l.id)} + lifecycle::scopeInWords(l, classNameOf(l))
            + QStringList {l.lockedBy, l.lockedAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")), l.reason};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, l.id);
            if (c == 0)
                item->setIcon(style()->standardIcon(QStyle::SP_DialogNoButton));
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (m_locks.isEmpty())
        m_status->setText(tr("No lock is in force in %1: every draft record can be entered.").arg(m_year.toString()));
    updateButtons();
}

QString EntryLocksDialog::statusText() const
{
    return m_status->text();
}

void EntryLocksDialog::updateButtons()
{
    m_add->setEnabled(m_mayLock && !m_reason->text().trimmed().isEmpty());
    m_lift->setEnabled(m_mayLock && m_table->currentRow() >= 0 && !m_table->selectedItems().isEmpty()
                       && !m_liftReason->text().trimmed().isEmpty());
}

bool EntryLocksDialog::addLock()
{
    lifecycle::EntryLock l;
    l.year = m_year;
    const int kind = m_scope->currentData().toInt();
    const qint64 value = m_scope->currentData(Qt::UserRole + 1).toLongLong();
    if (kind == Grade)
        l.grade = int(value);
    else if (kind == Class)
        l.classId = value;
    l.subject = m_subject->currentData().toString();
    l.term = m_term->currentData().toString();
    l.item = m_item->currentData().toString();
    l.reason = m_reason->text();
    auto id = lifecycle::lockEntry(m_db, m_actor, l);
    if (!id) {
        m_status->setText(id.error().message);
        return false;
    }
    l.id = *id;
    m_reason->clear();
    refresh();
    m_status->setText(
        tr("Lock %1 added: %2.").arg(*id).arg(lifecycle::scopeInWords(l, classNameOf(l)).join(QStringLiteral(" · "))));
    Q_EMIT changed();
    return true;
}

bool EntryLocksDialog::liftSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_locks.size()) {
        m_status->setText(tr("Select the lock to lift in the list."));
        return false;
    }
    const lifecycle::EntryLock lock = m_locks.at(row);
    if (m_liftReason->text().trimmed().isEmpty()) {
        m_status->setText(tr("Write why the lock is lifted: the reason is kept in the audit log."));
        return false;
    }
    const QString scope = lifecycle::scopeInWords(lock, classNameOf(lock)).join(QStringLiteral(" · "));
    if (MessageBox::question(
            this, tr("Lift the lock"),
            tr("Lift lock %1 (%2)? Teachers can then change these marks and comments again.").arg(lock.id).arg(scope))
        != QMessageBox::Yes)
        return false;
    if (auto s = lifecycle::unlockEntry(m_db, m_actor, lock.id, m_liftReason->text()); !s) {
        m_status->setText(s.error().message);
        return false;
    }
    m_liftReason->clear();
    refresh();
    m_status->setText(tr("Lock %1 lifted: %2.").arg(lock.id).arg(scope));
    Q_EMIT changed();
    return true;
}

} // namespace hocba::ui
