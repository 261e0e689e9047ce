// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "ArchiveStamping.h"
#include "ClassReviewDialog.h"
#include "CommentBankDialog.h"
#include "CorrectionDialogs.h"
#include "DeadlineBoardWidget.h"
#include "DepartmentDialog.h"
#include "DepartmentSync.h"
#include "EntryGridView.h"
#include "EntryLocksDialog.h"
#include "EntryWorkspace.h"
#include "ExportDialog.h"
#include "ImportDialog.h"
#include "LoginDialog.h"
#include "MessageBox.h"
#include "NewSchoolDialog.h"
#include "PinDialog.h"
#include "PrintRecordsDialog.h"
#include "RecordPreviewWidget.h"
#include "ScreenFit.h"
#include "SignDialog.h"
#include "SignPolicyDialog.h"
#include "SigningQueueDialog.h"
#include "StudentTableModel.h"
#include "TransferDialogs.h"
#include "TrustAnchorsDialog.h"
#include "TsaSettingsDialog.h"
#include "VerifyWidget.h"
#include "lifecycle/Department.h"
#include "lifecycle/PrintSettings.h"
#include "lifecycle/RecordDocuments.h"
#include "lifecycle/SchoolFile.h"
#include "lifecycle/Session.h"
#include "lifecycle/SignerSource.h"
#include "lifecycle/TrustAnchors.h"
#include "util/Settings.h"
#include "verify/TrustStore.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace hocba::ui {

namespace {
// The product name is a brand, the same in every language.
const QString kProductName = QStringLiteral("Học bạ số");

enum Page { EmptyPage, SchoolPage };
} // namespace

/** Everything the window shows about a school, loaded before the window switches to it. */
struct MainWindow::SchoolView
{
    std::unique_ptr<lifecycle::SchoolFile> file;
    lifecycle::SchoolOverview overview;
};

MainWindow::MainWindow(Settings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(kProductName);
    createCentralWidgets();
    createActions();
    createStatusBar();
    restoreLayout();
    applySchoolView(SchoolView {});
}

MainWindow::~MainWindow() = default;

QString MainWindow::databasePath() const
{
    return m_file ? m_file->path() : QString();
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction* create = file->addAction(tr("&New school…"), this, &MainWindow::createSchoolWithDialog);
    create->setObjectName(QStringLiteral("newSchoolAction"));
    create->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open data file…"), this, &MainWindow::openDatabaseWithDialog);
    open->setObjectName(QStringLiteral("openDatabaseAction"));
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    updateRecentMenu();
    m_switchUserAction = file->addAction(tr("&Log out / switch user…"), this, &MainWindow::switchUser);
    m_switchUserAction->setObjectName(QStringLiteral("switchUserAction"));
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import from a file…"), this, &MainWindow::importFromFile);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("E&xit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    m_undoImportAction = edit->addAction(tr("&Undo the import"), this, &MainWindow::undoLastImport);
    m_undoImportAction->setObjectName(QStringLiteral("undoImportAction"));
    // A focused text field takes Ctrl+Z for itself (QLineEdit overrides the shortcut), so typing is undone there.
    m_undoImportAction->setShortcut(QKeySequence::Undo);

    QMenu* records = menuBar()->addMenu(tr("&Records"));
    records->setObjectName(QStringLiteral("recordsMenu"));
    m_signClassAction = records->addAction(tr("&Confirm and sign this class…"), this, &MainWindow::confirmAndSignClass);
    m_signClassAction->setObjectName(QStringLiteral("signClassAction"));
    m_signSchoolAction = records->addAction(tr("Sign the &whole school…"), this, &MainWindow::signWholeSchool);
    m_signSchoolAction->setObjectName(QStringLiteral("signSchoolAction"));
    // Issue 14: the check before signing, the board's approval, the principal's queue, the deadline board.
    m_reviewAction = records->addAction(tr("Check this class &before signing…"), this, &MainWindow::reviewCurrentClass);
    m_reviewAction->setObjectName(QStringLiteral("reviewClassAction"));
    m_queueAction = records->addAction(tr("Principal's signing &queue…"), this, &MainWindow::showSigningQueue);
    m_queueAction->setObjectName(QStringLiteral("signingQueueAction"));
    m_deadlineAction = records->addAction(tr("&Deadline board…"), this, &MainWindow::showDeadlineBoard);
    m_deadlineAction->setObjectName(QStringLiteral("deadlineBoardAction"));
    m_entryLocksAction = records->addAction(tr("Entry &locks…"), this, &MainWindow::showEntryLocks);
    m_entryLocksAction->setObjectName(QStringLiteral("entryLocksAction"));
    records->addSeparator();
    m_previewClassAction
        = records->addAction(tr("&Preview the whole class's records"), this, &MainWindow::previewWholeClass);
    m_previewClassAction->setObjectName(QStringLiteral("previewClassAction"));
    m_printAction = records->addAction(tr("&Print records…"), this, &MainWindow::printRecords);
    m_printAction->setObjectName(QStringLiteral("printAction"));
    m_printAction->setShortcut(QKeySequence::Print);
    m_printLogAction = records->addAction(tr("Print &log…"), this, &MainWindow::showPrintLog);
    m_printLogAction->setObjectName(QStringLiteral("printLogAction"));
    m_exportAction = records->addAction(tr("E&xport…"), this, &MainWindow::exportClass);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    records->addSeparator();
    m_versionsAction = records->addAction(tr("&Versions of this school year…"), this, &MainWindow::showVersions);
    m_versionsAction->setObjectName(QStringLiteral("versionsAction"));
    m_reopenAction = records->addAction(tr("Co&rrect after signing…"), this, &MainWindow::reopenSelected);
    m_reopenAction->setObjectName(QStringLiteral("reopenAction"));
    m_revokeAction = records->addAction(tr("Re&voke…"), this, &MainWindow::revokeSelected);
    m_revokeAction->setObjectName(QStringLiteral("revokeAction"));
    m_transferOutAction
        = records->addAction(tr("&Transfer to another school…"), this, &MainWindow::transferOutSelected);
    m_transferOutAction->setObjectName(QStringLiteral("transferOutAction"));
    m_transferInAction = records->addAction(tr("Receive a trans&ferred record…"), this, &MainWindow::receiveTransfer);
    m_transferInAction->setObjectName(QStringLiteral("transferInAction"));
    records->addSeparator();
    m_uploadAction
        = records->addAction(tr("&Send the whole school to the Department…"), this, &MainWindow::uploadToDepartment);
    m_uploadAction->setObjectName(QStringLiteral("uploadAction"));
    m_receiptsAction = records->addAction(tr("Receive &lock receipts…"), this, &MainWindow::fetchDepartmentReceipts);
    m_receiptsAction->setObjectName(QStringLiteral("receiptsAction"));
    records->addSeparator();
    m_extendArchiveAction
        = records->addAction(tr("Extend &archive time-stamps…"), this, &MainWindow::extendArchiveTimestamps);
    m_extendArchiveAction->setObjectName(QStringLiteral("extendArchiveAction"));
    m_verifyAction = records->addAction(tr("C&heck school records…"), this, &MainWindow::showVerify);
    m_verifyAction->setObjectName(QStringLiteral("verifyAction"));
    updateRecordActions();

    // Issue 14: the entry grids (docs/entry.md).
    QMenu* entry = menuBar()->addMenu(tr("E&ntry"));
    entry->setObjectName(QStringLiteral("entryMenu"));
    QAction* openGrid = entry->addAction(tr("Open &grid…"), this, &MainWindow::openEntryGrid);
    openGrid->setObjectName(QStringLiteral("openEntryGridAction"));
    openGrid->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));

    QMenu* settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->setObjectName(QStringLiteral("settingsMenu"));
    QMenu* language = settingsMenu->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    const QString current = m_settings.value(settings::UiLanguage);
    // Language names are written in their own language (not translated), so anyone can find theirs.
    for (const auto& [code, name] : {std::pair {QStringLiteral("vi"), QStringLiteral("Tiếng Việt")},
                                     std::pair {QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction* a = language->addAction(name);
        a->setObjectName(code + QStringLiteral("LanguageAction"));
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }

    m_trustAction = settingsMenu->addAction(tr("&Trusted root certificates…"), this, &MainWindow::showTrustAnchors);
    m_trustAction->setObjectName(QStringLiteral("trustAnchorsAction"));
    m_trustAction->setEnabled(m_file != nullptr);
    m_policyAction
        = settingsMenu->addAction(tr("&Signing: required signatures and seal…"), this, &MainWindow::showSignPolicy);
    m_policyAction->setObjectName(QStringLiteral("signPolicyAction"));
    m_policyAction->setEnabled(m_file != nullptr);
    // Everyone may read which server dates the signatures and test it; changing it needs ManageSchool (the dialog
    // says so).
    m_tsaAction = settingsMenu->addAction(tr("Signing: &time-stamping server…"), this, &MainWindow::showTsaSettings);
    m_tsaAction->setObjectName(QStringLiteral("tsaSettingsAction"));
    m_tsaAction->setEnabled(m_file != nullptr);
    m_departmentAction = settingsMenu->addAction(tr("Connection to the &Department of Education…"), this,
                                                 &MainWindow::showDepartmentSettings);
    m_departmentAction->setObjectName(QStringLiteral("departmentAction"));
    m_departmentAction->setEnabled(m_file != nullptr);
    // Everyone may read the school's comment bank; changing it needs ManageSchool (the dialog says so).
    m_commentBankAction = settingsMenu->addAction(tr("&Comment bank…"), this, &MainWindow::showCommentBank);
    m_commentBankAction->setObjectName(QStringLiteral("commentBankAction"));
    m_commentBankAction->setEnabled(m_file != nullptr);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* about = help->addAction(tr("&About %1").arg(kProductName), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);

    QAction* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        if (m_filter->isEnabled()) {
            m_filter->setFocus(Qt::ShortcutFocusReason);
            m_filter->selectAll();
        }
    });
    addAction(find);
}

