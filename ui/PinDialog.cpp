// SPDX-License-Identifier: GPL-3.0-or-later
#include "PinDialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QInputMethod>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMetaObject>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <openssl/crypto.h>

namespace hocba::ui {

namespace {
std::function<void(PinDialog&)> g_testAnswer;
std::function<PinDialog::KeyboardState()> g_keyboardProbe;

PinDialog::KeyboardState probeKeyboard()
{
    if (g_keyboardProbe)
        return g_keyboardProbe();
    PinDialog::KeyboardState state;
    if (const QInputMethod* im = QGuiApplication::inputMethod())
        state.vietnameseInput = im->locale().language() == QLocale::Vietnamese;
    return state;
}

/** Letters outside ASCII in a PIN: a Vietnamese input method (Telex "dd" → "đ", VNI "a1" → "á") changed the keys. */
bool hasVietnameseLetters(const QString& text)
{
    for (QChar c : text)
        if (c.unicode() > 0x7f)
            return true;
    return false;
}
} // namespace

PinDialog::PinDialog(const signing::PinRequest& request, QWidget* parent)
    : QDialog(parent)
    , m_request(request)
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Enter the token PIN"));
    setModal(true);

    auto* form = new QFormLayout;
    const QString tokenName = request.token.label.isEmpty() ? request.token.serial : request.token.label;
    m_tokenLabel = new QLabel(tokenName.toHtmlEscaped(), this);
    m_tokenLabel->setObjectName(QStringLiteral("tokenLabel"));
    form->addRow(tr("USB token:"), m_tokenLabel);
    m_holderLabel = new QLabel(request.certificateHolder.toHtmlEscaped(), this);
    m_holderLabel->setObjectName(QStringLiteral("holderLabel"));
    if (!request.certificateHolder.isEmpty())
        form->addRow(tr("Certificate of:"), m_holderLabel);
    else
        m_holderLabel->hide();

    m_pinEdit = new QLineEdit(this);
    m_pinEdit->setObjectName(QStringLiteral("pinLineEdit"));
    m_pinEdit->setEchoMode(QLineEdit::Password);
    m_pinEdit->setMaxLength(request.maxLength);
    // A PIN is never offered to input methods or the clipboard.
    m_pinEdit->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_pinEdit->setContextMenuPolicy(Qt::NoContextMenu);
    form->addRow(tr("PIN:"), m_pinEdit);

    m_warningLabel = new QLabel(this);
    m_warningLabel->setObjectName(QStringLiteral("warningLabel"));
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    // The final try is the stronger warning; it implies the count is low too.
    if (request.finalTry)
        m_warningLabel->setText(tr("The next wrong PIN will lock the token PIN."));
    else if (request.countLow)
        m_warningLabel->setText(tr("A wrong PIN has been entered at least once."));
    if (request.triesLeft) {
        const QString tries = tr("%n try(s) left before the PIN is locked.", nullptr, *request.triesLeft);
        m_warningLabel->setText(m_warningLabel->text().isEmpty() ? tries
                                                                 : m_warningLabel->text() + QLatin1Char(' ') + tries);
    }
    m_warningLabel->setVisible(!m_warningLabel->text().isEmpty());

    m_keyboardLabel = new QLabel(this);
    m_keyboardLabel->setObjectName(QStringLiteral("keyboardWarningLabel"));
    m_keyboardLabel->setWordWrap(true);
    m_keyboardLabel->setStyleSheet(QStringLiteral("color: #8a5a00; font-weight: bold;"));
    m_pinEdit->installEventFilter(this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("pinDialogButtonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okPushButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelPushButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pinEdit, &QLineEdit::textChanged, this, &PinDialog::updateOkButton);

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Enter the PIN of your USB token to sign. The PIN is not stored."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_warningLabel);
    layout->addWidget(m_keyboardLabel);
    layout->addWidget(m_buttons);
    connect(m_pinEdit, &QLineEdit::textChanged, this, &PinDialog::updateKeyboardWarning);
    updateKeyboardWarning();
    updateOkButton();
    m_pinEdit->setFocus();
}

PinDialog::~PinDialog()
{
    m_pinEdit->clear();
}

void PinDialog::updateOkButton()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_pinEdit->text().size() >= m_request.minLength);
}

