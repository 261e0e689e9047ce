// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/TokenManager.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class QThread;

namespace hocba::signing {

/**
 * Owns the PKCS#11 context on its own thread (STYLE.md C7). Every token call — enumeration, login, C_Sign — runs
 * on that one thread, in order, so vendor modules that are not thread-safe never see two calls at once, and the
 * GUI thread never waits on a slow token.
 *
 * Two ways in:
 *  - asynchronous, from any thread (the GUI): refresh() → tokensChanged / refreshFailed, delivered as queued
 *    signals to the receiver's thread;
 *  - blocking, from a worker thread (the batch signer, tests): call(job) runs `job(TokenManager&)` on the token
 *    thread and returns its result. It is refused on the GUI thread (it would freeze the window; use the signals)
 *    and on the token thread itself (it would deadlock). No nested event loop, no processEvents anywhere.
 * Objects made inside a job (TokenSession, Pkcs11Signer) belong to the token thread: create, use and destroy them
 * inside jobs only.
 */
class TokenService : public QObject
{
    Q_OBJECT
public:
    using ManagerFactory = std::function<std::unique_ptr<TokenManager>()>;

    explicit TokenService(const QStringList& modules = defaultPkcs11Modules(), QObject* parent = nullptr);
    /** Test seam: the manager (e.g. with fake backends) is created by `factory` on the token thread. */
    explicit TokenService(ManagerFactory factory, QObject* parent = nullptr);
    ~TokenService() override;

    /** The thread all token calls run on (for tests and assertions). */
    QThread* tokenThread() const { return m_thread; }

    template <class T> Result<T> call(const std::function<Result<T>(TokenManager&)>& job)
    {
        std::optional<Result<T>> out;
        if (Status ok = runBlocking([&](TokenManager& m) { out.emplace(job(m)); }); !ok)
            return std::unexpected(ok.error());
        return std::move(*out);
    }
    Status call(const std::function<Status(TokenManager&)>& job)
    {
        Status out;
        if (Status ok = runBlocking([&](TokenManager& m) { out = job(m); }); !ok)
            return ok;
        return out;
    }

public Q_SLOTS:
    /** Re-enumerates the tokens on the token thread; answers with tokensChanged or refreshFailed. */
    void refresh();

Q_SIGNALS:
    void tokensChanged(const QList<hocba::signing::TokenInfo>& tokens);
    void refreshFailed(const QString& message, const QString& detail);

private:
    Status runBlocking(const std::function<void(TokenManager&)>& fn);

    QThread* m_thread = nullptr;
    QObject* m_context = nullptr; ///< lives on m_thread; queued calls are delivered to it
    std::unique_ptr<TokenManager> m_manager; ///< created, used and destroyed on m_thread only
};

} // namespace hocba::signing
