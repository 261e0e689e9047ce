// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheets/Xlsx.h"

#include "sheets/CellText.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>

#include <libxml/xmlreader.h>
#include <zip.h>

#include <array>
#include <memory>
#include <optional>
#include <utility>

namespace hocba::sheets {

using namespace detail;

namespace {

struct XlsxText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::sheets::Xlsx)
};

/** Below this a part's compression ratio is not checked: small parts cannot hold a bomb worth refusing. */
constexpr qint64 ratioCheckedAbove = qint64(1024) * 1024;

struct ZipDiscard
{
    void operator()(zip_t* zip) const { zip_discard(zip); }
};

struct ZipFileClose
{
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

QString zipMessage(zip_error_t* error)
{
    const QString text = QString::fromUtf8(zip_error_strerror(error));
    zip_error_fini(error);
    return text;
}

/** The parts of a workbook's zip, each unpacked within the limits (a zip's stated sizes are checked while reading). */
class ZipParts
{
public:
    static Result<ZipParts> open(const QByteArray& bytes, const SheetLimits& limits)
    {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
        if (!source)
            return std::unexpected(damagedWorkbook(zipMessage(&error)));
        zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!zip) {
            zip_source_free(source);
            return std::unexpected(damagedWorkbook(zipMessage(&error)));
        }
        zip_error_fini(&error);
        return ZipParts(zip, limits);
    }

    /** The part's bytes, or nothing when the workbook has no part of that name. */
    Result<std::optional<QByteArray>> read(const QString& name)
    {
        const zip_int64_t index = zip_name_locate(m_zip.get(), name.toUtf8().constData(), ZIP_FL_NOCASE);
        if (index < 0)
            return std::optional<QByteArray>();
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(m_zip.get(), zip_uint64_t(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
            return std::unexpected(damagedWorkbook(name));
        if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
            return std::unexpected(passwordProtected());
        if (auto s = checkStatedSize(stat); !s)
            return std::unexpected(s.error());
        std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(m_zip.get(), zip_uint64_t(index), 0));
        if (!file)
            return std::unexpected(damagedWorkbook(name + u": "_qs + QString::fromUtf8(zip_strerror(m_zip.get()))));
        QByteArray bytes;
        std::array<char, 64 * 1024> buffer;
        for (;;) {
            const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
            if (n < 0)
                return std::unexpected(
                    damagedWorkbook(name + u": "_qs + QString::fromUtf8(zip_file_strerror(file.get()))));
            if (n == 0)
                break;
            if (zip_uint64_t(bytes.size() + n) > stat.size)
                return std::unexpected(damagedWorkbook(name + u": more data than its header states"_qs));
            bytes.append(buffer.data(), qsizetype(n));
        }
        if (zip_uint64_t(bytes.size()) != stat.size)
            return std::unexpected(damagedWorkbook(name + u": less data than its header states"_qs));
        m_unpacked += bytes.size();
        return std::optional<QByteArray>(std::move(bytes));
    }

private:
    ZipParts(zip_t* zip, const SheetLimits& limits)
        : m_zip(zip)
        , m_limits(limits)
    { }

    /** Refuses a part before unpacking it; reading then stops at the stated size, so the statement binds. */
    Status checkStatedSize(const zip_stat_t& stat) const
    {
        if (stat.size > zip_uint64_t(m_limits.maxUncompressedBytes - m_unpacked))
            return fail(ErrorCode::InvalidInput,
                        XlsxText::tr("The workbook unpacks to more than %1 MiB, more than any school list or grade "
                                     "book; it was not opened.")
                            .arg(m_limits.maxUncompressedBytes / (1024 * 1024)),
                        QStringLiteral("uncompressed-size"));
        const zip_uint64_t stored = (stat.valid & ZIP_STAT_COMP_SIZE) ? std::max<zip_uint64_t>(stat.comp_size, 1) : 1;
        if (qint64(stat.size) > ratioCheckedAbove && stat.size / stored > zip_uint64_t(m_limits.maxCompressionRatio))
            return fail(ErrorCode::InvalidInput,
                        XlsxText::tr("A part of the workbook unpacks to more than %1 times its size (a \"zip bomb\"); "
                                     "the file was not opened.")
                            .arg(m_limits.maxCompressionRatio),
                        QStringLiteral("compression-ratio"));
        return {};
    }

    std::unique_ptr<zip_t, ZipDiscard> m_zip;
    SheetLimits m_limits;
    qint64 m_unpacked = 0;
};

Error doctypeRefused(const QString& part)
{
    return {ErrorCode::InvalidInput,
            XlsxText::tr("The workbook contains a document type declaration (DOCTYPE), which spreadsheet programs do "
                         "not write; the file was not opened."),
            part};
}

/** One XML part read forward with libxml2's reader: no network, no DTD (refused), no entity expansion. */
class XmlPart
{
public:
    XmlPart(const QByteArray& bytes, const QString& name)
        : m_name(name)
        , m_doctype(bytes.contains("<!DOCTYPE"))
        // Neither XML_PARSE_NOENT nor XML_PARSE_DTDLOAD: entities stay unexpanded and nothing is fetched.
        , m_reader(m_doctype ? nullptr
                             : xmlReaderForMemory(bytes.constData(), int(bytes.size()), nullptr, nullptr,
                                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING))
    { }
    ~XmlPart()
    {
        if (m_reader)
            xmlFreeTextReader(m_reader);
    }
    XmlPart(const XmlPart&) = delete;
    XmlPart& operator=(const XmlPart&) = delete;

