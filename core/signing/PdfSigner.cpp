// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/PdfSigner.h"

#include "signing/OpenSsl.h"
#include "signing/PdfCommon.h"
#include "signing/SignatureReport.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <openssl/cms.h>
#include <openssl/err.h>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <map>

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

/** DER SET OF: elements sorted by their encodings (X.690 §11.6), as OpenSSL re-encodes them when serialising. */
QByteArray derSet(QList<QByteArray> elements)
{
    std::sort(elements.begin(), elements.end());
    QByteArray body = elements.join();
    QByteArray out(1, '\x31');
    const qsizetype n = body.size();
    if (n < 0x80) {
        out.append(char(n));
    } else {
        QByteArray len;
        for (qsizetype v = n; v > 0; v >>= 8)
            len.prepend(char(v & 0xff));
        out.append(char(0x80 | len.size()));
        out.append(len);
    }
    return out + body;
}

/**
 * Detached CMS over `covered` with signing-certificate-v2 and WITHOUT signingTime: CMS_final/CMS_SignerInfo_sign
 * always add signingTime, which PAdES baseline forbids (the time is /M), so we build the SignedAttributes ourselves
 * and let the Signer (token) sign their DER encoding (SIGNING.md §3b).
 */
Result<QByteArray> buildCms(const QByteArray& covered, Signer& signer, qint64* keyNs)
{
    auto cert = x509FromDer(signer.certificate());
    if (!cert)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "The signer's certificate cannot be read."),
                    opensslErrors());
    X509StackPtr extra = x509Stack(signer.chain());
    const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    CmsPtr cms(CMS_sign(nullptr, nullptr, extra.get(), nullptr, flags));
    // CMS_add1_signer insists on a key matching the certificate; the public key satisfies that check and the
    // private key (on the token) is never needed here because CMS_PARTIAL defers signing.
    EVP_PKEY* pub = X509_get0_pubkey(cert.get());
    CMS_SignerInfo* si = cms ? CMS_add1_signer(cms.get(), cert.get(), pub, EVP_sha256(), flags | CMS_CADES) : nullptr;
    if (!si)
        return fail(ErrorCode::Internal, QCoreApplication::translate("Signing", "The signature could not be built."),
                    opensslErrors());
    const QByteArray digest = sha256(covered);
    if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1) != 1
        || CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, digest.constData(),
                                       int(digest.size()))
            != 1)
        return fail(ErrorCode::Internal, QCoreApplication::translate("Signing", "The signature could not be built."),
                    opensslErrors());
    QList<QByteArray> attrs;
    for (int i = 0; i < CMS_signed_get_attr_count(si); ++i) {
        unsigned char* der = nullptr;
        int len = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
        if (len <= 0)
            return fail(ErrorCode::Internal,
                        QCoreApplication::translate("Signing", "The signature could not be built."), opensslErrors());
        attrs << QByteArray(reinterpret_cast<const char*>(der), len);
        OPENSSL_free(der);
    }
    QElapsedTimer keyTimer;
    keyTimer.start();
    auto value = signer.signSha256(derSet(attrs));
    if (keyNs)
        *keyNs += keyTimer.nsecsElapsed();
    if (!value)
        return std::unexpected(value.error());
    ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), value->constData(), int(value->size()));
    unsigned char* out = nullptr;
    int len = i2d_CMS_ContentInfo(cms.get(), &out);
    if (len <= 0)
        return fail(ErrorCode::Internal, QCoreApplication::translate("Signing", "The signature could not be built."),
                    opensslErrors());
    QByteArray der(reinterpret_cast<const char*>(out), len);
    OPENSSL_free(out);
    return der;
}

QByteArray pdfDate(const QDateTime& t)
{
    return "(D:" + t.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z)";
}

