// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommentBankDialog.h"

#include "MessageBox.h"
#include "ScreenFit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hocba::ui {

namespace {

void fillLevels(QComboBox* box)
{
    box->addItem(QObject::tr("Any"), QString());
    box->addItem(displayName(SchoolLevel::Primary), toCode(SchoolLevel::Primary));
    box->addItem(displayName(SchoolLevel::Thcs), toCode(SchoolLevel::Thcs));
}

void fillChoices(QComboBox* box, const QStringList& values)
{
    box->addItem(QObject::tr("Any"), QString());
    for (const QString& v : values)
        box->addItem(v, v);
}

void selectData(QComboBox* box, const QString& value)
{
    const int i = box->findData(value);
    box->setCurrentIndex(i < 0 ? 0 : i);
}

std::optional<SchoolLevel> chosenLevel(const QComboBox* box)
{
    return schoolLevelFromCode(box->currentData().toString());
}

QSpinBox* gradeBox(QWidget* parent)
{
    auto* spin = new QSpinBox(parent);
    spin->setRange(0, 9);
    spin->setSpecialValueText(QObject::tr("Any"));
    return spin;
}

} // namespace

// ------------------------------------------------------------------------------------------ CommentEntryDialog

CommentEntryDialog::CommentEntryDialog(const lifecycle::CommentEntry& entry, QWidget* parent)
    : QDialog(parent)
    , m_entry(entry)
{
    setWindowTitle(entry.id == 0 ? tr("New comment") : tr("Comment %1").arg(entry.code));
    auto* form = new QFormLayout(this);
    m_code = new QLineEdit(entry.code, this);
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setPlaceholderText(tr("e.g. T01"));
    form->addRow(tr("Code:"), m_code);
    m_text = new QPlainTextEdit(entry.text, this);
    m_text->setObjectName(QStringLiteral("text"));
    form->addRow(tr("Text:"), m_text);
    m_subject = new QLineEdit(entry.subject, this);
    m_subject->setObjectName(QStringLiteral("subject"));
    m_subject->setPlaceholderText(tr("Any; or toan, ngu_van, homeroom, q.nhan_ai, c.tu_chu_tu_hoc…"));
    form->addRow(tr("Subject:"), m_subject);
    m_level = new QComboBox(this);
    fillLevels(m_level);
    selectData(m_level, entry.level ? toCode(*entry.level) : QString());
    form->addRow(tr("Level:"), m_level);
    m_grade = gradeBox(this);
    m_grade->setValue(entry.grade);
    form->addRow(tr("Grade:"), m_grade);
    m_term = new QComboBox(this);
    fillChoices(m_term, lifecycle::commentTerms());
    selectData(m_term, entry.term);
    form->addRow(tr("Term:"), m_term);
    m_band = new QComboBox(this);
    fillChoices(m_band, lifecycle::commentBands());
    selectData(m_band, entry.band);
    form->addRow(tr("Suits the level:"), m_band);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

lifecycle::CommentEntry CommentEntryDialog::entry() const
{
    lifecycle::CommentEntry e = m_entry;
    e.code = m_code->text().trimmed();
    e.text = m_text->toPlainText();
    e.subject = m_subject->text().trimmed();
    e.level = chosenLevel(m_level);
    e.grade = m_grade->value();
    e.term = m_term->currentData().toString();
    e.band = m_band->currentData().toString();
    return e;
}

// ------------------------------------------------------------------------------------------- CommentBankDialog

CommentBankDialog::CommentBankDialog(store::Database& db, lifecycle::Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
    , m_mayChange(m_actor.has(lifecycle::Right::ManageSchool))
{
    setWindowTitle(tr("Comment bank"));
    setObjectName(QStringLiteral("commentBankDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* tabs = new QTabWidget(this);
    layout->addWidget(tabs);

    // The phrases.
    auto* phrases = new QWidget(tabs);
    auto* pl = new QVBoxLayout(phrases);
    auto* filters = new QHBoxLayout;
    m_subject = new QLineEdit(phrases);
    m_subject->setObjectName(QStringLiteral("filterSubject"));
    m_subject->setPlaceholderText(tr("Subject code"));
    m_level = new QComboBox(phrases);
    m_level->setObjectName(QStringLiteral("filterLevel"));
    fillLevels(m_level);
    m_grade = gradeBox(phrases);
    m_grade->setObjectName(QStringLiteral("filterGrade"));
    m_term = new QComboBox(phrases);
    m_term->setObjectName(QStringLiteral("filterTerm"));
    fillChoices(m_term, lifecycle::commentTerms());
    m_band = new QComboBox(phrases);
    m_band->setObjectName(QStringLiteral("filterBand"));
    fillChoices(m_band, lifecycle::commentBands());
    m_search = new QLineEdit(phrases);
    m_search->setObjectName(QStringLiteral("filterSearch"));
    m_search->setPlaceholderText(tr("Words or code"));
    filters->addWidget(new QLabel(tr("Subject:"), phrases));
    filters->addWidget(m_subject);
    filters->addWidget(new QLabel(tr("Level:"), phrases));
    filters->addWidget(m_level);
    filters->addWidget(new QLabel(tr("Grade:"), phrases));
    filters->addWidget(m_grade);
    filters->addWidget(new QLabel(tr("Term:"), phrases));
    filters->addWidget(m_term);
    filters->addWidget(new QLabel(tr("Suits:"), phrases));
    filters->addWidget(m_band);
    filters->addWidget(m_search, 1);
    pl->addLayout(filters);

    m_table = new QTableWidget(0, 7, phrases);
    m_table->setObjectName(QStringLiteral("entries"));
    m_table->setHorizontalHeaderLabels(
        {tr("Code"), tr("Text"), tr("Subject"), tr("Level"), tr("Grade"), tr("Term"), tr("Suits")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    pl->addWidget(m_table, 1);

    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add…"), phrases);
    m_edit = new QPushButton(tr("&Edit…"), phrases);
    m_remove = new QPushButton(tr("&Remove"), phrases);
    m_seed = new QPushButton(tr("Add the &default phrases"), phrases);
    m_seed->setToolTip(tr("Adds the phrases that come with the program (codes T, H, C, PC, NL, BM, CN); phrases the "
                          "school already has are kept as they are."));
    for (QPushButton* b : {m_add, m_edit, m_remove, m_seed}) {
        b->setEnabled(m_mayChange);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    pl->addLayout(buttons);
    tabs->addTab(phrases, tr("Phrases"));

    // The house style.
    auto* style = new QWidget(tabs);
    auto* sf = new QFormLayout(style);
    m_em = new QComboBox(style);
    m_em->setObjectName(QStringLiteral("leadingEm"));
    m_em->addItem(tr("As written"), lifecycle::toCode(lifecycle::LeadingEm::Free));
    m_em->addItem(tr("Always start with \"Em\""), lifecycle::toCode(lifecycle::LeadingEm::Always));
    m_em->addItem(tr("Never start with \"Em\""), lifecycle::toCode(lifecycle::LeadingEm::Never));
    sf->addRow(tr("\"Em\" at the start:"), m_em);
    m_banned = new QPlainTextEdit(style);
    m_banned->setObjectName(QStringLiteral("bannedWords"));
    m_banned->setPlaceholderText(tr("One word or phrase a line, e.g. lười"));
    sf->addRow(tr("Banned words:"), m_banned);
    m_maxLength = new QSpinBox(style);
    m_maxLength->setObjectName(QStringLiteral("maxLength"));
    m_maxLength->setRange(20, 500);
    m_maxLength->setSuffix(tr(" characters"));
    sf->addRow(tr("Longest comment:"), m_maxLength);
    m_saveStyle = new QPushButton(tr("&Save the house style"), style);
    m_saveStyle->setEnabled(m_mayChange);
    sf->addRow(QString(), m_saveStyle);
    m_try = new QLineEdit(style);
    m_try->setObjectName(QStringLiteral("tryText"));
    m_try->setPlaceholderText(tr("Type a comment to check it against the house style"));
    sf->addRow(tr("Try:"), m_try);
    m_tryResult = new QLabel(style);
    m_tryResult->setWordWrap(true);
    sf->addRow(QString(), m_tryResult);
    tabs->addTab(style, tr("House style"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    if (!m_mayChange)
        m_message->setText(tr("Only the school's administrator can change the comment bank."));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_subject, &QLineEdit::textChanged, this, &CommentBankDialog::reload);
    connect(m_search, &QLineEdit::textChanged, this, &CommentBankDialog::reload);
    for (QComboBox* box : {m_level, m_term, m_band})
        connect(box, &QComboBox::currentIndexChanged, this, &CommentBankDialog::reload);
    connect(m_grade, &QSpinBox::valueChanged, this, &CommentBankDialog::reload);
    connect(m_add, &QPushButton::clicked, this, &CommentBankDialog::addWithDialog);
    connect(m_edit, &QPushButton::clicked, this, &CommentBankDialog::editWithDialog);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] {
        if (m_mayChange)
            editWithDialog();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_shown.size())
            return;
        if (MessageBox::question(this, tr("Comment bank"),
                                 tr("Remove %1 from the school's comment bank? Comments already written stay as they "
                                    "are.")
                                     .arg(m_shown.at(row).code),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes)
            removeSelected();
    });
    connect(m_seed, &QPushButton::clicked, this, &CommentBankDialog::seedDefaults);
    connect(m_saveStyle, &QPushButton::clicked, this, &CommentBankDialog::saveStyle);
    connect(m_try, &QLineEdit::textChanged, this, [this](const QString& t) { tryText(t); });

    if (auto s = lifecycle::houseStyle(m_db))
        setStyleFields(*s);
    resizeWithinScreen(this, QSize(980, 640));
    reload();
}

lifecycle::CommentFilter CommentBankDialog::filter() const
{
    lifecycle::CommentFilter f;
    f.subject = m_subject->text().trimmed();
    f.level = chosenLevel(m_level);
    f.grade = m_grade->value();
    f.term = m_term->currentData().toString();
    f.band = m_band->currentData().toString();
    f.search = m_search->text();
    return f;
}

void CommentBankDialog::setFilter(const lifecycle::CommentFilter& f)
{
    {
        const QSignalBlocker b1(m_subject), b2(m_level), b3(m_grade), b4(m_term), b5(m_band), b6(m_search);
        m_subject->setText(f.subject);
        selectData(m_level, f.level ? toCode(*f.level) : QString());
        m_grade->setValue(f.grade);
        selectData(m_term, f.term);
        selectData(m_band, f.band);
        m_search->setText(f.search);
    }
    reload();
}

void CommentBankDialog::reload()
{
    auto rows = lifecycle::commentEntries(m_db, filter());
    m_shown = rows ? *rows : QList<lifecycle::CommentEntry> {};
    if (!rows)
        m_message->setText(rows.error().message);
    const QString any = tr("any");
    m_table->setRowCount(int(m_shown.size()));
    for (int i = 0; i < m_shown.size(); ++i) {
        const auto& e = m_shown.at(i);
        const QStringList cells {e.code,
                                 e.text,
                                 e.subject.isEmpty() ? any : e.subject,
                                 e.level ? displayName(*e.level) : any,
                                 e.grade > 0 ? QString::number(e.grade) : any,
                                 e.term.isEmpty() ? any : e.term,
                                 e.band.isEmpty() ? any : e.band};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == 1)
                item->setToolTip(e.text);
            m_table->setItem(i, c, item);
        }
    }
}

void CommentBankDialog::selectRow(int row)
{
    m_table->selectRow(row);
}

QString CommentBankDialog::message() const
{
    return m_message->text();
}

void CommentBankDialog::showResult(const Status& status, const QString& done)
{
    m_message->setText(status ? done : status.error().message);
    if (status)
        reload();
}

bool CommentBankDialog::addEntry(const lifecycle::CommentEntry& entry)
{
    auto id = lifecycle::addComment(m_db, m_actor, entry);
    showResult(id ? Status {} : Status {std::unexpected(id.error())}, tr("Added %1.").arg(entry.code.trimmed()));
    return id.has_value();
}

bool CommentBankDialog::updateEntry(const lifecycle::CommentEntry& entry)
{
    const Status s = lifecycle::updateComment(m_db, m_actor, entry);
    showResult(s, tr("Changed %1.").arg(entry.code.trimmed()));
    return s.has_value();
}

bool CommentBankDialog::removeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_shown.size())
        return false;
    const auto entry = m_shown.at(row);
    const Status s = lifecycle::removeComment(m_db, m_actor, entry.id);
    showResult(s, tr("Removed %1.").arg(entry.code));
    return s.has_value();
}

bool CommentBankDialog::seedDefaults()
{
    auto added = lifecycle::seedDefaultBank(m_db, m_actor);
    showResult(added ? Status {} : Status {std::unexpected(added.error())},
               tr("Added %n default phrase(s).", nullptr, added ? *added : 0));
    return added.has_value();
}

void CommentBankDialog::setStyleFields(const lifecycle::HouseStyle& style)
{
    selectData(m_em, lifecycle::toCode(style.leadingEm));
    m_banned->setPlainText(style.bannedWords.join(u'\n'));
    m_maxLength->setValue(style.maxLength);
}

lifecycle::HouseStyle CommentBankDialog::styleFields() const
{
    lifecycle::HouseStyle s;
    s.leadingEm = lifecycle::leadingEmFromCode(m_em->currentData().toString()).value_or(lifecycle::LeadingEm::Free);
    s.bannedWords = m_banned->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    s.maxLength = m_maxLength->value();
    return s;
}

bool CommentBankDialog::saveStyle()
{
    const Status s = lifecycle::setHouseStyle(m_db, m_actor, styleFields());
    showResult(s, tr("The house style is saved."));
    return s.has_value();
}

QString CommentBankDialog::tryText(const QString& text)
{
    const auto style = styleFields();
    QStringList lines = lifecycle::styleWarnings(style, text);
    const QString styled = lifecycle::applyHouseStyle(style, text);
    if (!text.trimmed().isEmpty() && styled != text.trimmed())
        lines << tr("In the house style: %1").arg(styled);
    if (lines.isEmpty() && !text.trimmed().isEmpty())
        lines << tr("The comment follows the house style.");
    m_tryResult->setText(lines.join(u'\n'));
    return m_tryResult->text();
}

void CommentBankDialog::addWithDialog()
{
    lifecycle::CommentEntry blank;
    const auto f = filter();
    blank.subject = f.subject;
    blank.level = f.level;
    blank.grade = f.grade;
    blank.term = f.term;
    blank.band = f.band;
    CommentEntryDialog dialog(blank, this);
    while (dialog.exec() == QDialog::Accepted) {
        if (addEntry(dialog.entry()))
            return;
        MessageBox::warning(this, tr("Comment bank"), message());
    }
}

void CommentBankDialog::editWithDialog()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_shown.size())
        return;
    CommentEntryDialog dialog(m_shown.at(row), this);
    while (dialog.exec() == QDialog::Accepted) {
        if (updateEntry(dialog.entry()))
            return;
        MessageBox::warning(this, tr("Comment bank"), message());
    }
}

} // namespace hocba::ui
