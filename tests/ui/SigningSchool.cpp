// SPDX-License-Identifier: GPL-3.0-or-later
#include "SigningSchool.h"

#include "store/Database.h"

#include <QThread>

namespace hocba::test {

SoftwareSignerSource::SoftwareSignerSource(const TestPki& pki)
    : m_signer(pki.signer(false))
{ }

Result<QList<signing::TokenInfo>> SoftwareSignerSource::tokens()
{
    signing::TokenInfo t;
    t.label = QStringLiteral("HOCBA-TEST");
    t.serial = QStringLiteral("0001");
    t.module = QStringLiteral("software");
    return QList<signing::TokenInfo> {t};
}

Result<QList<signing::CertificateInfo>> SoftwareSignerSource::certificates(const signing::TokenInfo&)
{
    auto c = signing::CertificateInfo::fromDer(m_signer->certificate());
    if (!c)
        return std::unexpected(c.error());
    return QList<signing::CertificateInfo> {*c};
}

namespace {
class FaultySigner final : public signing::Signer
{
public:
    FaultySigner(signing::Signer& inner, QAtomicInt& budget, QAtomicInt& slowMs)
        : m_inner(inner)
        , m_budget(budget)
        , m_slowMs(slowMs)
    { }
    QByteArray certificate() const override { return m_inner.certificate(); }
    QList<QByteArray> chain() const override { return m_inner.chain(); }
    signing::KeyType keyType() const override { return m_inner.keyType(); }
    Result<QByteArray> signSha256(const QByteArray& data) override
    {
        if (m_budget.loadRelaxed() >= 0 && m_budget.fetchAndAddRelaxed(-1) <= 0) {
            m_budget.storeRelaxed(-1); // pulled out once; when asked again, it is back in
            return fail(ErrorCode::TokenRemoved, QStringLiteral("token removed"), QStringLiteral("CKR_DEVICE_REMOVED"));
        }
        if (const int ms = m_slowMs.loadRelaxed(); ms > 0)
            QThread::msleep(ulong(ms));
        return m_inner.signSha256(data);
    }

private:
    signing::Signer& m_inner;
    QAtomicInt& m_budget;
    QAtomicInt& m_slowMs;
};
} // namespace

Status SoftwareSignerSource::withSigner(const signing::TokenInfo& token, const signing::CertificateInfo&,
                                        signing::PinProvider& pins, const std::function<Status(signing::Signer&)>& work)
{
    signing::PinRequest request;
    request.token = token;
    auto pin = pins.requestPin(request);
    if (!pin)
        return std::unexpected(pin.error());
    if (QByteArray(pin->c_str()) != "123456")
        return fail(ErrorCode::PinIncorrect, QStringLiteral("wrong PIN"), QStringLiteral("CKR_PIN_INCORRECT"));
    logins.fetchAndAddRelaxed(1);
    FaultySigner signer(*m_signer, budget, slowMs);
    return work(signer);
}

bool SigningSchool::create(bool trustCa)
{
    if (!pki.create() || !m_school.create(60, 7, trustCa ? pki.caDer() : QByteArray()))
        return false;
    year = m_school.year;
    auto db = store::Database::openOrCreate(m_school.path());
    if (!db)
        return false;
    auto st
        = (*db)->prepare(QStringLiteral("SELECT name FROM class WHERE school_year = %1 ORDER BY grade, name LIMIT 1")
                             .arg(year.startYear));
    if (!st || !st->step().value_or(false))
        return false;
    className = st->text(0);
    return !className.isEmpty();
}

std::unique_ptr<store::Database> SigningSchool::copy()
{
    return m_school.openCopy();
}

} // namespace hocba::test