    /** Moves to the next node: true, false at the end of the part, or an error. */
    Result<bool> next()
    {
        if (m_doctype)
            return std::unexpected(doctypeRefused(m_name));
        if (!m_reader)
            return std::unexpected(damagedWorkbook(m_name));
        const int read = xmlTextReaderRead(m_reader);
        if (read < 0)
            return std::unexpected(damagedWorkbook(m_name + u": not well-formed XML"_qs));
        if (read == 0)
            return false;
        if (xmlTextReaderNodeType(m_reader) == XML_READER_TYPE_DOCUMENT_TYPE)
            return std::unexpected(doctypeRefused(m_name));
        return true;
    }

    bool isStart(const char* localName) const { return isStart() && name() == localName; }
    bool isStart() const { return xmlTextReaderNodeType(m_reader) == XML_READER_TYPE_ELEMENT; }
    /** The end of an element, also of an empty one (<c r="A1"/>), which has no end node of its own. */
    bool isEnd(const char* localName) const
    {
        const int type = xmlTextReaderNodeType(m_reader);
        return name() == localName
            && (type == XML_READER_TYPE_END_ELEMENT
                || (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(m_reader) == 1));
    }
    bool isText() const
    {
        const int type = xmlTextReaderNodeType(m_reader);
        return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE
            || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
    }
    QByteArrayView name() const
    {
        return QByteArrayView(reinterpret_cast<const char*>(xmlTextReaderConstLocalName(m_reader)));
    }
    QString text() const { return QString::fromUtf8(reinterpret_cast<const char*>(xmlTextReaderConstValue(m_reader))); }

