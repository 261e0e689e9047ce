// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuideScreens.h"

#include "BulkFillDialog.h"
#include "EntryGridModel.h"
#include "EntryGridView.h"
#include "EntryWorkspace.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "PinDialog.h"
#include "RecordPreviewWidget.h"
#include "SignDialog.h"
#include "SigningQueueDialog.h"

#include "demo/DemoSchool.h"
#include "lifecycle/ClassApproval.h"
#include "lifecycle/CommentBank.h"
#include "lifecycle/EntryGrid.h"
#include "lifecycle/EntryLocks.h"
#include "lifecycle/PrintLog.h"
#include "lifecycle/SectionConfirmer.h"
#include "lifecycle/TrustAnchors.h"
#include "lifecycle/TsaSettings.h"
#include "store/Database.h"
#include "util/Settings.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

namespace hocba::test {

namespace {

const lifecycle::Actor kActor = lifecycle::Actor::unrestricted();

/** The visible top-level window the main window opened with this object name (its dialogs are its children). */
QWidget* opened(GuideSchool& s, const QString& objectName)
{
    QWidget* found = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            for (QWidget* w : QApplication::topLevelWidgets())
                if (w->isVisible() && w->objectName() == objectName)
                    found = w;
            return found != nullptr;
        },
        10000);
    if (!found)
        s.error = QStringLiteral("%1 did not open").arg(objectName);
    return found;
}

QWidget* trigger(GuideSchool& s, const char* action, const QString& dialog)
{
    auto* a = s.window->findChild<QAction*>(QLatin1String(action));
    if (!a || !a->isEnabled()) {
        s.error = QStringLiteral("the action %1 is missing or disabled").arg(QLatin1String(action));
        return nullptr;
    }
    a->trigger();
    return opened(s, dialog);
}

/** The entry panel on a grid of `className` that `pick` chooses, opened through Entry → Open grid…. */
ui::EntryWorkspace* entryOn(GuideSchool& s, const QString& className,
                            const std::function<bool(const lifecycle::GridChoice&)>& pick)
{
    if (!s.showClass(className))
        return nullptr;
    auto* a = s.window->findChild<QAction*>(QStringLiteral("openEntryGridAction"));
    if (!a || !a->isEnabled()) {
        s.error = QStringLiteral("Entry → Open grid… is missing or disabled");
        return nullptr;
    }
    a->trigger();
    ui::EntryWorkspace* w = s.window->entryWorkspace();
    if (!w) {
        s.error = QStringLiteral("the entry panel did not open");
        return nullptr;
    }
    for (int i = 0; i < w->choices().size(); ++i)
        if (pick(w->choices().at(i)))
            return w->openChoice(i) ? w : nullptr;
    s.error = QStringLiteral("class %1 has no such grid").arg(className);
    return nullptr;
}

bool isGrid(const lifecycle::GridChoice& c, lifecycle::GridKind kind, const QString& subject, const QString& term)
{
    return c.kind == kind && (subject.isEmpty() || c.subject == subject) && c.term == term;
}

/** The model column of the first grid column of `kind`, or -1. */
int modelColumnOf(const lifecycle::EntryGrid& grid, lifecycle::CellKind kind)
{
    for (int c = 0; c < grid.columns.size(); ++c)
        if (grid.columns.at(c).kind == kind)
            return c + ui::EntryGridModel::FixedColumns;
    return -1;
}

Id classIdOf(const QString& path, SchoolYear year, const QString& name)
{
    auto db = store::Database::openExisting(path);
    if (!db)
        return 0;
    auto q = (*db)->prepare(QStringLiteral("SELECT id FROM class WHERE school_year = ?1 AND name = ?2"));
    if (!q)
        return 0;
    q->bind(1, year.startYear);
    q->bind(2, name);
    return q->step().value_or(false) ? q->int64(0) : 0;
}

/** Chooses the first pupil and waits for the preview of their record. */
QWidget* withRecordPreview(GuideSchool& s)
{
    if (!s.showClass(QStringLiteral("6A2")))
        return nullptr;
    auto* table = s.window->findChild<QTableView*>(QStringLiteral("studentTableView"));
    auto* preview = s.window->findChild<ui::RecordPreviewWidget*>(QStringLiteral("recordPreviewWidget"));
    QSignalSpy rendered(preview, &ui::RecordPreviewWidget::rendered);
    table->setCurrentIndex(table->model()->index(0, 1));
    if (!rendered.wait(30000) || preview->pageCount() == 0) {
        s.error = QStringLiteral("the record preview did not render");
        return nullptr;
    }
    return s.window.get();
}

} // namespace

GuideSchool::GuideSchool() = default;
GuideSchool::~GuideSchool()
{
    closeDialogs();
    window.reset();
}

