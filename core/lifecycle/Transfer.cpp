// SPDX-License-Identifier: GPL-3.0-or-later
// Transfers between schools (docs/transfer.md): the package the old school makes and the checks and import at the
// new school. The package is a zip (libzip) read as hostile input: only the listed names, no duplicates, capped in
// entry count, sizes and compression ratio.
#include "lifecycle/Transfer.h"

#include "lifecycle/Corrections.h"
#include "lifecycle/SchoolFileCheck.h"
#include "lifecycle/SignedDocuments.h"

#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/SqlUtil.h"
#include "store/StudentRepository.h"
#include "token/XmlSigner.h"
#include "util/Digest.h"
#include "verify/DocumentVerifier.h"
#include "verify/RequestVerifier.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <zip.h>

#include <array>
#include <memory>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::Transfer)
};

// Caps of the package reader (docs/transfer.md): a record has at most nine school years, each with a few versions.
constexpr int kMaxItems = 64;
constexpr int kMaxEntries = 2 * kMaxItems + 1;
constexpr qint64 kMaxPackageBytes = 512LL * 1024 * 1024;
constexpr qint64 kMaxStatementBytes = 256LL * 1024;
constexpr qint64 kMaxPacketBytes = 4LL * 1024 * 1024;
constexpr qint64 kMaxPdfBytes = 32LL * 1024 * 1024;
constexpr qint64 kMaxUnpackedBytes = 256LL * 1024 * 1024;
constexpr qint64 kRatioCheckedAbove = 64LL * 1024;
constexpr zip_uint64_t kMaxCompressionRatio = 100;

const QString kStatementName = QStringLiteral("statement.xml");

QString yearText(int start)
{
    return QStringLiteral("%1-%2").arg(start).arg(start + 1);
}

QString versionDir(int schoolYearStart, int version)
{
    return QStringLiteral("years/%1/v%2/").arg(yearText(schoolYearStart)).arg(version);
}

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QDate vietnamToday()
{
    return QDateTime::currentDateTimeUtc().addSecs(7 * 3600).date();
}

QString stateOfItem(const QString& sectionState)
{
    if (sectionState == QLatin1String("superseded"))
        return QStringLiteral("superseded");
    if (sectionState == QLatin1String("revoked"))
        return QStringLiteral("revoked");
    return QStringLiteral("current");
}

QString itemText(const packet::TransferItem& item)
{
    return Text::tr("school year %1, version %2").arg(yearText(item.schoolYearStart)).arg(item.version);
}

// ------------------------------------------------------------------------------------------------ zip writing

