// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/SectionConfirmer.h"
#include "token/Signer.h"
#include "token/TokenTypes.h"
#include "util/CancellationToken.h"
#include "util/Error.h"
#include "verify/CertificatePolicy.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** What a signing batch covers: one class or the whole school, one school year, one role. */
struct SignScope
{
    SchoolYear year;
    std::optional<QString> className; ///< one class, or the whole school
    signing::SignerRole role = signing::SignerRole::Principal;
};

/** The sections a batch signs, and how many of the scope still wait for confirmation. */
struct PlannedSections
{
    QList<Id> toSign; ///< ready, not yet signed in this role; class by class in roster order, then the unplaced
    int notConfirmed = 0; ///< digital sections still in draft (run "confirm" first)
    /** Ready sections the board has not approved, left out because the school signs approved sections only. */
    int notApproved = 0;
};

/** One certificate of a token, judged by the certificate policy. */
struct CertificateCandidate
{
    signing::CertificateInfo certificate;
    QList<QByteArray> chain; ///< built from the token's other certificates
    Result<signing::PolicyVerdict> verdict; ///< the policy's refusal as an error

    bool accepted() const { return verdict.has_value(); }
};

/** Which certificate signs: the one the policy accepts, or why there is none. */
struct CertificateChoice
{
    QList<CertificateCandidate> candidates; ///< every certificate of the token, in the token's order
    int chosen = -1; ///< index into candidates; the first accepted one when several are; -1 when none is
    int acceptedCount = 0; ///< more than one: the front end offers the choice (the dialog's list, the CLI's --cert)
    std::optional<Error> problem; ///< set when chosen is -1: no certificate, no such id, or the policy's refusal

    const CertificateCandidate* choice() const { return chosen >= 0 ? &candidates.at(chosen) : nullptr; }
};

/** What the confirmation before a batch found, and what the batch then signs. */
struct ConfirmedPlan
{
    ConfirmReport confirmation;
    PlannedSections sections;
};

/**
 * The decisions behind "confirm and sign", made once for both front ends (the desktop's SignDialog and
 * `hocba-cli sign`): which sections a batch signs, which certificate signs them, and what the report after the batch
 * says. The front ends only ask and show.
 */
class SigningPlan
{
public:
    /**
     * The ready sections of the scope that its role has not signed yet (a draft or signed section is not chosen);
     * when the school signs approved sections only (ClassApproval's approvalRequired), the approved ones of those.
     */
    static Result<PlannedSections> sections(store::Database& db, const SignScope& scope);

    /**
     * Judges every certificate of a token against `policy` and chooses the one to sign with. `wantedIdHex` (the
     * token's CKA_ID in hex, as "token list" shows) limits the choice to that certificate.
     */
    static CertificateChoice chooseCertificate(const signing::CertificatePolicy& policy,
                                               const QList<signing::CertificateInfo>& certificates,
                                               const QString& wantedIdHex = {});
    /** The same against the school's trust anchors; an error only when they cannot be read. */
    static Result<CertificateChoice> chooseCertificate(store::Database& db,
                                                       const QList<signing::CertificateInfo>& certificates,
                                                       const QString& wantedIdHex = {});

    /**
     * The desktop's worker: confirms the scope's drafts, then plans the batch. `file` is a connection of another
     * thread: only its file is used, on a connection of its own opened on this thread.
     */
    static Result<ConfirmedPlan> confirmAndPlan(const store::Database& file, const Actor& actor,
                                                const ConfirmOptions& confirm, signing::SignerRole role);
    /**
     * The principal's queue: plans the scope without confirming anything and keeps only the sections of `only` (those
     * the principal chose), on a connection of its own to `file`'s file.
     */
    static Result<ConfirmedPlan> planAt(const store::Database& file, const SignScope& scope, const QList<Id>& only);
    /** Runs the batch for `sections` with `signer`, on a connection of its own to `file`'s file. */
    static Result<BatchReport> signAt(const store::Database& file, const Actor& actor, signing::Signer& signer,
                                      signing::SignerRole role, const QList<Id>& sections, int workers,
                                      ProgressSink& sink, CancellationToken& cancel);

    /** A later run's report merged after an earlier part of the same run (it resumed after a pause). */
    static BatchReport merged(const BatchReport& earlier, const BatchReport& later);
    /** The report shown after a batch: counts, why it stopped, the skipped and failed records by name. */
    static QString reportText(const BatchReport& report, const QHash<Id, QString>& names);
    /** The report as terminal lines (records by lookup code only: terminal output ends up in logs). */
    static QStringList reportLines(const BatchReport& report, int notConfirmed);
    /** The report for `--json`. */
    static QJsonObject reportJson(const BatchReport& report, int notConfirmed);
};

} // namespace hocba::lifecycle