    /** The attribute of this local name, whatever its namespace prefix (r:id in transitional and strict files). */
    QString attribute(const char* localName) const
    {
        QString value;
        for (int more = xmlTextReaderMoveToFirstAttribute(m_reader); more == 1;
             more = xmlTextReaderMoveToNextAttribute(m_reader))
            if (name() == localName) {
                value = text();
                break;
            }
        xmlTextReaderMoveToElement(m_reader);
        return value;
    }

private:
    QString m_name;
    bool m_doctype;
    xmlTextReaderPtr m_reader;
};

struct Relationship
{
    QString type; ///< the last segment of the type URI: "worksheet", "sharedStrings", "styles", "officeDocument"
    QString target; ///< the part's name in the zip
};

/** "xl/worksheets/sheet1.xml" for Target "worksheets/sheet1.xml" of a part in xl/, or an absolute "/xl/…". */
QString resolvePart(const QString& fromPart, const QString& target)
{
    if (target.startsWith(u'/'))
        return QDir::cleanPath(target.mid(1));
    const QString folder = fromPart.section(u'/', 0, -2);
    return QDir::cleanPath(folder.isEmpty() ? target : folder + u'/' + target);
}

/** The relationships of `part` (its _rels/NAME.rels), by Id. */
Result<QHash<QString, Relationship>> readRelationships(ZipParts& zip, const QString& part)
{
    const QString folder = part.section(u'/', 0, -2);
    const QString relsName
        = (folder.isEmpty() ? QString() : folder + u'/') + u"_rels/"_qs + part.section(u'/', -1) + u".rels"_qs;
    auto bytes = zip.read(relsName);
    if (!bytes)
        return std::unexpected(bytes.error());
    QHash<QString, Relationship> rels;
    if (!*bytes)
        return rels;
    XmlPart xml(**bytes, relsName);
    Result<bool> more;
    for (more = xml.next(); more && *more; more = xml.next())
        if (xml.isStart("Relationship") && xml.attribute("TargetMode") != u"External"_qs)
            rels.insert(xml.attribute("Id"),
                        {xml.attribute("Type").section(u'/', -1), resolvePart(part, xml.attribute("Target"))});
    if (!more)
        return std::unexpected(more.error());
    return rels;
}

/** A workbook part's text of the element being read: all its <t> children, leaving out phonetic runs (<rPh>). */
class RunText
{
public:
    void feed(const XmlPart& xml)
    {
        if (xml.isStart("rPh"))
            m_phonetic = !xml.isEnd("rPh");
        else if (xml.isEnd("rPh"))
            m_phonetic = false;
        else if (xml.isStart("t"))
            m_inText = !m_phonetic && !xml.isEnd("t");
        else if (xml.isEnd("t"))
            m_inText = false;
        else if (m_inText && xml.isText())
            m_text += xml.text();
    }
    QString take()
    {
        m_inText = m_phonetic = false;
        return std::exchange(m_text, QString());
    }

private:
    QString m_text;
    bool m_inText = false;
    bool m_phonetic = false;
};

Result<QStringList> readSharedStrings(ZipParts& zip, const QString& part, const SheetLimits& limits)
{
    auto bytes = zip.read(part);
    if (!bytes)
        return std::unexpected(bytes.error());
    QStringList strings;
    if (!*bytes)
        return strings;
    XmlPart xml(**bytes, part);
    RunText run;
    Result<bool> more;
    for (more = xml.next(); more && *more; more = xml.next()) {
        run.feed(xml);
        if (xml.isEnd("si")) {
            if (strings.size() >= limits.maxCells)
                return std::unexpected(tooManyCells(limits));
            strings.append(run.take());
        }
    }
    if (!more)
        return std::unexpected(more.error());
    return strings;
}

/** The number format of each cell style (the index a cell's s="…" gives). */
Result<QList<NumberFormat>> readStyles(ZipParts& zip, const QString& part)
{
    auto bytes = zip.read(part);
    if (!bytes)
        return std::unexpected(bytes.error());
    QList<NumberFormat> styles;
    if (!*bytes)
        return styles;
    XmlPart xml(**bytes, part);
    QHash<int, QString> codes;
    bool inCellXfs = false;
    Result<bool> more;
    for (more = xml.next(); more && *more; more = xml.next()) {
        if (xml.isStart("numFmt"))
            codes.insert(xml.attribute("numFmtId").toInt(), xml.attribute("formatCode"));
        else if (xml.isStart("cellXfs"))
            inCellXfs = !xml.isEnd("cellXfs");
        else if (xml.isEnd("cellXfs"))
            inCellXfs = false;
        else if (inCellXfs && xml.isStart("xf") && styles.size() < 65536) {
            const int id = xml.attribute("numFmtId").toInt();
            styles.append(numberFormat(id, codes.value(id)));
        }
    }
    if (!more)
        return std::unexpected(more.error());
    return styles;
}

/** What every sheet of one workbook shares while it is read. */
struct WorkbookContext
{
    QStringList strings;
    QList<NumberFormat> styles;
    bool date1904 = false;
    SheetLimits limits;
    int cells = 0; ///< filled cells and rows so far, in every sheet: one budget for the whole file
};

/** 0 for "A7", 27 for "AB3"; -1 without letters. */
int columnOfReference(const QString& reference)
{
    int column = 0;
    int letters = 0;
    for (QChar c : reference) {
        if (c < u'A' || c > u'Z' || letters >= 4)
            break;
        column = column * 26 + (c.unicode() - u'A' + 1);
        ++letters;
    }
    return letters == 0 ? -1 : column - 1;
}

class WorksheetReader
{
public:
    WorksheetReader(WorkbookContext& context, const QString& name)
        : m_context(context)
    {
        m_sheet.name = name;
    }

