// SPDX-License-Identifier: GPL-3.0-or-later
#include "PasswordInput.h"

#include "lifecycle/Accounts.h"
#include "util/Terminal.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hocba::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::UserCommand)
};

size_t withoutNewline(const char* data, size_t n)
{
    while (n > 0 && (data[n - 1] == '\n' || data[n - 1] == '\r'))
        --n;
    return n;
}

Result<Password> readPasswordFile(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return fail(ErrorCode::Io, Text::tr("Cannot open the password file %1.").arg(path),
                    QString::fromLocal8Bit(std::strerror(errno)));
    struct stat st
    { };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        ::close(fd);
        // Like ssh with private keys: a password file others can read is refused, not silently used.
        return fail(ErrorCode::Usage,
                    Text::tr("The password file %1 must be a regular file only you can read: chmod 600 %1").arg(path),
                    QStringLiteral("mode %1").arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    }
    char buf[lifecycle::Accounts::kMaxPasswordBytes + 3];
    size_t n = 0;
    while (n < sizeof buf) {
        const ssize_t got = ::read(fd, buf + n, sizeof buf - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        n += size_t(got);
    }
    ::close(fd);
    const size_t length = withoutNewline(buf, n);
    Result<Password> out = length > size_t(lifecycle::Accounts::kMaxPasswordBytes)
        ? fail(ErrorCode::Usage,
               Text::tr("The password file %1 is longer than %2 bytes. It must hold only the "
                        "password.")
                   .arg(path, QString::number(lifecycle::Accounts::kMaxPasswordBytes)))
        : Result<Password>(Password(buf, length));
    explicit_bzero(buf, sizeof buf);
    return out;
}

Result<Password> readPasswordFromTerminal(const QString& prompt)
{
    char buf[lifecycle::Accounts::kMaxPasswordBytes + 2];
    const qsizetype n = terminal::readSecretLine(prompt, buf, sizeof buf);
    Result<Password> out = n > 0 ? Result<Password>(Password(buf, size_t(n)))
                                 : fail(ErrorCode::Cancelled, Text::tr("Password entry was cancelled."));
    explicit_bzero(buf, sizeof buf);
    return out;
}

} // namespace

Result<Password> readPassword(const QString& file, const QString& login, PasswordPurpose purpose)
{
    if (!file.isEmpty())
        return readPasswordFile(file);
    if (char* env = std::getenv("HOCBA_PASSWORD")) {
        const size_t length = std::strlen(env);
        Password password(env, length);
        explicit_bzero(env, length);
        qunsetenv("HOCBA_PASSWORD");
        return password;
    }
    if (!::isatty(STDIN_FILENO))
        return fail(ErrorCode::Usage,
                    Text::tr("A password is needed but there is no terminal to ask for it. Use "
                             "--password-file or HOCBA_PASSWORD."));
    return readPasswordFromTerminal(purpose == PasswordPurpose::LogIn ? Text::tr("Password of %1").arg(login)
                                                                      : Text::tr("New password for %1").arg(login));
}

} // namespace hocba::cli