struct ZipDiscard
{
    void operator()(zip_t* zip) const { zip_discard(zip); }
};
struct ZipFileClose
{
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

Status writeZip(const QString& path, const QList<std::pair<QString, QByteArray>>& parts)
{
    int error = 0;
    zip_t* raw = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!raw)
        return fail(ErrorCode::Io, Text::tr("Cannot write the transfer package %1.").arg(path),
                    QStringLiteral("zip_open %1").arg(error));
    std::unique_ptr<zip_t, ZipDiscard> zip(raw);
    for (const auto& [name, bytes] : parts) {
        // The buffers outlive zip_close below (they are the caller's).
        zip_source_t* source = zip_source_buffer(zip.get(), bytes.constData(), zip_uint64_t(bytes.size()), 0);
        if (!source)
            return fail(ErrorCode::Io, Text::tr("Cannot write the transfer package %1.").arg(path),
                        QString::fromUtf8(zip_strerror(zip.get())));
        if (zip_file_add(zip.get(), name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(source);
            return fail(ErrorCode::Io, Text::tr("Cannot write the transfer package %1.").arg(path),
                        QString::fromUtf8(zip_strerror(zip.get())));
        }
    }
    if (zip_close(zip.get()) != 0)
        return fail(ErrorCode::Io, Text::tr("Cannot write the transfer package %1.").arg(path),
                    QString::fromUtf8(zip_strerror(zip.get())));
    (void)zip.release();
    return {};
}

// ------------------------------------------------------------------------------------------------ zip reading

Error refusedPackage(const QString& why, const QString& technical)
{
    return Error {ErrorCode::InvalidInput, Text::tr("The transfer package was refused: %1").arg(why), technical};
}

/** Every entry of the package, unpacked within the caps; names outside the layout and duplicates refused. */
Result<QHash<QString, QByteArray>> readPackageEntries(const QString& packagePath)
{
    const QFileInfo info(packagePath);
    if (!info.isFile())
        return fail(ErrorCode::NotFound, Text::tr("The file %1 does not exist.").arg(packagePath));
    if (info.size() > kMaxPackageBytes)
        return std::unexpected(refusedPackage(Text::tr("the file is far larger than any transfer package."),
                                              QStringLiteral("package-size")));
    int error = 0;
    zip_t* raw = zip_open(QFile::encodeName(packagePath).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!raw)
        return std::unexpected(
            refusedPackage(Text::tr("it is not a readable zip file."), QStringLiteral("zip_open %1").arg(error)));
    std::unique_ptr<zip_t, ZipDiscard> zip(raw);
    const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
    if (count < 0 || count > kMaxEntries)
        return std::unexpected(refusedPackage(
            Text::tr("it holds %1 files, more than a transfer package can.").arg(count), QStringLiteral("entries")));
    static const QRegularExpression layout(
        QStringLiteral("^(statement\\.xml|years/(\\d{4})-(\\d{4})/v([1-9]\\d{0,2})/(packet\\.xml|record\\.pdf))$"));
    QHash<QString, QByteArray> entries;
    qint64 unpacked = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* rawName = zip_get_name(zip.get(), zip_uint64_t(i), ZIP_FL_ENC_RAW);
        if (!rawName)
            return std::unexpected(refusedPackage(Text::tr("a file in it has no name."), QStringLiteral("name")));
        const QString name = QString::fromUtf8(rawName);
        const auto m = layout.match(name);
        if (!m.hasMatch() || (m.hasCaptured(2) && m.captured(3).toInt() != m.captured(2).toInt() + 1))
            return std::unexpected(
                refusedPackage(Text::tr("it holds a file that no transfer package has (%1).").arg(name.left(80)),
                               QStringLiteral("unlisted-name")));
        if (entries.contains(name))
            return std::unexpected(
                refusedPackage(Text::tr("it holds the file %1 twice.").arg(name), QStringLiteral("duplicate")));
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(zip.get(), zip_uint64_t(i), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
            return std::unexpected(
                refusedPackage(Text::tr("the file %1 in it is damaged.").arg(name), QStringLiteral("stat")));
        if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
            return std::unexpected(
                refusedPackage(Text::tr("the file %1 in it is encrypted.").arg(name), QStringLiteral("encrypted")));
        const qint64 cap = name == kStatementName  ? kMaxStatementBytes
            : name.endsWith(QLatin1String(".pdf")) ? kMaxPdfBytes
                                                   : kMaxPacketBytes;
        if (stat.size > zip_uint64_t(cap) || stat.size > zip_uint64_t(kMaxUnpackedBytes - unpacked))
            return std::unexpected(
                refusedPackage(Text::tr("the file %1 in it is larger than any signed record file.").arg(name),
                               QStringLiteral("entry-size")));
        const zip_uint64_t stored = (stat.valid & ZIP_STAT_COMP_SIZE) ? std::max<zip_uint64_t>(stat.comp_size, 1) : 1;
        if (qint64(stat.size) > kRatioCheckedAbove && stat.size / stored > kMaxCompressionRatio)
            return std::unexpected(
                refusedPackage(Text::tr("the file %1 in it unpacks to more than %2 times its size (a \"zip bomb\").")
                                   .arg(name)
                                   .arg(kMaxCompressionRatio),
                               QStringLiteral("compression-ratio")));
        std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(zip.get(), zip_uint64_t(i), 0));
        if (!file)
            return std::unexpected(refusedPackage(Text::tr("the file %1 in it is damaged.").arg(name),
                                                  QString::fromUtf8(zip_strerror(zip.get()))));
        QByteArray bytes;
        std::array<char, 64 * 1024> buffer;
        for (;;) {
            const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
            if (n < 0)
                return std::unexpected(refusedPackage(Text::tr("the file %1 in it is damaged.").arg(name),
                                                      QString::fromUtf8(zip_file_strerror(file.get()))));
            if (n == 0)
                break;
            if (zip_uint64_t(bytes.size() + n) > stat.size)
                return std::unexpected(refusedPackage(Text::tr("the file %1 in it is damaged.").arg(name),
                                                      QStringLiteral("more data than stated")));
            bytes.append(buffer.data(), qsizetype(n));
        }
        if (zip_uint64_t(bytes.size()) != stat.size)
            return std::unexpected(refusedPackage(Text::tr("the file %1 in it is damaged.").arg(name),
                                                  QStringLiteral("less data than stated")));
        unpacked += bytes.size();
        entries.insert(name, bytes);
    }
    return entries;
}

// ------------------------------------------------------------------------------------------------ the old school

