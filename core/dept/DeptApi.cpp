// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/DeptApi.h"

#include "dept/DataFolder.h"
#include "dept/LookupPage.h"
#include "dept/LookupView.h"
#include "dept/RateLimiter.h"
#include "domain/Types.h"
#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "util/Digest.h"
#include "verify/DocumentVerifier.h"
#include "verify/RequestVerifier.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>

namespace hocba::dept {

Q_LOGGING_CATEGORY(lcDeptApi, "hocba.dept")

namespace {

/** Translation context of the API's messages (lupdate reads it from the macro). */
class ApiText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::dept::DeptApi)
};

constexpr auto kAnchorRefresh = std::chrono::seconds(60);

/** What one request leaves in the log: never a name, an ID number or a whole lookup code. */
struct LogLine
{
    QString route = QStringLiteral("-");
    QString school;
    QString codePrefix;
};

/** A refusal on its way to the client: HTTP status, error code and the user's sentence. */
struct Refusal
{
    int status = 500;
    QByteArray code;
    QString message;
    int retryAfter = 0;
    QString requiredLevel; ///< level_required: the policy's level and the lowest one found ("B", "T", "LT")
    QString foundLevel;
};

template <class T> using Checked = std::expected<T, Refusal>;

Refusal refuse(int status, const char* code, const QString& message)
{
    return Refusal {status, code, message, 0, {}, {}};
}

Refusal serverError(const Error& error)
{
    qCWarning(lcDeptApi) << "storage error" << int(error.code) << error.message;
    return refuse(500, "server_error",
                  ApiText::tr("The Department's server could not complete the request. Try again in a few minutes."));
}

Refusal windowClosed()
{
    return refuse(409, "window_closed",
                  ApiText::tr("The Department is not accepting records of this school year now: the deadline has "
                              "passed or the reporting period is not open."));
}

Refusal badRequest(const QString& message)
{
    return refuse(400, "bad_request", message);
}

Refusal notFound()
{
    return refuse(404, "not_found", ApiText::tr("No school record has this lookup code."));
}

ApiResponse json(int status, const QJsonObject& object)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    r.headers.emplaceBack("Cache-Control", "no-store");
    return r;
}

ApiResponse errorResponse(const Refusal& refusal)
{
    QJsonObject body {{QStringLiteral("error"), QString::fromLatin1(refusal.code)},
                      {QStringLiteral("message"), refusal.message}};
    if (!refusal.requiredLevel.isEmpty()) {
        body.insert(QStringLiteral("required_level"), refusal.requiredLevel);
        body.insert(QStringLiteral("level"), refusal.foundLevel);
    }
    ApiResponse r = json(refusal.status, body);
    if (refusal.retryAfter > 0)
        r.headers.emplaceBack("Retry-After", QByteArray::number(refusal.retryAfter));
    return r;
}

bool isLookupCode(const QString& code)
{
    static const QRegularExpression pattern(QStringLiteral("\\A[0-9a-f]{32}\\z"));
    return pattern.match(code).hasMatch();
}

QJsonValue isoOrNull(const QDateTime& at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonObject receiptJson(const SignedReceipt& r)
{
    return {{QStringLiteral("receipt"), QString::fromLatin1(r.canonical.toBase64())},
            {QStringLiteral("receipt_signature"), QString::fromLatin1(r.signature.toBase64())}};
}

QJsonObject statusJson(const RecordStatus& s)
{
    return {{QStringLiteral("lookup_code"), s.lookupCode},
            {QStringLiteral("school_year"), SchoolYear {s.schoolYearStart}.toString()},
            {QStringLiteral("version"), s.version},
            {QStringLiteral("state"), recordStateCode(s.state)},
            {QStringLiteral("digest"), s.digest},
            {QStringLiteral("window"), s.windowId},
            {QStringLiteral("received_at"), isoOrNull(s.receivedAt)},
            {QStringLiteral("locked_at"), isoOrNull(s.lockedAt)}};
}

/** The year of a record whose current version is this packet, among a code's heads (one per school year). */
std::optional<RecordStatus> headWithDigest(const Result<QList<RecordStatus>>& heads, const QString& digest)
{
    if (heads)
        for (const RecordStatus& head : *heads)
            if (head.digest == digest)
                return head;
    return std::nullopt;
}

QString queryValue(const ApiRequest& request, const QString& key)
{
    for (const auto& [k, v] : request.query)
        if (k == key)
            return v;
    return {};
}

/**
 * The printed QR code's nam, v and h in a lookup's query (core/render/QrCode.cpp): nullopt when none is there; a
 * refusal when one is not as a QR code gives it (v may be left out).
 */
std::expected<std::optional<PaperCopy>, Refusal> paperCopyOf(const ApiRequest& request)
{
    static const QRegularExpression yearPattern(QStringLiteral("\\A[12][0-9]{3}\\z"));
    static const QRegularExpression versionPattern(QStringLiteral("\\A[1-9][0-9]{0,3}\\z"));
    static const QRegularExpression digestPattern(QStringLiteral("\\A[A-Za-z0-9_-]{43}\\z"));
    const QString year = queryValue(request, QStringLiteral("nam"));
    const QString version = queryValue(request, QStringLiteral("v"));
    const QString digest = queryValue(request, QStringLiteral("h"));
    if (year.isEmpty() && version.isEmpty() && digest.isEmpty())
        return std::nullopt;
    if (!yearPattern.match(year).hasMatch() || !digestPattern.match(digest).hasMatch()
        || (!version.isEmpty() && !versionPattern.match(version).hasMatch()))
        return std::unexpected(
            badRequest(ApiText::tr("The link's school year (nam), version (v) or check code (h) is not as the QR code "
                                   "of a paper copy gives them.")));
    return PaperCopy {year.toInt(), version.toInt(), digest};
}

bool isJsonContentType(const QByteArray& contentType)
{
    return contentType.split(';').value(0).trimmed().toLower() == "application/json";
}

/** The store's answer as the client gets it; nullopt when the packet is stored (or was already). */
std::optional<Refusal> refusalOf(SubmitStatus status)
{
    switch (status) {
    case SubmitStatus::Accepted:
    case SubmitStatus::Duplicate:
        return std::nullopt;
    case SubmitStatus::VersionNotNewer:
        return refuse(409, "version_not_newer",
                      ApiText::tr("The Department already has this version of the record or a newer "
                                  "one. Sign a correction (a new version) to replace it."));
    case SubmitStatus::Locked:
        return refuse(409, "locked",
                      ApiText::tr("The record is locked at the Department and can no longer be "
                                  "changed."));
    case SubmitStatus::OtherSchool:
        return refuse(403, "other_school", ApiText::tr("This lookup code belongs to a record of another school."));
    case SubmitStatus::WindowClosed:
        return windowClosed();
    }
    return std::nullopt;
}

/** Hex SHA-256: how the store keeps the principals' certificates and a transfer statement lists each PDF. */
QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(digest::sha256(bytes).toHex());
}