void MainWindow::createCentralWidgets()
{
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("mainStackedWidget"));

    // Shown when no file is open (first start without a demo, or a file that could not be opened).
    auto* empty = new QWidget(m_stack);
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    auto* emptyLabel = new QLabel(tr("No data file is open."), empty);
    emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(emptyLabel);
    auto* openButton = new QPushButton(tr("Open data file…"), empty);
    openButton->setObjectName(QStringLiteral("openDatabasePushButton"));
    connect(openButton, &QPushButton::clicked, this, &MainWindow::openDatabaseWithDialog);
    emptyLayout->addWidget(openButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    m_stack->insertWidget(EmptyPage, empty);

    m_splitter = new QSplitter(Qt::Horizontal, m_stack);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);

    m_navigation = new QStandardItemModel(this);
    m_tree = new QTreeView(m_splitter);
    m_tree->setObjectName(QStringLiteral("navigationTreeView"));
    m_tree->setModel(m_navigation);
    m_tree->setHeaderHidden(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setUniformRowHeights(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onNavigationChanged(current); });

    auto* right = new QWidget(m_splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_classTitle = new QLabel(right);
    m_classTitle->setObjectName(QStringLiteral("classTitleLabel"));
    QFont titleFont = m_classTitle->font();
    titleFont.setBold(true);
    m_classTitle->setFont(titleFont);
    rightLayout->addWidget(m_classTitle);

    m_filter = new QLineEdit(right);
    m_filter->setObjectName(QStringLiteral("filterLineEdit"));
    m_filter->setPlaceholderText(tr("Find a student…"));
    m_filter->setToolTip(tr("Type part of a name (with or without accents) or an ID number"));
    m_filter->setClearButtonEnabled(true);
    rightLayout->addWidget(m_filter);

    m_students = new StudentTableModel(this);
    m_proxy = new StudentSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_students);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setSearchText(text);
        updateSelectionStatus();
    });

    m_table = new QTableView(right);
    m_table->setObjectName(QStringLiteral("studentTableView"));
    m_table->setModel(m_proxy);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setSortingEnabled(true);
    // Start in class list order (STT), which is already Vietnamese name order.
    m_table->sortByColumn(StudentTableModel::RowNumber, Qt::AscendingOrder);
    // The class list above, the selected student's printed record below (rendered from packets, in the background).
    m_recordSplitter = new QSplitter(Qt::Vertical, right);
    m_recordSplitter->setObjectName(QStringLiteral("recordSplitter"));
    m_recordSplitter->setChildrenCollapsible(false);
    m_recordSplitter->addWidget(m_table);
    m_preview = new RecordPreviewWidget(m_recordSplitter);
    m_preview->setPrintHandler([this] { printRecords(); });
    m_preview->setObjectName(QStringLiteral("recordPreviewWidget"));
    m_recordSplitter->addWidget(m_preview);
    m_recordSplitter->setStretchFactor(0, 1);
    m_recordSplitter->setStretchFactor(1, 2);
    rightLayout->addWidget(m_recordSplitter, 1);
    // currentChanged, not currentRowChanged: the first click may land on the row that is already current.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        showRecordOf(current);
        updateRecordActions();
    });

    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({240, 760});
    m_stack->insertWidget(SchoolPage, m_splitter);

    setCentralWidget(m_stack);
}

