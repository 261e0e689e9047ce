// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImportDialog.h"
#include "RecordLifecycle.h"
#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/SchoolFile.h"
#include "render/RecordRenderer.h"
#include "util/Error.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QActionGroup;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QModelIndex;
class QSplitter;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QTreeView;

namespace hocba {
class Settings;
namespace lifecycle {
class SignerSource;
}
} // namespace hocba

namespace hocba::ui {

class ClassReviewDialog;
class EntryLocksDialog;
class SignDialog;
class DepartmentSync;
class ArchiveStamping;
class EntryWorkspace;
class RecordVersionsDialog;
class GuiPinProvider;
class RecordPreviewWidget;
class StudentTableModel;
class StudentSortFilterProxyModel;

/**
 * The desktop shell: a navigation tree (school year → grade → class) and the class list of the chosen class, with
 * the school, the open file and the counts in the status bar. Owns the open school file; opening another file keeps
 * the current one when the new one cannot be opened.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /** Roles of the navigation tree items. */
    enum NavigationRole { NodeKindRole = Qt::UserRole + 1, ClassIdRole, SchoolYearRole, GradeRole, StudentCountRole };
    enum NodeKind { YearNode = 1, GradeNode, ClassNode };
    static constexpr int MaxRecentFiles = 8;

