// SPDX-License-Identifier: GPL-3.0-or-later
#include "token/TokenService.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>

namespace hocba::signing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::signing::Token)
};

} // namespace

TokenService::TokenService(const QStringList& modules, QObject* parent)
    : TokenService(ManagerFactory([modules] { return std::make_unique<TokenManager>(modules); }), parent)
{ }

TokenService::TokenService(ManagerFactory factory, QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<TokenInfo>();
    qRegisterMetaType<QList<TokenInfo>>();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("hocba-token"));
    m_context = new QObject; // no parent: moved to the thread, deleted there at the end
    m_context->moveToThread(m_thread);
    m_thread->start();
    // Create the manager on the token thread: some modules remember the thread that called C_Initialize.
    QMetaObject::invokeMethod(
        m_context, [this, factory = std::move(factory)] { m_manager = factory(); }, Qt::BlockingQueuedConnection);
}

TokenService::~TokenService()
{
    // Log out / unload on the token thread, then stop it. A session still open inside a job is a caller bug;
    // the TokenManager destructor releases the context anyway.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_manager.reset();
            delete m_context;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

Status TokenService::runBlocking(const std::function<void(TokenManager&)>& fn)
{
    QThread* here = QThread::currentThread();
    if (here == m_thread)
        return fail(ErrorCode::Internal, Text::tr("Internal error in token access."),
                    QStringLiteral("TokenService::call from the token thread would deadlock"));
    if (QCoreApplication::instance() && here == QCoreApplication::instance()->thread())
        return fail(ErrorCode::Internal, Text::tr("Internal error in token access."),
                    QStringLiteral("TokenService::call on the GUI thread; use refresh()/signals instead"));
    QMetaObject::invokeMethod(
        m_context, [&] { fn(*m_manager); }, Qt::BlockingQueuedConnection);
    return {};
}

void TokenService::refresh()
{
    QMetaObject::invokeMethod(m_context, [this] {
        auto list = m_manager->tokens();
        if (list)
            Q_EMIT tokensChanged(*list);
        else
            Q_EMIT refreshFailed(list.error().message, list.error().detail);
    });
}

} // namespace hocba::signing
