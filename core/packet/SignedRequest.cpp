// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/SignedRequest.h"

#include "packet/Packet.h"
#include "packet/SafeXml.h"
#include "packet/XmlDiagnostics.h"
#include "packet/XmlOut.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <libxml/tree.h>

#include <algorithm>
#include <optional>

namespace hocba::packet {

using namespace detail;

namespace {

class RequestText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::packet::SignedRequest)
};

constexpr int kMaxReasonLength = 500;
constexpr int kMaxNameLength = 200;
constexpr int kMaxItems = 200; // 9 years of a level, each with a handful of versions: far below

const QString kContainer = QStringLiteral("DSCKS");

QString utcText(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

/** XmlOut drops characters XML cannot carry (a control character pasted into a reason): what is signed is what is
 * written, and the reader accepts it. */
QByteArray finish(const XmlOut& x)
{
    return QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + x.bytes() + '\n';
}

void openDocument(XmlOut& x, const QString& root)
{
    x.open(root, {{QStringLiteral("formatVersion"), QStringLiteral("1")}}, QString::fromLatin1(kRequestNamespace));
    x.open(QStringLiteral("Data"), {{QStringLiteral("Id"), QString::fromLatin1(kDataElementId)}});
}

void closeDocument(XmlOut& x)
{
    x.close(); // Data
    x.open(kContainer); // the signatures go here (XmlSigner, requestSignatureLayout())
    x.close();
    x.close(); // root
}

// ------------------------------------------------------------------------------------------ reading

bool isLookupCode(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{32}$"));
    return re.match(s).hasMatch();
}

bool isDigest43(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    return re.match(s).hasMatch();
}

bool isSha256Hex(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(s).hasMatch();
}

/**
 * Reads the fields of one element strictly: each expected child exactly once, nothing else, so that two documents
 * with the same values have one form and nothing unsigned-looking hides among the signed data.
 */
class Fields
{
public:
    Fields(const xmlNode* parent, std::initializer_list<const char*> required,
           std::initializer_list<const char*> optional, std::optional<Error>& error)
        : m_parent(parent)
        , m_error(error)
    {
        for (const xmlNode* n : elements(parent)) {
            const QByteArray name(reinterpret_cast<const char*>(n->name));
            const bool known = std::any_of(required.begin(), required.end(), [&](const char* r) { return name == r; })
                || std::any_of(optional.begin(), optional.end(), [&](const char* o) { return name == o; });
            if (!known) {
                bad(n, RequestText::tr("the element <%1> does not belong here").arg(QString::fromUtf8(name)));
                return;
            }
            if (m_found.contains(name)) {
                bad(n, RequestText::tr("the element <%1> appears twice").arg(QString::fromUtf8(name)));
                return;
            }
            m_found.insert(name, n);
        }
        for (const char* r : required)
            if (!m_found.contains(QByteArray(r))) {
                bad(parent, RequestText::tr("the element <%1> is missing").arg(QString::fromLatin1(r)));
                return;
            }
    }

    const xmlNode* node(const char* name) const { return m_found.value(QByteArray(name)); }
    QString text(const char* name) const { return detail::text(node(name)); }

    QString boundedText(const char* name, int minLength, int maxLength)
    {
        const QString t = text(name);
        if (t.size() < minLength || t.size() > maxLength)
            bad(node(name) ? node(name) : m_parent,
                RequestText::tr("<%1> must have %2 to %3 characters")
                    .arg(QString::fromLatin1(name))
                    .arg(minLength)
                    .arg(maxLength));
        return t;
    }
    QString lookupCode(const char* name)
    {
        const QString t = text(name);
        if (!isLookupCode(t))
            bad(node(name), RequestText::tr("the lookup code is not 32 lowercase hexadecimal characters"));
        return t;
    }
    int schoolYear(const char* name)
    {
        const QString t = text(name);
        const auto y = SchoolYear::fromString(t);
        if (!y || y->toString() != t) {
            bad(node(name), RequestText::tr("not a school year like 2025-2026"));
            return 0;
        }
        return y->startYear;
    }
    int positive(const char* name, int max)
    {
        bool ok = false;
        const QString t = text(name);
        const int v = t.toInt(&ok);
        if (!ok || v < 1 || v > max || QString::number(v) != t)
            bad(node(name),
                RequestText::tr("<%1> is not a whole number from 1 to %2").arg(QString::fromLatin1(name)).arg(max));
        return v;
    }
    QDate date(const char* name)
    {
        const QString t = text(name);
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (!d.isValid() || d.toString(Qt::ISODate) != t)
            bad(node(name), RequestText::tr("not a valid date"));
        return d;
    }
    QDateTime utc(const char* name)
    {
        const QString t = text(name);
        const QDateTime d = QDateTime::fromString(t, Qt::ISODate);
        if (!d.isValid() || d.timeSpec() != Qt::UTC || utcText(d) != t)
            bad(node(name), RequestText::tr("not a UTC time like 2026-06-20T08:15:00Z"));
        return d;
    }

    void bad(const xmlNode* n, const QString& what)
    {
        if (!m_error)
            m_error = located(int(xmlGetLineNo(n)), nodeName(n), what, QStringLiteral("request")).error();
    }

private:
    const xmlNode* m_parent;
    std::optional<Error>& m_error;
    QHash<QByteArray, const xmlNode*> m_found;
};

/** The parsed document's Data element, after the checks every request shares. */
Result<const xmlNode*> openRequest(const SafeXmlDocument& doc, const char* rootName)
{
    const xmlNode* root = doc.root();
    const auto wrong = [&](const QString& what) {
        return located(root ? int(xmlGetLineNo(root)) : 1, nodeName(root), what, QStringLiteral("request.root"));
    };
    if (!root || !is(root, rootName) || !root->ns
        || QByteArray(reinterpret_cast<const char*>(root->ns->href)) != kRequestNamespace)
        return wrong(RequestText::tr("this is not a %1 of Học bạ số (element <%1> in namespace %2 expected)")
                         .arg(QString::fromLatin1(rootName), QString::fromLatin1(kRequestNamespace)));
    if (attr(root, "formatVersion") != QLatin1String("1"))
        return wrong(
            RequestText::tr("format version %1 is not known to this program").arg(attr(root, "formatVersion")));
    if (auto s = checkNfc(root); !s)
        return std::unexpected(s.error());
    std::optional<Error> error;
    Fields parts(root, {"Data", "DSCKS"}, {}, error);
    if (error)
        return std::unexpected(*error);
    const xmlNode* data = parts.node("Data");
    if (attr(data, "Id") != QLatin1String(kDataElementId))
        return located(int(xmlGetLineNo(data)), nodeName(data), RequestText::tr("the data element has no Id \"data\""),
                       QStringLiteral("request.data"));
    return data;
}

} // namespace

