// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/BatchSignJob.h"
#include "store/Database.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace hocba::signing {
class Signer;
}

namespace hocba::test {

/**
 * The school the signing tests start from: a lower-secondary demo school, made once per test class, whose file
 * trusts the test CA. Tests change only copies of it.
 */
class SchoolTemplate
{
public:
    /**
     * Makes the school; `trustedCaDer`, when not empty, becomes a trust anchor of the file. `signedYear` (default: the
     * latest ended) is the year its records are signed in; the same seed gives the same pupils and lookup codes
     * whatever the year. False on failure.
     */
    bool create(int students, quint64 seed, const QByteArray& trustedCaDer,
                std::optional<SchoolYear> signedYear = std::nullopt);
    QString path() const { return m_path; }
    /** A new copy of the template (empty on failure). */
    QString copyPath();
    /** A new copy of the template, opened (null on failure). */
    std::unique_ptr<store::Database> openCopy();

    SchoolYear year;

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_copies = 0;
};

/** Confirms the sections of the year (or of one class), warnings acknowledged by "GVCN test". */
bool confirmAcknowledged(store::Database& db, SchoolYear year, const std::optional<QString>& className = {});

/** The sections of the year (or of one class) that are ready to sign, in export order. */
QList<Id> readySections(store::Database& db, SchoolYear year, const std::optional<QString>& className = {});

/** Signs the sections in one batch as `role`, without progress or cancel. */
Result<lifecycle::BatchReport> signBatch(store::Database& db, signing::Signer& signer, const QList<Id>& sectionIds,
                                         signing::SignerRole role = signing::SignerRole::Principal);

/**
 * Confirms the school file's year and signs its first `count` ready sections as principal, in place (a template
 * before its copies are made). False, with a warning, when fewer were signed.
 */
bool signFirstSections(const QString& path, SchoolYear year, signing::Signer& signer, int count);

} // namespace hocba::test
