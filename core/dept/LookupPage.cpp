// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/LookupPage.h"

#include "domain/PrintedText.h"
#include "domain/Types.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hocba::dept {

namespace {

/** Translation context of the page (lupdate reads it from the macro). */
class PageText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::dept::LookupPage)
};

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QByteArray page(const QString& departmentName, const QString& body)
{
    // The state stands out by colour as well as by words; a list closes its floats, so nothing after it is pushed
    // aside; on a phone the terms stand above their values.
    static const QString style = QStringLiteral(
        "body{font-family:sans-serif;max-width:48em;margin:1em auto;padding:0 1em;color:#222;line-height:1.4}"
        "table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #999;padding:.3em .5em;"
        "text-align:left;vertical-align:top}th{background:#eee}"
        ".state{display:inline-block;font-size:1.3em;font-weight:bold;padding:.2em .6em;border-radius:.3em;"
        "margin:0}.locked{background:#dff0d8;color:#1e5b1e}.submitted{background:#fcf3d4;color:#6b4e00}"
        ".revoked{background:#f6dddd;color:#8a1f1f}"
        ".notice{font-size:1.15em;font-weight:bold;padding:.6em .8em;border:2px solid;border-radius:.3em}"
        "dl{overflow:hidden;margin:.5em 0}dt{font-weight:bold;float:left;clear:left;width:13em}"
        "dd{margin:0 0 .3em 13em}"
        "@media (max-width:36em){dt{float:none;width:auto}dd{margin-left:0}}");
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
               "<title>%1</title><style>%2</style></head><body><main><p>%3</p><h1>%1</h1>%4</main></body></html>\n")
        .arg(esc(PageText::tr("Digital school record lookup")), style, esc(departmentName), body)
        .toUtf8();
}

QString definitions(const QList<QPair<QString, QString>>& items)
{
    QString html = QStringLiteral("<dl>");
    for (const auto& [term, value] : items)
        if (!value.isEmpty())
            html += QStringLiteral("<dt>%1</dt><dd>%2</dd>").arg(esc(term), esc(value));
    return html + QStringLiteral("</dl>");
}

QString table(const QStringList& headers, const QList<QStringList>& rows)
{
    if (rows.isEmpty())
        return {};
    QString html = QStringLiteral("<table><tr>");
    for (const QString& h : headers)
        html += QStringLiteral("<th>%1</th>").arg(esc(h));
    html += QStringLiteral("</tr>");
    for (const QStringList& row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString& cell : row)
            html += QStringLiteral("<td>%1</td>").arg(esc(cell));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

/** What the state means to someone holding the paper copy (the revoked page says it in its own words). */
QString stateMeaning(const RecordStatus& s)
{
    switch (s.state) {
    case RecordState::Submitted:
        return PageText::tr("The school has submitted this record to the Department. The Department locks it after "
                            "the reporting deadline. Compare the content below with the paper copy you hold.");
    case RecordState::Locked:
        return PageText::tr("The Department has locked this record: its content can no longer be changed. Compare "
                            "the content below with the paper copy you hold.");
    case RecordState::Revoked:
        return {};
    case RecordState::History:
        return PageText::tr("This year was signed and reported by a school of another province; it came here with "
                            "the pupil's transfer and does not change here. Compare the content below with the paper "
                            "copy you hold.");
    }
    return {};
}

QString stateText(const RecordStatus& s)
{
    switch (s.state) {
    case RecordState::Submitted:
        return PageText::tr("Submitted, not locked yet");
    case RecordState::Locked:
        return PageText::tr("Locked");
    case RecordState::Revoked:
        return PageText::tr("Revoked");
    case RecordState::History:
        return PageText::tr("Received with a transfer");
    }
    return {};
}

QString resultsTable(const QJsonArray& results)
{
    QList<QStringList> rows;
    for (const QJsonValue& v : results) {
        const QJsonObject r = v.toObject();
        const QString mark = r.contains(QStringLiteral("score")) ? r.value(QStringLiteral("score")).toString()
                                                                 : r.value(QStringLiteral("level")).toString();
        rows.append(
            {r.value(QStringLiteral("subject")).toString(), mark, r.value(QStringLiteral("comment")).toString()});
    }
    return table({PageText::tr("Subject"), PageText::tr("Level or score"), PageText::tr("Comment")}, rows);
}

QString traitsTable(const QString& title, const QJsonArray& traits)
{
    QList<QStringList> rows;
    for (const QJsonValue& v : traits)
        rows.append({v[QStringLiteral("name")].toString(), v[QStringLiteral("level")].toString()});
    return rows.isEmpty() ? QString() : table({title, PageText::tr("Level")}, rows);
}

QString contentHtml(const QJsonObject& c)
{
    const QJsonObject outcome = c.value(QStringLiteral("outcome")).toObject();
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(PageText::tr("Content of the record")));
    html += definitions({
        {PageText::tr("Student"), c.value(QStringLiteral("student_name")).toString()},
        {PageText::tr("Date of birth"), c.value(QStringLiteral("birth_date")).toString()},
        {PageText::tr("School year"), c.value(QStringLiteral("school_year")).toString()},
        {PageText::tr("Grade"), QString::number(c.value(QStringLiteral("grade")).toInt())},
        {PageText::tr("Class"), c.value(QStringLiteral("class")).toString()},
    });
    html += resultsTable(c.value(QStringLiteral("results")).toArray());
    html += traitsTable(PageText::tr("Quality"), c.value(QStringLiteral("qualities")).toArray());
    html += traitsTable(PageText::tr("Competency"), c.value(QStringLiteral("competencies")).toArray());
    html += definitions({
        {PageText::tr("Conduct result"), c.value(QStringLiteral("conduct")).toString()},
        {PageText::tr("Learning result"), outcome.value(QStringLiteral("learning")).toString()},
        {PageText::tr("Result"), outcome.value(QStringLiteral("result")).toString()},
        {PageText::tr("Completion"), outcome.value(QStringLiteral("completion")).toString()},
        {PageText::tr("Promotion"), outcome.value(QStringLiteral("promotion")).toString()},
        {PageText::tr("Award"), outcome.value(QStringLiteral("award")).toString()},
        {PageText::tr("Homeroom teacher's comment"), c.value(QStringLiteral("comment")).toString()},
    });
    return html;
}

