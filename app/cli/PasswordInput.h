// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <string.h>
#include <vector>

namespace hocba::cli {

/** A password in a buffer wiped when it goes away; never turned into a QString. */
class Password
{
public:
    Password() = default;
    Password(const char* data, size_t size)
        : m_bytes(data, data + size)
    { }
    Password(Password&& other) noexcept
        : m_bytes(std::move(other.m_bytes))
    { }
    Password& operator=(Password&&) = delete;
    ~Password()
    {
        if (!m_bytes.empty()) // a moved-from buffer has no storage, and explicit_bzero must not get null
            explicit_bzero(m_bytes.data(), m_bytes.size());
    }
    QByteArrayView view() const { return QByteArrayView(m_bytes.data(), qsizetype(m_bytes.size())); }

private:
    std::vector<char> m_bytes;
};

/** What a password is read for: the prompt differs. */
enum class PasswordPurpose {
    NewPassword, ///< an account's new password
    LogIn ///< the password of the account that is working (--user)
};

/**
 * The password from --password-file, else from HOCBA_PASSWORD (then taken out of the environment so programs
 * started later do not inherit it), else asked for without echo on a terminal.
 */
Result<Password> readPassword(const QString& file, const QString& login,
                              PasswordPurpose purpose = PasswordPurpose::NewPassword);

} // namespace hocba::cli