/** The packet and the PDF of a submit body, decoded. */
struct Upload
{
    QByteArray packet;
    QByteArray pdf;
};

/** A {"packet", "pdf"} object: a submit body, or one of a transfer's versions. */
Checked<Upload> parseUpload(const QJsonObject& o)
{
    if (!o.value(QStringLiteral("packet")).isString() || !o.value(QStringLiteral("pdf")).isString())
        return std::unexpected(badRequest(ApiText::tr(
            "The request is not the JSON the Department expects ({\"packet\": …, \"pdf\": …}). Update the program.")));
    Upload upload;
    for (auto [key, out] : {std::pair {"packet", &upload.packet}, std::pair {"pdf", &upload.pdf}}) {
        auto decoded = QByteArray::fromBase64Encoding(o.value(QLatin1String(key)).toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return std::unexpected(badRequest(ApiText::tr("The %1 in the request is not valid base64. Update the "
                                                          "program.")
                                                  .arg(QLatin1String(key))));
        *out = decoded.decoded;
    }
    return upload;
}

/** Every reason a verification gives, for the 422 message. */
QStringList reasonsOf(const signing::DocumentVerification& v)
{
    QStringList reasons = v.problems;
    for (const signing::VerificationReport* report : {&v.report, v.embedded ? &*v.embedded : nullptr})
        if (report)
            for (const signing::SignatureCheck& check : report->signatures)
                reasons << check.problems;
    reasons.removeDuplicates();
    return reasons;
}

/** Untrusted when every signature is intact and one of them does not chain to the Department's anchors. */
bool onlyUntrusted(const signing::DocumentVerification& v)
{
    bool untrusted = false;
    for (const signing::VerificationReport* report : {&v.report, v.embedded ? &*v.embedded : nullptr})
        if (report)
            for (const signing::SignatureCheck& check : report->signatures) {
                if (!check.integrityOk)
                    return false;
                untrusted = untrusted || !check.certificateTrusted;
            }
    return untrusted;
}

/**
 * Intact and trusted, and only time-stamps fail: a time-stamp from a TSA whose root the Department has not added, or
 * one made for another signature (a copied token).
 */
bool onlyTimestampsFail(const signing::DocumentVerification& v)
{
    if (!v.problems.isEmpty())
        return false;
    bool timestampFails = false;
    for (const signing::VerificationReport* report : {&v.report, v.embedded ? &*v.embedded : nullptr})
        if (report)
            for (const signing::SignatureCheck& check : report->signatures) {
                if (!check.integrityOk || !check.certificateTrusted || !check.validAtSigningTime || check.revoked
                    || check.changedAfterSigning)
                    return false;
                timestampFails = timestampFails || !check.timestampOk;
            }
    return timestampFails;
}

/** The lowest baseline level among every signature of the PDF and of the packet it carries (B when there are none). */
signing::BaselineLevel lowestLevel(const signing::DocumentVerification& v)
{
    std::optional<signing::BaselineLevel> lowest;
    for (const signing::VerificationReport* report : {&v.report, v.embedded ? &*v.embedded : nullptr})
        if (report)
            for (const signing::SignatureCheck& check : report->signatures)
                if (!lowest || int(check.level) < int(*lowest))
                    lowest = check.level;
    return lowest.value_or(signing::BaselineLevel::B);
}

/**
 * The Department's policy refusal (docs/api.md "Department policy"): what is missing and what the school office can
 * do. A signed record cannot be signed again: the school corrects it (a new version) once its TSA is set.
 */
Refusal belowPolicy(signing::BaselineLevel required, signing::BaselineLevel found)
{
    const QString what = required == signing::BaselineLevel::T
        ? ApiText::tr("The record was not accepted: the Department requires every signature (of the PDF and of the "
                      "data inside it) to carry a time-stamp from a time-stamping server the Department trusts, and "
                      "this record has a signature without one.")
        : ApiText::tr("The record was not accepted: the Department requires every signature (of the PDF and of the "
                      "data inside it) to carry a time-stamp from a time-stamping server the Department trusts and "
                      "the certificate's revocation status checked when it was signed, and this record has a "
                      "signature without them.");
    const QString todo
        = ApiText::tr("Nothing was stored at the Department. A record that is already signed cannot simply be signed "
                      "again: first set the school's time-stamping server (Settings → Signing: time-stamping server… "
                      "in the program, or "
                      "\"hocba-cli tsa set\"), then open the record with Records → Correct after signing…, have it "
                      "confirmed and signed again, and send the new version. If the school had a time-stamping "
                      "server set already, this record was signed before it was set or while it could not be "
                      "reached.");
    Refusal r = refuse(422, "level_required", what + u' ' + todo);
    r.requiredLevel = signing::levelCode(required);
    r.foundLevel = signing::levelCode(found);
    return r;
}

/** The signed PDF with the packet it carries, checked as `hocba-cli verify` checks it. */
Checked<signing::DocumentVerification> verifiedPdf(const QByteArray& bytes, const QList<QByteArray>& anchors)
{
    auto v = signing::verifyDocument(bytes, anchors);
    if (!v)
        return std::unexpected(
            refuse(422, "invalid_packet", ApiText::tr("The record was not accepted: %1").arg(v.error().message)));
    if (v->kind != signing::DocumentVerification::Kind::Pdf)
        return std::unexpected(refuse(
            422, "invalid_packet", ApiText::tr("The record was not accepted: the file sent as the PDF is not a PDF.")));
    if (v->ok())
        return *v;
    const QString reasons = reasonsOf(*v).join(u' ');
    if (onlyTimestampsFail(*v))
        return std::unexpected(
            refuse(422, "invalid_timestamp",
                   ApiText::tr("The record was not accepted: a signature carries a time-stamp the Department cannot "
                               "accept (from a time-stamping server the Department does not trust, or not made for "
                               "this signature). Ask the Department which time-stamping servers it accepts. %1")
                       .arg(reasons)));
    if (onlyUntrusted(*v))
        return std::unexpected(
            refuse(422, "untrusted_signature",
                   ApiText::tr("The record was not accepted: it is signed with a certificate from a certification "
                               "authority the Department does not trust. %1")
                       .arg(reasons)));
    return std::unexpected(refuse(422, "invalid_packet", ApiText::tr("The record was not accepted: %1").arg(reasons)));
}

} // namespace

