// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/AssessmentMapping.h"

#include "rules/RulesText.h"

#include <QJsonArray>

namespace hocba::rules {

namespace {

const QString kCn = QStringLiteral("cn");
const QString kYear = QStringLiteral("year");
const QString kHk1 = QStringLiteral("hk1");
const QString kHk2 = QStringLiteral("hk2");

void appendSemester(QList<Assessment>& rows, const QString& code, const QString& term, const SemesterEntries& s)
{
    for (qsizetype i = 0; i < s.regular.size(); ++i)
        rows.append({code, term, QStringLiteral("regular"), int(i + 1), s.regular[i]});
    if (!s.midterm.isEmpty())
        rows.append({code, term, QStringLiteral("midterm"), 0, s.midterm});
    if (!s.final.isEmpty())
        rows.append({code, term, QStringLiteral("final"), 0, s.final});
    if (s.comment)
        rows.append({code, term, QStringLiteral("comment"), 0, *s.comment});
}

/** Puts a numbered line (1..n) in place, growing the list with empty lines for a gap. */
void setLine(QStringList& lines, int seq, const QString& value)
{
    if (lines.size() < seq)
        lines.resize(seq);
    lines[seq - 1] = value;
}

void readSemesterRow(SemesterEntries& s, const Assessment& row)
{
    if (row.item == QLatin1String("regular") && row.seq >= 1 && row.seq <= 100) {
        if (s.regular.size() < row.seq)
            s.regular.resize(row.seq);
        s.regular[row.seq - 1] = row.value;
    } else if (row.item == QLatin1String("midterm"))
        s.midterm = row.value;
    else if (row.item == QLatin1String("final"))
        s.final = row.value;
    else if (row.item == QLatin1String("comment"))
        s.comment = row.value;
}

// ---- JSON ----

/** A JSON scalar as the text a teacher would have typed; null and absent are "". */
QString scalarText(const QJsonValue& v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

std::unexpected<Error> shapeError(const QString& field)
{
    return fail(ErrorCode::InvalidInput, RulesText::tr("The field \"%1\" is missing or has the wrong type.").arg(field),
                field);
}

std::optional<QString> optionalText(const QJsonObject& o, const QString& key)
{
    if (!o.contains(key) || o.value(key).isNull())
        return std::nullopt;
    return scalarText(o.value(key));
}

Result<SemesterEntries> semesterFromJson(const QJsonValue& v, const QString& field)
{
    SemesterEntries s;
    if (v.isUndefined() || v.isNull())
        return s;
    if (!v.isObject())
        return shapeError(field);
    const QJsonObject o = v.toObject();
    const QJsonValue regular = o.value(QStringLiteral("regular"));
    if (!regular.isUndefined() && !regular.isNull()) {
        if (!regular.isArray())
            return shapeError(field + QStringLiteral(".regular"));
        for (const QJsonValue& r : regular.toArray())
            s.regular.append(scalarText(r));
    }
    s.midterm = scalarText(o.value(QStringLiteral("midterm")));
    s.final = scalarText(o.value(QStringLiteral("final")));
    s.comment = optionalText(o, QStringLiteral("comment"));
    return s;
}

QJsonValue textToJson(const QString& text)
{
    // Scores go back as numbers when they are plain numbers, so JSON → input → JSON keeps the written form.
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (ok && QString::number(d, 'g', 15) == text)
        return d;
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject semesterToJson(const SemesterEntries& s)
{
    QJsonArray regular;
    for (const QString& r : s.regular)
        regular.append(textToJson(r));
    QJsonObject o {{QStringLiteral("regular"), regular},
                   {QStringLiteral("midterm"), textToJson(s.midterm)},
                   {QStringLiteral("final"), textToJson(s.final)}};
    if (s.comment)
        o.insert(QStringLiteral("comment"), *s.comment);
    return o;
}

Result<QMap<QString, QString>> mapFromJson(const QJsonObject& root, const QString& key)
{
    QMap<QString, QString> map;
    const QJsonValue v = root.value(key);
    if (v.isUndefined() || v.isNull())
        return map;
    if (!v.isObject())
        return shapeError(key);
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key(), scalarText(it.value()));
    return map;
}

QJsonObject mapToJson(const QMap<QString, QString>& map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), textToJson(it.value()));
    return o;
}

} // namespace