bool GuideSchool::create()
{
    ui::MessageBox::setAutoAnswer(true);
    path = m_dir.filePath(QStringLiteral("truong-hoa-sen.hocba"));
    demo::DemoOptions o;
    o.students = 400;
    o.year = year;
    if (auto made = demo::createDemoSchool(path, o); !made) {
        error = describe(made.error());
        return false;
    }
    if (!pki.create()) {
        error = QStringLiteral("the test PKI could not be made");
        return false;
    }
    {
        auto db = store::Database::openExisting(path);
        if (!db) {
            error = describe(db.error());
            return false;
        }
        // The school trusts the software token's CA, so the sign dialog can sign.
        if (!lifecycle::TrustAnchors::add(**db, kActor, pki.caDer(), QStringLiteral("test"))) {
            error = QStringLiteral("the test CA could not be trusted");
            return false;
        }
        for (const QString& name : {QStringLiteral("6A1"), QStringLiteral("7A1")}) {
            lifecycle::ConfirmOptions co;
            co.year = year;
            co.className = name;
            co.acknowledgeWarnings = true;
            co.acknowledgedBy = QStringLiteral("gvcn");
            if (auto c = lifecycle::confirmSections(**db, kActor, co); !c) {
                error = describe(c.error());
                return false;
            }
        }
        if (auto a = lifecycle::approveClass(**db, kActor, year, QStringLiteral("6A1")); !a || a->approved == 0) {
            error = a ? QStringLiteral("nothing approved in 6A1") : describe(a.error());
            return false;
        }
        // The school's comment bank starts from the phrases the app comes with.
        if (auto seeded = lifecycle::seedDefaultBank(**db, kActor); !seeded) {
            error = describe(seeded.error());
            return false;
        }
        // The board has locked grade 6's first-semester finals.
        lifecycle::EntryLock lock;
        lock.year = year;
        lock.grade = 6;
        lock.term = QStringLiteral("hk1");
        lock.item = QStringLiteral("final");
        lock.reason = QStringLiteral("Đã chốt điểm cuối học kì I");
        if (auto locked = lifecycle::lockEntry(**db, kActor, lock); !locked) {
            error = describe(locked.error());
            return false;
        }
        auto items = lifecycle::printItemsOfYear(**db, year, QStringLiteral("6A1"));
        if (!items || items->items.isEmpty()) {
            error = items ? QStringLiteral("nothing to print in 6A1") : describe(items.error());
            return false;
        }
        lifecycle::PrintRequest request;
        request.reason = lifecycle::PrintReason::Archive;
        if (auto printed = lifecycle::printToPdfFile(**db, kActor, items->items.mid(0, 3), request,
                                                     m_dir.filePath(QStringLiteral("luu-tru.pdf")));
            !printed) {
            error = describe(printed.error());
            return false;
        }
    }
    signer = std::make_unique<SoftwareSignerSource>(pki);
    m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("hocba.ini")));
    window = std::make_unique<ui::MainWindow>(*m_settings);
    window->setImportRunners(&ui::importRunners);
    pins = std::make_unique<ui::GuiPinProvider>(window.get());
    window->showMaximized();
    if (!QTest::qWaitForWindowExposed(window.get())) {
        error = QStringLiteral("the main window was not shown");
        return false;
    }
    if (!window->openDatabase(path)) {
        error = QStringLiteral("the demo school did not open");
        return false;
    }
    return showClass(QStringLiteral("6A1"));
}

void GuideSchool::closeDialogs()
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w != window.get() && w->isVisible())
            w->close();
    QApplication::processEvents();
}

bool GuideSchool::showClass(const QString& className)
{
    const Id id = classIdOf(path, year, className);
    auto* tree = window->findChild<QTreeView*>(QStringLiteral("navigationTreeView"));
    const QAbstractItemModel* m = tree->model();
    std::function<QModelIndex(const QModelIndex&)> find = [&](const QModelIndex& parent) -> QModelIndex {
        for (int r = 0; r < m->rowCount(parent); ++r) {
            const QModelIndex i = m->index(r, 0, parent);
            if (i.data(ui::MainWindow::NodeKindRole).toInt() == ui::MainWindow::ClassNode
                && i.data(ui::MainWindow::ClassIdRole).toLongLong() == id)
                return i;
            if (const QModelIndex below = find(i); below.isValid())
                return below;
        }
        return {};
    };
    const QModelIndex index = id ? find({}) : QModelIndex();
    if (!index.isValid()) {
        error = QStringLiteral("class %1 is not in the navigation").arg(className);
        return false;
    }
    tree->scrollTo(index);
    tree->setCurrentIndex(index);
    return true;
}