struct DeptApi::Impl
{
    /** One worker thread's session and its cached trust anchors. */
    struct ThreadSession
    {
        std::unique_ptr<DeptSession> session;
        QList<QByteArray> anchors;
        signing::BaselineLevel minimumLevel = signing::BaselineLevel::B; ///< read with the anchors
        RateLimiter::Clock::time_point anchorsAt;
        bool anchorsLoaded = false;
    };

    Impl(DeptStore& store, QString departmentName, ReceiptSigning sign, ApiLimits limits)
        : store(store)
        , departmentName(std::move(departmentName))
        , sign(std::move(sign))
        , limits(limits)
    { }

    DeptStore& store;
    QString departmentName;
    ReceiptSigning sign;
    ApiLimits limits;
    RateLimiter lookups {limits.lookupsPerSecondPerAddress, limits.lookupBurstPerAddress};
    RateLimiter uploads {limits.uploadsPerSecondPerSchool, limits.uploadBurstPerSchool};
    std::mutex sessionsMutex;
    std::map<std::thread::id, ThreadSession> sessions;

    Checked<ThreadSession*> threadSession();
    /** After a storage error: the next request of this thread opens a new session (a lost connection heals). */
    void dropThreadSession();
    Checked<DeptSession*> session();
    Checked<QList<QByteArray>> trustAnchors();
    Checked<School> school(const ApiRequest& request, LogLine& log);
    Checked<ApiResponse> route(const ApiRequest& request, LogLine& log);
    Checked<ApiResponse> submit(const ApiRequest& request, LogLine& log);
    /** The policy's level, as read with this thread's anchors (refreshed with them). */
    Checked<signing::BaselineLevel> minimumLevel();
    Checked<packet::Packet> verifiedPacket(const Upload& upload, QStringList* principalCerts = nullptr,
                                           signing::DocumentVerification* checked = nullptr);
    /**
     * Whether the store would refuse or answer this packet whatever the policy: it has exactly this packet (any
     * version of any year of its code: a duplicate), the code is managed by another school, or the packet's year is
     * locked or already has this version or a newer one. The policy then leaves the answer to the store.
     */
    Checked<bool> storeDecides(const packet::Packet& p, const School& school, const QString& digest);
    Checked<QString> windowFor(const packet::Packet& p, const School& school, const QString& digest);
    Checked<NewSubmission> accepted(const Upload& upload, const School& school);
    Checked<ApiResponse> states(const ApiRequest& request, LogLine& log);
    /** 415 for a body that is not JSON, 413 for one over the limit; nullopt when the body may be read. */
    std::optional<Refusal> bodyRefusal(const ApiRequest& request) const;
    /** The JSON body's one base64 field (`request` or `statement`) after the credential and the body checks. */
    Checked<QByteArray> signedBody(const ApiRequest& request, const char* field);
    Checked<ApiResponse> revoke(const QString& code, const ApiRequest& request, LogLine& log);
    Checked<ApiResponse> transfer(const QString& code, const ApiRequest& request, LogLine& log);
    /** The transfer body's `versions`, each verified as on submit and listed by the statement. */
    Checked<QList<HistoryVersion>> historyOf(const QByteArray& body, const packet::TransferStatement& statement);
    Checked<ApiResponse> receipts(const ApiRequest& request, LogLine& log);
    Checked<QList<LookupRow>> lookupYears(const QString& code, const ApiRequest& request, LogLine& log);
    Checked<QList<TransferRow>> transfersOf(const QString& code);
    Checked<ApiResponse> lookup(const QString& code, const ApiRequest& request, LogLine& log);
    Checked<ApiResponse> lookupPdf(const QString& code, const ApiRequest& request, LogLine& log);
    ApiResponse lookupPage(const QString& code, const ApiRequest& request, LogLine& log);
};

Checked<DeptApi::Impl::ThreadSession*> DeptApi::Impl::threadSession()
{
    // Sessions are created and used by their own thread only; the map itself is what the mutex guards.
    const std::lock_guard lock(sessionsMutex);
    ThreadSession& mine = sessions[std::this_thread::get_id()];
    if (!mine.session) {
        auto opened = store.openSession();
        if (!opened)
            return std::unexpected(serverError(opened.error()));
        mine.session = std::move(*opened);
    }
    return &mine;
}

void DeptApi::Impl::dropThreadSession()
{
    const std::lock_guard lock(sessionsMutex);
    sessions.erase(std::this_thread::get_id());
}

Checked<DeptSession*> DeptApi::Impl::session()
{
    auto mine = threadSession();
    if (!mine)
        return std::unexpected(mine.error());
    return (*mine)->session.get();
}

Checked<QList<QByteArray>> DeptApi::Impl::trustAnchors()
{
    auto mine = threadSession();
    if (!mine)
        return std::unexpected(mine.error());
    ThreadSession& t = **mine;
    const auto now = RateLimiter::Clock::now();
    if (!t.anchorsLoaded || now - t.anchorsAt >= kAnchorRefresh) {
        auto anchors = t.session->trustAnchors();
        if (!anchors)
            return std::unexpected(serverError(anchors.error()));
        auto level = t.session->minimumLevel();
        if (!level)
            return std::unexpected(serverError(level.error()));
        t.anchors = *anchors;
        t.minimumLevel = *level;
        t.anchorsAt = now;
        t.anchorsLoaded = true;
    }
    return t.anchors;
}

Checked<signing::BaselineLevel> DeptApi::Impl::minimumLevel()
{
    if (auto anchors = trustAnchors(); !anchors)
        return std::unexpected(anchors.error());
    auto mine = threadSession();
    if (!mine)
        return std::unexpected(mine.error());
    return (*mine)->minimumLevel;
}