QList<Assessment> toAssessments(const StudentYearInput& input)
{
    QList<Assessment> rows;
    rows.reserve(16 * input.subjects.size() + 24);
    for (const SubjectEntry& s : input.subjects) {
        rows.append({s.code, QString(), QStringLiteral("subject"), 0, QString()});
        if (!s.assessment.isEmpty())
            rows.append({s.code, QString(), QStringLiteral("assessment"), 0, s.assessment});
        if (s.periodsPerYear)
            rows.append({s.code, QString(), QStringLiteral("periods"), 0, QString::number(*s.periodsPerYear)});
        if (!s.level.isEmpty())
            rows.append({s.code, kCn, QStringLiteral("level"), 0, s.level});
        if (!s.score.isEmpty())
            rows.append({s.code, kCn, QStringLiteral("score"), 0, s.score});
        if (s.comment)
            rows.append({s.code, kCn, QStringLiteral("comment"), 0, *s.comment});
        if (!s.languageName.isEmpty())
            rows.append({s.code, QString(), QStringLiteral("language"), 0, s.languageName});
        appendSemester(rows, s.code, kHk1, s.hk1);
        appendSemester(rows, s.code, kHk2, s.hk2);
        if (input.retests.contains(s.code))
            rows.append({s.code, kYear, QStringLiteral("retest"), 0, input.retests.value(s.code)});
    }
    // Retests of subjects that are not listed (lint reports them) must survive too.
    for (auto it = input.retests.cbegin(); it != input.retests.cend(); ++it) {
        const bool listed
            = std::ranges::any_of(input.subjects, [&](const SubjectEntry& s) { return s.code == it.key(); });
        if (!listed)
            rows.append({it.key(), kYear, QStringLiteral("retest"), 0, it.value()});
    }
    for (auto it = input.qualities.cbegin(); it != input.qualities.cend(); ++it)
        rows.append({QStringLiteral("q.") + it.key(), kCn, QStringLiteral("level"), 0, it.value()});
    for (auto it = input.competencies.cbegin(); it != input.competencies.cend(); ++it)
        rows.append({QStringLiteral("c.") + it.key(), kCn, QStringLiteral("level"), 0, it.value()});
    for (auto it = input.qualityComments.cbegin(); it != input.qualityComments.cend(); ++it)
        if (!it.value().isEmpty())
            rows.append({QStringLiteral("q.") + it.key(), kCn, QStringLiteral("comment"), 0, it.value()});
    for (auto it = input.competencyComments.cbegin(); it != input.competencyComments.cend(); ++it)
        if (!it.value().isEmpty())
            rows.append({QStringLiteral("c.") + it.key(), kCn, QStringLiteral("comment"), 0, it.value()});
    if (input.recognizedByClass)
        rows.append({QString(), kCn, QStringLiteral("recognized_by_class"), 0, QStringLiteral("1")});
    if (!input.conductHk1.isEmpty())
        rows.append({QString(), kHk1, QStringLiteral("conduct"), 0, input.conductHk1});
    if (!input.conductHk2.isEmpty())
        rows.append({QString(), kHk2, QStringLiteral("conduct"), 0, input.conductHk2});
    if (!input.absences.isEmpty())
        rows.append({QString(), kYear, QStringLiteral("absences"), 0, input.absences});
    if (!input.summerConduct.isEmpty())
        rows.append({QString(), kYear, QStringLiteral("summer_conduct"), 0, input.summerConduct});
    if (input.comment)
        rows.append({QString(), kYear, QStringLiteral("comment"), 0, *input.comment});
    for (const auto& [item, value] :
         {std::pair {QStringLiteral("height"), &input.heightCm}, std::pair {QStringLiteral("weight"), &input.weightKg},
          std::pair {QStringLiteral("absences_excused"), &input.absencesExcused},
          std::pair {QStringLiteral("absences_unexcused"), &input.absencesUnexcused}})
        if (!value->isEmpty())
            rows.append({QString(), kYear, item, 0, *value});
    for (qsizetype i = 0; i < input.certificates.size(); ++i)
        rows.append({QString(), kYear, QStringLiteral("certificate"), int(i + 1), input.certificates[i]});
    for (qsizetype i = 0; i < input.competitions.size(); ++i)
        rows.append({QString(), kYear, QStringLiteral("competition"), int(i + 1), input.competitions[i]});
    return rows;
}