    Result<Sheet> read(const QByteArray& bytes, const QString& part)
    {
        XmlPart xml(bytes, part);
        Result<bool> more;
        for (more = xml.next(); more && *more; more = xml.next())
            if (auto s = feed(xml); !s)
                return std::unexpected(s.error());
        if (!more)
            return std::unexpected(more.error());
        while (!m_sheet.rows.isEmpty() && m_sheet.rows.last().cells.isEmpty())
            m_sheet.rows.removeLast();
        return std::move(m_sheet);
    }

private:
    Status feed(const XmlPart& xml)
    {
        if (xml.isStart("row")) {
            if (auto s = startRow(xml.attribute("r")); !s)
                return s;
        }
        if (xml.isStart("c")) {
            m_cell = {};
            m_cell.column = xml.attribute("r").isEmpty() ? m_lastColumn + 1 : columnOfReference(xml.attribute("r"));
            m_cell.type = xml.attribute("t");
            m_cell.style = xml.attribute("s").toInt();
        } else if (xml.isStart("v")) {
            m_cell.inValue = !xml.isEnd("v");
            m_cell.hasValue = true;
        } else if (xml.isEnd("v")) {
            m_cell.inValue = false;
        } else if (m_cell.inValue && xml.isText()) {
            m_cell.value += xml.text();
        } else if (xml.isStart("is")) {
            m_cell.hasValue = true;
        } else {
            m_inline.feed(xml);
        }
        if (xml.isEnd("c"))
            if (auto s = endCell(); !s)
                return s;
        if (xml.isEnd("row"))
            endRow();
        return {};
    }

    Status startRow(const QString& numberAttribute)
    {
        const int number = numberAttribute.isEmpty() ? int(m_sheet.rows.size()) + 1 : numberAttribute.toInt();
        if (number <= m_sheet.rows.size())
            return std::unexpected(damagedWorkbook(m_sheet.name + u": row %1 out of order"_qs.arg(number)));
        if (number > m_context.limits.maxRows)
            return std::unexpected(tooManyRows(m_sheet.name, m_context.limits));
        m_context.cells += number - int(m_sheet.rows.size());
        if (m_context.cells > m_context.limits.maxCells)
            return std::unexpected(tooManyCells(m_context.limits));
        while (m_sheet.rows.size() < number)
            m_sheet.rows.append(SheetRow {int(m_sheet.rows.size()) + 1, {}});
        m_lastColumn = -1;
        return {};
    }

    void endRow()
    {
        QStringList& cells = m_sheet.rows.last().cells;
        while (!cells.isEmpty() && cells.last().isEmpty())
            cells.removeLast();
    }

    Status endCell()
    {
        if (m_cell.column < 0)
            return std::unexpected(damagedWorkbook(m_sheet.name + u": a cell without a column"_qs));
        m_lastColumn = m_cell.column;
        const QString inlineText = m_inline.take();
        if (!m_cell.hasValue)
            return {};
        if (m_sheet.rows.isEmpty())
            return std::unexpected(damagedWorkbook(m_sheet.name + u": a cell outside a row"_qs));
        if (m_cell.column >= m_context.limits.maxColumns)
            return std::unexpected(tooManyColumns(m_sheet.name, m_sheet.rows.last().number, m_context.limits));
        if (++m_context.cells > m_context.limits.maxCells)
            return std::unexpected(tooManyCells(m_context.limits));
        auto text = cellText(inlineText);
        if (!text)
            return std::unexpected(text.error());
        QStringList& cells = m_sheet.rows.last().cells;
        while (cells.size() <= m_cell.column)
            cells.append(QString());
        cells[m_cell.column] = *text;
        return {};
    }

    Result<QString> cellText(const QString& inlineText) const
    {
        const QString& type = m_cell.type;
        if (type == u"s"_qs) {
            bool ok = false;
            const int index = m_cell.value.toInt(&ok);
            if (!ok || index < 0 || index >= m_context.strings.size())
                return std::unexpected(damagedWorkbook(m_sheet.name + u": a missing shared string"_qs));
            return m_context.strings.at(index);
        }
        if (type == u"inlineStr"_qs)
            return inlineText;
        if (type == u"b"_qs)
            return m_cell.value == u"1"_qs ? u"TRUE"_qs : u"FALSE"_qs;
        if (type == u"d"_qs) {
            const QDate day = QDate::fromString(m_cell.value.left(10), Qt::ISODate);
            return day.isValid() ? dateText(day) : m_cell.value;
        }
        bool number = false;
        const double value = m_cell.value.toDouble(&number);
        if (!number || (!type.isEmpty() && type != u"n"_qs))
            return m_cell.value; // "str" (a formula's text), "e" (an error such as #N/A)
        return formattedNumber(value, m_context.styles.value(m_cell.style), m_context.date1904);
    }

    struct Cell
    {
        int column = -1;
        QString type;
        int style = 0;
        QString value;
        bool hasValue = false;
        bool inValue = false;
    };