Checked<bool> DeptApi::Impl::storeDecides(const packet::Packet& p, const School& school, const QString& digest)
{
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto years = (*s)->lookup(p.lookupCode);
    if (!years)
        return std::unexpected(serverError(years.error()));
    for (const LookupRow& year : *years) {
        if (year.school.code != school.code)
            return true; // other_school
        if (year.status.schoolYearStart == p.schoolYear.startYear
            && (year.status.state == RecordState::Locked || year.status.version >= p.version))
            return true; // locked, version_not_newer, or a duplicate of the current version
        for (const VersionRow& v : year.versions)
            if (v.digest == digest)
                return true; // a duplicate of an earlier version
    }
    return false;
}

Checked<School> DeptApi::Impl::school(const ApiRequest& request, LogLine& log)
{
    static const QRegularExpression bearer(QStringLiteral("\\ABearer ([0-9a-f]{64})\\z"));
    const QRegularExpressionMatch m = bearer.match(QString::fromLatin1(request.authorization));
    const Refusal unauthorized = refuse(401, "unauthorized",
                                        ApiText::tr("The school's credential for the Department is missing, wrong "
                                                    "or revoked. Ask the Department for a new credential file."));
    if (!m.hasMatch())
        return std::unexpected(unauthorized);
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto found = (*s)->schoolForCredential(credentialDigest(m.captured(1)));
    if (!found)
        return std::unexpected(serverError(found.error()));
    if (!*found)
        return std::unexpected(unauthorized);
    log.school = (*found)->code;
    return **found;
}

Checked<ApiResponse> DeptApi::Impl::route(const ApiRequest& request, LogLine& log)
{
    static const QRegularExpression lookupPath(QStringLiteral("\\A/api/v1/lookup/([^/]*)(/pdf)?\\z"));
    static const QRegularExpression requestPath(
        QStringLiteral("\\A/api/v1/records/([0-9a-f]{32})/(revoke|transfer)\\z"));
    const bool get = request.method == "GET";
    if (request.path == QLatin1String("/api/v1/records")) {
        log.route = QStringLiteral("/api/v1/records");
        if (request.method == "POST")
            return submit(request, log);
        if (get)
            return states(request, log);
    } else if (const QRegularExpressionMatch m = requestPath.match(request.path);
               m.hasMatch() && request.method == "POST") {
        log.route = QStringLiteral("/api/v1/records/{code}/") + m.captured(2);
        log.codePrefix = m.captured(1).left(6);
        return m.captured(2) == QLatin1String("revoke") ? revoke(m.captured(1), request, log)
                                                        : transfer(m.captured(1), request, log);
    } else if (request.path == QLatin1String("/api/v1/receipts") && get) {
        log.route = QStringLiteral("/api/v1/receipts");
        return receipts(request, log);
    } else if (const QRegularExpressionMatch m = lookupPath.match(request.path); m.hasMatch() && get) {
        log.route = m.captured(2).isEmpty() ? QStringLiteral("/api/v1/lookup/{code}")
                                            : QStringLiteral("/api/v1/lookup/{code}/pdf");
        return m.captured(2).isEmpty() ? lookup(m.captured(1), request, log) : lookupPdf(m.captured(1), request, log);
    } else if (request.path.startsWith(QLatin1String("/tra-cuu/")) && request.path.size() > 9 && get) {
        log.route = QStringLiteral("/tra-cuu/{code}");
        return lookupPage(request.path.mid(9), request, log);
    } else if (get
               && (request.path == QLatin1String("/tra-cuu") || request.path == QLatin1String("/tra-cuu/")
                   || (request.path == QLatin1String("/") && !queryValue(request, QStringLiteral("ma")).isEmpty()))) {
        // The printed QR code's address: <portal>?ma=CODE&nam=…&v=…&h=… (core/render/QrCode.cpp).
        log.route = QStringLiteral("/tra-cuu?ma={code}");
        return lookupPage(queryValue(request, QStringLiteral("ma")), request, log);
    }
    return std::unexpected(refuse(404, "not_found",
                                  ApiText::tr("The Department's server has no such address. "
                                              "Check the Department's address in the settings.")));
}

std::optional<Refusal> DeptApi::Impl::bodyRefusal(const ApiRequest& request) const
{
    if (!isJsonContentType(request.contentType))
        return refuse(415, "unsupported_media_type",
                      ApiText::tr("The request is not sent as JSON. Update the program."));
    if (request.body.size() > limits.maxBodyBytes)
        return refuse(
            413, "too_large",
            ApiText::tr("The record is larger than the Department accepts (%1 KiB).").arg(limits.maxBodyBytes / 1024));
    return std::nullopt;
}

Checked<ApiResponse> DeptApi::Impl::submit(const ApiRequest& request, LogLine& log)
{
    auto school = this->school(request, log);
    if (!school)
        return std::unexpected(school.error());
    if (const int wait = uploads.take(school->code, RateLimiter::Clock::now()); wait > 0) {
        Refusal r = refuse(429, "rate_limited",
                           ApiText::tr("The school is sending too many records at once. The program tries again "
                                       "by itself in a moment."));
        r.retryAfter = wait;
        return std::unexpected(r);
    }
    if (auto refused = bodyRefusal(request))
        return std::unexpected(*refused);
    auto upload = parseUpload(QJsonDocument::fromJson(request.body).object());
    if (!upload)
        return std::unexpected(upload.error());
    auto submission = accepted(*upload, *school);
    if (!submission)
        return std::unexpected(submission.error());
    log.codePrefix = submission->lookupCode.left(6);
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto outcome = (*s)->submit(*submission, sign);
    if (!outcome)
        return std::unexpected(serverError(outcome.error()));
    if (auto refused = refusalOf(outcome->status))
        return std::unexpected(*refused);
    const auto receipt = signing::Receipt::fromCanonicalBytes(outcome->receipt.canonical);
    if (!receipt)
        return std::unexpected(
            serverError(Error {ErrorCode::Internal, QStringLiteral("unreadable stored receipt"), {}}));
    QString state = recordStateCode(RecordState::Submitted);
    if (const auto head = headWithDigest((*s)->status(school->id, {receipt->lookupCode}), receipt->packetDigest))
        state = recordStateCode(head->state);
    QJsonObject answer = receiptJson(outcome->receipt);
    answer.insert(QStringLiteral("lookup_code"), receipt->lookupCode);
    answer.insert(QStringLiteral("version"), receipt->version);
    answer.insert(QStringLiteral("digest"), receipt->packetDigest);
    answer.insert(QStringLiteral("state"), state);
    answer.insert(QStringLiteral("window"), receipt->windowId);
    answer.insert(QStringLiteral("received_at"), isoOrNull(receipt->at));
    return json(outcome->status == SubmitStatus::Accepted ? 201 : 200, answer);
}