QList<GuideSchool::Screen> GuideSchool::screens()
{
    return {
        {QStringLiteral("01-main-window"),
         [](GuideSchool& s) -> QWidget* { return s.showClass(QStringLiteral("6A1")) ? s.window.get() : nullptr; }},
        {QStringLiteral("02-record-preview"), withRecordPreview},
        {QStringLiteral("03-class-review"),
         [](GuideSchool& s) -> QWidget* {
             if (!s.showClass(QStringLiteral("6A2")))
                 return nullptr;
             return trigger(s, "reviewClassAction", QStringLiteral("classReviewDialog"));
         }},
        {QStringLiteral("04-deadline-board"),
         [](GuideSchool& s) { return trigger(s, "deadlineBoardAction", QStringLiteral("deadlineBoardDialog")); }},
        {QStringLiteral("05-signing-queue"),
         [](GuideSchool& s) -> QWidget* {
             QWidget* w = trigger(s, "signingQueueAction", QStringLiteral("signingQueueDialog"));
             auto* queue = qobject_cast<ui::SigningQueueDialog*>(w);
             if (!queue || queue->tree()->topLevelItemCount() == 0) {
                 s.error = QStringLiteral("the principal's queue is empty");
                 return nullptr;
             }
             QTreeWidgetItem* top = queue->tree()->topLevelItem(0);
             queue->tree()->expandItem(top);
             if (top->childCount() > 0) {
                 QSignalSpy rendered(queue->preview(), &ui::RecordPreviewWidget::rendered);
                 queue->tree()->setCurrentItem(top->child(0));
                 (void)rendered.wait(30000);
             }
             return w;
         }},
        {QStringLiteral("05b-entry-locks"),
         [](GuideSchool& s) { return trigger(s, "entryLocksAction", QStringLiteral("entryLocksDialog")); }},
        {QStringLiteral("06-sign-dialog"),
         [](GuideSchool& s) -> QWidget* {
             auto db = store::Database::openExisting(s.path);
             if (!db) {
                 s.error = describe(db.error());
                 return nullptr;
             }
             // The sign dialog on the software token: the window's own dialog probes the machine's PKCS#11 modules.
             static std::unique_ptr<store::Database> kept;
             kept = std::move(*db);
             auto* dialog = new ui::SignDialog(*kept, kActor, ui::SignDialog::Scope {s.year, QStringLiteral("6A1"), {}},
                                               *s.signer, *s.pins, s.window.get());
             dialog->setAttribute(Qt::WA_DeleteOnClose);
             dialog->open();
             if (!QTest::qWaitFor([dialog] { return dialog->canSign(); }, 20000)) {
                 s.error = QStringLiteral("the sign dialog found no token");
                 return nullptr;
             }
             return dialog;
         }},
        {QStringLiteral("07-pin-dialog"),
         [](GuideSchool& s) -> QWidget* {
             signing::PinRequest request;
             request.token.label = QStringLiteral("HOCBA-DEMO");
             request.certificateHolder = QStringLiteral("Nguyễn Văn An (DEMO)");
             auto* dialog = new ui::PinDialog(request, s.window.get());
             dialog->setAttribute(Qt::WA_DeleteOnClose);
             dialog->open();
             return dialog;
         }},
        {QStringLiteral("08-print-records"),
         [](GuideSchool& s) -> QWidget* {
             if (!s.showClass(QStringLiteral("6A1")))
                 return nullptr;
             return trigger(s, "printAction", QStringLiteral("printRecordsDialog"));
         }},
        {QStringLiteral("09-print-log"),
         [](GuideSchool& s) -> QWidget* {
             if (!s.showClass(QStringLiteral("6A1")))
                 return nullptr;
             return trigger(s, "printLogAction", QStringLiteral("printLogDialog"));
         }},
        {QStringLiteral("10-export"),
         [](GuideSchool& s) -> QWidget* {
             if (!s.showClass(QStringLiteral("6A1")))
                 return nullptr;
             return trigger(s, "exportAction", QStringLiteral("exportDialog"));
         }},
        {QStringLiteral("11-import"),
         [](GuideSchool& s) { return trigger(s, "importAction", QStringLiteral("importDialog")); }},
        {QStringLiteral("12-sign-policy"),
         [](GuideSchool& s) { return trigger(s, "signPolicyAction", QStringLiteral("signPolicyDialog")); }},
        {QStringLiteral("13-trust-anchors"),
         [](GuideSchool& s) { return trigger(s, "trustAnchorsAction", QStringLiteral("trustAnchorsDialog")); }},
        {QStringLiteral("14-department"),
         [](GuideSchool& s) { return trigger(s, "departmentAction", QStringLiteral("departmentDialog")); }},
        {QStringLiteral("15-verify"),
         [](GuideSchool& s) { return trigger(s, "verifyAction", QStringLiteral("verifyWidget")); }},
        {QStringLiteral("16-entry-thcs"),
         [](GuideSchool& s) -> QWidget* {
             auto* w = entryOn(s, QStringLiteral("6A2"), [](const lifecycle::GridChoice& c) {
                 return isGrid(c, lifecycle::GridKind::Subject, QStringLiteral("toan"), QStringLiteral("hk1"));
             });
             if (!w)
                 return nullptr;
             // A mistyped mark, as the teacher sees it: kept in the cell, red, never saved.
             const int score = modelColumnOf(w->model()->grid(), lifecycle::CellKind::Score);
             w->model()->setData(w->model()->index(2, score), QStringLiteral("11"));
             w->view()->setCurrentIndex(w->model()->index(3, score));
             return s.window.get();
         }},
        {QStringLiteral("17-entry-homeroom"),
         [](GuideSchool& s) -> QWidget* {
             auto* w = entryOn(s, QStringLiteral("6A2"), [](const lifecycle::GridChoice& c) {
                 return isGrid(c, lifecycle::GridKind::Homeroom, {}, QStringLiteral("year"));
             });
             return w ? s.window.get() : nullptr;
         }},
        {QStringLiteral("18-entry-primary"),
         [](GuideSchool& s) -> QWidget* {
             auto* w = entryOn(s, QStringLiteral("4A1"), [](const lifecycle::GridChoice& c) {
                 return isGrid(c, lifecycle::GridKind::Subject, QStringLiteral("toan"), QStringLiteral("ck1"));
             });
             return w ? s.window.get() : nullptr;
         }},
        {QStringLiteral("19-qualities-form"),
         [](GuideSchool& s) -> QWidget* {
             auto* w = entryOn(s, QStringLiteral("4A1"), [](const lifecycle::GridChoice& c) {
                 return isGrid(c, lifecycle::GridKind::Qualities, {}, QStringLiteral("ck1"));
             });
             if (!w)
                 return nullptr;
             w->view()->setCurrentIndex(w->model()->index(1, ui::EntryGridModel::FixedColumns));
             return w->openPupilForm();
         }},
        {QStringLiteral("20-cell-history"),
         [](GuideSchool& s) -> QWidget* {
             auto* w = entryOn(s, QStringLiteral("7A2"), [](const lifecycle::GridChoice& c) {
                 return isGrid(c, lifecycle::GridKind::Subject, QStringLiteral("ngu_van"), QStringLiteral("hk1"));
             });
             if (!w)
                 return nullptr;
             const auto& grid = w->model()->grid();
             const int score = modelColumnOf(grid, lifecycle::CellKind::Score);
             const auto slot = grid.slot(0, ui::EntryGridModel::gridColumn(score));
             w->view()->applyEdits({{slot, QStringLiteral("6.5")}}, QStringLiteral("6,5"));
             w->view()->applyEdits({{slot, QStringLiteral("7.5")}}, QStringLiteral("7,5"));
             w->view()->setCurrentIndex(w->model()->index(0, score));
             w->view()->showCellHistory();
             return opened(s, QStringLiteral("cellHistoryDialog"));
         }},
        {QStringLiteral("21-comment-bank"),
         [](GuideSchool& s) { return trigger(s, "commentBankAction", QStringLiteral("commentBankDialog")); }},
        {QStringLiteral("22-bulk-fill"),
         [](GuideSchool& s) -> QWidget* {
             auto* w = entryOn(s, QStringLiteral("7A2"), [](const lifecycle::GridChoice& c) {
                 return isGrid(c, lifecycle::GridKind::Subject, QStringLiteral("ngu_van"), QStringLiteral("hk1"));
             });
             if (!w)
                 return nullptr;
             w->view()->setCurrentIndex(
                 w->model()->index(0, modelColumnOf(w->model()->grid(), lifecycle::CellKind::Text)));
             w->view()->bulkFillColumn();
             auto* dialog = qobject_cast<ui::BulkFillDialog*>(opened(s, QStringLiteral("bulkFillDialog")));
             if (dialog)
                 dialog->setSuitEachLevel(true); // the preview shows what each pupil would get
             return dialog;
         }},
        {QStringLiteral("23-tsa-settings"),
         [](GuideSchool& s) -> QWidget* {
             // A school that has set its time-stamping server (the test PKI's root stands in for the provider's).
             auto db = store::Database::openExisting(s.path);
             if (!db) {
                 s.error = describe(db.error());
                 return nullptr;
             }
             if (auto set
                 = lifecycle::setTsa(**db, kActor, QStringLiteral("http://tsa.ca.example.vn"), s.pki.caDer(), false);
                 !set) {
                 s.error = describe(set.error());
                 return nullptr;
             }
             return trigger(s, "tsaSettingsAction", QStringLiteral("tsaSettingsDialog"));
         }},
    };
}

} // namespace hocba::test
