// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QString>

#include <optional>

class QWidget;

namespace hocba::ui {

/**
 * Every modal message box of the app goes through here. Tests set the next answer so no dialog ever blocks them
 * (KeePassXC's MessageBox hook, STYLE.md C12); the last message is remembered so a test can check what the user
 * would have read.
 */
class MessageBox
{
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    static Button critical(QWidget* parent, const QString& title, const QString& text,
                           const QString& detail = QString(), Buttons buttons = QMessageBox::Ok);
    static Button warning(QWidget* parent, const QString& title, const QString& text, Buttons buttons = QMessageBox::Ok,
                          Button defaultButton = QMessageBox::NoButton);
    static Button information(QWidget* parent, const QString& title, const QString& text);
    static Button question(QWidget* parent, const QString& title, const QString& text,
                           Buttons buttons = QMessageBox::Yes | QMessageBox::No,
                           Button defaultButton = QMessageBox::NoButton);
    static void about(QWidget* parent, const QString& title, const QString& text);
    /**
     * A box whose buttons carry our own words ("Tiếp tục", "Dừng") instead of Yes/No; the answer is still the
     * standard button each label was given for, so the test hooks work unchanged.
     */
    static Button choose(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
                         const QList<QPair<Button, QString>>& labelledButtons, Button defaultButton);

    /** Test hook: the next box is not shown and returns `answer` instead. */
    static void setNextAnswer(Button answer);
    /**
     * Test hook: while on, every box answers its default button (Ok, or the given default) without being shown,
     * so an unexpected dialog fails a check instead of hanging the test.
     */
    static void setAutoAnswer(bool on);

    struct Shown
    {
        QMessageBox::Icon icon = QMessageBox::NoIcon;
        QString title;
        QString text;
        QString detail;
    };
    /** The last box asked for (shown or answered by a hook); tests read and reset it. */
    static const Shown& lastShown();
    static int shownCount();
    static void resetShown();

private:
    static Button show(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
                       const QString& detail, Buttons buttons, Button defaultButton,
                       const QList<QPair<Button, QString>>& labels = {});
};

/** File dialogs, with the same kind of test hook. */
class FileDialog
{
public:
    /** An existing file to open; empty when the user cancels. */
    static QString getOpenFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter);
    /** A file to save to; empty when the user cancels. */
    static QString getSaveFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter);
    /** Test hook: the next dialog is not shown and returns `fileName` (empty = cancelled). */
    static void setNextFileName(const QString& fileName);

private:
    static std::optional<QString> s_nextFileName;
};

} // namespace hocba::ui