StudentYearInput fromAssessments(const QList<Assessment>& rows, Circular circular, SchoolYear schoolYear, int grade)
{
    StudentYearInput in;
    in.circular = circular;
    in.schoolYear = schoolYear;
    in.grade = grade;
    QHash<QString, qsizetype> indexOf;
    const auto subject = [&](const QString& code) -> SubjectEntry& {
        auto it = indexOf.constFind(code);
        if (it == indexOf.constEnd()) {
            it = indexOf.insert(code, in.subjects.size());
            in.subjects.append(SubjectEntry {});
            in.subjects.last().code = code;
        }
        return in.subjects[*it];
    };
    for (const Assessment& row : rows) {
        if (row.subject.isEmpty()) {
            if (row.item == QLatin1String("recognized_by_class"))
                in.recognizedByClass = row.value == QLatin1String("1");
            else if (row.item == QLatin1String("conduct") && row.term == kHk1)
                in.conductHk1 = row.value;
            else if (row.item == QLatin1String("conduct") && row.term == kHk2)
                in.conductHk2 = row.value;
            else if (row.item == QLatin1String("absences"))
                in.absences = row.value;
            else if (row.item == QLatin1String("summer_conduct"))
                in.summerConduct = row.value;
            else if (row.item == QLatin1String("comment"))
                in.comment = row.value;
            else if (row.item == QLatin1String("height"))
                in.heightCm = row.value;
            else if (row.item == QLatin1String("weight"))
                in.weightKg = row.value;
            else if (row.item == QLatin1String("absences_excused"))
                in.absencesExcused = row.value;
            else if (row.item == QLatin1String("absences_unexcused"))
                in.absencesUnexcused = row.value;
            else if (row.item == QLatin1String("certificate") && row.seq >= 1 && row.seq <= 100)
                setLine(in.certificates, row.seq, row.value);
            else if (row.item == QLatin1String("competition") && row.seq >= 1 && row.seq <= 100)
                setLine(in.competitions, row.seq, row.value);
            continue;
        }
        if (row.subject.startsWith(QLatin1String("q.")) && row.item == QLatin1String("level")) {
            in.qualities.insert(row.subject.mid(2), row.value);
            continue;
        }
        if (row.subject.startsWith(QLatin1String("c.")) && row.item == QLatin1String("level")) {
            in.competencies.insert(row.subject.mid(2), row.value);
            continue;
        }
        if (row.subject.startsWith(QLatin1String("q.")) && row.item == QLatin1String("comment")) {
            in.qualityComments.insert(row.subject.mid(2), row.value);
            continue;
        }
        if (row.subject.startsWith(QLatin1String("c.")) && row.item == QLatin1String("comment")) {
            in.competencyComments.insert(row.subject.mid(2), row.value);
            continue;
        }
        if (row.item == QLatin1String("retest")) {
            in.retests.insert(row.subject, row.value);
            continue;
        }
        SubjectEntry& s = subject(row.subject);
        if (row.item == QLatin1String("assessment"))
            s.assessment = row.value;
        else if (row.item == QLatin1String("periods")) {
            bool ok = false;
            const int p = row.value.toInt(&ok);
            if (ok)
                s.periodsPerYear = p;
        } else if (row.term == kCn && row.item == QLatin1String("level"))
            s.level = row.value;
        else if (row.term == kCn && row.item == QLatin1String("score"))
            s.score = row.value;
        else if (row.term == kCn && row.item == QLatin1String("comment"))
            s.comment = row.value;
        else if (row.item == QLatin1String("language"))
            s.languageName = row.value;
        else if (row.term == kHk1)
            readSemesterRow(s.hk1, row);
        else if (row.term == kHk2)
            readSemesterRow(s.hk2, row);
    }
    return in;
}