QString shownDate(const QDateTime& at)
{
    return printedDate(vietnamDate(at));
}

/** The current version, or the revocation, then the earlier versions, newest first, each with its replacement. */
QString versionsHtml(const LookupRow& row)
{
    const RecordStatus& s = row.status;
    QStringList items;
    if (s.state == RecordState::Revoked)
        items << PageText::tr("Revoked on %1").arg(shownDate(s.revokedAt));
    else
        items << PageText::tr("Current version: %1 (received on %2)").arg(s.version).arg(shownDate(s.receivedAt));
    for (auto v = row.versions.crbegin(); v != row.versions.crend(); ++v)
        if (v->replacedAt.isValid())
            items << PageText::tr("Version %1 — replaced on %2").arg(v->version).arg(shownDate(v->replacedAt));
    QString html = QStringLiteral("<ul class=\"versions\">");
    for (const QString& item : std::as_const(items))
        html += QStringLiteral("<li>%1</li>").arg(esc(item));
    return html + QStringLiteral("</ul>");
}

QString transfersHtml(const QList<TransferRow>& transfers)
{
    if (transfers.isEmpty())
        return {};
    QString html = QStringLiteral("<section><h2>%1</h2><ul>").arg(esc(PageText::tr("Transfers")));
    for (const TransferRow& t : transfers)
        html += QStringLiteral("<li>%1</li>")
                    .arg(esc(PageText::tr("Transferred from %1 to %2 on %3")
                                 .arg(t.fromSchoolName, t.toSchoolName, printedDate(t.transferDate))));
    return html + QStringLiteral("</ul></section>");
}

/** What the page opened from a QR code says first about the paper copy in the reader's hand. */
QString checkHtml(const PaperCheck& c)
{
    QString text;
    if (!c.matches)
        text = PageText::tr("No version matches this paper copy: the paper copy may have been altered. Ask the school "
                            "for the valid copy.");
    else if (c.revokedAt.isValid())
        text = PageText::tr("This paper copy is version %1; the school revoked this school year of the record on %2. "
                            "Ask the school for the valid copy.")
                   .arg(c.version)
                   .arg(shownDate(c.revokedAt));
    else if (!c.current)
        text = PageText::tr("This paper copy is version %1, replaced by version %2 on %3; use the new copy.")
                   .arg(c.version)
                   .arg(c.currentVersion)
                   .arg(shownDate(c.replacedAt));
    else
        text = PageText::tr("This paper copy matches the current version.");
    return QStringLiteral("<p class=\"notice %1\">%2</p>")
        .arg(c.current ? QStringLiteral("locked") : QStringLiteral("revoked"), esc(text));
}