QByteArray writeRevokeRequest(const RevokeRequest& r)
{
    XmlOut x;
    openDocument(x, QStringLiteral("RevokeRequest"));
    x.leaf(QStringLiteral("LookupCode"), r.lookupCode);
    x.leaf(QStringLiteral("SchoolYear"), SchoolYear {r.schoolYearStart}.toString());
    x.leaf(QStringLiteral("Version"), QString::number(r.version));
    x.leaf(QStringLiteral("SchoolCode"), r.schoolCode);
    x.leaf(QStringLiteral("SchoolName"), r.schoolName);
    x.leaf(QStringLiteral("Reason"), r.reason);
    x.leaf(QStringLiteral("RequestedAt"), utcText(r.requestedAt));
    closeDocument(x);
    return finish(x);
}

QByteArray writeTransferStatement(const TransferStatement& s)
{
    XmlOut x;
    openDocument(x, QStringLiteral("TransferStatement"));
    x.leaf(QStringLiteral("LookupCode"), s.lookupCode);
    x.leaf(QStringLiteral("Level"), toCode(s.level));
    x.open(QStringLiteral("Student"));
    x.leaf(QStringLiteral("FullName"), s.studentName);
    x.leaf(QStringLiteral("BirthDate"), s.birthDate.toString(Qt::ISODate));
    x.optLeaf(QStringLiteral("MoetCode"), s.studentMoetCode);
    x.close();
    x.open(QStringLiteral("From"));
    x.leaf(QStringLiteral("SchoolCode"), s.fromSchoolCode);
    x.leaf(QStringLiteral("SchoolName"), s.fromSchoolName);
    x.leaf(QStringLiteral("Province"), s.fromProvince);
    x.close();
    x.open(QStringLiteral("To"));
    x.leaf(QStringLiteral("SchoolCode"), s.toSchoolCode);
    x.leaf(QStringLiteral("SchoolName"), s.toSchoolName);
    x.close();
    x.leaf(QStringLiteral("TransferDate"), s.transferDate.toString(Qt::ISODate));
    x.optLeaf(QStringLiteral("Reason"), s.reason);
    x.leaf(QStringLiteral("MadeAt"), utcText(s.madeAt));
    x.open(QStringLiteral("Items"));
    for (const TransferItem& i : s.items) {
        x.open(QStringLiteral("Item"));
        x.leaf(QStringLiteral("SchoolYear"), SchoolYear {i.schoolYearStart}.toString());
        x.leaf(QStringLiteral("Grade"), QString::number(i.grade));
        x.leaf(QStringLiteral("Version"), QString::number(i.version));
        x.leaf(QStringLiteral("SchoolCode"), i.schoolCode);
        x.leaf(QStringLiteral("State"), i.state);
        x.leaf(QStringLiteral("PacketDigest"), i.packetDigest);
        x.leaf(QStringLiteral("PdfSha256"), i.pdfSha256);
        x.close();
    }
    x.close();
    closeDocument(x);
    return finish(x);
}