struct RecordHere
{
    Id studentId = 0;
    Id recordId = 0;
    QString lookupCode;
    SchoolLevel level = SchoolLevel::Primary;
    bool transferred = false;
};

Result<std::optional<RecordHere>> recordOfStudent(store::Database& db, const QString& studentCode)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT s.id, r.id, r.lookup_code, r.level, r.transferred_at IS NOT NULL FROM student s "
        "JOIN record r ON r.student_id = s.id WHERE s.moet_code = ?1 AND s.moet_code <> '' "
        "ORDER BY r.transferred_at IS NULL DESC, r.closed_at IS NULL DESC, r.level = 'thcs' DESC LIMIT 1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, studentCode.trimmed());
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<RecordHere> {};
    return std::optional(RecordHere {st->int64(0), st->int64(1), st->text(2),
                                     st->text(3) == QLatin1String("thcs") ? SchoolLevel::Thcs : SchoolLevel::Primary,
                                     st->int64(4) != 0});
}

struct SectionRow
{
    Id id = 0;
    int schoolYear = 0;
    int grade = 0;
    int version = 1;
    QString state;
    bool paper = false;
};

/** One version the package carries, with its bytes. */
struct OutVersion
{
    packet::TransferItem item;
    QByteArray packetXml;
    QByteArray pdf;
    std::optional<packet::Packet> packet; ///< own sections: the verified packet
};

} // namespace

// ================================================================================================ transferOut