void MainWindow::createStatusBar()
{
    statusBar()->setObjectName(QStringLiteral("mainStatusBar"));
    auto make = [this](const char* name) {
        auto* label = new QLabel(statusBar());
        label->setObjectName(QString::fromLatin1(name));
        return label;
    };
    m_schoolLabel = make("schoolStatusLabel");
    m_fileLabel = make("fileStatusLabel");
    m_countsLabel = make("countsStatusLabel");
    m_selectionLabel = make("selectionStatusLabel");
    m_userLabel = make("userStatusLabel");
    m_outboxLabel = make("outboxStatusLabel");
    statusBar()->addWidget(m_schoolLabel);
    statusBar()->addWidget(m_fileLabel);
    statusBar()->addWidget(m_countsLabel);
    statusBar()->addWidget(m_outboxLabel);
    // The selection repeats what the window shows; when the bar is crowded it is cut, not the school's or the
    // outbox's words.
    m_selectionLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(m_selectionLabel, 1);
    statusBar()->addPermanentWidget(m_userLabel);
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings.value(settings::MainWindowGeometry);
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // The very first start: maximised, with a size to come back to when the user restores the window.
        resizeWithinScreen(this, QSize(1100, 700));
        setWindowState(windowState() | Qt::WindowMaximized);
    }
    restoreState(m_settings.value(settings::MainWindowState));
    const QByteArray splitter = m_settings.value(settings::MainSplitterState);
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const QByteArray header = m_settings.value(settings::StudentTableHeaderState);
    // Only widths the user set are kept; without them the columns fit the first class shown.
    if (!header.isEmpty() && m_table->horizontalHeader()->restoreState(header))
        m_columnsSized = true;
}

void MainWindow::saveLayout()
{
    m_settings.setValue(settings::MainWindowGeometry, saveGeometry());
    m_settings.setValue(settings::MainWindowState, saveState());
    m_settings.setValue(settings::MainSplitterState, m_splitter->saveState());
    if (m_columnsSized)
        m_settings.setValue(settings::StudentTableHeaderState, m_table->horizontalHeader()->saveState());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

bool MainWindow::openDatabase(const QString& path)
{
    return openDatabase(path, std::nullopt);
}

bool MainWindow::openDatabase(const QString& path, std::optional<lifecycle::Actor> loggedIn)
{
    if (path.isEmpty())
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();

    // Opening may take a backup and upgrade an older file; a wait cursor says the app is working.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto load = [&]() -> Result<SchoolView> {
        auto file = lifecycle::SchoolFile::open(absolute);
        if (!file)
            return std::unexpected(file.error());
        auto overview = (*file)->overview();
        if (!overview)
            return std::unexpected(overview.error());
        return SchoolView {std::move(*file), std::move(*overview)};
    };
    auto view = load();
    QGuiApplication::restoreOverrideCursor();

    if (!view) {
        if (view.error().code == ErrorCode::NotFound) {
            // A file that is gone (a USB stick taken out, a renamed folder) is not offered again.
            QStringList recent = m_settings.value(settings::RecentDatabases);
            recent.removeAll(absolute);
            m_settings.setValue(settings::RecentDatabases, recent);
            updateRecentMenu();
        }
        showOpenError(absolute, view.error());
        return false;
    }
    auto actor = loggedIn ? Result<lifecycle::Actor>(std::move(*loggedIn)) : whoWorksOn(*view);
    if (!actor) {
        if (actor.error().code != ErrorCode::Cancelled)
            showOpenError(absolute, actor.error());
        return false; // nobody logged in: the file is not opened
    }
    dropDepartmentSync(); // it belongs to the file and the account that were open
    m_actor = std::move(*actor);
    m_lastImport.reset(); // an undo step belongs to the file it was made in
    applySchoolView(std::move(*view));
    m_tree->setFocus(Qt::OtherFocusReason); // arrow keys move through years and classes right away
    rememberRecent(absolute);
    Q_EMIT databaseOpened(absolute);
    tryQuietUpload();
    return true;
}

Result<lifecycle::Actor> MainWindow::whoWorksOn(const SchoolView& view)
{
    auto hasAccounts = lifecycle::schoolHasAccounts(view.file->database());
    if (!hasAccounts)
        return std::unexpected(hasAccounts.error());
    if (!*hasAccounts)
        return lifecycle::Actor::unrestricted();
    return LoginDialog::ask(view.file->database(), view.overview.school ? view.overview.school->name : QString(), this);
}

void MainWindow::switchUser()
{
    if (!m_file)
        return;
    auto actor = LoginDialog::ask(m_file->database(), m_school ? m_school->name : QString(), this);
    if (!actor) {
        // Logging out without a new login closes the file: nobody works on it any more.
        dropDepartmentSync();
        m_actor = lifecycle::Actor::unrestricted();
        applySchoolView(SchoolView {});
        return;
    }
    dropDepartmentSync();
    closeEntryWorkspace();
    m_actor = std::move(*actor);
    updateRecordActions();
}

void MainWindow::showOpenError(const QString& path, const Error& error)
{
    Q_UNUSED(path); // the message from the store already names the file
    const QString hint = m_file ? tr("The file that was open stays open. You can open another file with File → "
                                     "Open data file….")
                                : tr("You can open another data file with File → Open data file….");
    MessageBox::critical(this, tr("Cannot open the data file"), error.message + QStringLiteral("\n\n") + hint,
                         error.detail);
}

void MainWindow::createSchoolWithDialog()
{
    NewSchoolDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        openDatabase(dialog.path(), dialog.administrator());
}

