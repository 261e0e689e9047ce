// SPDX-License-Identifier: GPL-3.0-or-later
#include "token/PdfSigner.h"

#include "token/CmsSigner.h"
#include "util/Digest.h"
#include "verify/OpenSsl.h"
#include "verify/PdfCommon.h"
#include "verify/SignatureReport.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <qpdf/QPDF.hh>

#include <algorithm>
#include <map>
#include <numeric>

namespace hocba::signing {

using namespace detail;

namespace {

/** PDF text string as UTF-16BE with BOM, hex-encoded (Vietnamese does not fit PDFDocEncoding). */
QByteArray pdfText(const QString& s)
{
    QByteArray utf16("\xFE\xFF", 2);
    for (QChar c : s) {
        utf16.append(char(c.unicode() >> 8));
        utf16.append(char(c.unicode() & 0xff));
    }
    return '<' + utf16.toHex().toUpper() + '>';
}

QByteArray pdfDate(const QDateTime& t)
{
    return "(D:" + t.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z)";
}

/** A PDF literal string for ASCII text; anything else becomes '_' (used for /F, whose bytes are a file name). */
QByteArray pdfAsciiLiteral(const QString& s)
{
    QByteArray out("(");
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (u == '(' || u == ')' || u == '\\')
            out += '\\';
        out += (u >= 0x20 && u < 0x7f) ? char(u) : '_';
    }
    return out + ')';
}

QByteArray ref(int num, int gen = 0)
{
    return QByteArray::number(num) + ' ' + QByteArray::number(gen) + " R";
}

QByteArray arrayText(std::vector<QPDFObjectHandle> items, const QList<QByteArray>& more = {})
{
    QByteArray t("[");
    for (auto& i : items)
        t += QByteArray::fromStdString(i.unparse()) + ' ';
    for (const auto& m : more)
        t += m + ' ';
    return t + ']';
}

/** `dict` with some keys replaced or added; unchanged values keep their indirect references. */
QByteArray dictText(QPDFObjectHandle dict, const std::map<std::string, QByteArray>& replaced)
{
    QByteArray t("<<");
    if (dict.isDictionary())
        for (const auto& key : dict.getKeys())
            if (!replaced.contains(key))
                t += ' ' + QByteArray::fromStdString(QPDFObjectHandle::newName(key).unparse()) + ' '
                    + QByteArray::fromStdString(dict.getKey(key).unparse());
    for (const auto& [key, value] : replaced)
        t += ' ' + QByteArray::fromStdString(key) + ' ' + value;
    return t + " >>";
}

/**
 * New and rewritten objects appended after the original bytes, with their own xref section and a trailer pointing
 * back to the previous one (SIGNING.md §3c). qpdf only parses (lazily: the trailer and the few objects asked for);
 * object numbers are taken from the trailer's /Size, so nothing in the original revision is read or rewritten.
 */
class IncrementalUpdate
{
public:
    explicit IncrementalUpdate(const QByteArray& pdf)
        : m_pdf(pdf)
    {
        m_q.setSuppressWarnings(true);
        m_q.processMemoryFile("document.pdf", pdf.constData(), size_t(pdf.size()));
        m_trailer = m_q.getTrailer();
        m_nextObject = m_trailer.getKey("/Size").isInteger() ? int(m_trailer.getKey("/Size").getIntValue()) : 0;
        m_info = m_trailer.getKey("/Info");
    }

    QPDF& qpdf() { return m_q; }
    QPDFObjectHandle root() { return m_q.getRoot(); }
    QPDFObjectHandle info() { return m_info; }

    int newObject() { return m_nextObject++; }
    void put(int num, int gen, QByteArray body) { m_objects[num] = {gen, std::move(body)}; }
    void put(QPDFObjectHandle indirect, QByteArray body)
    {
        put(indirect.getObjectID(), indirect.getGeneration(), std::move(body));
    }
    /** The document information dictionary now lives in object `num`. */
    void setInfo(int num) { m_newInfo = num; }

