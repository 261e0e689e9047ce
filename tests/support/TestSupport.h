// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace hocba::test {

/** tests/data in the source tree. */
QString dataDir();
/** The build tree's top folder (to find hocba-cli and friends). */
QString binaryDir();
/** Path of a built executable, e.g. "hocba-cli". */
QString executable(const QString& name);

/** A file's bytes; empty when it cannot be read. */
QByteArray readBytes(const QString& path);

/** SHA-256 of a file's bytes (empty when it cannot be read): "nothing was written" checks compare two of them. */
QByteArray fileDigest(const QString& path);

/** Writes a password file only its owner can read (mode 600), as --password-file wants; empty path on failure. */
QString writeSecretFile(const QString& path, const QByteArray& content);

/**
 * A copy of the zip `from` at `to` with some entries replaced (bytes) or left out (null QByteArray), made by Python's
 * zipfile, as anyone could edit a package; false when that failed.
 */
bool rezip(const QString& from, const QString& to, const QMap<QString, QByteArray>& changes);

/** The bytes of one zip entry, read with Python's zipfile (empty on failure). */
QByteArray unzipOne(const QString& zip, const QString& name);

} // namespace hocba::test
