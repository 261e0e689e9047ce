// SPDX-License-Identifier: GPL-3.0-or-later
#include "token/PinProvider.h"

#include "util/Terminal.h"

#include <QCoreApplication>
#include <QFile>
#include <QtGlobal>

#include <openssl/crypto.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hocba::signing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::signing::Pin)
};

/** Drops a trailing "\n" or "\r\n" in place (editors add one to PIN files). */
qsizetype trimmedLength(const char* data, qsizetype n)
{
    while (n > 0 && (data[n - 1] == '\n' || data[n - 1] == '\r'))
        --n;
    return n;
}

/** A PIN file holds the PIN alone (tokens take a few dozen characters at most), so a longer file is refused. */
constexpr qsizetype kMaxPinFileBytes = 256;

/** Reads until EOF or `size` bytes, through short reads and signals; -1 on error. */
ssize_t readUpTo(int fd, char* buf, size_t size)
{
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, buf + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += size_t(n);
    }
    return ssize_t(done);
}

/**
 * The PIN from HOCBA_PIN, which is then taken out of the environment so that processes started later (a browser
 * for the help, external tools) do not inherit it. The value is wiped in place first: best effort, as the C library
 * may have copied the environment elsewhere.
 */
SecurePin takePinFromEnvironment()
{
    // getenv, not qgetenv: no QByteArray copy of the PIN to forget about.
    char* env = std::getenv("HOCBA_PIN");
    if (!env)
        return {};
    const size_t length = std::strlen(env);
    SecurePin pin(env, qsizetype(length));
    OPENSSL_cleanse(env, length);
    qunsetenv("HOCBA_PIN");
    return pin;
}

} // namespace

SecurePin::SecurePin(const char* data, qsizetype size)
{
    // Allocate exactly once (QByteArray keeps the NUL C_Login needs) so no reallocation leaves a stale copy.
    m_buffer = QByteArray(size, Qt::Uninitialized);
    if (size > 0)
        std::memcpy(m_buffer.data(), data, size_t(size));
}

SecurePin::SecurePin(SecurePin&& other) noexcept
    : m_buffer(std::move(other.m_buffer))
{
    other.m_buffer = QByteArray();
}

SecurePin& SecurePin::operator=(SecurePin&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_buffer = std::move(other.m_buffer);
        other.m_buffer = QByteArray();
    }
    return *this;
}

void SecurePin::wipe()
{
    if (!m_buffer.isEmpty()) {
        // data() would detach a shared buffer and wipe only the copy; the class never shares it (see header).
        Q_ASSERT(m_buffer.isDetached());
        OPENSSL_cleanse(m_buffer.data(), size_t(m_buffer.size()));
    }
    m_buffer = QByteArray();
}

Result<SecurePin> CliPinProvider::readPinFile(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return fail(ErrorCode::Io, Text::tr("Cannot open the PIN file %1.").arg(path),
                    QString::fromLocal8Bit(std::strerror(errno)));
    struct stat st
    { };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail(ErrorCode::Io, Text::tr("The PIN file %1 is not a regular file.").arg(path));
    }
    // Like ssh with private keys: a PIN file others can read is refused, not silently used.
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        ::close(fd);
        return fail(ErrorCode::Usage,
                    Text::tr("The PIN file %1 can be read by other users. Restrict it with: chmod 600 %1").arg(path),
                    QStringLiteral("mode %1").arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    }
    // Room for the longest PIN, its "\r\n" and one more byte, so a longer file is seen as such, never cut short.
    char buf[kMaxPinFileBytes + 3];
    const ssize_t n = readUpTo(fd, buf, sizeof buf);
    ::close(fd);
    if (n < 0) {
        OPENSSL_cleanse(buf, sizeof buf);
        return fail(ErrorCode::Io, Text::tr("Cannot read the PIN file %1.").arg(path));
    }
    const qsizetype length = trimmedLength(buf, n);
    if (size_t(n) == sizeof buf || length > kMaxPinFileBytes) {
        OPENSSL_cleanse(buf, sizeof buf);
        return fail(ErrorCode::Usage,
                    Text::tr("The PIN file %1 is longer than %2 bytes. It must hold only the PIN.")
                        .arg(path, QString::number(kMaxPinFileBytes)),
                    QStringLiteral("PIN file over %1 bytes").arg(kMaxPinFileBytes));
    }
    SecurePin pin(buf, length);
    OPENSSL_cleanse(buf, sizeof buf);
    if (pin.isEmpty())
        return fail(ErrorCode::PinCancelled, Text::tr("The PIN file %1 is empty.").arg(path));
    return pin;
}

Result<SecurePin> CliPinProvider::requestPin(const PinRequest& request)
{
    if (!m_options.pinFile.isEmpty())
        return readPinFile(m_options.pinFile);
    if (m_options.allowEnvironment) {
        if (m_environmentPin.isEmpty())
            m_environmentPin = takePinFromEnvironment();
        if (!m_environmentPin.isEmpty())
            return SecurePin(m_environmentPin.c_str(), m_environmentPin.size());
    }
    if (!m_options.allowTerminal || !::isatty(STDIN_FILENO))
        return fail(ErrorCode::PinCancelled,
                    Text::tr("A PIN is needed but there is no terminal to ask for it. Use --pin-file or HOCBA_PIN."));

    QString prompt = Text::tr("PIN for USB token \"%1\"").arg(request.token.label);
    if (!request.certificateHolder.isEmpty())
        prompt += QStringLiteral(" (%1)").arg(request.certificateHolder);
    if (request.finalTry)
        prompt += QLatin1Char('\n') + Text::tr("Warning: one more wrong PIN will lock the token.");
    else if (request.countLow)
        prompt += QLatin1Char('\n') + Text::tr("Warning: a wrong PIN was entered at least once.");
    char buf[256];
    const qsizetype n = terminal::readSecretLine(prompt, buf, sizeof buf);
    if (n <= 0) {
        OPENSSL_cleanse(buf, sizeof buf);
        return fail(ErrorCode::PinCancelled, Text::tr("PIN entry was cancelled."));
    }
    SecurePin pin(buf, n);
    OPENSSL_cleanse(buf, sizeof buf);
    return pin;
}

} // namespace hocba::signing