    Result<QByteArray> write()
    {
        const qsizetype sx = m_pdf.lastIndexOf("startxref");
        if (sx < 0 || m_objects.empty())
            return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                        QStringLiteral("no startxref"));
        const long long prevXref
            = m_pdf.mid(sx + 9, 32).trimmed().split('\n').value(0).split('\r').value(0).toLongLong();
        QByteArray out;
        out.reserve(m_pdf.size() + 4096
                    + std::accumulate(m_objects.begin(), m_objects.end(), qsizetype(0),
                                      [](qsizetype n, const auto& o) { return n + o.second.second.size() + 32; }));
        out += m_pdf;
        if (!out.endsWith('\n'))
            out.append('\n');
        std::map<int, std::pair<int, qsizetype>> offsets;
        for (const auto& [num, genBody] : m_objects) {
            offsets[num] = {genBody.first, out.size()};
            out += QByteArray::number(num) + ' ' + QByteArray::number(genBody.first) + " obj\n";
            out += genBody.second;
            out += "\nendobj\n";
        }
        const qsizetype xrefPos = out.size();
        out += "xref\n";
        for (auto it = offsets.begin(); it != offsets.end();) {
            auto end = it;
            int count = 0;
            while (end != offsets.end() && end->first == it->first + count) {
                ++end;
                ++count;
            }
            out += QByteArray::number(it->first) + ' ' + QByteArray::number(count) + '\n';
            for (; it != end; ++it)
                out += QByteArray::number(it->second.second).rightJustified(10, '0') + ' '
                    + QByteArray::number(it->second.first).rightJustified(5, '0') + " n\r\n"; // 20-byte entries
        }
        const int size = std::max(m_nextObject, offsets.rbegin()->first + 1);
        QPDFObjectHandle root = m_q.getRoot();
        out += "trailer\n<< /Size " + QByteArray::number(size) + " /Root "
            + ref(root.getObjectID(), root.getGeneration());
        if (m_newInfo > 0)
            out += " /Info " + ref(m_newInfo);
        else if (m_info.isIndirect())
            out += " /Info " + ref(m_info.getObjectID(), m_info.getGeneration());
        QPDFObjectHandle id = m_trailer.getKey("/ID");
        if (id.isArray() && id.getArrayNItems() == 2) {
            out += " /ID " + QByteArray::fromStdString(id.unparseResolved());
        } else {
            // PDF 1.7 §14.4: a file identifier is required once the file is modified; derive it from the content.
            const QByteArray h = sha256(m_pdf).left(16).toHex();
            out += " /ID [<" + h + "> <" + h + ">]";
        }
        out += " /Prev " + QByteArray::number(prevXref) + " >>\nstartxref\n" + QByteArray::number(xrefPos)
            + "\n%%EOF\n";
        return out;
    }

private:
    const QByteArray& m_pdf;
    QPDF m_q;
    QPDFObjectHandle m_trailer;
    QPDFObjectHandle m_info;
    int m_nextObject = 0;
    int m_newInfo = 0;
    std::map<int, std::pair<int, QByteArray>> m_objects; // objnum -> (generation, body)
};

/** The first page, found by walking /Kids[0] rather than loading the whole page tree. */
QPDFObjectHandle firstPage(QPDFObjectHandle root)
{
    QPDFObjectHandle node = root.getKey("/Pages");
    for (int depth = 0; depth < 32 && node.isDictionary(); ++depth) {
        QPDFObjectHandle type = node.getKey("/Type");
        if (type.isName() && type.getName() == "/Page")
            return node.isIndirect() ? node : QPDFObjectHandle();
        QPDFObjectHandle kids = node.getKey("/Kids");
        if (!kids.isArray() || kids.getArrayNItems() == 0)
            break;
        node = kids.getArrayItem(0);
    }
    return {};
}

/**
 * Adds the packet as an associated file (Factur-X/ZUGFeRD pattern: /EmbeddedFiles + /AF, /AFRelationship /Data)
 * and, when given, the rendered digest to the document information. `rootKeys` collects the catalog's new keys.
 */