/** One school year of the record: its own state, dates, content and signed PDF. */
QString yearHtml(const LookupRow& row)
{
    const RecordStatus& s = row.status;
    const QString schoolYear = SchoolYear {s.schoolYearStart}.toString();
    QString html
        = QStringLiteral("<section><h2>%1</h2><p class=\"state %2\">%3</p>")
              .arg(esc(PageText::tr("School year %1").arg(schoolYear)), recordStateCode(s.state), esc(stateText(s)));
    if (const QString meaning = stateMeaning(s); !meaning.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(meaning));
    html += definitions({
        {PageText::tr("Version"), QString::number(s.version)},
        {PageText::tr("Received on"), printedDate(vietnamDate(s.receivedAt))},
        {PageText::tr("Locked (effective) on"),
         s.state == RecordState::Locked ? printedDate(vietnamDate(s.lockedAt)) : QString()},
    });
    html += versionsHtml(row);
    if (s.state == RecordState::Revoked)
        return html
            + QStringLiteral("<p>%1</p></section>")
                  .arg(esc(PageText::tr("The school has revoked this version of the record. Ask the school for "
                                        "the valid copy.")));
    // The soft copy before the long content, where a phone shows it without scrolling.
    html += QStringLiteral("<p><a href=\"/api/v1/lookup/%1/pdf?year=%2\">%3</a></p>")
                .arg(esc(s.lookupCode), QString::number(s.schoolYearStart),
                     esc(PageText::tr("Download the soft copy (PDF with digital signatures)")));
    return html + contentHtml(QJsonDocument::fromJson(row.lookupJson).object()) + QStringLiteral("</section>");
}

} // namespace

PaperCheck checkPaperCopy(const QList<LookupRow>& years, const PaperCopy& paper)
{
    PaperCheck check;
    check.schoolYearStart = paper.schoolYearStart;
    check.version = paper.version;
    const auto year = std::find_if(years.cbegin(), years.cend(), [&](const LookupRow& y) {
        return y.status.schoolYearStart == paper.schoolYearStart;
    });
    if (year == years.cend() || paper.digest.isEmpty())
        return check;
    const RecordStatus& head = year->status;
    check.currentVersion = head.version;
    if (head.state == RecordState::Revoked)
        check.revokedAt = head.revokedAt;
    QList<VersionRow> versions = year->versions;
    if (versions.isEmpty()) // a store that lists no versions still knows the head
        versions.append({head.version, head.digest, head.receivedAt, {}});
    for (const VersionRow& v : std::as_const(versions))
        if (v.digest == paper.digest) {
            check.matches = true;
            check.version = v.version;
            check.replacedAt = v.replacedAt;
            check.current = !v.replacedAt.isValid() && v.version == head.version && head.state != RecordState::Revoked;
        }
    return check;
}

QByteArray lookupPageHtml(const QString& departmentName, const QList<LookupRow>& years,
                          const QList<TransferRow>& transfers, const std::optional<PaperCheck>& check)
{
    if (years.isEmpty())
        return lookupNotFoundHtml(departmentName);
    const LookupRow& latest = years.last();
    QString body = check ? checkHtml(*check) : QString();
    body += definitions({
        {PageText::tr("Lookup code"), groupedLookupCode(latest.status.lookupCode)},
        {PageText::tr("School"), latest.school.name},
    });
    body += transfersHtml(transfers);
    for (auto year = years.crbegin(); year != years.crend(); ++year)
        body += yearHtml(*year);
    return page(departmentName, body);
}

QByteArray lookupNotFoundHtml(const QString& departmentName)
{
    return page(departmentName,
                QStringLiteral("<p class=\"state revoked\">%1</p><p>%2</p>")
                    .arg(esc(PageText::tr("No school record has this lookup code.")),
                         esc(PageText::tr("Check that the code is typed exactly as printed under the QR code of the "
                                          "paper copy. If it is, the school may not have submitted the record yet: "
                                          "ask the school."))));
}

QByteArray lookupBadCodeHtml(const QString& departmentName)
{
    return page(departmentName,
                QStringLiteral("<p>%1</p>")
                    .arg(esc(PageText::tr("A lookup code has 32 characters: the digits 0-9 and the letters a-f. "
                                          "Check the code printed under the QR code of the paper copy."))));
}

QByteArray lookupBadLinkHtml(const QString& departmentName, const QString& lookupCode)
{
    return page(departmentName,
                QStringLiteral("<p>%1</p><p><a href=\"/tra-cuu/%2\">%3</a></p>")
                    .arg(esc(PageText::tr("This link is not the one a paper copy's QR code holds: its school year, "
                                          "version or check code cannot be read, so the paper copy cannot be "
                                          "checked.")),
                         esc(lookupCode), esc(PageText::tr("Show the record of this lookup code"))));
}

} // namespace hocba::dept