Result<TransferOutResult> transferOut(store::Database& db, const Actor& actor, const TransferOutRequest& request,
                                      signing::Signer& signer)
{
    if (auto ok = permit(db, actor, Right::Sign); !ok)
        return std::unexpected(ok.error());
    const QString toCode = request.toSchoolCode.trimmed();
    if (toCode.isEmpty())
        return fail(ErrorCode::InvalidInput, Text::tr("Give the MOET code of the school the pupil moves to."));
    if (request.outDir.isEmpty() || !QFileInfo(request.outDir).isDir())
        return fail(
            ErrorCode::InvalidInput,
            Text::tr("The folder %1 does not exist. Choose a folder for the transfer package.").arg(request.outDir));
    auto school = store::SchoolRepository(db).school();
    if (!school)
        return std::unexpected(school.error());
    if (!*school)
        return fail(ErrorCode::NotFound, Text::tr("The school's details are not set yet."));
    if (toCode == (*school)->moetCode)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The school the pupil moves to must be another school, not this one (%1).").arg(toCode));
    auto here = recordOfStudent(db, request.studentCode);
    if (!here)
        return std::unexpected(here.error());
    if (!*here)
        return fail(ErrorCode::NotFound,
                    Text::tr("No student with the MOET code %1 has a record in this school file.")
                        .arg(request.studentCode.trimmed()));
    const RecordHere rec = **here;
    if (rec.transferred)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("This record was already transferred to another school; it cannot be transferred again "
                             "from here."));

    auto sections = store::queryList<SectionRow>(
        db,
        QStringLiteral("SELECT id, school_year, grade, version, state, source FROM year_section WHERE record_id = ?1 "
                       "ORDER BY school_year, version"),
        [](store::Statement& st) {
            return SectionRow {st.int64(0),      int(st.int64(1)), int(st.int64(2)),
                               int(st.int64(3)), st.text(4),       st.text(5) == QLatin1String("paper")};
        },
        {rec.recordId});
    if (!sections)
        return std::unexpected(sections.error());
    for (const SectionRow& s : *sections) {
        if (s.paper)
            continue; // history copied from the paper book: never signed, not carried (docs/transfer.md)
        if (s.state == QLatin1String("draft") || s.state == QLatin1String("ready"))
            return fail(ErrorCode::InvalidInput,
                        Text::tr("The school year %1 of this record is not signed yet. Sign it, or finish it first, "
                                 "before the transfer.")
                            .arg(yearText(s.schoolYear)),
                        QStringLiteral("section %1 %2").arg(s.id).arg(s.state));
    }

    auto anchors = schoolTrustAnchors(db);
    if (!anchors)
        return std::unexpected(anchors.error());

    QList<OutVersion> versions;
    // Years received from earlier schools go on as received.
    auto received = receivedVersions(db, rec.recordId);
    if (!received)
        return std::unexpected(received.error());
    for (const ReceivedVersion& r : *received)
        versions.append({r.item, r.packetXml, r.pdf, std::nullopt});

    for (const SectionRow& s : *sections) {
        if (s.paper)
            continue;
        OutVersion v;
        if (isIssuedState(sectionStateFromCode(s.state).value_or(SectionState::Draft))) {
            auto verified = verifiedSignedSection(db, s.id, *anchors);
            if (!verified)
                return std::unexpected(verified.error());
            v.packetXml = verified->packetXml;
            v.pdf = verified->pdf;
            v.packet = verified->packet;
        } else {
            // Superseded and revoked versions: their stored documents, verified as `hocba-cli verify` does.
            auto done = SignedDocuments(db).completed(s.id, s.version);
            if (!done)
                return std::unexpected(done.error());
            if (!*done)
                return fail(ErrorCode::InvalidInput,
                            Text::tr("The signed files of school year %1, version %2 are missing from this school "
                                     "file.")
                                .arg(yearText(s.schoolYear))
                                .arg(s.version));
            v.packetXml = (*done)->packetXml;
            v.pdf = (*done)->pdf;
            for (const QByteArray& bytes : {v.packetXml, v.pdf}) {
                auto check = signing::verifyDocument(bytes, *anchors);
                if (!check || !check->ok())
                    return fail(ErrorCode::InvalidInput,
                                Text::tr("The stored signed files of school year %1, version %2 do not verify, so "
                                         "the package is not made.")
                                    .arg(yearText(s.schoolYear))
                                    .arg(s.version));
            }
        }
        v.item.schoolYearStart = s.schoolYear;
        v.item.grade = s.grade;
        v.item.version = s.version;
        v.item.schoolCode = (*school)->moetCode;
        v.item.state = stateOfItem(s.state);
        v.item.packetDigest = packet::packetDigest(v.packetXml);
        v.item.pdfSha256 = hex(digest::sha256(v.pdf));
        versions.append(v);
    }
    if (versions.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("This record has no signed school year yet, so there is nothing to hand over. Sign its "
                             "years first."));
    std::stable_sort(versions.begin(), versions.end(), [](const OutVersion& a, const OutVersion& b) {
        return std::pair(a.item.schoolYearStart, a.item.version) < std::pair(b.item.schoolYearStart, b.item.version);
    });
    QSet<QString> dirs;
    for (const OutVersion& v : versions) {
        const QString dir = versionDir(v.item.schoolYearStart, v.item.version);
        if (dirs.contains(dir))
            return fail(ErrorCode::InvalidInput,
                        Text::tr("Two signed versions of %1 have the same number; the package cannot hold both.")
                            .arg(itemText(v.item)));
        dirs.insert(dir);
    }
    if (versions.size() > kMaxItems)
        return fail(ErrorCode::InvalidInput, Text::tr("This record has more signed versions than a package can hold."));

    // The student as the newest own verified packet (else the newest received one) names them.
    std::optional<packet::Packet> newest;
    for (const OutVersion& v : versions) {
        if (v.packet && v.item.state == QLatin1String("current"))
            newest = v.packet;
    }
    if (!newest) {
        auto read = packet::readPacket(versions.last().packetXml);
        if (!read)
            return std::unexpected(read.error());
        newest = *read;
    }

    packet::TransferStatement statement;
    statement.lookupCode = rec.lookupCode;
    statement.level = rec.level;
    statement.studentName = newest->student.fullName;
    statement.birthDate = newest->student.birthDate;
    statement.studentMoetCode = newest->student.moetCode;
    statement.fromSchoolCode = (*school)->moetCode;
    statement.fromSchoolName = (*school)->name;
    statement.fromProvince = (*school)->province;
    statement.toSchoolCode = toCode;
    statement.toSchoolName = request.toSchoolName.trimmed();
    statement.transferDate = request.transferDate.isValid() ? request.transferDate : vietnamToday();
    statement.reason = request.reason.trimmed();
    statement.madeAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    for (const OutVersion& v : versions)
        statement.items.append(v.item);

    signing::XmlSignOptions options;
    options.role = signing::SignerRole::Principal;
    options.signingTime = statement.madeAt;
    options.layout = signing::requestSignatureLayout();
    auto signedXml = signing::XmlSigner::sign(packet::writeTransferStatement(statement), signer, options);
    if (!signedXml)
        return std::unexpected(signedXml.error());

    QList<std::pair<QString, QByteArray>> parts;
    parts.append({kStatementName, *signedXml});
    for (const OutVersion& v : versions) {
        const QString dir = versionDir(v.item.schoolYearStart, v.item.version);
        parts.append({dir + QStringLiteral("packet.xml"), v.packetXml});
        parts.append({dir + QStringLiteral("record.pdf"), v.pdf});
    }
    const QString finalPath = QDir(request.outDir).filePath(rec.lookupCode + QLatin1String(kTransferPackageSuffix));
    if (QFileInfo::exists(finalPath))
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The file %1 already exists. Move it away or choose another folder.").arg(finalPath));
    const QString tempPath = finalPath + QStringLiteral(".part");
    QFile::remove(tempPath);
    if (auto s = writeZip(tempPath, parts); !s) {
        QFile::remove(tempPath);
        return std::unexpected(s.error());
    }
    if (!QFile::rename(tempPath, finalPath)) {
        QFile::remove(tempPath);
        return fail(ErrorCode::Io, Text::tr("Cannot write the transfer package %1.").arg(finalPath));
    }

    auto removeAndFail = [&](const Error& e) -> Result<TransferOutResult> {
        QFile::remove(finalPath);
        return std::unexpected(e);
    };
    store::Transaction tx(db);
    if (!tx.began())
        return removeAndFail(tx.began().error());
    auto mark = db.prepare(QStringLiteral("UPDATE record SET transferred_at = ?1, transferred_to_code = ?2, "
                                          "transferred_to_name = ?3 WHERE id = ?4 AND transferred_at IS NULL"));
    if (!mark)
        return removeAndFail(mark.error());
    mark->bind(1, store::isoDate(statement.transferDate))
        .bind(2, toCode)
        .bind(3, store::nonNull(statement.toSchoolName))
        .bind(4, rec.recordId);
    if (auto s = mark->exec(); !s)
        return removeAndFail(s.error());
    auto keep = db.prepare(QStringLiteral(
        "INSERT INTO transfer_statement (direction, record_id, lookup_code, from_school_code, from_school_name, "
        "to_school_code, to_school_name, transfer_date, signed_xml, stored_at) VALUES ('out', ?1, ?2, ?3, ?4, ?5, ?6, "
        "?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    if (!keep)
        return removeAndFail(keep.error());
    keep->bind(1, rec.recordId)
        .bind(2, rec.lookupCode)
        .bind(3, store::nonNull(statement.fromSchoolCode))
        .bind(4, store::nonNull(statement.fromSchoolName))
        .bind(5, toCode)
        .bind(6, store::nonNull(statement.toSchoolName))
        .bind(7, store::isoDate(statement.transferDate))
        .bind(8, *signedXml);
    if (auto s = keep->exec(); !s)
        return removeAndFail(s.error());
    if (auto s = queueDepartmentRequest(db, DepartmentRequest::Kind::Transfer, rec.lookupCode, 0, *signedXml); !s)
        return removeAndFail(s.error());
    if (auto s
        = store::AuditLog(db).append(QStringLiteral("record.transfer_out"), QStringLiteral("record"),
                                     QString::number(rec.recordId), QStringLiteral("transferredTo"), std::nullopt,
                                     QStringLiteral("%1 %2").arg(toCode, store::isoDate(statement.transferDate)));
        !s)
        return removeAndFail(s.error());
    if (auto s = tx.commit(); !s)
        return removeAndFail(s.error());
    return TransferOutResult {finalPath, rec.lookupCode, int(versions.size())};
}

// ================================================================================================ the new school

bool TransferInspection::ok() const
{
    if (!problems.isEmpty() || versions.isEmpty())
        return false;
    return std::all_of(versions.begin(), versions.end(), [](const ArrivingVersion& v) { return v.ok; });
}

namespace {

/** The package's entries with the inspection, for transferIn. */
struct Inspected
{
    TransferInspection inspection;
    QByteArray statementXml;
    QHash<QString, QByteArray> entries;
};

Result<Inspected> inspect(store::Database& db, const QString& packagePath)
{
    auto entries = readPackageEntries(packagePath);
    if (!entries)
        return std::unexpected(entries.error());
    Inspected out;
    out.entries = std::move(*entries);
    TransferInspection& ins = out.inspection;
    out.statementXml = out.entries.value(kStatementName);
    if (out.statementXml.isEmpty())
        return std::unexpected(
            refusedPackage(Text::tr("it has no transfer statement (statement.xml)."), QStringLiteral("no statement")));
    auto anchors = schoolTrustAnchors(db);
    if (!anchors)
        return std::unexpected(anchors.error());
    auto verified = signing::verifyTransferStatement(out.statementXml, *anchors);
    if (!verified)
        return std::unexpected(refusedPackage(verified.error().message, verified.error().detail));
    ins.statement = verified->request;
    const packet::TransferStatement& st = ins.statement;
    if (!verified->ok()) {
        QStringList why = verified->problems;
        for (const auto& sig : verified->report.signatures)
            why += sig.problems;
        ins.problems.append(
            Text::tr("The transfer statement's signature is not valid or not trusted by this school (a principal's "
                     "signature from a certificate authority in this school's trust list is needed).")
            + (why.isEmpty() ? QString() : QStringLiteral(" ") + why.join(QStringLiteral(" "))));
    }
    auto school = store::SchoolRepository(db).school();
    if (!school)
        return std::unexpected(school.error());
    const QString ourCode = *school ? (*school)->moetCode : QString();
    if (st.toSchoolCode != ourCode)
        ins.problems.append(Text::tr("The package is for another school (MOET code %1), not this one (%2).")
                                .arg(st.toSchoolCode, ourCode));
    if (st.items.size() > kMaxItems)
        ins.problems.append(Text::tr("The statement lists more versions than a package can hold."));
    {
        auto q = db.prepare(QStringLiteral("SELECT 1 FROM record WHERE lookup_code = ?1"));
        if (!q)
            return std::unexpected(q.error());
        q->bind(1, st.lookupCode);
        auto row = q->step();
        if (!row)
            return std::unexpected(row.error());
        if (*row)
            ins.problems.append(
                Text::tr("This school file already has the record with lookup code %1.").arg(st.lookupCode));
    }

    // Every file present is listed, every listed one present.
    QSet<QString> listed {kStatementName};
    for (const packet::TransferItem& item : st.items) {
        const QString dir = versionDir(item.schoolYearStart, item.version);
        if (listed.contains(dir + QStringLiteral("packet.xml")))
            ins.problems.append(Text::tr("The statement lists %1 twice.").arg(itemText(item)));
        listed.insert(dir + QStringLiteral("packet.xml"));
        listed.insert(dir + QStringLiteral("record.pdf"));
    }
    QStringList extra;
    for (auto it = out.entries.cbegin(); it != out.entries.cend(); ++it)
        if (!listed.contains(it.key()))
            extra.append(it.key());
    extra.sort();
    for (const QString& name : extra)
        ins.problems.append(Text::tr("The package holds %1, which the statement does not list.").arg(name));

    // The newest current version names the student's identity; each packet must carry it.
    int newestCurrent = -1;
    for (int i = 0; i < st.items.size(); ++i)
        if (st.items[i].state == QLatin1String("current"))
            newestCurrent = i;

    for (int i = 0; i < st.items.size(); ++i) {
        const packet::TransferItem& item = st.items[i];
        ArrivingVersion v;
        v.item = item;
        v.grade = item.grade;
        const QString dir = versionDir(item.schoolYearStart, item.version);
        const auto packetIt = out.entries.constFind(dir + QStringLiteral("packet.xml"));
        const auto pdfIt = out.entries.constFind(dir + QStringLiteral("record.pdf"));
        if (packetIt == out.entries.cend())
            v.problems.append(Text::tr("The signed packet is missing from the package."));
        if (pdfIt == out.entries.cend())
            v.problems.append(Text::tr("The signed PDF is missing from the package."));
        if (packetIt != out.entries.cend()) {
            const QByteArray& xml = *packetIt;
            if (packet::packetDigest(xml) != item.packetDigest)
                v.problems.append(Text::tr("The packet is not the one the statement lists (it was changed or "
                                           "replaced)."));
            auto check = signing::verifyDocument(xml, *anchors);
            if (!check)
                v.problems.append(check.error().message);
            else if (!check->ok())
                v.problems.append(Text::tr("The packet's signatures do not verify with this school's trust list.")
                                  + (check->problems.isEmpty()
                                         ? QString()
                                         : QStringLiteral(" ") + check->problems.join(QStringLiteral(" "))));
            auto p = packet::readPacket(xml);
            if (!p) {
                v.problems.append(p.error().message);
            } else {
                v.schoolName = p->school.name;
                if (p->lookupCode != st.lookupCode || p->level != st.level)
                    v.problems.append(Text::tr("The packet belongs to another record."));
                if (p->draft)
                    v.problems.append(Text::tr("The packet is a draft, not a signed version."));
                if (p->schoolYear.startYear != item.schoolYearStart || p->version != item.version
                    || p->grade != item.grade || p->school.moetCode != item.schoolCode)
                    v.problems.append(Text::tr("The packet's school year, version, grade or school differ from "
                                               "the statement."));
                if (p->student.birthDate != st.birthDate || p->student.moetCode != st.studentMoetCode
                    || (i == newestCurrent && p->student.fullName != st.studentName))
                    v.problems.append(Text::tr("The packet names another student than the statement."));
            }
        }
        if (pdfIt != out.entries.cend()) {
            const QByteArray& pdf = *pdfIt;
            if (hex(digest::sha256(pdf)) != item.pdfSha256)
                v.problems.append(Text::tr("The PDF is not the one the statement lists (it was changed or "
                                           "replaced)."));
            auto check = signing::verifyDocument(pdf, *anchors);
            if (!check)
                v.problems.append(check.error().message);
            else if (!check->ok())
                v.problems.append(Text::tr("The PDF's signatures do not verify with this school's trust list.")
                                  + (check->problems.isEmpty()
                                         ? QString()
                                         : QStringLiteral(" ") + check->problems.join(QStringLiteral(" "))));
            else if (check->packetDigest != item.packetDigest)
                v.problems.append(Text::tr("The PDF carries another packet than the one listed."));
        }
        v.ok = v.problems.isEmpty();
        ins.versions.append(v);
    }
    if (st.items.isEmpty())
        ins.problems.append(Text::tr("The statement lists no signed version."));
    return out;
}

} // namespace

Result<TransferInspection> inspectTransferPackage(store::Database& db, const QString& packagePath)
{
    auto r = inspect(db, packagePath);
    if (!r)
        return std::unexpected(r.error());
    return std::move(r->inspection);
}

Result<TransferInResult> transferIn(store::Database& db, const Actor& actor, const QString& packagePath,
                                    const QString& className)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return std::unexpected(ok.error());
    auto inspected = inspect(db, packagePath);
    if (!inspected)
        return std::unexpected(inspected.error());
    const TransferInspection& ins = inspected->inspection;
    if (!ins.ok()) {
        QStringList why = ins.problems;
        for (const ArrivingVersion& v : ins.versions)
            for (const QString& p : v.problems)
                why.append(QStringLiteral("%1: %2").arg(itemText(v.item), p));
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The transfer package was refused: %1").arg(why.join(QStringLiteral(" "))),
                    QStringLiteral("transfer package failed %1 checks").arg(why.size()));
    }
    const packet::TransferStatement& st = ins.statement;

    // The class of the current school year, checked before anything is written.
    std::optional<ClassGroup> cls;
    if (!className.trimmed().isEmpty()) {
        store::SchoolRepository schools(db);
        auto years = schools.schoolYears();
        if (!years)
            return std::unexpected(years.error());
        if (years->isEmpty())
            return fail(ErrorCode::NotFound, Text::tr("This school file has no school year yet."));
        const SchoolYear current = *std::max_element(years->begin(), years->end());
        auto found = schools.classByName(current, className.trimmed());
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return fail(
                ErrorCode::NotFound,
                Text::tr("There is no class %1 in the school year %2.").arg(className.trimmed(), current.toString()));
        cls = **found;
        const bool primary = cls->grade <= 5;
        if (primary != (st.level == SchoolLevel::Primary))
            return fail(ErrorCode::InvalidInput, Text::tr("The class %1 is not of the record's level.").arg(cls->name));
    }

    // The student as the newest current packet names them.
    packet::Packet newest;
    for (const packet::TransferItem& item : st.items) {
        if (item.state != QLatin1String("current"))
            continue;
        auto p = packet::readPacket(
            inspected->entries.value(versionDir(item.schoolYearStart, item.version) + QStringLiteral("packet.xml")));
        if (p)
            newest = *p;
    }
    if (newest.lookupCode.isEmpty()) {
        const auto& last = st.items.last();
        auto p = packet::readPacket(
            inspected->entries.value(versionDir(last.schoolYearStart, last.version) + QStringLiteral("packet.xml")));
        if (!p)
            return std::unexpected(p.error());
        newest = *p;
    }

    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    Student student = newest.student;
    student.id = 0;
    student.transferDate = st.transferDate;
    student.transferFrom = st.fromSchoolName;
    store::StudentRepository students(db);
    auto saved = students.saveStudent(student);
    if (!saved)
        return std::unexpected(saved.error());
    students.setLookupCodeSource([code = st.lookupCode] { return code; });
    auto record = students.openRecord(saved->id, st.level);
    if (!record)
        return std::unexpected(record.error());
    if (record->lookupCode != st.lookupCode)
        return fail(ErrorCode::InvalidInput, Text::tr("The record could not keep its lookup code."));

    auto keep = db.prepare(QStringLiteral(
        "INSERT INTO transfer_statement (direction, record_id, lookup_code, from_school_code, from_school_name, "
        "to_school_code, to_school_name, transfer_date, signed_xml, stored_at) VALUES ('in', ?1, ?2, ?3, ?4, ?5, ?6, "
        "?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    if (!keep)
        return std::unexpected(keep.error());
    keep->bind(1, record->id)
        .bind(2, st.lookupCode)
        .bind(3, store::nonNull(st.fromSchoolCode))
        .bind(4, store::nonNull(st.fromSchoolName))
        .bind(5, store::nonNull(st.toSchoolCode))
        .bind(6, store::nonNull(st.toSchoolName))
        .bind(7, store::isoDate(st.transferDate))
        .bind(8, inspected->statementXml);
    if (auto s = keep->exec(); !s)
        return std::unexpected(s.error());
    const Id statementId = db.lastInsertId();

    QJsonArray versionsJson;
    for (const ArrivingVersion& v : ins.versions) {
        const QString dir = versionDir(v.item.schoolYearStart, v.item.version);
        const QByteArray xml = inspected->entries.value(dir + QStringLiteral("packet.xml"));
        const QByteArray pdf = inspected->entries.value(dir + QStringLiteral("record.pdf"));
        auto ins2 = db.prepare(QStringLiteral(
            "INSERT INTO received_section (record_id, statement_id, school_year, grade, version, school_code, "
            "school_name, state, packet_digest, pdf_sha256, packet_xml, pdf, received_at) VALUES (?1, ?2, ?3, ?4, ?5, "
            "?6, ?7, ?8, ?9, ?10, ?11, ?12, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
        if (!ins2)
            return std::unexpected(ins2.error());
        ins2->bind(1, record->id)
            .bind(2, statementId)
            .bind(3, v.item.schoolYearStart)
            .bind(4, v.item.grade)
            .bind(5, v.item.version)
            .bind(6, store::nonNull(v.item.schoolCode))
            .bind(7, store::nonNull(v.schoolName))
            .bind(8, v.item.state)
            .bind(9, v.item.packetDigest)
            .bind(10, v.item.pdfSha256)
            .bind(11, xml)
            .bind(12, pdf);
        if (auto s = ins2->exec(); !s)
            return std::unexpected(s.error());
        versionsJson.append(QJsonObject {{QStringLiteral("packet"), QString::fromLatin1(xml.toBase64())},
                                         {QStringLiteral("pdf"), QString::fromLatin1(pdf.toBase64())}});
    }
    if (auto s
        = queueDepartmentRequest(db, DepartmentRequest::Kind::Transfer, st.lookupCode, 0, inspected->statementXml,
                                 QJsonDocument(versionsJson).toJson(QJsonDocument::Compact));
        !s)
        return std::unexpected(s.error());
    if (cls) {
        YearSection section;
        section.recordId = record->id;
        section.schoolYear = cls->schoolYear;
        section.grade = cls->grade;
        section.classId = cls->id;
        section.homeroomTeacherId = cls->homeroomTeacherId;
        section.circular = cls->grade <= 5 ? Circular::TT27 : Circular::TT22;
        if (auto s = students.addSection(section); !s)
            return std::unexpected(s.error());
    }
    if (auto s
        = store::AuditLog(db).append(QStringLiteral("record.transfer_in"), QStringLiteral("record"),
                                     QString::number(record->id), QStringLiteral("transferredFrom"), std::nullopt,
                                     QStringLiteral("%1 %2").arg(st.fromSchoolCode, store::isoDate(st.transferDate)));
        !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return TransferInResult {saved->id, record->id, st.lookupCode, int(ins.versions.size())};
}

Result<QList<ReceivedVersion>> receivedVersions(store::Database& db, Id recordId)
{
    return store::queryList<ReceivedVersion>(
        db,
        QStringLiteral("SELECT id, record_id, school_year, grade, version, school_code, state, packet_digest, "
                       "pdf_sha256, school_name, packet_xml, pdf FROM received_section WHERE record_id = ?1 "
                       "ORDER BY school_year, version"),
        [](store::Statement& st) {
            ReceivedVersion v;
            v.id = st.int64(0);
            v.recordId = st.int64(1);
            v.item.schoolYearStart = int(st.int64(2));
            v.item.grade = int(st.int64(3));
            v.item.version = int(st.int64(4));
            v.item.schoolCode = st.text(5);
            v.item.state = st.text(6);
            v.item.packetDigest = st.text(7);
            v.item.pdfSha256 = st.text(8);
            v.schoolName = st.text(9);
            v.packetXml = st.blob(10);
            v.pdf = st.blob(11);
            return v;
        },
        {recordId});
}

} // namespace hocba::lifecycle