Status addPacket(IncrementalUpdate& u, const PdfPacketAttachment& a, std::map<std::string, QByteArray>& rootKeys)
{
    if (hasSignatureFields(u.qpdf()))
        return fail(
            ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "Signing", "The packet must be embedded before the PDF is signed: the PDF already has a signature."));
    QPDFObjectHandle root = u.root();
    QPDFObjectHandle names = root.getKey("/Names");
    if (names.isDictionary() && names.hasKey("/EmbeddedFiles"))
        return fail(ErrorCode::Unsupported,
                    QCoreApplication::translate("Signing", "The PDF file already carries embedded files."));

    // Flate at the fastest level: the XML still shrinks about fivefold, at a fraction of the time of the default.
    const QByteArray compressed = qCompress(a.packetXml, 1).mid(4); // qCompress prefixes the length; zlib follows
    const int ef = u.newObject();
    u.put(ef, 0,
          "<< /Type /EmbeddedFile /Subtype /text#2Fxml /Params << /Size " + QByteArray::number(a.packetXml.size())
              + " /CheckSum <" + digest::md5(a.packetXml).toHex() + "> >> /Filter /FlateDecode /Length "
              + QByteArray::number(compressed.size()) + " >>\nstream\n" + compressed + "\nendstream");
    const int spec = u.newObject();
    const QByteArray fileName = pdfAsciiLiteral(a.fileName);
    u.put(spec, 0,
          "<< /Type /Filespec /F " + fileName + " /UF " + pdfText(a.fileName) + " /EF << /F " + ref(ef) + " /UF "
              + ref(ef) + " >> /Desc " + pdfText(QStringLiteral("Hoc ba so - signed packet (XML)"))
              + " /AFRelationship /Data >>");

    // The tree key is a text string like /UF: readers show it as the attachment's name.
    const QByteArray tree = "<< /Names [" + pdfText(a.fileName) + ' ' + ref(spec) + "] >>";
    if (names.isIndirect())
        u.put(names, dictText(names, {{"/EmbeddedFiles", tree}}));
    else
        rootKeys["/Names"] = dictText(names, {{"/EmbeddedFiles", tree}});
    QPDFObjectHandle af = root.getKey("/AF");
    rootKeys["/AF"] = arrayText(af.isArray() ? af.getArrayAsVector() : std::vector<QPDFObjectHandle> {}, {ref(spec)});

    if (!a.renderedDigest.isEmpty()) {
        const std::map<std::string, QByteArray> digest {{kPacketDigestInfoKey, pdfAsciiLiteral(a.renderedDigest)}};
        QPDFObjectHandle info = u.info();
        if (info.isIndirect() && info.isDictionary()) {
            u.put(info, dictText(info, digest));
        } else {
            const int num = u.newObject();
            u.put(num, 0, dictText(info, digest));
            u.setInfo(num);
        }
    }
    return {};
}

/**
 * The incremental update written with a /ByteRange placeholder and a /Contents hex string of `reserved` zero bytes in
 * object `sig`; fill() puts the DER (CMS or time-stamp token) over the byte ranges into it.
 */
struct SignatureHole
{
    QByteArray out;
    qsizetype contentsPos = 0; ///< the '<' of /Contents
    qsizetype afterContents = 0; ///< just after its '>'
    int reserved = 0;

    QByteArray coveredDigest() const
    {
        return digest::sha256({QByteArrayView(out).first(contentsPos), QByteArrayView(out).sliced(afterContents)});
    }
    Status fill(const QByteArray& der)
    {
        const QByteArray hex = der.toHex().toUpper();
        if (hex.size() > reserved * 2)
            return fail(ErrorCode::Internal,
                        QCoreApplication::translate("Signing", "The signature could not be built."),
                        QStringLiteral("%1 bytes exceed the reserved space").arg(der.size()));
        out.replace(contentsPos + 1, hex.size(), hex);
        return {};
    }
};