/** The packet, once both files verify against the Department's anchors and the PDF carries exactly this packet. */
Checked<packet::Packet> DeptApi::Impl::verifiedPacket(const Upload& upload, QStringList* principalCerts,
                                                      signing::DocumentVerification* checked)
{
    auto anchors = trustAnchors();
    if (!anchors)
        return std::unexpected(anchors.error());
    // The PDF's check covers the packet it carries (its signatures, schema and the digest the PDF was rendered for);
    // a packet sent with the same SHA-256 is that packet byte for byte, so it is not verified a second time.
    auto pdf = verifiedPdf(upload.pdf, *anchors);
    if (!pdf)
        return std::unexpected(pdf.error());
    if (pdf->packetDigest != packet::packetDigest(upload.packet) || !pdf->embedded)
        return std::unexpected(refuse(422, "invalid_packet",
                                      ApiText::tr("The record was not accepted: the PDF carries a different packet "
                                                  "from the one sent with it.")));
    auto p = packet::readPacket(upload.packet);
    if (!p)
        return std::unexpected(
            refuse(422, "invalid_packet", ApiText::tr("The record was not accepted: %1").arg(p.error().message)));
    const QList<signing::SignatureCheck>& packetSignatures = pdf->embedded->signatures;
    const bool principal
        = std::any_of(packetSignatures.begin(), packetSignatures.end(),
                      [](const signing::SignatureCheck& c) { return c.role == signing::SignerRole::Principal; });
    if (p->draft || !principal)
        return std::unexpected(refuse(422, "invalid_packet",
                                      ApiText::tr("The record was not accepted: it is not signed by the principal.")));
    if (principalCerts)
        for (const signing::SignatureCheck& c : packetSignatures)
            if (c.role == signing::SignerRole::Principal)
                principalCerts->append(sha256Hex(c.certificate.der));
    if (checked)
        *checked = *pdf;
    return *p;
}

/**
 * The open window of the packet's school year. Once it has closed, the same packet sent again still goes to the
 * store, which answers with the original receipt: a school that lost the answer must get its receipt back.
 */
Checked<QString> DeptApi::Impl::windowFor(const packet::Packet& p, const School& school, const QString& digest)
{
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto window = (*s)->openWindowFor(p.schoolYear.startYear, p.awaitingAdditionalAssessment);
    if (!window)
        return std::unexpected(serverError(window.error()));
    if (*window)
        return (*window)->id;
    auto heads = (*s)->status(school.id, {p.lookupCode});
    if (!heads)
        return std::unexpected(serverError(heads.error()));
    const auto head = headWithDigest(heads, digest);
    if (!head)
        return std::unexpected(windowClosed());
    return head->windowId;
}

/** The checks of docs/api.md after the body is read: verification, same packet, signatures, school, window. */
Checked<NewSubmission> DeptApi::Impl::accepted(const Upload& upload, const School& school)
{
    QStringList principalCerts;
    signing::DocumentVerification verification;
    auto p = verifiedPacket(upload, &principalCerts, &verification);
    if (!p)
        return std::unexpected(p.error());
    if (p->school.moetCode != school.code)
        return std::unexpected(refuse(403, "other_school",
                                      ApiText::tr("The record was issued by another school (school code %1); this "
                                                  "credential is for school %2.")
                                          .arg(p->school.moetCode, school.code)));
    const QString digest = packet::packetDigest(upload.packet);
    // The policy applies to what the Department would take as new: a packet it already has gets its original receipt
    // back (the store answers it as a duplicate) whatever the policy says since, and one the store refuses anyway
    // (another school's code, a locked year, a version not newer) gets that answer, which says what is really wrong.
    auto required = minimumLevel();
    if (!required)
        return std::unexpected(required.error());
    if (const signing::BaselineLevel found = lowestLevel(verification); int(found) < int(*required)) {
        auto decided = storeDecides(*p, school, digest);
        if (!decided)
            return std::unexpected(decided.error());
        if (!*decided)
            return std::unexpected(belowPolicy(*required, found));
    }
    auto windowId = windowFor(*p, school, digest);
    if (!windowId)
        return std::unexpected(windowId.error());
    const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    return NewSubmission {p->lookupCode, p->schoolYear.startYear, p->version, school.id, *windowId,
                          digest,        upload.packet,           upload.pdf, now,       lookupContentJson(*p),
                          principalCerts};
}

/** A store refusal of a revoke or transfer as the client gets it; nullopt when accepted (or already). */
static std::optional<Refusal> requestRefusal(RequestStatus status)
{
    switch (status) {
    case RequestStatus::Accepted:
    case RequestStatus::Duplicate:
        return std::nullopt;
    case RequestStatus::NotFound:
        return refuse(404, "not_found",
                      ApiText::tr("The Department has no such record of this school year, or the receiving school is "
                                  "not registered here."));
    case RequestStatus::OtherSchool:
        return refusalOf(SubmitStatus::OtherSchool);
    case RequestStatus::Locked:
        return refusalOf(SubmitStatus::Locked);
    case RequestStatus::VersionNotNewer:
        return refuse(409, "version_not_newer",
                      ApiText::tr("The request is not for the version the Department has now (it was replaced or "
                                  "revoked already)."));
    case RequestStatus::SignerNotPrincipal:
        return refuse(422, "invalid_request",
                      ApiText::tr("The request is not signed by a principal who has signed this school's records "
                                  "sent to the Department."));
    }
    return std::nullopt;
}

/** The signature check of a request or statement as the client gets it: untrusted, or not valid. */
template <class T> static std::optional<Refusal> signatureRefusal(const signing::VerifiedRequest<T>& v)
{
    if (v.ok())
        return std::nullopt;
    const bool intact = v.report.signatures.size() == 1 && v.report.signatures.first().integrityOk;
    if (intact && v.problems.isEmpty() && !v.report.signatures.first().certificateTrusted)
        return refuse(422, "untrusted_signature",
                      ApiText::tr("The request is signed with a certificate that does not chain to a certification "
                                  "authority the Department trusts."));
    QStringList reasons = v.problems;
    for (const signing::SignatureCheck& c : v.report.signatures)
        reasons << c.problems;
    return refuse(422, "invalid_request",
                  ApiText::tr("The request was not accepted: %1").arg(reasons.join(QStringLiteral("; "))));
}

