// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <QString>

namespace hocba::test {

/** tests/data in the source tree. */
QString dataDir();
/** The build tree's top folder (to find hocba-cli and friends). */
QString binaryDir();
/** Path of a built executable, e.g. "hocba-cli". */
QString executable(const QString& name);

/** SHA-256 of a file's bytes (empty when it cannot be read): "nothing was written" checks compare two of them. */
QByteArray fileDigest(const QString& path);

/** Writes a password file only its owner can read (mode 600), as --password-file wants; empty path on failure. */
QString writeSecretFile(const QString& path, const QByteArray& content);

} // namespace hocba::test