/** `head` and `tail` surround /ByteRange and /Contents in the value dictionary; `head` starts with "<<". */
Result<SignatureHole> writeWithHole(IncrementalUpdate& u, qsizetype originalSize, int sig, const QByteArray& head,
                                    const QByteArray& tail, int reserved)
{
    const QByteArray brPlaceholder = "[0 ********** ********** **********]";
    u.put(sig, 0,
          head + " /ByteRange " + brPlaceholder + " /Contents <" + QByteArray(reserved * 2, '0') + ">" + tail + " >>");
    auto written = u.write();
    if (!written)
        return std::unexpected(written.error());
    SignatureHole h;
    h.out = std::move(*written);
    h.reserved = reserved;
    // Patch /ByteRange, then everything except the /Contents hex string (delimiters included) is covered.
    const qsizetype brPos = h.out.indexOf(brPlaceholder, originalSize);
    const qsizetype contentsPos = h.out.indexOf("/Contents <", std::max<qsizetype>(brPos, 0)) + 10;
    if (brPos < 0 || contentsPos < 10)
        return fail(ErrorCode::Internal, QCoreApplication::translate("Signing", "The signature could not be built."),
                    QStringLiteral("placeholder"));
    h.contentsPos = contentsPos;
    h.afterContents = contentsPos + 2 + qsizetype(reserved) * 2;
    QByteArray br = "[0 " + QByteArray::number(contentsPos) + ' ' + QByteArray::number(h.afterContents) + ' '
        + QByteArray::number(h.out.size() - h.afterContents) + ']';
    if (br.size() > brPlaceholder.size())
        return fail(ErrorCode::Unsupported,
                    QCoreApplication::translate("Signing", "The PDF file is too large to sign."));
    h.out.replace(brPos, brPlaceholder.size(), br.leftJustified(brPlaceholder.size(), ' '));
    return h;
}

/**
 * A signature field (widget merged, invisible) whose value is object `sig`, added to the AcroForm's /Fields with
 * /SigFlags 3; the catalog is rewritten with `rootKeys` (and /AcroForm when it is new).
 */
void addSignatureField(IncrementalUpdate& u, const QString& fieldName, int sig, QPDFObjectHandle page,
                       std::map<std::string, QByteArray>& rootKeys)
{
    QPDFObjectHandle root = u.root();
    QPDFObjectHandle oldAcro = root.getKey("/AcroForm");
    std::vector<QPDFObjectHandle> fields;
    if (oldAcro.isDictionary() && oldAcro.getKey("/Fields").isArray())
        fields = oldAcro.getKey("/Fields").getArrayAsVector();
    const int widget = u.newObject();
    // Invisible: zero Rect; /F 132 = Print + Locked (PDF/A wants Print). The visible block is page content.
    QByteArray body = "<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 /T " + pdfText(fieldName)
        + " /V " + ref(sig);
    if (page.isIndirect())
        body += " /P " + ref(page.getObjectID(), page.getGeneration());
    u.put(widget, 0, body + " >>");

    const QByteArray acroBody = dictText(
        oldAcro,
        {{"/Fields", arrayText(fields, {ref(widget)})}, {"/SigFlags", "3"}}); // 3: SignaturesExist | AppendOnly
    if (oldAcro.isIndirect()) {
        u.put(oldAcro, acroBody);
    } else {
        const int acro = u.newObject();
        u.put(acro, 0, acroBody);
        rootKeys["/AcroForm"] = ref(acro);
    }
    if (page.isIndirect()) {
        // QPdfWriter makes /Annots an indirect array, so then the page itself stays untouched.
        QPDFObjectHandle annots = page.getKey("/Annots");
        const std::vector<QPDFObjectHandle> items
            = annots.isArray() ? annots.getArrayAsVector() : std::vector<QPDFObjectHandle> {};
        if (annots.isArray() && annots.isIndirect())
            u.put(annots, arrayText(items, {ref(widget)}));
        else
            u.put(page, dictText(page, {{"/Annots", arrayText(items, {ref(widget)})}}));
    }
    u.put(root, dictText(root, rootKeys));
}

/** The number of signature fields the AcroForm has, for naming the next one. */
int signatureFieldCount(QPDFObjectHandle root)
{
    QPDFObjectHandle acro = root.getKey("/AcroForm");
    int n = 0;
    if (acro.isDictionary() && acro.getKey("/Fields").isArray())
        for (auto& f : acro.getKey("/Fields").getArrayAsVector())
            if (f.isDictionary() && f.getKey("/FT").isName() && f.getKey("/FT").getName() == "/Sig")
                ++n;
    return n;
}