Checked<QByteArray> DeptApi::Impl::signedBody(const ApiRequest& request, const char* field)
{
    if (auto refused = bodyRefusal(request))
        return std::unexpected(*refused);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(request.body, &error).object();
    if (error.error != QJsonParseError::NoError || !o.value(QLatin1String(field)).isString())
        return std::unexpected(badRequest(
            ApiText::tr("The request is not the JSON the Department expects ({\"%1\": …}). Update the program.")
                .arg(QLatin1String(field))));
    auto decoded = QByteArray::fromBase64Encoding(o.value(QLatin1String(field)).toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::unexpected(badRequest(
            ApiText::tr("The %1 in the request is not valid base64. Update the program.").arg(QLatin1String(field))));
    return decoded.decoded;
}

Checked<ApiResponse> DeptApi::Impl::revoke(const QString& code, const ApiRequest& request, LogLine& log)
{
    auto school = this->school(request, log);
    if (!school)
        return std::unexpected(school.error());
    auto xml = signedBody(request, "request");
    if (!xml)
        return std::unexpected(xml.error());
    auto anchors = trustAnchors();
    if (!anchors)
        return std::unexpected(anchors.error());
    auto verified = signing::verifyRevokeRequest(*xml, *anchors);
    if (!verified)
        return std::unexpected(refuse(422, "invalid_request",
                                      ApiText::tr("The request was not accepted: %1").arg(verified.error().message)));
    if (auto refused = signatureRefusal(*verified))
        return std::unexpected(*refused);
    const packet::RevokeRequest& r = verified->request;
    if (r.lookupCode != code)
        return std::unexpected(
            refuse(422, "invalid_request", ApiText::tr("The request is for another lookup code than its address.")));
    if (r.schoolCode != school->code)
        return std::unexpected(refuse(403, "other_school",
                                      ApiText::tr("The request names another school (school code %1); this "
                                                  "credential is for school %2.")
                                          .arg(r.schoolCode, school->code)));
    NewRevocation revocation;
    revocation.lookupCode = r.lookupCode;
    revocation.schoolYearStart = r.schoolYearStart;
    revocation.version = r.version;
    revocation.schoolId = school->id;
    revocation.digest = packet::packetDigest(*xml);
    revocation.requestXml = *xml;
    revocation.signerCertSha256 = sha256Hex(verified->signerCertificateDer());
    revocation.receivedAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto outcome = (*s)->revoke(revocation, sign);
    if (!outcome)
        return std::unexpected(serverError(outcome.error()));
    if (auto refused = requestRefusal(outcome->status))
        return std::unexpected(*refused);
    QJsonObject answer = receiptJson(outcome->receipt);
    answer.insert(QStringLiteral("lookup_code"), r.lookupCode);
    answer.insert(QStringLiteral("school_year"), SchoolYear {r.schoolYearStart}.toString());
    answer.insert(QStringLiteral("version"), outcome->version);
    answer.insert(QStringLiteral("state"), recordStateCode(RecordState::Revoked));
    answer.insert(QStringLiteral("revoked_at"), isoOrNull(outcome->revokedAt));
    return json(outcome->status == RequestStatus::Accepted ? 201 : 200, answer);
}

Checked<ApiResponse> DeptApi::Impl::transfer(const QString& code, const ApiRequest& request, LogLine& log)
{
    auto school = this->school(request, log);
    if (!school)
        return std::unexpected(school.error());
    auto xml = signedBody(request, "statement");
    if (!xml)
        return std::unexpected(xml.error());
    auto anchors = trustAnchors();
    if (!anchors)
        return std::unexpected(anchors.error());
    auto verified = signing::verifyTransferStatement(*xml, *anchors);
    if (!verified)
        return std::unexpected(refuse(422, "invalid_request",
                                      ApiText::tr("The request was not accepted: %1").arg(verified.error().message)));
    if (auto refused = signatureRefusal(*verified))
        return std::unexpected(*refused);
    const packet::TransferStatement& st = verified->request;
    if (st.lookupCode != code)
        return std::unexpected(
            refuse(422, "invalid_request", ApiText::tr("The request is for another lookup code than its address.")));
    NewTransfer t;
    t.lookupCode = st.lookupCode;
    t.fromSchoolCode = st.fromSchoolCode;
    t.fromSchoolName = st.fromSchoolName;
    t.toSchoolCode = st.toSchoolCode;
    t.senderSchoolId = school->id;
    t.transferDate = st.transferDate;
    t.digest = packet::packetDigest(*xml);
    t.statementXml = *xml;
    t.signerCertSha256 = sha256Hex(verified->signerCertificateDer());
    t.receivedAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    // Verified whether or not the record is known here: a statement sent with a forged version is refused whole.
    auto history = historyOf(request.body, st);
    if (!history)
        return std::unexpected(history.error());
    t.history = *history;
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto outcome = (*s)->transfer(t, sign);
    if (!outcome)
        return std::unexpected(serverError(outcome.error()));
    if (auto refused = requestRefusal(outcome->status))
        return std::unexpected(*refused);
    QJsonObject answer = receiptJson(outcome->receipt);
    answer.insert(QStringLiteral("lookup_code"), st.lookupCode);
    answer.insert(QStringLiteral("school"),
                  QJsonObject {{QStringLiteral("code"), outcome->toSchool.code},
                               {QStringLiteral("name"), outcome->toSchool.name}});
    answer.insert(QStringLiteral("transferred_at"), isoOrNull(outcome->transferredAt));
    return json(outcome->status == RequestStatus::Accepted ? 201 : 200, answer);
}

Checked<QList<HistoryVersion>> DeptApi::Impl::historyOf(const QByteArray& body,
                                                        const packet::TransferStatement& statement)
{
    const QJsonValue versions = QJsonDocument::fromJson(body).object().value(QStringLiteral("versions"));
    if (versions.isUndefined() || versions.isNull())
        return QList<HistoryVersion>();
    const Refusal notListed = refuse(422, "invalid_request",
                                     ApiText::tr("A version sent with the transfer statement is not one the statement "
                                                 "lists, or is sent twice."));
    if (!versions.isArray() || versions.toArray().size() > statement.items.size())
        return std::unexpected(notListed);
    QList<HistoryVersion> history;
    QSet<QString> seen;
    for (const QJsonValue& item : versions.toArray()) {
        auto upload = parseUpload(item.toObject());
        if (!upload)
            return std::unexpected(upload.error());
        auto p = verifiedPacket(*upload);
        if (!p)
            return std::unexpected(p.error());
        const QString digest = packet::packetDigest(upload->packet);
        const QString pdfSha256 = sha256Hex(upload->pdf);
        const bool listed = std::any_of(statement.items.begin(), statement.items.end(), [&](const auto& listedItem) {
            return listedItem.packetDigest == digest && listedItem.pdfSha256 == pdfSha256
                && listedItem.schoolYearStart == p->schoolYear.startYear && listedItem.version == p->version
                && listedItem.schoolCode == p->school.moetCode;
        });
        if (p->lookupCode != statement.lookupCode || !listed || seen.contains(digest))
            return std::unexpected(notListed);
        seen.insert(digest);
        history.append(HistoryVersion {p->schoolYear.startYear, p->version, digest, p->school.moetCode, p->school.name,
                                       upload->packet, upload->pdf, lookupContentJson(*p)});
    }
    return history;
}

Checked<ApiResponse> DeptApi::Impl::states(const ApiRequest& request, LogLine& log)
{
    auto school = this->school(request, log);
    if (!school)
        return std::unexpected(school.error());
    const QStringList codes = queryValue(request, QStringLiteral("codes")).split(u',', Qt::SkipEmptyParts);
    if (codes.size() > limits.maxCodesPerStatus)
        return std::unexpected(badRequest(
            ApiText::tr("At most %1 lookup codes can be asked about at once.").arg(limits.maxCodesPerStatus)));
    if (!std::all_of(codes.begin(), codes.end(), isLookupCode))
        return std::unexpected(badRequest(ApiText::tr("A lookup code in the request is not 32 characters 0-9, a-f.")));
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto heads = (*s)->status(school->id, codes);
    if (!heads)
        return std::unexpected(serverError(heads.error()));
    QJsonArray records;
    for (const RecordStatus& head : *heads)
        records.append(statusJson(head));
    return json(200, QJsonObject {{QStringLiteral("records"), records}});
}

Checked<ApiResponse> DeptApi::Impl::receipts(const ApiRequest& request, LogLine& log)
{
    auto school = this->school(request, log);
    if (!school)
        return std::unexpected(school.error());
    const QString limitText = queryValue(request, QStringLiteral("limit"));
    bool numeric = true;
    const int limit = limitText.isEmpty() ? limits.maxReceiptsPerPage : limitText.toInt(&numeric);
    if (!numeric || limit < 1 || limit > limits.maxReceiptsPerPage)
        return std::unexpected(badRequest(
            ApiText::tr("The number of receipts asked for must be from 1 to %1.").arg(limits.maxReceiptsPerPage)));
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto page = (*s)->lockReceipts(school->id, queryValue(request, QStringLiteral("window")),
                                   queryValue(request, QStringLiteral("after")), limit);
    if (!page)
        return std::unexpected(serverError(page.error()));
    QJsonArray items;
    for (const SignedReceipt& r : page->items)
        items.append(receiptJson(r));
    return json(200,
                QJsonObject {{QStringLiteral("receipts"), items},
                             {QStringLiteral("next"),
                              page->next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page->next)}});
}