Result<StudentYearInput> studentYearFromJson(const QJsonObject& json)
{
    StudentYearInput in;
    const auto circular = circularFromCode(json.value(QStringLiteral("circular")).toString());
    if (!circular)
        return fail(ErrorCode::InvalidInput, RulesText::tr("\"circular\" must be \"TT27\" or \"TT22\"."),
                    QStringLiteral("circular"));
    in.circular = *circular;
    const auto year = SchoolYear::fromString(json.value(QStringLiteral("schoolYear")).toString());
    if (!year)
        return fail(ErrorCode::InvalidInput,
                    RulesText::tr("\"schoolYear\" must be a school year such as \"2024-2025\"."),
                    QStringLiteral("schoolYear"));
    in.schoolYear = *year;
    const QJsonValue grade = json.value(QStringLiteral("grade"));
    if (!grade.isDouble() || grade.toDouble() != double(grade.toInt()))
        return shapeError(QStringLiteral("grade"));
    in.grade = grade.toInt();

    const QJsonValue subjects = json.value(QStringLiteral("subjects"));
    if (!subjects.isArray())
        return shapeError(QStringLiteral("subjects"));
    for (const QJsonValue& v : subjects.toArray()) {
        if (!v.isObject() || !v.toObject().value(QStringLiteral("subject")).isString())
            return shapeError(QStringLiteral("subjects[].subject"));
        const QJsonObject o = v.toObject();
        SubjectEntry s;
        s.code = o.value(QStringLiteral("subject")).toString();
        const QString field = QStringLiteral("subjects.") + s.code;
        s.level = scalarText(o.value(QStringLiteral("level")));
        s.score = scalarText(o.value(QStringLiteral("score")));
        s.comment = optionalText(o, QStringLiteral("comment"));
        s.assessment = scalarText(o.value(QStringLiteral("assessment")));
        s.languageName = scalarText(o.value(QStringLiteral("languageName")));
        const QJsonValue periods = o.value(QStringLiteral("periodsPerYear"));
        if (!periods.isUndefined() && !periods.isNull()) {
            if (!periods.isDouble() || periods.toDouble() != double(periods.toInt()))
                return shapeError(field + QStringLiteral(".periodsPerYear"));
            s.periodsPerYear = periods.toInt();
        }
        auto hk1 = semesterFromJson(o.value(kHk1), field + QStringLiteral(".hk1"));
        if (!hk1)
            return std::unexpected(hk1.error());
        auto hk2 = semesterFromJson(o.value(kHk2), field + QStringLiteral(".hk2"));
        if (!hk2)
            return std::unexpected(hk2.error());
        s.hk1 = *hk1;
        s.hk2 = *hk2;
        in.subjects.append(s);
    }
    for (const auto& [key, target] : {std::pair {QStringLiteral("qualities"), &in.qualities},
                                      std::pair {QStringLiteral("competencies"), &in.competencies},
                                      std::pair {QStringLiteral("retests"), &in.retests},
                                      std::pair {QStringLiteral("qualityComments"), &in.qualityComments},
                                      std::pair {QStringLiteral("competencyComments"), &in.competencyComments}}) {
        auto map = mapFromJson(json, key);
        if (!map)
            return std::unexpected(map.error());
        *target = *map;
    }
    const QJsonValue recognized = json.value(QStringLiteral("recognizedByClass"));
    if (!recognized.isUndefined() && !recognized.isNull() && !recognized.isBool())
        return shapeError(QStringLiteral("recognizedByClass"));
    in.recognizedByClass = recognized.toBool(false);
    const QJsonValue conduct = json.value(QStringLiteral("conduct"));
    if (!conduct.isUndefined() && !conduct.isNull()) {
        if (!conduct.isObject())
            return shapeError(QStringLiteral("conduct"));
        in.conductHk1 = scalarText(conduct.toObject().value(kHk1));
        in.conductHk2 = scalarText(conduct.toObject().value(kHk2));
    }
    in.absences = scalarText(json.value(QStringLiteral("absences")));
    in.summerConduct = scalarText(json.value(QStringLiteral("summerConduct")));
    in.comment = optionalText(json, QStringLiteral("comment"));
    in.heightCm = scalarText(json.value(QStringLiteral("heightCm")));
    in.weightKg = scalarText(json.value(QStringLiteral("weightKg")));
    in.absencesExcused = scalarText(json.value(QStringLiteral("absencesExcused")));
    in.absencesUnexcused = scalarText(json.value(QStringLiteral("absencesUnexcused")));
    for (const auto& [key, target] : {std::pair {QStringLiteral("certificates"), &in.certificates},
                                      std::pair {QStringLiteral("competitions"), &in.competitions}}) {
        const QJsonValue v = json.value(key);
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isArray())
            return shapeError(key);
        for (const QJsonValue& line : v.toArray())
            target->append(scalarText(line));
    }
    return in;
}