    /**
     * `settings` must outlive the window; geometry, language and recent files are kept there. The window comes back
     * where and as large (or maximised) as it was closed; the very first time (nothing saved) it opens maximised.
     */
    explicit MainWindow(Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    /**
     * Opens a school data file (never creates one). On failure the user sees why in a dialog, the file that was
     * open stays open and false is returned.
     */
    bool openDatabase(const QString& path);
    /** The same with the account that works on it already logged in (the administrator of a new school). */
    bool openDatabase(const QString& path, std::optional<lifecycle::Actor> loggedIn);
    bool hasDatabase() const { return m_file != nullptr; }
    /** The open file, empty when none. */
    QString databasePath() const;

    /** The text of Help → About (HTML). */
    QString aboutText() const;
    /** The status bar text, all parts joined (for tests and screen readers). */
    QString statusText() const;
    /**
     * What File → Import… and Edit → Undo the import run (ui::importRunners in the desktop, a fake in tests);
     * without it the import is not offered.
     */
    void setImportRunners(ImportRunnersFactory factory);
    /**
     * What corrections and transfers run (the desktop's RecordLifecycleImpl, a fake in tests); without it the
     * Records menu does not offer them.
     */
    void setRecordLifecycle(RecordLifecycleFactory factory);
    /** The import Edit → Undo the import would take back. */
    const std::optional<WrittenImport>& lastImport() const { return m_lastImport; }
    /** Who works on the open file: an account, or unrestricted for a file without accounts. */
    const lifecycle::Actor& actor() const { return m_actor; }
    /** The runs against the Department for the open file and actor (made on first use; null without a file). */
    DepartmentSync* departmentSync();
    /** Records signed but not yet sent to the Department (from the outbox), as the status bar counts them. */
    int pendingForDepartment() const { return m_pendingUploads; }
    /** The entry grids shown by Entry → Open grid…, null when none is open. */
    EntryWorkspace* entryWorkspace() const;

public Q_SLOTS:
    /** Học bạ → Confirm and sign this class… (window-modal, non-blocking). */
    void confirmAndSignClass();
    /** Học bạ → Sign the whole school… */
    void signWholeSchool();
    /** Học bạ → Check school records… */
    void showVerify();
    void showTrustAnchors();
    /** Settings → Comment bank…: the school's phrases and house style (CommentBankDialog). */
    void showCommentBank();
    void showSignPolicy();
    void showTsaSettings();
    /** Settings → Connection to the Department…: the endpoint of the open school file. */
    void showDepartmentSettings();
    /** Records → Send to the Department: the chosen class's pending records, else the whole school's. */
    void uploadToDepartment();
    /** Records → Receive lock receipts. */
    void fetchDepartmentReceipts();
    /** File → Log out / switch user…: asks who works now; cancel closes the file. */
    void switchUser();
    /** File → Open…: asks for a file and opens it. */
    void createSchoolWithDialog();
    void openDatabaseWithDialog();
    /** File → Import…: a student list or a grade book, previewed before anything is written. */
    void importFromFile();
    /** Edit → Undo the import: takes the last written import back as one step, after asking. */
    void undoLastImport();
    void showAbout();
    /** Records → Versions of this school year… (the selected student): the chain, Correct after signing, Revoke. */
    void showVersions();
    /** Records → Correct after signing… / Revoke…: the chain dialog, with the action opened. */
    void reopenSelected();
    void revokeSelected();
    /** Records → Transfer to another school… (the selected student). */
    void transferOutSelected();
    /** Records → Receive a transferred record…. */
    void receiveTransfer();
    /** Records → Print records…: the chosen pupils or the whole class, every copy in the print log. */
    void printRecords();
    /** Records → Print log…: the print log of the chosen class (or year). */
    void showPrintLog();
    /** Records → Export…: the chosen class's grade book, summary or student list as a workbook. */
    void exportClass();
    /** Records → Check this class before signing…: the review, fix list, confirm, approve, return. */
    void reviewCurrentClass();
    /** Records → Deadline board…: the year in view; a double-click opens that class's review. */
    void showDeadlineBoard();
    /** Records → Entry locks: the locks in force; the board adds and lifts them (EntryLocksDialog). */
    EntryLocksDialog* showEntryLocks();
    /** Records → Principal's signing queue…: approved records by class, signed with one PIN per batch. */
    void showSigningQueue();
    /** Entry → Open grid… (Ctrl+E): the entry grids of the chosen class in a dock (docs/entry.md). */
    void openEntryGrid();
    /** Stores the UI language ("vi" or "en"); it takes effect at the next start. */
    void setLanguage(const QString& code);

Q_SIGNALS:
    void databaseOpened(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    struct SchoolView;

    void createActions();
    void createCentralWidgets();
    void createStatusBar();
    void restoreLayout();
    void saveLayout();

    void showOpenError(const QString& path, const Error& error);
    /** The login a school file with accounts needs (LoginDialog); unrestricted for a file without any. */
    Result<lifecycle::Actor> whoWorksOn(const SchoolView& view);
    void applySchoolView(SchoolView view);
    /** Reads the open file's overview again (after an import or its undo), keeping the chosen class. */
    void refreshSchool();
    void onNavigationChanged(const QModelIndex& current);
    void showClass(const ClassGroup& cls);
    void clearClass();
    void showRecordOf(const QModelIndex& proxyIndex);
    void previewWholeClass();
    /** The renderer's options with the school's lookup portal and seal (lifecycle PrintSettings). */
    render::RenderOptions renderOptions() const;
    void updateSelectionStatus();
    void rememberRecent(const QString& path);
    void updateRecentMenu();
    void updateRecordActions();
    SignDialog* openSignDialog(SchoolYear year, std::optional<QString> className, QList<Id> sections = {});
    /** The chosen class's year, else the newest year of the file. */
    SchoolYear yearInView() const;
    ClassReviewDialog* openClassReview(SchoolYear year, const QString& className);
    lifecycle::SignerSource& signerSource();
    /** Recounts the outbox and shows "N records waiting to be sent" in the status bar. */
    void updateOutboxStatus();
    /** The lock dates of the shown class's sections, for the status column. */
    void loadLockDates(const ClassGroup& cls);
    /** Once per opening: sends pending records quietly when an endpoint is set and the user has not said no. */
    void tryQuietUpload();
    void dropDepartmentSync();
    /** Records → Extend archive time-stamps… (docs/signing.md §8). */
    void extendArchiveTimestamps();
    /** A new reminder check for the open file (none: no file). */
    void resetArchiveStamping();
    /** The entry dock belongs to the file and the account that opened it. */
    void closeEntryWorkspace();
    /** Opens the entry grids of `cls` in the bottom panel. */
    void openEntryGridFor(const ClassGroup& cls);
    /** The student row that is current in the class list, if any. */
    std::optional<RosterEntry> selectedEntry() const;
    RecordVersionsDialog* openVersions(const RosterEntry& entry);

    Settings& m_settings;
    std::unique_ptr<lifecycle::SchoolFile> m_file;
    /** Who works on m_file: the logged-in account, or unrestricted for a file without accounts. */
    lifecycle::Actor m_actor = lifecycle::Actor::unrestricted();
    std::optional<School> m_school;
    SchoolSummary m_summary;
    QList<ClassGroup> m_classes;
    std::optional<ClassGroup> m_currentClass;
    QString m_currentTeacherName;
    QString m_navigationText; ///< the chosen year or grade when no class is chosen

    QStackedWidget* m_stack = nullptr;
    QSplitter* m_splitter = nullptr;
    QTreeView* m_tree = nullptr;
    QStandardItemModel* m_navigation = nullptr;
    QLabel* m_classTitle = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_table = nullptr;
    QSplitter* m_recordSplitter = nullptr;
    RecordPreviewWidget* m_preview = nullptr;
    QAction* m_previewClassAction = nullptr;
    QAction* m_printAction = nullptr;
    QAction* m_printLogAction = nullptr;
    QAction* m_exportAction = nullptr;
    Id m_previewRecordId = 0; ///< the record shown in the preview, 0 for none
    StudentTableModel* m_students = nullptr;
    StudentSortFilterProxyModel* m_proxy = nullptr;
    bool m_columnsSized = false;

    QLabel* m_schoolLabel = nullptr;
    QLabel* m_fileLabel = nullptr;
    QLabel* m_countsLabel = nullptr;
    QLabel* m_selectionLabel = nullptr;
    QLabel* m_userLabel = nullptr;
    QLabel* m_outboxLabel = nullptr;
    int m_pendingUploads = 0;
    DepartmentSync* m_sync = nullptr;
    ArchiveStamping* m_archive = nullptr;
    QAction* m_extendArchiveAction = nullptr;
    QDockWidget* m_entryDock = nullptr;

    QAction* m_signClassAction = nullptr;
    QAction* m_signSchoolAction = nullptr;
    QAction* m_reviewAction = nullptr;
    QAction* m_queueAction = nullptr;
    QAction* m_deadlineAction = nullptr;
    QAction* m_entryLocksAction = nullptr;
    QAction* m_verifyAction = nullptr;
    QAction* m_trustAction = nullptr;
    QAction* m_commentBankAction = nullptr;
    QAction* m_policyAction = nullptr;
    QAction* m_tsaAction = nullptr;
    QAction* m_departmentAction = nullptr;
    QAction* m_uploadAction = nullptr;
    QAction* m_receiptsAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_undoImportAction = nullptr;
    QAction* m_switchUserAction = nullptr;
    std::unique_ptr<lifecycle::SignerSource> m_tokenSource; ///< made on first use: probing modules takes time
    std::unique_ptr<GuiPinProvider> m_pins;

    ImportRunnersFactory m_importRunners;
    RecordLifecycleFactory m_recordLifecycle;
    QAction* m_versionsAction = nullptr;
    QAction* m_reopenAction = nullptr;
    QAction* m_revokeAction = nullptr;
    QAction* m_transferOutAction = nullptr;
    QAction* m_transferInAction = nullptr;
    std::optional<WrittenImport> m_lastImport;

    QMenu* m_recentMenu = nullptr;
    QActionGroup* m_languageGroup = nullptr;
};

} // namespace hocba::ui