Result<QByteArray> signImpl(const QByteArray& pdf, Signer& signer, const PdfSignOptions& options, qint64* keyNs,
                            qint64* tsaNs)
{
    IncrementalUpdate u(pdf);
    if (u.qpdf().isEncrypted())
        return fail(ErrorCode::Unsupported,
                    QCoreApplication::translate("Signing", "Encrypted PDF files cannot be signed."));
    QPDFObjectHandle root = u.root();
    QPDFObjectHandle page = firstPage(root);
    if (!page.isDictionary() || !root.isIndirect())
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file has no pages."));

    std::map<std::string, QByteArray> rootKeys;
    if (options.packet)
        if (auto s = addPacket(u, *options.packet, rootKeys); !s)
            return std::unexpected(s.error());

    const QString fieldName
        = QStringLiteral("hocba-%1-%2").arg(roleCode(options.role)).arg(signatureFieldCount(root) + 1);
    const int sig = u.newObject();
    addSignatureField(u, fieldName, sig, page, rootKeys);

    const QDateTime when = options.signingTime.isValid() ? options.signingTime : QDateTime::currentDateTimeUtc();
    int reserved = options.reservedBytes;
    if (reserved <= 0) {
        reserved = int(signer.certificate().size()) + 4096;
        for (const auto& c : signer.chain())
            reserved += int(c.size());
        if (options.timestamper)
            reserved += kTimestampReserveBytes;
    }
    QByteArray sigTail = " /M " + pdfDate(when);
    auto certInfo = certificateInfo(x509FromDer(signer.certificate()).get());
    if (!certInfo.commonName.isEmpty())
        sigTail += " /Name " + pdfText(certInfo.commonName);
    sigTail += " /Reason " + pdfText(roleLabel(options.role));
    if (!options.location.isEmpty())
        sigTail += " /Location " + pdfText(options.location);
    auto hole = writeWithHole(
        u, pdf.size(), sig, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached", sigTail, reserved);
    if (!hole)
        return std::unexpected(hole.error());
    auto cms = signDetachedCms(hole->coveredDigest(), signer, keyNs, options.timestamper, tsaNs);
    if (!cms)
        return std::unexpected(cms.error());
    if (auto s = hole->fill(*cms); !s)
        return std::unexpected(s.error());
    return std::move(hole->out);
}

/**
 * PAdES B-LTA: a document time-stamp (ETSI EN 319 142-1 §5.4, ISO 32000-2 §12.8.5) in its own incremental update:
 * a signature field whose value is /Type /DocTimeStamp /SubFilter /ETSI.RFC3161 and whose /Contents is the RFC 3161
 * token over SHA-256 of the byte ranges. The field is not put on a page (no /Annots change): it has no appearance.
 */
Result<QByteArray> documentTimestampImpl(const QByteArray& pdf, Timestamper& tsa)
{
    IncrementalUpdate u(pdf);
    if (u.qpdf().isEncrypted())
        return fail(ErrorCode::Unsupported,
                    QCoreApplication::translate("Signing", "Encrypted PDF files cannot be signed."));
    QPDFObjectHandle root = u.root();
    if (!root.isIndirect())
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                    QStringLiteral("direct catalog"));
    const QString fieldName = QStringLiteral("hocba-archive-%1").arg(signatureFieldCount(root) + 1);
    const int sig = u.newObject();
    std::map<std::string, QByteArray> rootKeys;
    addSignatureField(u, fieldName, sig, QPDFObjectHandle(), rootKeys);
    auto hole
        = writeWithHole(u, pdf.size(), sig, "<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161",
                        {}, kTimestampReserveBytes);
    if (!hole)
        return std::unexpected(hole.error());
    auto token = tsa.timestamp(hole->coveredDigest());
    if (!token)
        return std::unexpected(token.error());
    if (auto s = hole->fill(*token); !s)
        return std::unexpected(s.error());
    return std::move(hole->out);
}

/** The decoded bytes of every stream of `array` (a DSS entry), for merging without duplicates. */
QList<QByteArray> streamContents(QPDFObjectHandle array)
{
    QList<QByteArray> out;
    if (!array.isArray())
        return out;
    for (auto& item : array.getArrayAsVector())
        if (item.isStream()) {
            auto data = item.getStreamData(qpdf_dl_generalized);
            out << QByteArray(reinterpret_cast<const char*>(data->getBuffer()), qsizetype(data->getSize()));
        }
    return out;
}