/** The public lookup's common part: the address's rate, the code's form, every year of the record (never empty). */
Checked<QList<LookupRow>> DeptApi::Impl::lookupYears(const QString& code, const ApiRequest& request, LogLine& log)
{
    log.codePrefix = code.left(6);
    if (const int wait = lookups.take(request.peer.toString(), RateLimiter::Clock::now()); wait > 0) {
        Refusal r = refuse(429, "rate_limited",
                           ApiText::tr("Too many lookups from this address. Wait a moment and "
                                       "try again."));
        r.retryAfter = wait;
        return std::unexpected(r);
    }
    if (!isLookupCode(code))
        return std::unexpected(badRequest(ApiText::tr("A lookup code has 32 characters: the digits 0-9 and the "
                                                      "letters a-f. Check the code printed under the QR code of "
                                                      "the paper copy.")));
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto years = (*s)->lookup(code);
    if (!years)
        return std::unexpected(serverError(years.error()));
    if (years->isEmpty())
        return std::unexpected(notFound());
    return *years;
}

Checked<QList<TransferRow>> DeptApi::Impl::transfersOf(const QString& code)
{
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto transfers = (*s)->transfers(code);
    if (!transfers)
        return std::unexpected(serverError(transfers.error()));
    return *transfers;
}

QJsonArray transfersJson(const QList<TransferRow>& transfers)
{
    QJsonArray list;
    for (const TransferRow& t : transfers)
        list.append(QJsonObject {{QStringLiteral("from_school"), t.fromSchoolName},
                                 {QStringLiteral("to_school"), t.toSchoolName},
                                 {QStringLiteral("date"), t.transferDate.toString(Qt::ISODate)},
                                 {QStringLiteral("received_at"), isoOrNull(t.receivedAt)}});
    return list;
}

QJsonValue positiveOrNull(int n)
{
    return n > 0 ? QJsonValue(n) : QJsonValue(QJsonValue::Null);
}

QJsonObject paperCheckJson(const PaperCheck& c)
{
    return {{QStringLiteral("school_year"), SchoolYear {c.schoolYearStart}.toString()},
            {QStringLiteral("version"), positiveOrNull(c.version)},
            {QStringLiteral("matches"), c.matches},
            {QStringLiteral("current"), c.current},
            {QStringLiteral("current_version"), positiveOrNull(c.currentVersion)},
            {QStringLiteral("replaced_at"), isoOrNull(c.replacedAt)},
            {QStringLiteral("revoked_at"), isoOrNull(c.revokedAt)}};
}

/** One year of a lookup answer: its head, its versions and its readable content (none when revoked). */
QJsonObject lookupYearJson(const LookupRow& row)
{
    QJsonObject year = statusJson(row.status);
    year.remove(QStringLiteral("lookup_code"));
    year.insert(QStringLiteral("revoked_at"), isoOrNull(row.status.revokedAt));
    QJsonArray versions;
    for (const VersionRow& v : row.versions)
        versions.append(QJsonObject {{QStringLiteral("version"), v.version},
                                     {QStringLiteral("digest"), v.digest},
                                     {QStringLiteral("received_at"), isoOrNull(v.receivedAt)},
                                     {QStringLiteral("replaced_at"), isoOrNull(v.replacedAt)}});
    year.insert(QStringLiteral("versions"), versions);
    const QJsonObject content = QJsonDocument::fromJson(row.lookupJson).object();
    year.insert(QStringLiteral("grade"), content.value(QStringLiteral("grade")));
    if (row.status.state != RecordState::Revoked)
        year.insert(QStringLiteral("content"), content);
    return year;
}

