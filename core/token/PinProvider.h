// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/TokenTypes.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace hocba::signing {

/**
 * A PIN in a buffer we own alone, wiped (OPENSSL_cleanse) when it is cleared or destroyed. Move-only, and it never
 * hands out a QByteArray: a copy would share the buffer, and wiping a shared QByteArray only wipes a detached copy.
 * Never put a PIN into a QString (immutable, copied freely), a log line or an error detail.
 */
class SecurePin
{
public:
    SecurePin() = default;
    /** Copies `size` bytes from `data` (the caller wipes its own buffer). */
    SecurePin(const char* data, qsizetype size);
    SecurePin(SecurePin&& other) noexcept;
    SecurePin& operator=(SecurePin&& other) noexcept;
    SecurePin(const SecurePin&) = delete;
    SecurePin& operator=(const SecurePin&) = delete;
    ~SecurePin() { wipe(); }

    /** NUL-terminated, for C_Login. Valid until wipe(). */
    const char* c_str() const { return m_buffer.isEmpty() ? "" : m_buffer.constData(); }
    qsizetype size() const { return m_buffer.size(); }
    bool isEmpty() const { return m_buffer.isEmpty(); }
    void wipe();

private:
    QByteArray m_buffer; ///< never shared: created with a deep copy, moved, never copied
};

/** What a PIN prompt shows (DigiDoc4's PinPopup): whose token, and how close the PIN is to being blocked. */
struct PinRequest
{
    TokenInfo token;
    QString certificateHolder; ///< the chosen certificate's holder, if known
    bool countLow = false; ///< "PIN đã nhập sai ít nhất một lần"
    bool finalTry = false; ///< "Lần nhập sai tiếp theo sẽ khoá PIN"
    int minLength = 4;
    int maxLength = 64;
    /** Tries left before the PIN locks, when the token reports a number (PKCS#11 itself only gives the two flags
     * above; no backend of ours fills it yet). */
    std::optional<int> triesLeft = std::nullopt;
};

/**
 * Asks the user for a PIN. Called on the TokenService thread: a GUI implementation marshals the dialog to the GUI
 * thread with a blocking queued call (safe, the GUI thread never waits on the token thread). An error is
 * PinCancelled when the user gives up.
 */
class PinProvider
{
public:
    virtual ~PinProvider() = default;
    virtual Result<SecurePin> requestPin(const PinRequest& request) = 0;
};

/**
 * The hocba-cli provider, in this order: `--pin-file PATH` (must be mode 0600 or stricter, else refused), the
 * environment variable HOCBA_PIN, or a prompt on the terminal without echo (termios). Without a terminal and
 * without the other two it fails with PinCancelled rather than block on stdin. HOCBA_PIN is removed from the
 * environment when first read; the provider keeps the PIN (wiped with it) for a later login.
 */
class CliPinProvider : public PinProvider
{
public:
    struct Options
    {
        QString pinFile;
        bool allowEnvironment = true;
        bool allowTerminal = true;
    };
    CliPinProvider() = default;
    explicit CliPinProvider(Options options)
        : m_options(std::move(options))
    { }
    Result<SecurePin> requestPin(const PinRequest& request) override;

    /**
     * Reads a PIN file: refused unless owner-only (no group/other permission bits) and at most 256 bytes besides a
     * trailing newline, which is dropped.
     */
    static Result<SecurePin> readPinFile(const QString& path);

private:
    Options m_options;
    SecurePin m_environmentPin; ///< taken from HOCBA_PIN, which is gone from the environment since
};

} // namespace hocba::signing
