// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DeptStore.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace hocba::dept {

/** An HTTP request as the API sees it: the front end (app/dept/HttpFrontend.cpp) fills it from its server library. */
struct ApiRequest
{
    QByteArray method; ///< "GET" | "POST" | …
    QString path; ///< decoded path without the query, e.g. "/api/v1/lookup/0123…"
    QList<QPair<QString, QString>> query; ///< decoded query items
    QByteArray authorization; ///< the Authorization header, as sent
    QByteArray contentType; ///< the Content-Type header, as sent
    QByteArray body;
    QHostAddress peer; ///< for the per-address lookup rate
};

/** The answer: status, content type and body, plus extra headers (Retry-After, Cache-Control, …). */
struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

/** Limits of the API itself (the front end's socket limits are in ServerLimits, app/dept). */
struct ApiLimits
{
    qint64 maxBodyBytes = 1024 * 1024; ///< 413 above (packets are 10–30 KB, PDFs about 70 KB, base64 in JSON)
    int maxCodesPerStatus = 500;
    int maxReceiptsPerPage = 1000;
    double lookupsPerSecondPerAddress = 10; ///< token bucket; 429 with Retry-After beyond it
    int lookupBurstPerAddress = 20;
    double uploadsPerSecondPerSchool = 20;
    int uploadBurstPerSchool = 200;
};

/**
 * The Department API v1 (docs/api.md): routes a request to the service, checks the credential, verifies what is
 * submitted, answers JSON or the Vietnamese lookup page. Thread-safe: the front end calls handle() from its worker
 * threads; each thread gets its own DeptSession (opened on first use). Logs carry no personal data: routes, status
 * codes, school codes, and at most the first 6 characters of a lookup code.
 */
class DeptApi
{
public:
    /** The Department's name (for receipts and the page) and its receipt signer come from the data folder. */
    DeptApi(DeptStore& store, QString departmentName, ReceiptSigning sign, ApiLimits limits = {});
    ~DeptApi();
    DeptApi(const DeptApi&) = delete;
    DeptApi& operator=(const DeptApi&) = delete;

    ApiResponse handle(const ApiRequest& request);

    /** Locks every open window whose deadline has passed (lockInstant <= now); the server's timer calls it. */
    Result<qint64> lockDueWindows(const QDateTime& nowUtc);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hocba::dept