Result<QByteArray> addValidationDataImpl(const QByteArray& pdf, const ValidationData& data)
{
    IncrementalUpdate u(pdf);
    if (u.qpdf().isEncrypted())
        return fail(ErrorCode::Unsupported,
                    QCoreApplication::translate("Signing", "Encrypted PDF files cannot be signed."));
    QPDFObjectHandle root = u.root();
    if (!root.isIndirect())
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                    QStringLiteral("direct catalog"));
    QPDFObjectHandle dss = root.getKey("/DSS");
    std::map<std::string, QByteArray> keys {{"/Type", "/DSS"}};
    bool added = false;
    const std::pair<const char*, const QList<QByteArray>*> entries[]
        = {{"/Certs", &data.certificates}, {"/OCSPs", &data.ocspResponses}, {"/CRLs", &data.crls}};
    for (const auto& [key, items] : entries) {
        QPDFObjectHandle old = dss.isDictionary() ? dss.getKey(key) : QPDFObjectHandle::newNull();
        QList<QByteArray> present = streamContents(old);
        QList<QByteArray> refs;
        for (const auto& item : *items) {
            if (item.isEmpty() || present.contains(item))
                continue;
            present << item;
            const int num = u.newObject();
            u.put(num, 0, "<< /Length " + QByteArray::number(item.size()) + " >>\nstream\n" + item + "\nendstream");
            refs << ref(num);
        }
        if (!refs.isEmpty())
            added = true;
        if (old.isArray() || !refs.isEmpty())
            keys[key] = arrayText(old.isArray() ? old.getArrayAsVector() : std::vector<QPDFObjectHandle> {}, refs);
    }
    if (!added)
        return pdf; // nothing new: the file stays as it is
    const QByteArray body = dictText(dss, keys);
    if (dss.isIndirect()) {
        u.put(dss, body);
    } else {
        const int num = u.newObject();
        u.put(num, 0, body);
        u.put(root, dictText(root, {{"/DSS", ref(num)}}));
    }
    return u.write();
}

} // namespace

Result<QByteArray> PdfSigner::sign(const QByteArray& pdf, Signer& signer, const PdfSignOptions& options,
                                   PdfSignStats* stats)
{
    QElapsedTimer timer;
    timer.start();
    qint64 keyNs = 0;
    qint64 tsaNs = 0;
    Result<QByteArray> result;
    try {
        result = signImpl(pdf, signer, options, &keyNs, &tsaNs);
    } catch (const std::exception& e) {
        // qpdf reports damaged input by throwing; the message names objects and offsets, no document content.
        result = fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                      QString::fromUtf8(e.what()));
    }
    if (stats) {
        stats->totalNs = timer.nsecsElapsed();
        stats->keyNs = keyNs;
        stats->tsaNs = tsaNs;
    }
    return result;
}

Result<QByteArray> PdfSigner::embedPacket(const QByteArray& pdf, const QByteArray& packetXml, const QString& fileName,
                                          const QString& renderedDigest)
{
    try {
        IncrementalUpdate u(pdf);
        QPDFObjectHandle root = u.root();
        if (!root.isIndirect())
            return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                        QStringLiteral("direct catalog"));
        std::map<std::string, QByteArray> rootKeys;
        if (auto s = addPacket(u, {packetXml, fileName, renderedDigest}, rootKeys); !s)
            return std::unexpected(s.error());
        u.put(root, dictText(root, rootKeys));
        return u.write();
    } catch (const std::exception& e) {
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                    QString::fromUtf8(e.what()));
    }
}

Result<QByteArray> PdfSigner::addDocumentTimestamp(const QByteArray& pdf, Timestamper& tsa)
{
    try {
        return documentTimestampImpl(pdf, tsa);
    } catch (const std::exception& e) {
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                    QString::fromUtf8(e.what()));
    }
}

Result<QByteArray> PdfSigner::addValidationData(const QByteArray& pdf, const ValidationData& data)
{
    try {
        return addValidationDataImpl(pdf, data);
    } catch (const std::exception& e) {
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                    QString::fromUtf8(e.what()));
    }
}

} // namespace hocba::signing
