// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "token/Timestamper.h"
#include "util/Error.h"
#include "verify/Certificate.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/**
 * The school's time-stamping authority (table tsa_settings, migration 19): the server's address, the root
 * certificate its time-stamps chain to (a trust anchor of the school while it is set, TrustAnchors::load), and
 * whether signing may go on without a time-stamp when the server does not answer. None set: signatures are level B,
 * as before.
 */
struct TsaSettings
{
    QString url;
    signing::CertificateInfo trust;
    bool allowWithout = false;
    QString updatedAt; ///< ISO 8601 UTC
};

/** The school's TSA, or nullopt when none is set. */
Result<std::optional<TsaSettings>> tsaSettings(store::Database& db);
/**
 * Sets the TSA (ManageSchool, audited): `url` http:// or https://, `trustPemOrDer` the CA certificate its time-stamps
 * chain to (PEM or DER; refused when it is not a CA certificate).
 */
Result<TsaSettings> setTsa(store::Database& db, const Actor& actor, const QString& url, const QByteArray& trustPemOrDer,
                           bool allowWithout);
/**
 * Removes the TSA (ManageSchool, audited); signing goes back to level B. Removing none is not an error. Its root (like
 * the root of a TSA that setTsa replaces) stays a trust anchor of the school, so the signatures it time-stamped still
 * verify.
 */
Status clearTsa(store::Database& db, const Actor& actor);
/** An HttpTimestamper (lifecycle/HttpTimestamper.h) for these settings, with the default timeout and retries. */
std::unique_ptr<signing::Timestamper> makeTimestamper(const TsaSettings& settings);

} // namespace hocba::lifecycle
