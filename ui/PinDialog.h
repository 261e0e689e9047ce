// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/SignerSource.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hocba::ui {

/**
 * Asks the principal for the token PIN (DigiDoc4's PinPopup, STYLE.md C6): whose token and certificate, and how close
 * the PIN is to being blocked. A locked PIN is never asked for: the caller explains the PUK instead.
 * The PIN is taken out with takePin(), which wipes the line edit so the text does not linger in the widget.
 */
class PinDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PinDialog(const signing::PinRequest& request, QWidget* parent = nullptr);
    ~PinDialog() override;

    /** The typed PIN, moved into a wiped-on-destruction buffer; the line edit is cleared. */
    signing::SecurePin takePin();
    /** The warning shown for the request's flags (empty when none), for tests and screen readers. */
    QString warningText() const;
    /** The keyboard warning shown (Caps Lock, Vietnamese input), empty when none. */
    QString keyboardWarningText() const;

    /** What the keyboard is doing, as far as the dialog can tell. */
    struct KeyboardState
    {
        bool capsLock = false;
        bool vietnameseInput = false; ///< a Vietnamese input method or keyboard layout is active
    };
    /**
     * Where the dialog reads the keyboard state. The default asks Qt's input method for its locale (a Vietnamese one
     * means a Vietnamese input method or layout) and never knows Caps Lock (Qt has no portable query for it; the
     * dialog also infers it from the letters typed, and warns about Vietnamese letters typed into the PIN, as Unikey
     * and EVKey produce without telling any input method). Tests inject a state; reset with an empty function.
     */
    static void setKeyboardProbe(std::function<KeyboardState()> probe);

    /**
     * Test hook: every PinDialog opened through ask() is handed to `answer` instead of being run modally; it fills
     * the line edit and calls accept() or reject(). Reset with an empty function.
     */
    static void setTestAnswer(std::function<void(PinDialog&)> answer);

    /** Opens the dialog modally on the GUI thread (or hands it to the test hook); PinCancelled on cancel. */
    static Result<signing::SecurePin> ask(const signing::PinRequest& request, QWidget* parent);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateOkButton();
    void updateKeyboardWarning();

    signing::PinRequest m_request;
    QLabel* m_tokenLabel = nullptr;
    QLabel* m_holderLabel = nullptr;
    QLabel* m_warningLabel = nullptr;
    QLabel* m_keyboardLabel = nullptr;
    bool m_capsFromTyping = false; ///< the last letter typed had the case Caps Lock gives
    QLineEdit* m_pinEdit = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

/**
 * The desktop PinProvider. requestPin() is called on the TokenService thread (inside TokenManager::login); it shows
 * PinDialog on the GUI thread with a blocking queued call. That is safe because the GUI thread never waits on the
 * token thread, and no nested event loop is started on the GUI thread beyond the dialog's own modal loop.
 */
class GuiPinProvider final : public signing::PinProvider
{
public:
    /** `parent` lives on the GUI thread; it parents the dialog (may be null). */
    explicit GuiPinProvider(QWidget* parent);
    Result<signing::SecurePin> requestPin(const signing::PinRequest& request) override;

private:
    QPointer<QWidget> m_parent;
};

} // namespace hocba::ui
