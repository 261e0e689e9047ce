// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportDialog.h"

#include "MessageBox.h"
#include "domain/Curriculum.h"
#include "domain/PrintedText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hocba::ui {

ExportDialog::ExportDialog(store::Database& db, lifecycle::Actor actor, ClassGroup cls, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
    , m_class(std::move(cls))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export class %1").arg(m_class.name));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("Detailed grade book of a subject (Bảng điểm chi tiết)"), int(lifecycle::ExportKind::GradeBook));
    m_kind->addItem(tr("Summary of the class's results (Bảng tổng hợp)"), int(lifecycle::ExportKind::ClassSummary));
    m_kind->addItem(tr("Student list (Danh sách học sinh)"), int(lifecycle::ExportKind::StudentList));
    form->addRow(tr("&Workbook:"), m_kind);
    m_subject = new QComboBox(this);
    m_subject->setObjectName(QStringLiteral("subject"));
    const SchoolLevel level = levelOfGrade(m_class.grade).value_or(SchoolLevel::Thcs);
    for (const CurriculumSubject& s : curriculumOfGrade(m_class.grade))
        m_subject->addItem(printedSubjectName(s.code, level), s.code);
    form->addRow(tr("&Subject:"), m_subject);
    m_term = new QComboBox(this);
    m_term->setObjectName(QStringLiteral("term"));
    form->addRow(tr("&Period:"), m_term);
    layout->addLayout(form);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* save = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("exportButton"));
    save->setDefault(true);
    connect(save, &QPushButton::clicked, this, &ExportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ExportDialog::updateChoices);
    updateChoices();
}

void ExportDialog::updateChoices()
{
    const auto kind = lifecycle::ExportKind(m_kind->currentData().toInt());
    const bool primary = levelOfGrade(m_class.grade) == SchoolLevel::Primary;
    m_subject->setEnabled(kind == lifecycle::ExportKind::GradeBook);
    m_term->clear();
    if (kind == lifecycle::ExportKind::StudentList || primary) {
        m_term->addItem(tr("Whole year"), QStringLiteral("cn"));
    } else {
        m_term->addItem(tr("Semester 1"), QStringLiteral("hk1"));
        m_term->addItem(tr("Semester 2"), QStringLiteral("hk2"));
        if (kind == lifecycle::ExportKind::ClassSummary)
            m_term->addItem(tr("Whole year"), QStringLiteral("cn"));
    }
    m_term->setEnabled(m_term->count() > 1);
}

lifecycle::ExportRequest ExportDialog::request() const
{
    lifecycle::ExportRequest r;
    r.kind = lifecycle::ExportKind(m_kind->currentData().toInt());
    r.year = m_class.schoolYear;
    r.className = m_class.name;
    r.subject = m_subject->currentData().toString();
    r.term = m_term->currentData().toString();
    return r;
}

QString ExportDialog::resultText() const
{
    return m_result->text();
}

bool ExportDialog::exportNow()
{
    const lifecycle::ExportRequest r = request();
    const QString base = r.kind == lifecycle::ExportKind::GradeBook
        ? QStringLiteral("bang-diem-%1-%2-%3").arg(m_class.name, r.subject, r.term)
        : r.kind == lifecycle::ExportKind::ClassSummary ? QStringLiteral("tong-hop-%1-%2").arg(m_class.name, r.term)
                                                        : QStringLiteral("danh-sach-%1").arg(m_class.name);
    QString path = FileDialog::getSaveFileName(this, tr("Export"), base + QStringLiteral(".xlsx"),
                                               tr("Excel workbooks (*.xlsx)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive))
        path += QStringLiteral(".xlsx");
    if (auto written = lifecycle::exportWorkbook(m_db, m_actor, r, path); !written) {
        m_result->setText(written.error().message);
        return false;
    }
    m_result->setText(tr("Wrote %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace hocba::ui