QString PinDialog::warningText() const
{
    return m_warningLabel->text();
}

QString PinDialog::keyboardWarningText() const
{
    return m_keyboardLabel->text();
}

void PinDialog::setKeyboardProbe(std::function<KeyboardState()> probe)
{
    g_keyboardProbe = std::move(probe);
}

bool PinDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_pinEdit) {
        if (event->type() == QEvent::KeyPress) {
            // A letter in upper case without Shift (or lower case with it) is what Caps Lock gives.
            const auto* key = static_cast<const QKeyEvent*>(event);
            const QString text = key->text();
            if (text.size() == 1 && text.at(0).isLetter() && text.at(0).toUpper() != text.at(0).toLower()) {
                const bool shift = key->modifiers().testFlag(Qt::ShiftModifier);
                m_capsFromTyping = text.at(0).isUpper() != shift;
            }
            updateKeyboardWarning();
        } else if (event->type() == QEvent::FocusIn || event->type() == QEvent::KeyRelease) {
            updateKeyboardWarning();
        }
    }
    return QDialog::eventFilter(watched, event);
}

void PinDialog::updateKeyboardWarning()
{
    const KeyboardState state = probeKeyboard();
    QStringList warnings;
    if (state.capsLock || m_capsFromTyping)
        warnings << tr("Caps Lock is on: PINs that contain letters are case-sensitive.");
    if (state.vietnameseInput || hasVietnameseLetters(m_pinEdit->text()))
        warnings << tr("Vietnamese typing (Unikey, EVKey or the system's input method) seems to be on: switch it off "
                       "(English mode) before typing the PIN, or the token will count a wrong PIN.");
    m_keyboardLabel->setText(warnings.join(QLatin1Char('\n')));
    m_keyboardLabel->setVisible(!warnings.isEmpty());
}

signing::SecurePin PinDialog::takePin()
{
    QByteArray utf8 = m_pinEdit->text().toUtf8();
    signing::SecurePin pin(utf8.constData(), utf8.size());
    // Our temporary is wiped; QLineEdit's own QString cannot be wiped in place, so it is at least dropped now.
    OPENSSL_cleanse(utf8.data(), size_t(utf8.size()));
    m_pinEdit->clear();
    return pin;
}

void PinDialog::setTestAnswer(std::function<void(PinDialog&)> answer)
{
    g_testAnswer = std::move(answer);
}

Result<signing::SecurePin> PinDialog::ask(const signing::PinRequest& request, QWidget* parent)
{
    PinDialog dialog(request, parent);
    if (g_testAnswer)
        g_testAnswer(dialog);
    else
        dialog.exec();
    if (dialog.result() != QDialog::Accepted)
        return fail(ErrorCode::PinCancelled, tr("Signing was cancelled: no PIN was entered."),
                    QStringLiteral("pin dialog cancelled"));
    return dialog.takePin();
}

GuiPinProvider::GuiPinProvider(QWidget* parent)
    : m_parent(parent)
{ }

Result<signing::SecurePin> GuiPinProvider::requestPin(const signing::PinRequest& request)
{
    QObject* guiContext = qApp;
    if (QThread::currentThread() == guiContext->thread())
        return PinDialog::ask(request, m_parent);
    // From the token thread: block it (not the GUI) until the dialog on the GUI thread is answered.
    std::optional<Result<signing::SecurePin>> out;
    QWidget* parent = m_parent;
    QMetaObject::invokeMethod(
        guiContext, [&] { out.emplace(PinDialog::ask(request, parent)); }, Qt::BlockingQueuedConnection);
    if (!out)
        return fail(ErrorCode::PinCancelled, PinDialog::tr("Signing was cancelled: no PIN was entered."),
                    QStringLiteral("pin dialog not shown"));
    return std::move(*out);
}

} // namespace hocba::ui
