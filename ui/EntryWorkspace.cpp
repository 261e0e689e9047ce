// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntryWorkspace.h"

#include "EntryGridModel.h"
#include "EntryGridView.h"
#include "MessageBox.h"
#include "ScreenFit.h"

#include "lifecycle/GridSheet.h"
#include "sheets/Workbook.h"
#include "sheets/XlsxWriter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace hocba::ui {

using lifecycle::CellEdit;
using lifecycle::CellKind;
using lifecycle::GridKind;

EntryWorkspace::EntryWorkspace(store::Database& db, lifecycle::Actor actor, SchoolYear year, Id classId,
                               const QString& className, QWidget* parent)
    : QWidget(parent)
    , m_db(db)
    , m_actor(std::move(actor))
    , m_year(year)
    , m_classId(classId)
    , m_undoGroup(new QUndoGroup(this))
{
    setObjectName(QStringLiteral("entryWorkspace"));
    setWindowTitle(tr("Entry — class %1, %2").arg(className, year.toString()));
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(tr("&Grid:"), this);
    m_chooser = new QComboBox(this);
    m_chooser->setObjectName(QStringLiteral("gridChooser"));
    m_chooser->setMinimumContentsLength(28);
    label->setBuddy(m_chooser);
    bar->addWidget(label);
    bar->addWidget(m_chooser, 1);

    QAction* undo = m_undoGroup->createUndoAction(this, tr("Undo"));
    QAction* redo = m_undoGroup->createRedoAction(this, tr("Redo"));
    m_undo = new QToolButton(this);
    m_undo->setObjectName(QStringLiteral("entryUndoButton"));
    m_undo->setDefaultAction(undo);
    m_undo->setToolTip(tr("Undo the last change (Ctrl+Z)"));
    m_redo = new QToolButton(this);
    m_redo->setObjectName(QStringLiteral("entryRedoButton"));
    m_redo->setDefaultAction(redo);
    m_redo->setToolTip(tr("Redo (Ctrl+Y)"));
    bar->addWidget(m_undo);
    bar->addWidget(m_redo);
    m_formButton = new QPushButton(tr("&Pupil form…"), this);
    m_formButton->setObjectName(QStringLiteral("pupilFormButton"));
    m_formButton->setToolTip(tr("The chosen pupil's qualities and competencies in a form"));
    connect(m_formButton, &QPushButton::clicked, this, [this] { openPupilForm(); });
    bar->addWidget(m_formButton);

    // Teachers who fill marks at home in Excel: the grid out as a sheet, and the filled sheet back in.
    m_sheetButton = new QToolButton(this);
    m_sheetButton->setObjectName(QStringLiteral("gridSheetButton"));
    m_sheetButton->setText(tr("&Spreadsheet"));
    m_sheetButton->setPopupMode(QToolButton::InstantPopup);
    auto* sheetMenu = new QMenu(m_sheetButton);
    sheetMenu->addAction(tr("&Save this grid as a spreadsheet…"), this, [this] {
        if (!m_current)
            return;
        const QString path = FileDialog::getSaveFileName(
            this, tr("Save the grid as a spreadsheet"),
            QStringLiteral("%1 - %2.xlsx")
                .arg(m_current->grid().className, m_choices.value(m_chooser->currentIndex()).title),
            tr("Excel workbooks (*.xlsx)"));
        if (!path.isEmpty())
            saveGridAs(path);
    });
    sheetMenu->addAction(tr("&Fill from a spreadsheet…"), this, [this] {
        const QString path = FileDialog::getOpenFileName(this, tr("Fill the grid from a spreadsheet"), {},
                                                         tr("Spreadsheets (*.xlsx *.xls *.csv);;All files (*)"));
        if (!path.isEmpty())
            fillFromFile(path);
    });
    m_sheetButton->setMenu(sheetMenu);
    m_sheetButton->setToolTip(
        tr("Save the grid to fill it in Excel, and fill the grid from that file (one undo step)"));
    bar->addWidget(m_sheetButton);
    layout->addLayout(bar);

    m_view = new EntryGridView(this);
    m_view->setDatabase(&m_db);
    connect(m_view, &EntryGridView::pupilActivated, this, [this](int row) {
        if (!m_current || m_current->grid().kind != GridKind::Qualities)
            return;
        m_view->setCurrentIndex(m_current->index(row, EntryGridModel::FixedColumns));
        openPupilForm();
    });
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("entryStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto choices = lifecycle::gridChoices(m_db, m_actor, year, classId);
    if (!choices) {
        setStatus(choices.error().message);
    } else {
        m_choices = *choices;
        for (const auto& c : m_choices)
            m_chooser->addItem(c.mayWrite ? c.title : tr("%1 (read only)").arg(c.title));
    }
    connect(m_chooser, &QComboBox::currentIndexChanged, this, [this](int i) { openChoice(i); });
    if (!m_choices.isEmpty()) {
        // The first grid the user may write, else the first.
        int first = 0;
        for (int i = 0; i < m_choices.size(); ++i)
            if (m_choices.at(i).mayWrite) {
                first = i;
                break;
            }
        if (first == 0)
            openChoice(0);
        else
            m_chooser->setCurrentIndex(first);
    } else if (choices) {
        setStatus(tr("There is no grid to fill for this class."));
    }
    updateActions();
}

EntryWorkspace::~EntryWorkspace() = default;

bool EntryWorkspace::openChoice(int i)
{
    if (i < 0 || i >= m_choices.size())
        return false;
    if (m_chooser->currentIndex() != i) {
        const QSignalBlocker block(m_chooser);
        m_chooser->setCurrentIndex(i);
    }
    EntryGridModel* model = m_models.value(i);
    if (!model) {
        QElapsedTimer t;
        t.start();
        auto grid = lifecycle::loadGrid(m_db, m_year, m_classId, m_choices.at(i));
        if (!grid) {
            setStatus(grid.error().message);
            return false;
        }
        model = new EntryGridModel(m_db, m_actor, this);
        model->setGrid(std::move(*grid));
        m_openMs = double(t.nsecsElapsed()) / 1e6;
        m_undoGroup->addStack(model->undoStack());
        connect(model, &EntryGridModel::statusMessage, this, &EntryWorkspace::setStatus);
        m_models.insert(i, model);
    }
    m_current = model;
    m_undoGroup->setActiveStack(model->undoStack());
    QElapsedTimer t;
    t.start();
    m_view->setGridModel(model);
    m_openMs += double(t.nsecsElapsed()) / 1e6;
    const auto& grid = model->grid();
    QString text = tr("%n pupil(s)", nullptr, int(grid.rows.size()));
    if (!m_choices.at(i).mayWrite)
        text += QStringLiteral(" · ") + tr("you may read this grid but not change it");
    setStatus(text);
    updateActions();
    return true;
}

void EntryWorkspace::updateActions()
{
    m_formButton->setVisible(m_current && m_current->grid().kind == GridKind::Qualities);
    m_sheetButton->setEnabled(m_current != nullptr);
}

bool EntryWorkspace::saveGridAs(const QString& path)
{
    if (!m_current)
        return false;
    const auto& grid = m_current->grid();
    const QString title
        = tr("%1 — class %2, school year %3")
              .arg(m_choices.value(m_chooser->currentIndex()).title, grid.className, grid.year.toString());
    auto written = sheets::writeWorkbook(path, {lifecycle::gridAsSheet(grid, title)});
    if (!written) {
        MessageBox::critical(this, tr("Save the grid as a spreadsheet"), written.error().message,
                             written.error().detail);
        return false;
    }
    setStatus(tr("The grid was saved as %1. Fill it in Excel, then use \"Fill from a spreadsheet\".")
                  .arg(QFileInfo(path).fileName()));
    return true;
}

bool EntryWorkspace::fillFromFile(const QString& path)
{
    if (!m_current)
        return false;
    const QString title = tr("Fill the grid from a spreadsheet");
    auto sheetsRead = sheets::readFile(path);
    if (!sheetsRead) {
        MessageBox::critical(this, title, sheetsRead.error().message, sheetsRead.error().detail);
        return false;
    }
    // The first sheet that names this grid's columns: a workbook may hold a cover sheet.
    std::optional<lifecycle::GridSheetEdits> found;
    Error firstError;
    for (const sheets::Sheet& sheet : *sheetsRead) {
        auto edits = lifecycle::editsFromSheet(m_current->grid(), sheet);
        if (edits) {
            found = std::move(*edits);
            break;
        }
        if (firstError.message.isEmpty())
            firstError = edits.error();
    }
    if (!found) {
        MessageBox::warning(this, title,
                            firstError.message.isEmpty() ? tr("The file holds no sheet.") : firstError.message);
        return false;
    }
    const QString undoText = tr("Fill from %1").arg(QFileInfo(path).fileName());
    if (found->edits.isEmpty()) {
        QString text = tr("%1: nothing to change in this grid.").arg(QFileInfo(path).fileName());
        if (!found->problems.isEmpty())
            text += QLatin1Char(' ') + found->problems.join(QLatin1Char(' '));
        setStatus(text);
        return true;
    }
    m_view->applyEdits(found->edits, undoText);
    if (!found->problems.isEmpty())
        setStatus(statusText() + QLatin1Char(' ')
                  + tr("Not used from the file: %1").arg(found->problems.join(QLatin1Char(' '))));
    return true;
}

void EntryWorkspace::setStatus(const QString& text)
{
    m_status->setText(text);
}

QString EntryWorkspace::statusText() const
{
    return m_status->text();
}

QDialog* EntryWorkspace::openPupilForm()
{
    if (!m_current || m_current->grid().kind != GridKind::Qualities || m_current->rowCount() == 0)
        return nullptr;
    const QModelIndex cur = m_view->currentIndex();
    auto* form = new QualitiesFormDialog(m_current, cur.isValid() ? cur.row() : 0, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->show();
    Q_EMIT pupilFormOpened(form);
    return form;
}

QualitiesFormDialog::QualitiesFormDialog(EntryGridModel* model, int row, QWidget* parent)
    : QDialog(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("qualitiesFormDialog"));
    const auto& grid = model->grid();
    const auto& r = grid.rows.at(row);
    m_sectionId = r.student.section.id;
    const QString code = r.student.student.moetCode.isEmpty() ? tr("no code") : r.student.student.moetCode;
    setWindowTitle(
        tr("Qualities and competencies — %1 (%2), class %3").arg(r.student.student.fullName, code, grid.className));

    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(
        QStringLiteral("<b>%1</b> · %2").arg(r.student.student.fullName.toHtmlEscaped(), code.toHtmlEscaped()), this);
    heading->setObjectName(QStringLiteral("pupilHeading"));
    layout->addWidget(heading);
    auto* area = new QScrollArea(this);
    area->setWidgetResizable(true);
    auto* inner = new QWidget(area);
    auto* form = new QFormLayout(inner);
    for (int c = 0; c < grid.columns.size(); ++c) {
        const auto& col = grid.columns.at(c);
        const QString value = r.values.value(c);
        QWidget* editor = nullptr;
        if (col.kind == CellKind::Level) {
            auto* box = new QComboBox(inner);
            box->addItem(QString());
            box->addItems(col.levels);
            box->setCurrentIndex(std::max(0, box->findText(value)));
            editor = box;
        } else if (col.kind == CellKind::Text) {
            auto* text = new QPlainTextEdit(inner);
            text->setPlainText(value);
            text->setTabChangesFocus(true);
            text->setFixedHeight(text->fontMetrics().height() * 4);
            editor = text;
        } else {
            continue;
        }
        editor->setObjectName(QStringLiteral("formField%1").arg(c));
        const bool editable = model->isCellEditable(row, c + EntryGridModel::FixedColumns);
        editor->setEnabled(editable);
        const QString why = model->whyNotEditable(row, c + EntryGridModel::FixedColumns);
        editor->setToolTip(editable ? col.toolTip : why);
        form->addRow(col.isLocked() ? tr("%1 (locked)").arg(col.header) : col.header, editor);
        m_editors.insert(c, editor);
    }
    area->setWidget(inner);
    layout->addWidget(area, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("formStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QualitiesFormDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resizeWithinScreen(this, QSize(520, 600));
}

void QualitiesFormDialog::save()
{
    // The row is found again by the section the form was opened for: the grid's order may have changed.
    const int row = m_model->rowOfSection(m_sectionId);
    if (row < 0) {
        m_status->setText(tr("This pupil is no longer in the grid; nothing was saved."));
        return;
    }
    const auto& grid = m_model->grid();
    QList<CellEdit> edits;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        if (!it.value()->isEnabled())
            continue;
        QString value;
        if (auto* box = qobject_cast<QComboBox*>(it.value()))
            value = box->currentText();
        else if (auto* text = qobject_cast<QPlainTextEdit*>(it.value()))
            value = text->toPlainText().trimmed();
        if (value == grid.rows.at(row).values.value(it.key()))
            continue;
        lifecycle::CellSlot slot = grid.slot(row, it.key());
        Q_ASSERT(slot.sectionId == m_sectionId);
        edits.append(CellEdit {slot, value});
    }
    if (edits.isEmpty()) {
        accept();
        return;
    }
    const auto outcomes = m_model->applyEdits(edits, tr("Form of %1").arg(grid.rows.at(row).student.student.fullName));
    const bool allSaved
        = !outcomes.isEmpty() && std::all_of(outcomes.cbegin(), outcomes.cend(), [](const auto& o) { return o.saved; });
    if (allSaved && outcomes.size() == edits.size()) {
        accept();
        return;
    }
    m_status->setText(m_model->lastStatus());
}

QString QualitiesFormDialog::statusText() const
{
    return m_status->text();
}

} // namespace hocba::ui