void MainWindow::openDatabaseWithDialog()
{
    QString dir = m_file ? QFileInfo(m_file->path()).absolutePath() : QString();
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::getOpenFileName(this, tr("Open data file"), dir,
                                                     tr("School record files (*.hocba);;All files (*)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::applySchoolView(SchoolView view)
{
    closeEntryWorkspace();
    clearClass();
    m_navigation->clear();
    m_navigationText.clear();
    m_file = std::move(view.file);
    m_school = std::move(view.overview.school);
    m_summary = std::move(view.overview.summary);
    m_classes = std::move(view.overview.classes);

    if (!m_file) {
        m_stack->setCurrentIndex(EmptyPage);
        setWindowTitle(kProductName);
        m_schoolLabel->setText(tr("No data file is open"));
        m_fileLabel->clear();
        m_fileLabel->setToolTip(QString());
        m_countsLabel->clear();
        dropDepartmentSync();
        resetArchiveStamping();
        updateOutboxStatus();
        updateSelectionStatus();
        updateRecordActions();
        return;
    }

    // Class sizes from the summary: it counts every version of a section, so replaced (superseded) versions are
    // taken off to count each student once, as the class list does.
    QHash<QString, int> sizes;
    for (const auto& c : std::as_const(m_summary.classes))
        sizes.insert(QString::number(c.year.startYear) + QLatin1Char('/') + c.className,
                     c.students - c.sectionsByState.value(toCode(SectionState::Superseded)));

    QList<SchoolYear> years = view.overview.years;
    for (const ClassGroup& c : std::as_const(m_classes))
        if (!years.contains(c.schoolYear))
            years.append(c.schoolYear);
    // Newest year first: it is the one staff work in.
    std::sort(years.begin(), years.end(), [](SchoolYear a, SchoolYear b) { return b < a; });

    QStandardItem* root = m_navigation->invisibleRootItem();
    for (const SchoolYear year : std::as_const(years)) {
        auto* yearItem = new QStandardItem(tr("School year %1").arg(year.toString()));
        yearItem->setData(YearNode, NodeKindRole);
        yearItem->setData(year.startYear, SchoolYearRole);
        QStandardItem* gradeItem = nullptr;
        for (const ClassGroup& c : std::as_const(m_classes)) { // ordered by grade and name
            if (c.schoolYear != year)
                continue;
            if (!gradeItem || gradeItem->data(GradeRole).toInt() != c.grade) {
                gradeItem = new QStandardItem(tr("Grade %1").arg(c.grade));
                gradeItem->setData(GradeNode, NodeKindRole);
                gradeItem->setData(year.startYear, SchoolYearRole);
                gradeItem->setData(c.grade, GradeRole);
                yearItem->appendRow(gradeItem);
            }
            const int students = sizes.value(QString::number(year.startYear) + QLatin1Char('/') + c.name);
            auto* classItem = new QStandardItem(tr("Class %1 (%2)").arg(c.name).arg(students));
            classItem->setToolTip(tr("Students: %1").arg(students));
            classItem->setData(ClassNode, NodeKindRole);
            classItem->setData(c.id, ClassIdRole);
            classItem->setData(year.startYear, SchoolYearRole);
            classItem->setData(c.grade, GradeRole);
            classItem->setData(students, StudentCountRole);
            gradeItem->appendRow(classItem);
        }
        root->appendRow(yearItem);
    }
    QModelIndex firstClass;
    if (m_navigation->rowCount() > 0) {
        const QModelIndex newest = m_navigation->index(0, 0);
        m_tree->expand(newest);
        for (int i = 0; i < m_navigation->rowCount(newest); ++i)
            m_tree->expand(m_navigation->index(i, 0, newest));
        const QModelIndex firstGrade = m_navigation->index(0, 0, newest);
        if (firstGrade.isValid())
            firstClass = m_navigation->index(0, 0, firstGrade);
    }

    m_stack->setCurrentIndex(SchoolPage);
    const QString schoolName
        = m_school && !m_school->name.isEmpty() ? m_school->name : tr("(school name not entered yet)");
    setWindowTitle(QStringLiteral("%1 — %2").arg(schoolName, kProductName));
    m_schoolLabel->setText(schoolName);
    m_fileLabel->setText(QFileInfo(m_file->path()).fileName());
    m_fileLabel->setToolTip(QDir::toNativeSeparators(m_file->path()));
    m_countsLabel->setText(tr("Students: %1 · Classes: %2").arg(m_summary.students).arg(m_summary.classes.size()));
    m_classTitle->setText(tr("Choose a class to see its students."));
    // Open on the first class of the newest year: a teacher sees students at once, not an empty table.
    if (firstClass.isValid())
        m_tree->setCurrentIndex(firstClass);
    resetArchiveStamping();
    updateOutboxStatus();
    updateSelectionStatus();
    updateRecordActions();
}

void MainWindow::refreshSchool()
{
    if (!m_file)
        return;
    auto overview = m_file->overview();
    if (!overview) {
        MessageBox::critical(this, tr("Cannot show the school"), overview.error().message, overview.error().detail);
        return;
    }
    const std::optional<Id> classId = m_currentClass ? std::optional<Id>(m_currentClass->id) : std::nullopt;
    applySchoolView(SchoolView {std::move(m_file), std::move(*overview)});
    if (!classId || m_navigation->rowCount() == 0)
        return;
    const QModelIndexList found = m_navigation->match(m_navigation->index(0, 0), ClassIdRole, *classId, 1,
                                                      Qt::MatchExactly | Qt::MatchRecursive);
    if (!found.isEmpty())
        m_tree->setCurrentIndex(found.first());
}

void MainWindow::onNavigationChanged(const QModelIndex& current)
{
    if (!current.isValid() || !m_file) {
        clearClass();
        m_navigationText.clear();
        updateSelectionStatus();
        return;
    }
    const int kind = current.data(NodeKindRole).toInt();
    if (kind == ClassNode) {
        const Id id = current.data(ClassIdRole).toLongLong();
        const auto it
            = std::find_if(m_classes.cbegin(), m_classes.cend(), [id](const ClassGroup& c) { return c.id == id; });
        if (it != m_classes.cend()) {
            showClass(*it);
            return;
        }
    }
    clearClass();
    if (kind == GradeNode)
        m_navigationText = tr("School year %1 · Grade %2")
                               .arg(SchoolYear {current.data(SchoolYearRole).toInt()}.toString())
                               .arg(current.data(GradeRole).toInt());
    else
        m_navigationText = current.data(Qt::DisplayRole).toString();
    m_classTitle->setText(tr("Choose a class to see its students."));
    updateSelectionStatus();
}

void MainWindow::showClass(const ClassGroup& cls)
{
    auto roster = m_file->roster(cls.id);
    if (!roster) {
        clearClass();
        MessageBox::critical(this, tr("Cannot show the class"), roster.error().message, roster.error().detail);
        updateSelectionStatus();
        return;
    }
    m_currentTeacherName = m_file->homeroomTeacherName(cls);
    m_currentClass = cls;
    m_navigationText.clear();
    loadLockDates(cls);
    m_students->setRoster(std::move(*roster));
    m_filter->setEnabled(true);
    m_classTitle->setText(tr("Class %1 · School year %2").arg(cls.name, cls.schoolYear.toString()));
    updateRecordActions();
    if (!m_columnsSized && m_students->rowCount() > 0) {
        m_table->resizeColumnsToContents();
        m_columnsSized = true;
    }
    updateSelectionStatus();
}

void MainWindow::showRecordOf(const QModelIndex& proxyIndex)
{
    if (!m_file || !proxyIndex.isValid()) {
        m_previewRecordId = 0;
        m_preview->clear();
        return;
    }
    const int row = m_proxy->mapToSource(proxyIndex).row();
    if (row < 0 || row >= m_students->roster().size())
        return;
    const Id recordId = m_students->roster().at(row).recordId;
    if (recordId == m_previewRecordId)
        return; // another cell of the same student
    m_previewRecordId = recordId;
    auto input = lifecycle::renderInputForRecord(m_file->database(), recordId);
    if (!input) {
        m_preview->clear();
        MessageBox::critical(this, tr("Cannot show the record"), input.error().message, input.error().detail);
        return;
    }
    m_preview->setRecord(*input, renderOptions());
}

render::RenderOptions MainWindow::renderOptions() const
{
    render::RenderOptions options;
    // The school's lookup portal and seal (Settings); a file that cannot say them prints with the defaults.
    if (m_file)
        if (auto s = lifecycle::applyPrintSettings(m_file->database(), options); !s)
            qWarning() << "print settings:" << s.error().detail;
    return options;
}

void MainWindow::previewWholeClass()
{
    if (!m_file || !m_currentClass)
        return;
    // The packets are built here (milliseconds each); rendering the class runs in the background.
    QList<render::RenderInput> inputs;
    for (const RosterEntry& e : m_students->roster()) {
        auto input = lifecycle::renderInputForRecord(m_file->database(), e.recordId);
        if (!input) {
            MessageBox::critical(this, tr("Cannot show the record"), input.error().message, input.error().detail);
            return;
        }
        inputs.append(std::move(*input));
    }
    m_table->clearSelection();
    m_previewRecordId = 0;
    m_preview->setRecords(
        inputs, tr("School records of class %1, %2").arg(m_currentClass->name, m_currentClass->schoolYear.toString()),
        renderOptions());
}

void MainWindow::clearClass()
{
    m_currentClass.reset();
    m_currentTeacherName.clear();
    m_students->clear();
    m_filter->clear();
    m_filter->setEnabled(false);
    m_previewRecordId = 0;
    if (m_preview)
        m_preview->clear();
    m_classTitle->setText(m_file ? tr("Choose a class to see its students.") : QString());
    updateRecordActions();
}

void MainWindow::updateSelectionStatus()
{
    if (!m_currentClass) {
        m_selectionLabel->setText(m_navigationText);
        return;
    }
    QStringList parts;
    parts << tr("Class %1 · School year %2").arg(m_currentClass->name, m_currentClass->schoolYear.toString());
    if (!m_currentTeacherName.isEmpty())
        parts << tr("Homeroom teacher: %1").arg(m_currentTeacherName);
    const int total = m_students->rowCount();
    const int shown = m_proxy->rowCount();
    parts << (shown == total ? tr("Students: %1").arg(total) : tr("Showing %1 of %2 students").arg(shown).arg(total));
    m_selectionLabel->setText(parts.join(QStringLiteral(" · ")));
}

QString MainWindow::statusText() const
{
    QStringList parts;
    for (const QLabel* l : {m_schoolLabel, m_fileLabel, m_countsLabel, m_selectionLabel, m_outboxLabel, m_userLabel})
        if (!l->text().isEmpty())
            parts << l->text();
    return parts.join(QStringLiteral(" | "));
}

void MainWindow::rememberRecent(const QString& path)
{
    QStringList recent = m_settings.value(settings::RecentDatabases);
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    m_settings.setValue(settings::RecentDatabases, recent);
    m_settings.setValue(settings::LastDatabase, path);
    m_settings.sync();
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings.value(settings::RecentDatabases);
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction* a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(
            QFileInfo(path).fileName().replace(QLatin1Char('&'), QStringLiteral("&&"))));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        a->setData(path);
        connect(a, &QAction::triggered, this, [this, path] { openDatabase(path); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("(no recent files)"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear list"), this, [this] {
        m_settings.setValue(settings::RecentDatabases, QStringList());
        updateRecentMenu();
    });
}

QString MainWindow::aboutText() const
{
    QString text = QStringLiteral("<h3>%1</h3>").arg(kProductName);
    text += QStringLiteral("<p>%1</p>").arg(tr("Version %1").arg(QStringLiteral(HOCBA_VERSION)));
    text += QStringLiteral("<p>%1</p>")
                .arg(tr("Digital school records for primary and lower-secondary schools, kept according to "
                        "Circular 27/2020/TT-BGDĐT (primary) and Circular 22/2021/TT-BGDĐT (lower secondary)."));
    text += QStringLiteral("<p>%1</p>")
                .arg(tr("Built with Qt %1, running on Qt %2.")
                         .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    const QString file = m_file ? tr("Data file: %1").arg(QDir::toNativeSeparators(m_file->path()).toHtmlEscaped())
                                : tr("No data file is open.");
    text += QStringLiteral("<p>%1</p>").arg(file);
    // scripts/run.sh prepares a demo USB token (SoftHSM2) for newcomers and says so through this variable.
    if (!qEnvironmentVariableIsEmpty("HOCBA_DEMO_TOKEN"))
        text += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("Demo USB token \"%1\" is ready: its PIN is 123456. It is for trying the program only; "
                            "records signed with it are not legally valid.")
                             .arg(QString::fromLocal8Bit(qgetenv("HOCBA_DEMO_TOKEN")).toHtmlEscaped()));
    text += QStringLiteral("<p>%1</p>")
                .arg(tr("Free software under the GNU General Public License, version 3 or "
                        "later."));
    return text;
}

void MainWindow::showAbout()
{
    MessageBox::about(this, tr("About %1").arg(kProductName), aboutText());
}

void MainWindow::setLanguage(const QString& code)
{
    for (QAction* a : m_languageGroup->actions())
        a->setChecked(a->data().toString() == code);
    if (m_settings.value(settings::UiLanguage) == code)
        return;
    m_settings.setValue(settings::UiLanguage, code);
    m_settings.sync();
    MessageBox::information(this, tr("Language"),
                            tr("The new language will be used the next time you start %1.").arg(kProductName));
}

void MainWindow::updateRecordActions()
{
    if (!m_signClassAction)
        return;
    // Hidden rights are not the guard (core refuses anyway): the menu only spares a teacher a refusal.
    const bool mayConfirmOrSign = m_actor.has(lifecycle::Right::Sign) || m_actor.has(lifecycle::Right::WriteHomeroom);
    const bool mayManage = m_actor.has(lifecycle::Right::ManageSchool);
    if (m_userLabel)
        m_userLabel->setText(m_file ? actorText(m_actor) : QString());
    m_switchUserAction->setEnabled(m_file && !m_actor.isUnrestricted());
    m_signClassAction->setEnabled(m_file && m_currentClass && mayConfirmOrSign);
    m_signSchoolAction->setEnabled(m_file && !m_classes.isEmpty() && mayConfirmOrSign);
    m_previewClassAction->setEnabled(m_file && m_currentClass && m_students->rowCount() > 0);
    const bool mayPrint = m_file && m_actor.has(lifecycle::Right::PrintExport);
    m_printAction->setEnabled(mayPrint && m_currentClass && m_students->rowCount() > 0);
    m_printLogAction->setEnabled(mayPrint);
    m_exportAction->setEnabled(mayPrint && m_currentClass);
    m_reviewAction->setEnabled(m_file && m_currentClass);
    m_queueAction->setEnabled(m_file && !m_classes.isEmpty() && m_actor.has(lifecycle::Right::Sign));
    m_deadlineAction->setEnabled(m_file && !m_classes.isEmpty());
    m_entryLocksAction->setEnabled(m_file && !m_classes.isEmpty()); // read-only without Right::LockEntry
    // Checking a file needs no school file: without one, the built-in trust anchors are used.
    m_verifyAction->setEnabled(true);
    m_extendArchiveAction->setEnabled(m_file && m_archive && !m_archive->isBusy()
                                      && m_actor.has(lifecycle::Right::Report));
    if (m_trustAction)
        m_trustAction->setEnabled(m_file != nullptr && mayManage);
    if (m_policyAction)
        m_policyAction->setEnabled(m_file != nullptr && mayManage);
    if (m_departmentAction)
        m_departmentAction->setEnabled(m_file != nullptr && mayManage);
    if (m_tsaAction)
        m_tsaAction->setEnabled(m_file != nullptr);
    if (m_commentBankAction)
        m_commentBankAction->setEnabled(m_file != nullptr);
    const bool mayReport = m_file && m_actor.has(lifecycle::Right::Report);
    m_uploadAction->setEnabled(mayReport && !m_classes.isEmpty());
    m_uploadAction->setText(m_currentClass ? tr("&Send class %1 to the Department…").arg(m_currentClass->name)
                                           : tr("&Send the whole school to the Department…"));
    m_receiptsAction->setEnabled(mayReport);
    if (m_versionsAction) {
        const std::optional<RosterEntry> entry = selectedEntry();
        const bool may = m_file && m_recordLifecycle && entry.has_value();
        const bool maySign = m_actor.has(lifecycle::Right::Sign);
        // A locked year offers nothing and says why; the chain dialog explains the other refusals.
        const bool locked = entry && entry->section.state == SectionState::Locked;
        // A record handed over to another school is read-only here (the database refuses changes too).
        const bool away = entry && entry->transferredAt.isValid();
        const QString why = away ? StudentTableModel::transferredAwayText(*entry)
            : locked             ? tr("The Department has locked this school year: nothing can change.")
                                 : QString();
        m_versionsAction->setEnabled(may);
        for (QAction* a : {m_reopenAction, m_revokeAction, m_transferOutAction}) {
            a->setEnabled(may && maySign && !locked && !away);
            a->setToolTip(why);
            a->setStatusTip(why);
        }
        m_transferInAction->setEnabled(m_file && m_recordLifecycle && m_actor.has(lifecycle::Right::ManageSchool));
    }
    if (m_importAction) {
        // Student lists need the school's management, grade books a teaching assignment; core checks each import.
        const bool mayImport
            = m_actor.has(lifecycle::Right::ManageSchool) || m_actor.has(lifecycle::Right::WriteGrades);
        m_importAction->setEnabled(m_file && m_importRunners && mayImport);
        m_undoImportAction->setEnabled(m_file && m_importRunners && m_lastImport);
    }
}

void MainWindow::showSignPolicy()
{
    if (!m_file)
        return;
    auto* dialog = new SignPolicyDialog(m_file->database(), m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showTsaSettings()
{
    if (!m_file)
        return;
    auto* dialog = new TsaSettingsDialog(m_file->database(), m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showCommentBank()
{
    if (!m_file)
        return;
    auto* dialog = new CommentBankDialog(m_file->database(), m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showTrustAnchors()
{
    if (!m_file)
        return;
    auto* dialog = new TrustAnchorsDialog(m_file->database(), m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

lifecycle::SignerSource& MainWindow::signerSource()
{
    if (!m_tokenSource)
        m_tokenSource = std::make_unique<lifecycle::TokenServiceSource>();
    return *m_tokenSource;
}

SignDialog* MainWindow::openSignDialog(SchoolYear year, std::optional<QString> className, QList<Id> sections)
{
    if (!m_file)
        return nullptr;
    if (!m_pins)
        m_pins = std::make_unique<GuiPinProvider>(this);
    auto* dialog = new SignDialog(m_file->database(), m_actor,
                                  SignDialog::Scope {year, std::move(className), std::move(sections)}, signerSource(),
                                  *m_pins, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SignDialog::finished, this, [this] {
        // The class list shows the new states (ready, signed) at once.
        if (m_currentClass)
            showClass(*m_currentClass);
        updateOutboxStatus(); // signing fills the outbox
    });
    dialog->open();
    return dialog;
}

void MainWindow::confirmAndSignClass()
{
    if (m_currentClass)
        openSignDialog(m_currentClass->schoolYear, m_currentClass->name);
}

SchoolYear MainWindow::yearInView() const
{
    // The year in view (the chosen class's), else the newest year of the file.
    SchoolYear year = m_classes.isEmpty() ? SchoolYear {} : m_classes.first().schoolYear;
    for (const ClassGroup& c : m_classes)
        year = std::max(year, c.schoolYear);
    if (m_currentClass)
        year = m_currentClass->schoolYear;
    return year;
}

void MainWindow::signWholeSchool()
{
    if (!m_file || m_classes.isEmpty())
        return;
    openSignDialog(yearInView(), std::nullopt);
}

ClassReviewDialog* MainWindow::openClassReview(SchoolYear year, const QString& className)
{
    if (!m_file)
        return nullptr;
    auto* dialog = new ClassReviewDialog(m_file->database(), m_actor, year, className, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_school)
        dialog->setSchoolName(m_school->name);
    connect(dialog, &ClassReviewDialog::changed, this, [this] {
        if (m_currentClass)
            showClass(*m_currentClass);
    });
    dialog->show();
    return dialog;
}

void MainWindow::reviewCurrentClass()
{
    if (m_currentClass)
        openClassReview(m_currentClass->schoolYear, m_currentClass->name);
}

void MainWindow::showDeadlineBoard()
{
    if (!m_file || m_classes.isEmpty())
        return;
    const SchoolYear year = yearInView();
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("deadlineBoardDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Deadline board: school year %1").arg(year.toString()));
    resizeWithinScreen(dialog, QSize(1100, 560));
    auto* board = new DeadlineBoardWidget(m_file->database(), year, dialog);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(board);
    connect(board, &DeadlineBoardWidget::classActivated, dialog, [this, year, board](const QString& name) {
        if (auto* review = openClassReview(year, name))
            connect(review, &ClassReviewDialog::changed, board, &DeadlineBoardWidget::refresh);
    });
    connect(board, &DeadlineBoardWidget::gridActivated, dialog, [this, year](const QString& name) {
        for (const ClassGroup& cls : std::as_const(m_classes))
            if (cls.schoolYear == year && cls.name == name)
                openEntryGridFor(cls);
    });
    dialog->show();
}

EntryLocksDialog* MainWindow::showEntryLocks()
{
    if (!m_file || m_classes.isEmpty())
        return nullptr;
    auto* dialog = new EntryLocksDialog(m_file->database(), m_actor, yearInView(), m_classes, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::showSigningQueue()
{
    if (!m_file || m_classes.isEmpty())
        return;
    auto* dialog = new SigningQueueDialog(m_file->database(), m_actor, yearInView(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SigningQueueDialog::signRequested, this,
            [this, dialog](const QString& className, const QList<Id>& sections) {
                if (auto* sign = openSignDialog(dialog->year(), className, sections))
                    connect(sign, &SignDialog::finished, dialog, &SigningQueueDialog::refresh);
            });
    dialog->show();
}

void MainWindow::setRecordLifecycle(RecordLifecycleFactory factory)
{
    m_recordLifecycle = std::move(factory);
    updateRecordActions();
}

void MainWindow::printRecords()
{
    if (!m_file || !m_currentClass)
        return;
    PrintRecordsDialog::Scope scope;
    scope.year = m_currentClass->schoolYear;
    scope.className = m_currentClass->name;
    // The chosen rows (or the current one); a class shown whole in the preview starts with the whole class.
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows << m_proxy->mapToSource(index).row();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows << m_proxy->mapToSource(m_table->currentIndex()).row();
    std::sort(rows.begin(), rows.end());
    for (int row : rows)
        if (row >= 0 && row < m_students->roster().size())
            scope.selectedSections << m_students->roster().at(row).section.id;
    scope.wholeClass = m_previewRecordId == 0;
    auto* dialog = new PrintRecordsDialog(m_file->path(), m_actor, scope, renderOptions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showPrintLog()
{
    if (!m_file)
        return;
    std::optional<SchoolYear> year;
    std::optional<QString> className;
    if (m_currentClass) {
        year = m_currentClass->schoolYear;
        className = m_currentClass->name;
    }
    auto* dialog = new PrintLogDialog(m_file->database(), m_actor, year, className, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::exportClass()
{
    if (!m_file || !m_currentClass)
        return;
    auto* dialog = new ExportDialog(m_file->database(), m_actor, *m_currentClass, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

std::optional<RosterEntry> MainWindow::selectedEntry() const
{
    if (!m_table || !m_proxy || !m_students)
        return std::nullopt;
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const int row = m_proxy->mapToSource(current).row();
    if (row < 0 || row >= m_students->roster().size())
        return std::nullopt;
    return m_students->roster().at(row);
}

RecordVersionsDialog* MainWindow::openVersions(const RosterEntry& entry)
{
    if (!m_file || !m_recordLifecycle)
        return nullptr;
    if (!m_pins)
        m_pins = std::make_unique<GuiPinProvider>(this);
    const QString what = tr("%1 · School year %2, grade %3")
                             .arg(entry.student.fullName, entry.section.schoolYear.toString())
                             .arg(entry.section.grade);
    auto* dialog
        = new RecordVersionsDialog(std::shared_ptr<RecordLifecycle>(m_recordLifecycle(m_file->database(), m_actor)),
                                   signerSource(), *m_pins, entry.section.id, entry.lookupCode, what, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RecordVersionsDialog::changed, this, [this] {
        if (m_currentClass)
            showClass(*m_currentClass);
        updateOutboxStatus();
    });
    dialog->open();
    return dialog;
}

void MainWindow::showVersions()
{
    if (auto entry = selectedEntry())
        openVersions(*entry);
}

void MainWindow::reopenSelected()
{
    if (auto entry = selectedEntry())
        if (auto* dialog = openVersions(*entry))
            connect(dialog, &RecordVersionsDialog::loaded, dialog, &RecordVersionsDialog::openReopen,
                    Qt::SingleShotConnection);
}

void MainWindow::revokeSelected()
{
    if (auto entry = selectedEntry())
        if (auto* dialog = openVersions(*entry))
            connect(dialog, &RecordVersionsDialog::loaded, dialog, &RecordVersionsDialog::openRevoke,
                    Qt::SingleShotConnection);
}

void MainWindow::transferOutSelected()
{
    const std::optional<RosterEntry> entry = selectedEntry();
    if (!entry || !m_file || !m_recordLifecycle)
        return;
    if (!m_pins)
        m_pins = std::make_unique<GuiPinProvider>(this);
    auto* dialog = new TransferOutDialog(
        std::shared_ptr<RecordLifecycle>(m_recordLifecycle(m_file->database(), m_actor)), signerSource(), *m_pins,
        entry->student.moetCode,
        tr("%1 · class %2").arg(entry->student.fullName, m_currentClass ? m_currentClass->name : QString()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TransferOutDialog::transferred, this, [this] {
        if (m_currentClass)
            showClass(*m_currentClass);
        updateOutboxStatus();
    });
    dialog->open();
}

void MainWindow::receiveTransfer()
{
    if (!m_file || !m_recordLifecycle || m_classes.isEmpty())
        return;
    SchoolYear year = m_classes.first().schoolYear;
    for (const ClassGroup& c : m_classes)
        year = std::max(year, c.schoolYear);
    QStringList names;
    for (const ClassGroup& c : m_classes)
        if (c.schoolYear == year)
            names << c.name;
    auto* dialog = new TransferInDialog(
        std::shared_ptr<RecordLifecycle>(m_recordLifecycle(m_file->database(), m_actor)), names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TransferInDialog::importFinished, this, [this] {
        refreshSchool();
        updateOutboxStatus();
    });
    dialog->open();
}

void MainWindow::setImportRunners(ImportRunnersFactory factory)
{
    m_importRunners = std::move(factory);
    updateRecordActions();
}

void MainWindow::importFromFile()
{
    if (!m_file || !m_importRunners)
        return;
    ImportDialog::Choices choices;
    for (int i = 0; i < m_navigation->rowCount(); ++i) // the tree's years: those with classes and empty ones
        choices.years.append(SchoolYear {m_navigation->index(i, 0).data(SchoolYearRole).toInt()});
    choices.classes = m_classes;
    auto* dialog = new ImportDialog(m_importRunners(m_file->database(), m_actor).run, std::move(choices), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // An import that changed nothing leaves the previous one as the step to undo.
        if (auto written = dialog->written())
            m_lastImport = std::move(written);
        refreshSchool();
    });
    dialog->open();
}

void MainWindow::undoLastImport()
{
    if (!m_file || !m_lastImport || !m_importRunners)
        return;
    const UndoAnswer answer
        = undoImportWithConfirmation(this, m_importRunners(m_file->database(), m_actor).undo, *m_lastImport);
    if (answer == UndoAnswer::Declined)
        return;
    // A refusal means the file changed since the import; asking again would be refused again.
    m_lastImport.reset();
    if (answer == UndoAnswer::Undone)
        refreshSchool();
    else
        updateRecordActions();
}

void MainWindow::showVerify()
{
    QList<QByteArray> anchors;
    if (m_file) {
        auto trust = lifecycle::TrustAnchors::load(m_file->database());
        if (!trust) {
            MessageBox::critical(this, tr("Check school records"), trust.error().message, trust.error().detail);
            return;
        }
        anchors = trust->anchorsDer();
    } else {
        anchors = signing::TrustStore::builtIn().anchorsDer();
    }
    auto* dialog = new VerifyWidget(anchors, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_file)
        if (auto endpoint = lifecycle::endpointSettings(m_file->database()); endpoint && *endpoint)
            dialog->setLookupUrl((*endpoint)->url);
    dialog->open();
}

void MainWindow::showDepartmentSettings()
{
    if (!m_file)
        return;
    auto* dialog = new DepartmentDialog(m_file->database(), m_actor, m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

DepartmentSync* MainWindow::departmentSync()
{
    if (!m_file)
        return nullptr;
    if (!m_sync) {
        m_sync = new DepartmentSync(m_file->path(), m_actor, this);
        connect(m_sync, &DepartmentSync::finished, this, [this] {
            // The class list and the count show the new states (submitted, locked) at once.
            if (m_currentClass)
                showClass(*m_currentClass);
            // "Đã khoá dd/MM/yyyy" is longer than the states the column was sized for.
            m_table->resizeColumnToContents(StudentTableModel::State);
            updateOutboxStatus();
        });
        connect(m_sync, &DepartmentSync::statusMessage, this,
                [this](const QString& text) { statusBar()->showMessage(text, 15000); });
    }
    return m_sync;
}

void MainWindow::openEntryGrid()
{
    if (!m_file)
        return;
    if (!m_currentClass) {
        MessageBox::information(this, tr("Entry"), tr("Choose a class on the left first."));
        return;
    }
    openEntryGridFor(*m_currentClass);
}

void MainWindow::openEntryGridFor(const ClassGroup& cls)
{
    closeEntryWorkspace();
    auto* workspace = new EntryWorkspace(m_file->database(), m_actor, cls.schoolYear, cls.id, cls.name);
    m_entryDock = new QDockWidget(workspace->windowTitle(), this);
    m_entryDock->setObjectName(QStringLiteral("entryDock"));
    m_entryDock->setWidget(workspace);
    m_entryDock->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_entryDock, &QObject::destroyed, this, [this](QObject* dock) {
        if (m_entryDock == dock)
            m_entryDock = nullptr;
    });
    addDockWidget(Qt::BottomDockWidgetArea, m_entryDock);
    m_entryDock->show();
    // The grid is the work: it gets most of the window's height (a class of 45 at 1366×768).
    resizeDocks({m_entryDock}, {height() * 2 / 3}, Qt::Vertical);
    workspace->view()->setFocus(Qt::OtherFocusReason);
}

EntryWorkspace* MainWindow::entryWorkspace() const
{
    return m_entryDock ? qobject_cast<EntryWorkspace*>(m_entryDock->widget()) : nullptr;
}

void MainWindow::closeEntryWorkspace()
{
    delete m_entryDock;
    m_entryDock = nullptr;
}

void MainWindow::dropDepartmentSync()
{
    delete m_sync; // stops a run and waits for it
    m_sync = nullptr;
}

void MainWindow::resetArchiveStamping()
{
    delete m_archive; // stops a run and waits for it
    m_archive = nullptr;
    if (!m_file)
        return;
    m_archive = new ArchiveStamping(m_file->path(), m_actor, this);
    connect(m_archive, &ArchiveStamping::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 60000); });
    connect(m_archive, &ArchiveStamping::reminder, this, [this] { updateRecordActions(); });
    m_archive->checkReminder();
}

void MainWindow::extendArchiveTimestamps()
{
    if (!m_archive)
        return;
    m_archive->setActor(m_actor);
    m_archive->extend();
    updateRecordActions();
}

void MainWindow::uploadToDepartment()
{
    if (DepartmentSync* sync = departmentSync())
        sync->upload(m_currentClass ? m_currentClass->name : QString());
}

void MainWindow::fetchDepartmentReceipts()
{
    if (DepartmentSync* sync = departmentSync())
        sync->fetchReceipts();
}

void MainWindow::tryQuietUpload()
{
    if (!m_file || m_pendingUploads == 0 || !m_settings.value(AutoUploadOnOpenSetting)
        || !m_actor.has(lifecycle::Right::Report))
        return;
    auto endpoint = lifecycle::endpointSettings(m_file->database());
    if (!endpoint || !*endpoint)
        return;
    departmentSync()->uploadQuietly();
}

void MainWindow::updateOutboxStatus()
{
    m_pendingUploads = 0;
    if (m_file) {
        if (auto entries = lifecycle::outbox(m_file->database()))
            m_pendingUploads = int(std::count_if(entries->cbegin(), entries->cend(), [](const auto& e) {
                return e.state == lifecycle::OutboxEntry::State::Pending;
            }));
    }
    m_outboxLabel->setText(m_pendingUploads > 0
                               ? tr("%1 record(s) waiting to be sent to the Department").arg(m_pendingUploads)
                               : QString());
}

void MainWindow::loadLockDates(const ClassGroup& cls)
{
    QHash<Id, QDateTime> locked;
    if (auto entries = lifecycle::outbox(m_file->database(), cls.name))
        for (const lifecycle::OutboxEntry& e : *entries)
            if (e.schoolYear == cls.schoolYear.toString() && e.lockedAt.isValid())
                locked.insert(e.sectionId, e.lockedAt);
    m_students->setLockDates(std::move(locked));
}

} // namespace hocba::ui