    WorkbookContext& m_context;
    Sheet m_sheet;
    Cell m_cell;
    RunText m_inline;
    int m_lastColumn = -1;
};

struct SheetEntry
{
    QString name;
    QString relationshipId;
};

struct WorkbookPart
{
    QList<SheetEntry> sheets;
    bool date1904 = false;
};

Result<WorkbookPart> readWorkbookPart(const QByteArray& bytes, const QString& part, const SheetLimits& limits)
{
    WorkbookPart workbook;
    XmlPart xml(bytes, part);
    Result<bool> more;
    for (more = xml.next(); more && *more; more = xml.next()) {
        if (xml.isStart("workbookPr")) {
            const QString flag = xml.attribute("date1904");
            workbook.date1904 = flag == u"1"_qs || flag == u"true"_qs;
        } else if (xml.isStart("sheet")) {
            if (workbook.sheets.size() >= limits.maxSheets)
                return std::unexpected(tooManySheets(limits));
            workbook.sheets.append({xml.attribute("name"), xml.attribute("id")});
        }
    }
    if (!more)
        return std::unexpected(more.error());
    return workbook;
}

/** The workbook part the package's relationships name (xl/workbook.xml in every file Excel writes). */
Result<QString> workbookPartName(ZipParts& zip)
{
    auto rels = readRelationships(zip, {});
    if (!rels)
        return std::unexpected(rels.error());
    for (const Relationship& r : *rels)
        if (r.type == u"officeDocument"_qs)
            return r.target;
    return u"xl/workbook.xml"_qs;
}

QString partOfType(const QHash<QString, Relationship>& rels, const QString& type, const QString& fallback)
{
    for (const Relationship& r : rels)
        if (r.type == type)
            return r.target;
    return fallback;
}

Result<QList<Sheet>> readWorksheets(ZipParts& zip, const WorkbookPart& workbook,
                                    const QHash<QString, Relationship>& rels, WorkbookContext& context)
{
    QList<Sheet> sheets;
    for (const SheetEntry& entry : workbook.sheets) {
        const Relationship rel = rels.value(entry.relationshipId);
        if (rel.target.isEmpty())
            return std::unexpected(damagedWorkbook(entry.name + u": no part for the sheet"_qs));
        if (rel.type != u"worksheet"_qs)
            continue; // a chart sheet or a dialog sheet holds no table
        auto bytes = zip.read(rel.target);
        if (!bytes)
            return std::unexpected(bytes.error());
        if (!*bytes)
            return std::unexpected(damagedWorkbook(rel.target + u" is missing"_qs));
        auto sheet = WorksheetReader(context, entry.name).read(**bytes, rel.target);
        if (!sheet)
            return std::unexpected(sheet.error());
        sheets.append(std::move(*sheet));
    }
    return sheets;
}

} // namespace

Result<QList<Sheet>> readXlsx(const QByteArray& bytes, const SheetLimits& limits)
{
    if (bytes.size() > limits.maxBytes)
        return std::unexpected(fileTooLarge(limits));
    auto zip = ZipParts::open(bytes, limits);
    if (!zip)
        return std::unexpected(zip.error());
    auto workbookName = workbookPartName(*zip);
    if (!workbookName)
        return std::unexpected(workbookName.error());
    auto workbookBytes = zip->read(*workbookName);
    if (!workbookBytes)
        return std::unexpected(workbookBytes.error());
    if (!*workbookBytes)
        return std::unexpected(damagedWorkbook(*workbookName + u" is missing"_qs));
    auto workbook = readWorkbookPart(**workbookBytes, *workbookName, limits);
    if (!workbook)
        return std::unexpected(workbook.error());
    auto rels = readRelationships(*zip, *workbookName);
    if (!rels)
        return std::unexpected(rels.error());
    const QString folder = workbookName->section(u'/', 0, -2) + u'/';
    WorkbookContext context;
    context.limits = limits;
    context.date1904 = workbook->date1904;
    auto strings
        = readSharedStrings(*zip, partOfType(*rels, u"sharedStrings"_qs, folder + u"sharedStrings.xml"_qs), limits);
    if (!strings)
        return std::unexpected(strings.error());
    context.strings = std::move(*strings);
    auto styles = readStyles(*zip, partOfType(*rels, u"styles"_qs, folder + u"styles.xml"_qs));
    if (!styles)
        return std::unexpected(styles.error());
    context.styles = std::move(*styles);
    return readWorksheets(*zip, *workbook, *rels, context);
}

} // namespace hocba::sheets
