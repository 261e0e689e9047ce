// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCoreApplication;

namespace hocba {

/**
 * Installs the product's translation for `language` ("vi" default, "en" for the English source strings) and Qt's
 * own, and sets the default QLocale (Vietnamese: dd/MM/yyyy, decimal comma). Call once after the application
 * object exists and before any user-visible text is made.
 */
void installTranslations(QCoreApplication& app, const QString& language);

/** "vi" unless HOCBA_LANG says "en" or "vi". The desktop app overrides this with its setting. */
QString languageFromEnvironment(const QString& fallback = QStringLiteral("vi"));

} // namespace hocba