Result<QByteArray> signImpl(const QByteArray& pdf, Signer& signer, const PdfSignOptions& options, qint64* keyNs)
{
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("document.pdf", pdf.constData(), size_t(pdf.size()));
    if (q.isEncrypted())
        return fail(ErrorCode::Unsupported,
                    QCoreApplication::translate("Signing", "Encrypted PDF files cannot be signed."));
    QPDFObjectHandle root = q.getRoot();
    QPDFObjectHandle trailer = q.getTrailer();
    const auto& pages = q.getAllPages();
    if (pages.empty() || !root.isIndirect())
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file has no pages."));
    QPDFObjectHandle page = pages.front();

    const qsizetype sx = pdf.lastIndexOf("startxref");
    if (sx < 0)
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                    QStringLiteral("no startxref"));
    const long long prevXref = pdf.mid(sx + 9, 32).trimmed().split('\n').value(0).split('\r').value(0).toLongLong();

    // Existing signature fields decide the new field's number; their field dicts are kept as they are.
    QPDFObjectHandle oldAcro = root.getKey("/AcroForm");
    std::vector<QPDFObjectHandle> fields;
    if (oldAcro.isDictionary() && oldAcro.getKey("/Fields").isArray())
        fields = oldAcro.getKey("/Fields").getArrayAsVector();
    int sigFields = 0;
    for (auto& f : fields)
        if (f.isDictionary() && f.getKey("/FT").isName() && f.getKey("/FT").getName() == "/Sig")
            ++sigFields;
    const QString fieldName = QStringLiteral("hocba-%1-%2").arg(roleCode(options.role)).arg(sigFields + 1);

    QPDFObjectHandle sigObj = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
    QPDFObjectHandle widget = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
    widget.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
    widget.replaceKey("/Subtype", QPDFObjectHandle::newName("/Widget"));
    widget.replaceKey("/FT", QPDFObjectHandle::newName("/Sig"));
    // Invisible: zero Rect; /F 132 = Print + Locked (PDF/A wants Print). The visible block is page content.
    widget.replaceKey("/Rect", QPDFObjectHandle::parse("[0 0 0 0]"));
    widget.replaceKey("/F", QPDFObjectHandle::newInteger(132));
    widget.replaceKey("/T", QPDFObjectHandle::newUnicodeString(fieldName.toStdString()));
    widget.replaceKey("/V", sigObj);
    widget.replaceKey("/P", page);

    QPDFObjectHandle acro = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
    if (oldAcro.isDictionary())
        for (const auto& key : oldAcro.getKeys())
            acro.replaceKey(key, oldAcro.getKey(key));
    fields.push_back(widget);
    acro.replaceKey("/Fields", QPDFObjectHandle::newArray(fields));
    acro.replaceKey("/SigFlags", QPDFObjectHandle::newInteger(3)); // SignaturesExist | AppendOnly
    root.replaceKey("/AcroForm", acro);

    // Rewritten objects: the catalog, the page's /Annots (QPdfWriter makes it an indirect array, so the page itself
    // stays untouched), the new AcroForm and widget. Earlier revisions stay byte-identical.
    std::map<int, std::pair<int, std::string>> objects; // objnum -> (generation, body)
    auto put = [&](QPDFObjectHandle h) { objects[h.getObjectID()] = {h.getGeneration(), h.unparseResolved()}; };
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (annots.isArray() && annots.isIndirect()) {
        annots.appendItem(widget);
        put(annots);
    } else {
        std::vector<QPDFObjectHandle> items
            = annots.isArray() ? annots.getArrayAsVector() : std::vector<QPDFObjectHandle> {};
        items.push_back(widget);
        page.replaceKey("/Annots", QPDFObjectHandle::newArray(items));
        put(page);
    }
    put(root);
    put(acro);
    put(widget);

    const QDateTime when = options.signingTime.isValid() ? options.signingTime : QDateTime::currentDateTimeUtc();
    const QByteArray brPlaceholder = "[0 ********** ********** **********]";
    QByteArray sigBody = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange "
        + brPlaceholder + " /Contents <" + QByteArray(options.reservedBytes * 2, '0') + "> /M " + pdfDate(when);
    auto certInfo = certificateInfo(x509FromDer(signer.certificate()).get());
    if (!certInfo.commonName.isEmpty())
        sigBody += " /Name " + pdfText(certInfo.commonName);
    sigBody += " /Reason " + pdfText(roleLabel(options.role));
    if (!options.location.isEmpty())
        sigBody += " /Location " + pdfText(options.location);
    sigBody += " >>";

    QByteArray out = pdf;
    if (!out.endsWith('\n'))
        out.append('\n');
    std::map<int, std::pair<int, qsizetype>> offsets;
    qsizetype sigStart = -1;
    objects[sigObj.getObjectID()] = {0, std::string()};
    for (const auto& [num, genBody] : objects) {
        offsets[num] = {genBody.first, out.size()};
        out += QByteArray::number(num) + ' ' + QByteArray::number(genBody.first) + " obj\n";
        if (num == sigObj.getObjectID()) {
            sigStart = out.size();
            out += sigBody;
        } else {
            out += QByteArray::fromStdString(genBody.second);
        }
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
    int size = trailer.getKey("/Size").isInteger() ? int(trailer.getKey("/Size").getIntValue()) : 0;
    size = std::max(size, offsets.rbegin()->first + 1);
    out += "trailer\n<< /Size " + QByteArray::number(size) + " /Root " + QByteArray::number(root.getObjectID()) + ' '
        + QByteArray::number(root.getGeneration()) + " R";
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (info.isIndirect())
        out += " /Info " + QByteArray::number(info.getObjectID()) + ' ' + QByteArray::number(info.getGeneration())
            + " R";
    QPDFObjectHandle id = trailer.getKey("/ID");
    if (id.isArray() && id.getArrayNItems() == 2) {
        out += " /ID " + QByteArray::fromStdString(id.unparseResolved());
    } else {
        // PDF 1.7 §14.4: a file identifier is required once the file is modified; derive it from the content.
        const QByteArray h = sha256(pdf).left(16).toHex();
        out += " /ID [<" + h + "> <" + h + ">]";
    }
    out += " /Prev " + QByteArray::number(prevXref) + " >>\nstartxref\n" + QByteArray::number(xrefPos) + "\n%%EOF\n";

    // Patch /ByteRange, then sign everything except the /Contents hex string (delimiters included).
    const qsizetype brPos = out.indexOf(brPlaceholder, std::max<qsizetype>(sigStart, 0));
    const qsizetype contentsPos = out.indexOf("/Contents <", std::max<qsizetype>(brPos, 0)) + 10;
    if (brPos < 0 || contentsPos < 10)
        return fail(ErrorCode::Internal, QCoreApplication::translate("Signing", "The signature could not be built."),
                    QStringLiteral("placeholder"));
    const qsizetype afterContents = contentsPos + 2 + options.reservedBytes * 2;
    QByteArray br = "[0 " + QByteArray::number(contentsPos) + ' ' + QByteArray::number(afterContents) + ' '
        + QByteArray::number(out.size() - afterContents) + ']';
    if (br.size() > brPlaceholder.size())
        return fail(ErrorCode::Unsupported,
                    QCoreApplication::translate("Signing", "The PDF file is too large to sign."));
    out.replace(brPos, brPlaceholder.size(), br.leftJustified(brPlaceholder.size(), ' '));

    auto cms = buildCms(out.left(contentsPos) + out.mid(afterContents), signer, keyNs);
    if (!cms)
        return std::unexpected(cms.error());
    const QByteArray hex = cms->toHex().toUpper();
    if (hex.size() > options.reservedBytes * 2)
        return fail(ErrorCode::Internal, QCoreApplication::translate("Signing", "The signature could not be built."),
                    QStringLiteral("CMS of %1 bytes exceeds the reserved space").arg(cms->size()));
    out.replace(contentsPos + 1, hex.size(), hex);
    return out;
}

} // namespace