Checked<ApiResponse> DeptApi::Impl::lookup(const QString& code, const ApiRequest& request, LogLine& log)
{
    auto years = lookupYears(code, request, log);
    if (!years)
        return std::unexpected(years.error());
    const auto paper = paperCopyOf(request);
    if (!paper)
        return std::unexpected(paper.error());
    const auto transfers = transfersOf(code);
    if (!transfers)
        return std::unexpected(transfers.error());
    // The top-level fields describe the latest year, as the answer did before records had several years.
    const LookupRow& latest = years->last();
    QJsonObject answer = statusJson(latest.status);
    answer.remove(QStringLiteral("digest"));
    answer.remove(QStringLiteral("school_year"));
    answer.insert(QStringLiteral("revoked_at"), isoOrNull(latest.status.revokedAt));
    answer.insert(QStringLiteral("transfers"), transfersJson(*transfers));
    if (*paper)
        answer.insert(QStringLiteral("checked"), paperCheckJson(checkPaperCopy(*years, **paper)));
    answer.insert(
        QStringLiteral("school"),
        QJsonObject {{QStringLiteral("code"), latest.school.code}, {QStringLiteral("name"), latest.school.name}});
    if (latest.status.state != RecordState::Revoked)
        answer.insert(QStringLiteral("content"), QJsonDocument::fromJson(latest.lookupJson).object());
    QJsonArray list;
    for (const LookupRow& year : *years)
        list.append(lookupYearJson(year));
    answer.insert(QStringLiteral("years"), list);
    return json(200, answer);
}

Checked<ApiResponse> DeptApi::Impl::lookupPdf(const QString& code, const ApiRequest& request, LogLine& log)
{
    auto years = lookupYears(code, request, log);
    if (!years)
        return std::unexpected(years.error());
    const QString yearText = queryValue(request, QStringLiteral("year"));
    bool numeric = true;
    const int wanted = yearText.isEmpty() ? years->last().status.schoolYearStart : yearText.toInt(&numeric);
    if (!numeric)
        return std::unexpected(badRequest(
            ApiText::tr("The school year is given by the year it starts in, for example year=2025 for 2025-2026.")));
    const auto row = std::find_if(years->cbegin(), years->cend(),
                                  [&](const LookupRow& y) { return y.status.schoolYearStart == wanted; });
    if (row == years->cend() || row->status.state == RecordState::Revoked)
        return std::unexpected(notFound());
    auto s = session();
    if (!s)
        return std::unexpected(s.error());
    auto pdf = (*s)->signedPdf(code, wanted);
    if (!pdf)
        return std::unexpected(serverError(pdf.error()));
    if (pdf->isEmpty())
        return std::unexpected(notFound());
    ApiResponse r;
    r.contentType = "application/pdf";
    r.body = *pdf;
    r.headers.emplaceBack("Content-Disposition",
                          "attachment; filename=\"hoc-ba-" + code.toLatin1() + "-" + QByteArray::number(wanted)
                              + ".pdf\"");
    r.headers.emplaceBack("Cache-Control", "no-store");
    return r;
}

ApiResponse DeptApi::Impl::lookupPage(const QString& code, const ApiRequest& request, LogLine& log)
{
    ApiResponse r;
    r.contentType = "text/html; charset=utf-8";
    // The code in the address is the secret: no referrer carries it away, and nothing is cached.
    r.headers = {{"Content-Security-Policy", kLookupPageCsp},
                 {"Referrer-Policy", "no-referrer"},
                 {"X-Content-Type-Options", "nosniff"},
                 {"Cache-Control", "no-store"}};
    const auto serverRefusal = [&r](const Refusal& refusal) {
        ApiResponse e = errorResponse(refusal);
        e.headers += r.headers;
        return e;
    };
    auto years = lookupYears(code, request, log);
    if (years) {
        const auto paper = paperCopyOf(request);
        if (!paper) {
            r.status = 400;
            r.body = lookupBadLinkHtml(departmentName, code);
            return r;
        }
        const auto transfers = transfersOf(code);
        if (!transfers)
            return serverRefusal(transfers.error());
        r.body = lookupPageHtml(departmentName, *years, *transfers,
                                *paper ? std::optional(checkPaperCopy(*years, **paper)) : std::nullopt);
        return r;
    }
    if (years.error().status == 429 || years.error().status == 500)
        return serverRefusal(years.error());
    r.status = years.error().status;
    r.body = r.status == 400 ? lookupBadCodeHtml(departmentName) : lookupNotFoundHtml(departmentName);
    return r;
}

DeptApi::DeptApi(DeptStore& store, QString departmentName, ReceiptSigning sign, ApiLimits limits)
    : d(std::make_unique<Impl>(store, std::move(departmentName), std::move(sign), limits))
{ }

DeptApi::~DeptApi() = default;

ApiResponse DeptApi::handle(const ApiRequest& request)
{
    LogLine log;
    auto answer = d->route(request, log);
    ApiResponse response = answer ? *answer : errorResponse(answer.error());
    if (response.status >= 500)
        d->dropThreadSession();
    qCInfo(lcDeptApi).noquote() << request.method << log.route << response.status
                                << (log.school.isEmpty() ? QStringLiteral("-") : log.school)
                                << (log.codePrefix.isEmpty() ? QStringLiteral("-") : log.codePrefix);
    return response;
}

Result<qint64> DeptApi::lockDueWindows(const QDateTime& nowUtc)
{
    auto s = d->session();
    if (!s)
        return fail(ErrorCode::Internal, s.error().message);
    auto windows = (*s)->windows();
    if (!windows)
        return std::unexpected(windows.error());
    qint64 locked = 0;
    for (const Window& w : *windows) {
        const QDateTime effective = lockInstant(w.deadline);
        if (w.state != WindowState::Open || effective > nowUtc)
            continue;
        auto n = (*s)->lockWindow(w.id, effective, d->sign, QStringLiteral("scheduler"));
        if (!n)
            return std::unexpected(n.error());
        qCInfo(lcDeptApi).noquote() << "window" << w.id << "locked at its deadline:" << *n << "records";
        locked += *n;
    }
    return locked;
}

} // namespace hocba::dept
