// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/PinProvider.h"
#include "token/TokenBackend.h"

#include <QByteArray>
#include <QList>
#include <QQueue>

#include <optional>

namespace hocba::test {

/** Answers PIN requests from a queue (std::nullopt = the user cancels) and records every request. */
class FakePinProvider : public signing::PinProvider
{
public:
    FakePinProvider() = default;
    explicit FakePinProvider(std::initializer_list<const char*> answers)
    {
        for (const char* a : answers)
            queue.enqueue(QByteArray(a));
    }
    Result<signing::SecurePin> requestPin(const signing::PinRequest& request) override
    {
        requests.append(request);
        if (queue.isEmpty())
            return fail(ErrorCode::PinCancelled, QStringLiteral("no more PINs queued"));
        const std::optional<QByteArray> a = queue.dequeue();
        if (!a)
            return fail(ErrorCode::PinCancelled, QStringLiteral("cancelled"));
        return signing::SecurePin(a->constData(), a->size());
    }

    QQueue<std::optional<QByteArray>> queue;
    QList<signing::PinRequest> requests;
};

/**
 * A token that exists only in memory and answers with the CK_RV a test asks for: SoftHSM2 never locks a PIN and
 * cannot be unplugged, real tokens can.
 */
class FakeTokenBackend : public signing::TokenBackend
{
public:
    FakeTokenBackend()
    {
        token.module = QStringLiteral("fake:module");
        token.label = QStringLiteral("Fake Token");
        token.serial = QStringLiteral("F00D");
    }

    QString module() const override { return token.module; }
    bool isPresent() const override { return true; }
    signing::CkRv load() override { return loadRv; }
    signing::CkRv tokens(QList<signing::TokenInfo>& out) override
    {
        out.clear();
        if (loadRv != signing::CkrOk)
            return loadRv;
        if (present)
            out.append(token);
        return signing::CkrOk;
    }
    signing::CkRv certificates(const signing::TokenInfo&, QList<signing::CertificateInfo>& out) override
    {
        out = certs;
        return present ? signing::CkrOk : signing::CkrTokenNotPresent;
    }
    signing::CkRv login(const signing::TokenInfo&, const char* pin) override
    {
        ++loginCalls;
        if (!present)
            return signing::CkrTokenNotPresent;
        if (loginRv != signing::CkrOk)
            return loginRv;
        if (pin && QByteArray(pin) != goodPin) {
            // Behave like a card with 3 tries: count low after one miss, final try after two, locked after three.
            ++misses;
            token.flags.pinCountLow = true;
            token.flags.pinFinalTry = misses == 2;
            token.flags.pinLocked = misses >= 3;
            return signing::CkrPinIncorrect;
        }
        misses = 0;
        token.flags.pinCountLow = token.flags.pinFinalTry = false;
        loggedIn = true;
        return signing::CkrOk;
    }
    signing::CkRv logout(const signing::TokenInfo&) override
    {
        ++logoutCalls;
        loggedIn = false;
        return present ? signing::CkrOk : signing::CkrDeviceRemoved;
    }
    signing::CkRv signSha256(const signing::TokenInfo&, const QByteArray&, const QByteArray& data,
                             QByteArray& signature) override
    {
        ++signCalls;
        if (!present)
            return signing::CkrDeviceRemoved;
        if (signRv != signing::CkrOk)
            return signRv;
        if (!loggedIn)
            return signing::CkrUserNotLoggedIn;
        signature = "sig:" + data;
        return signing::CkrOk;
    }

    signing::TokenInfo token;
    QList<signing::CertificateInfo> certs;
    QByteArray goodPin = "1234";
    signing::CkRv loadRv = signing::CkrOk;
    signing::CkRv loginRv = signing::CkrOk;
    signing::CkRv signRv = signing::CkrOk;
    bool present = true;
    bool loggedIn = false;
    int misses = 0;
    int loginCalls = 0;
    int logoutCalls = 0;
    int signCalls = 0;
};

} // namespace hocba::test