QJsonObject toJson(const StudentYearInput& in)
{
    QJsonObject root {{QStringLiteral("circular"), toCode(in.circular)},
                      {QStringLiteral("schoolYear"), in.schoolYear.toString()},
                      {QStringLiteral("grade"), in.grade}};
    const bool primary = in.circular == Circular::TT27;
    QJsonArray subjects;
    for (const SubjectEntry& s : in.subjects) {
        QJsonObject o {{QStringLiteral("subject"), s.code}};
        if (!s.level.isEmpty())
            o.insert(QStringLiteral("level"), s.level);
        if (!s.score.isEmpty())
            o.insert(QStringLiteral("score"), textToJson(s.score));
        if (s.comment)
            o.insert(QStringLiteral("comment"), *s.comment);
        if (!s.assessment.isEmpty())
            o.insert(QStringLiteral("assessment"), s.assessment);
        if (!s.languageName.isEmpty())
            o.insert(QStringLiteral("languageName"), s.languageName);
        if (s.periodsPerYear)
            o.insert(QStringLiteral("periodsPerYear"), *s.periodsPerYear);
        if (!primary || s.hk1 != SemesterEntries {} || s.hk2 != SemesterEntries {}) {
            o.insert(kHk1, semesterToJson(s.hk1));
            o.insert(kHk2, semesterToJson(s.hk2));
        }
        subjects.append(o);
    }
    root.insert(QStringLiteral("subjects"), subjects);
    if (primary) {
        root.insert(QStringLiteral("qualities"), mapToJson(in.qualities));
        root.insert(QStringLiteral("competencies"), mapToJson(in.competencies));
        root.insert(QStringLiteral("recognizedByClass"), in.recognizedByClass);
    } else {
        root.insert(QStringLiteral("conduct"),
                    QJsonObject {{kHk1, textToJson(in.conductHk1)}, {kHk2, textToJson(in.conductHk2)}});
        root.insert(QStringLiteral("absences"), textToJson(in.absences));
        root.insert(QStringLiteral("summerConduct"), textToJson(in.summerConduct));
        root.insert(QStringLiteral("retests"), mapToJson(in.retests));
    }
    if (in.comment)
        root.insert(QStringLiteral("comment"), *in.comment);
    // Issue 13's fields only when given, so older inputs keep their JSON.
    if (!in.qualityComments.isEmpty())
        root.insert(QStringLiteral("qualityComments"), mapToJson(in.qualityComments));
    if (!in.competencyComments.isEmpty())
        root.insert(QStringLiteral("competencyComments"), mapToJson(in.competencyComments));
    for (const auto& [key, value] :
         {std::pair {QStringLiteral("heightCm"), &in.heightCm}, std::pair {QStringLiteral("weightKg"), &in.weightKg},
          std::pair {QStringLiteral("absencesExcused"), &in.absencesExcused},
          std::pair {QStringLiteral("absencesUnexcused"), &in.absencesUnexcused}})
        if (!value->isEmpty())
            root.insert(key, textToJson(*value));
    if (!in.certificates.isEmpty())
        root.insert(QStringLiteral("certificates"), QJsonArray::fromStringList(in.certificates));
    if (!in.competitions.isEmpty())
        root.insert(QStringLiteral("competitions"), QJsonArray::fromStringList(in.competitions));
    return root;
}

LintContext lintContextFromJson(const QJsonObject& json)
{
    LintContext context;
    for (const QJsonValue& v : json.value(QStringLiteral("classmates")).toArray())
        if (v.isString())
            context.classmates.append(v.toString());
    return context;
}

} // namespace hocba::rules