Result<QByteArray> PdfSigner::sign(const QByteArray& pdf, Signer& signer, const PdfSignOptions& options,
                                   PdfSignStats* stats)
{
    QElapsedTimer timer;
    timer.start();
    qint64 keyNs = 0;
    Result<QByteArray> result;
    try {
        result = signImpl(pdf, signer, options, &keyNs);
    } catch (const std::exception& e) {
        // qpdf reports damaged input by throwing; the message names objects and offsets, no document content.
        result = fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                      QString::fromUtf8(e.what()));
    }
    if (stats) {
        stats->totalNs = timer.nsecsElapsed();
        stats->keyNs = keyNs;
    }
    return result;
}

Result<QByteArray> PdfSigner::embedPacket(const QByteArray& pdf, const QByteArray& packetXml, const QString& fileName,
                                          const QString& renderedDigest)
{
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("document.pdf", pdf.constData(), size_t(pdf.size()));
        if (hasSignatureFields(q))
            return fail(ErrorCode::InvalidInput,
                        QCoreApplication::translate(
                            "Signing",
                            "The packet must be embedded before the PDF is signed: the PDF already has a signature."));
        const std::string name = fileName.toStdString();
        auto ef = QPDFEFStreamObjectHelper::createEFStream(q, packetXml.toStdString());
        ef.setSubtype("text/xml");
        auto fs = QPDFFileSpecObjectHelper::createFileSpec(q, name, ef);
        fs.setDescription("Hoc ba so - signed packet (XML)");
        // Factur-X/ZUGFeRD pattern: the XML is the data behind the visual document (PDF 2.0 / PDF/A-3 /AF).
        fs.getObjectHandle().replaceKey("/AFRelationship", QPDFObjectHandle::newName("/Data"));
        QPDFEmbeddedFileDocumentHelper(q).replaceEmbeddedFile(name, fs);
        q.getRoot().replaceKey("/AF", QPDFObjectHandle::newArray({fs.getObjectHandle()}));
        if (!renderedDigest.isEmpty()) {
            QPDFObjectHandle trailer = q.getTrailer();
            QPDFObjectHandle info = trailer.getKey("/Info");
            if (!info.isDictionary()) {
                info = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
                trailer.replaceKey("/Info", info);
            }
            info.replaceKey(kPacketDigestInfoKey, QPDFObjectHandle::newString(renderedDigest.toStdString()));
        }
        QPDFWriter w(q);
        w.setOutputMemory();
        w.setDeterministicID(true);
        w.write();
        auto buffer = w.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char*>(buffer->getBuffer()), qsizetype(buffer->getSize()));
    } catch (const std::exception& e) {
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                    QString::fromUtf8(e.what()));
    }
}

} // namespace hocba::signing