Result<RevokeRequest> readRevokeRequest(const QByteArray& xml)
{
    auto doc = SafeXmlDocument::parse(xml);
    if (!doc)
        return std::unexpected(doc.error());
    auto data = openRequest(*doc, "RevokeRequest");
    if (!data)
        return std::unexpected(data.error());
    std::optional<Error> error;
    Fields f(*data, {"LookupCode", "SchoolYear", "Version", "SchoolCode", "SchoolName", "Reason", "RequestedAt"}, {},
             error);
    if (error)
        return std::unexpected(*error);
    RevokeRequest r;
    r.lookupCode = f.lookupCode("LookupCode");
    r.schoolYearStart = f.schoolYear("SchoolYear");
    r.version = f.positive("Version", 9999);
    r.schoolCode = f.boundedText("SchoolCode", 1, 64);
    r.schoolName = f.boundedText("SchoolName", 1, kMaxNameLength);
    r.reason = f.boundedText("Reason", 1, kMaxReasonLength);
    r.requestedAt = f.utc("RequestedAt");
    if (error)
        return std::unexpected(*error);
    return r;
}

Result<TransferStatement> readTransferStatement(const QByteArray& xml)
{
    auto doc = SafeXmlDocument::parse(xml);
    if (!doc)
        return std::unexpected(doc.error());
    auto data = openRequest(*doc, "TransferStatement");
    if (!data)
        return std::unexpected(data.error());
    std::optional<Error> error;
    Fields f(*data, {"LookupCode", "Level", "Student", "From", "To", "TransferDate", "MadeAt", "Items"}, {"Reason"},
             error);
    if (error)
        return std::unexpected(*error);
    TransferStatement s;
    s.lookupCode = f.lookupCode("LookupCode");
    const QString level = f.text("Level");
    if (level == QLatin1String("primary"))
        s.level = SchoolLevel::Primary;
    else if (level == QLatin1String("thcs"))
        s.level = SchoolLevel::Thcs;
    else
        f.bad(f.node("Level"), RequestText::tr("the level is neither primary nor thcs"));

    Fields student(f.node("Student"), {"FullName", "BirthDate"}, {"MoetCode"}, error);
    Fields from(f.node("From"), {"SchoolCode", "SchoolName", "Province"}, {}, error);
    Fields to(f.node("To"), {"SchoolCode", "SchoolName"}, {}, error);
    if (error)
        return std::unexpected(*error);
    s.studentName = student.boundedText("FullName", 1, kMaxNameLength);
    s.birthDate = student.date("BirthDate");
    s.studentMoetCode = student.boundedText("MoetCode", 0, 64);
    s.fromSchoolCode = from.boundedText("SchoolCode", 1, 64);
    s.fromSchoolName = from.boundedText("SchoolName", 1, kMaxNameLength);
    s.fromProvince = from.boundedText("Province", 0, kMaxNameLength);
    s.toSchoolCode = to.boundedText("SchoolCode", 1, 64);
    s.toSchoolName = to.boundedText("SchoolName", 0, kMaxNameLength);
    s.transferDate = f.date("TransferDate");
    s.reason = f.boundedText("Reason", 0, kMaxReasonLength);
    s.madeAt = f.utc("MadeAt");

    const QList<const xmlNode*> items = elements(f.node("Items"));
    if (items.isEmpty())
        f.bad(f.node("Items"), RequestText::tr("the statement lists no signed version"));
    if (items.size() > kMaxItems)
        f.bad(f.node("Items"), RequestText::tr("the statement lists more than %1 versions").arg(kMaxItems));
    for (const xmlNode* n : items) {
        if (error)
            break;
        if (!is(n, "Item")) {
            f.bad(n, RequestText::tr("the element <%1> does not belong here").arg(nodeName(n)));
            break;
        }
        Fields i(n, {"SchoolYear", "Grade", "Version", "SchoolCode", "State", "PacketDigest", "PdfSha256"}, {}, error);
        if (error)
            break;
        TransferItem item;
        item.schoolYearStart = i.schoolYear("SchoolYear");
        item.grade = i.positive("Grade", 12);
        item.version = i.positive("Version", 9999);
        item.schoolCode = i.boundedText("SchoolCode", 1, 64);
        item.state = i.text("State");
        if (item.state != QLatin1String("current") && item.state != QLatin1String("superseded")
            && item.state != QLatin1String("revoked"))
            i.bad(i.node("State"), RequestText::tr("the state is not current, superseded or revoked"));
        item.packetDigest = i.text("PacketDigest");
        if (!isDigest43(item.packetDigest))
            i.bad(i.node("PacketDigest"), RequestText::tr("the packet digest is not 43 base64url characters"));
        item.pdfSha256 = i.text("PdfSha256");
        if (!isSha256Hex(item.pdfSha256))
            i.bad(i.node("PdfSha256"), RequestText::tr("the PDF digest is not 64 lowercase hexadecimal characters"));
        s.items.append(item);
    }
    if (error)
        return std::unexpected(*error);
    return s;
}

} // namespace hocba::packet
