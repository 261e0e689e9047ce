// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../signing/TestPki.h"

#include "SigningFixture.h"
#include "domain/Types.h"
#include "lifecycle/SignerSource.h"

#include <QAtomicInt>

#include <memory>

namespace hocba::store {
class Database;
}

namespace hocba::test {

/**
 * A SignerSource with a software key behind it (the seam of the sign dialog): one fake token "HOCBA-TEST", the test
 * PKI's RSA certificate, a PIN asked through the given provider for every login (checked against "123456"), and an
 * optional fault: TokenRemoved once after `budget` signatures (each section takes two: packet and PDF); after that
 * the token is "plugged in again".
 */
class SoftwareSignerSource final : public lifecycle::SignerSource
{
public:
    explicit SoftwareSignerSource(const TestPki& pki);
    Result<QList<signing::TokenInfo>> tokens() override;
    Result<QList<signing::CertificateInfo>> certificates(const signing::TokenInfo& token) override;
    Status withSigner(const signing::TokenInfo& token, const signing::CertificateInfo& certificate,
                      signing::PinProvider& pins, const std::function<Status(signing::Signer&)>& work) override;

    QAtomicInt logins;
    QAtomicInt budget {-1}; ///< signatures left before TokenRemoved; -1 = no fault
    QAtomicInt slowMs {0}; ///< a slow token: each signature takes this long (so a cancel lands mid-batch)

private:
    std::unique_ptr<signing::SoftwareSigner> m_signer;
};

/** A demo school (60 students, lower secondary) whose school file trusts the test CA; copies for each test. */
class SigningSchool
{
public:
    bool create(bool trustCa = true);
    std::unique_ptr<store::Database> copy();
    SchoolYear year;
    QString className; ///< the first class of the year
    TestPki pki;

private:
    SchoolTemplate m_school;
};

} // namespace hocba::test
