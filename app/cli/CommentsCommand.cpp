// SPDX-License-Identifier: GPL-3.0-or-later
// The school's comment bank (docs/comment-bank.md): "comments list|add|remove|seed|style|check".
#include "Commands.h"

#include "lifecycle/CommentBank.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class CommentsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::CommentsCommand)
public:
    QString name() const override { return QStringLiteral("comments"); }
    QString summary() const override
    {
        return tr("The school's comment bank: \"comments list\" (with filters), \"comments add\", \"comments remove\", "
                  "\"comments seed\" (the default phrases), \"comments style\" (the house style), \"comments "
                  "check\" (a text against the house style) and \"comments identical\" (pupils of a class sharing "
                  "one comment).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption code(QStringLiteral("code"), tr("The entry's code, e.g. T01."), tr("CODE"));
        const QCommandLineOption text(QStringLiteral("text"), tr("The comment's text."), tr("TEXT"));
        const QCommandLineOption subject(
            QStringLiteral("subject"),
            tr("A subject code (toan, ngu_van, …), q.<quality> or c.<competency>, q or c for any of them, homeroom "
               "for the homeroom teacher's comment; without it, any."),
            tr("CODE"));
        const QCommandLineOption level(QStringLiteral("level"), tr("primary or thcs; without it, both."), tr("LEVEL"));
        const QCommandLineOption grade(QStringLiteral("grade"), tr("A grade from 1 to 9; without it, any."), tr("N"));
        const QCommandLineOption term(QStringLiteral("term"),
                                      tr("gk1, ck1, gk2, cn (primary) or hk1, hk2, cn (THCS); without it, any."),
                                      tr("TERM"));
        const QCommandLineOption band(
            QStringLiteral("band"),
            tr("The level the comment suits: T, H, C, Đ, CĐ, Tốt, Khá, Đạt, Chưa đạt; without it, any."), tr("LEVEL"));
        const QCommandLineOption search(QStringLiteral("search"), tr("Words the code or text contains (list)."),
                                        tr("WORDS"));
        const QCommandLineOption em(
            QStringLiteral("em"), tr("Whether comments start with \"Em\": free, always or never (style)."), tr("RULE"));
        const QCommandLineOption banned(QStringLiteral("banned"),
                                        tr("The banned words, separated by commas; an empty value clears them "
                                           "(style)."),
                                        tr("WORDS"));
        const QCommandLineOption maxLength(QStringLiteral("max-length"),
                                           tr("The soft maximum length of a comment, 20 to 500 characters (style)."),
                                           tr("N"));
        QCommandLineParser parser;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), code, text, subject, level, grade, term, band, search,
                                                     em, banned, maxLength, yearOption(), classOption(), actorOption(),
                                                     jsonOption()}
                              + userOptions(),
                          args, console, QStringLiteral("list|add|remove|seed|style|check|identical"));
            c >= 0)
            return c;
        const QStringList words = parser.positionalArguments();
        const QString action = words.value(0);
        static const QStringList actions {QStringLiteral("list"),     QStringLiteral("add"),   QStringLiteral("remove"),
                                          QStringLiteral("seed"),     QStringLiteral("style"), QStringLiteral("check"),
                                          QStringLiteral("identical")};
        if (words.size() != 1 || !actions.contains(action))
            return console.fail({ErrorCode::Usage,
                                 tr("Say \"comments list\", \"comments add\", \"comments remove\", \"comments seed\", "
                                    "\"comments style\", \"comments check\" or \"comments identical\"."),
                                 {}});
        const bool json = parser.isSet(QStringLiteral("json"));
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());

        lifecycle::CommentEntry entry;
        entry.code = parser.value(code).trimmed();
        entry.text = parser.value(text);
        entry.subject = parser.value(subject).trimmed();
        entry.term = parser.value(term).trimmed();
        entry.band = parser.value(band).trimmed();
        if (parser.isSet(level)) {
            entry.level = schoolLevelFromCode(parser.value(level).trimmed());
            if (!entry.level)
                return console.fail({ErrorCode::Usage, tr("--level is primary or thcs."), {}});
        }
        if (parser.isSet(grade)) {
            bool ok = false;
            entry.grade = parser.value(grade).toInt(&ok);
            if (!ok || entry.grade < 1 || entry.grade > 9)
                return console.fail({ErrorCode::Usage, tr("--grade is a number from 1 to 9."), {}});
        }

        if (action == QLatin1String("list")) {
            const lifecycle::CommentFilter filter {entry.subject, entry.level, entry.grade,
                                                   entry.term,    entry.band,  parser.value(search)};
            return list(**db, filter, json, console);
        }
        if (action == QLatin1String("check"))
            return check(**db, parser.value(text), json, console);
        if (action == QLatin1String("identical")) {
            const QString cls = parser.value(QStringLiteral("class")).trimmed();
            if (cls.isEmpty())
                return console.fail({ErrorCode::Usage, tr("--class NAME is required."), {}});
            auto year = chosenYear(parser, **db);
            if (!year)
                return console.fail(year.error());
            return identical(**db, *year, cls, json, console);
        }
        if (action == QLatin1String("style") && !parser.isSet(em) && !parser.isSet(banned) && !parser.isSet(maxLength))
            return showStyle(**db, json, console);

        auto actor = changingUser(parser, **db);
        if (!actor)
            return console.fail(actor.error());
        if (action == QLatin1String("add")) {
            if (!parser.isSet(code) || !parser.isSet(text))
                return console.fail({ErrorCode::Usage, tr("--code CODE and --text TEXT are required."), {}});
            auto id = lifecycle::addComment(**db, *actor, entry);
            if (!id)
                return console.fail(id.error());
            console.out << tr("Added %1 to the comment bank.").arg(entry.code) << '\n';
        } else if (action == QLatin1String("remove")) {
            if (!parser.isSet(code))
                return console.fail({ErrorCode::Usage, tr("--code CODE is required."), {}});
            auto id = lifecycle::commentIdByCode(**db, entry.code);
            if (!id)
                return console.fail(id.error());
            if (auto s = lifecycle::removeComment(**db, *actor, *id); !s)
                return console.fail(s.error());
            console.out << tr("Removed %1 from the comment bank.").arg(entry.code) << '\n';
        } else if (action == QLatin1String("seed")) {
            auto added = lifecycle::seedDefaultBank(**db, *actor);
            if (!added)
                return console.fail(added.error());
            console.out << tr("Added %1 phrases of the default bank (codes already in the bank are kept as they are).")
                               .arg(*added)
                        << '\n';
        } else {
            auto style = lifecycle::houseStyle(**db);
            if (!style)
                return console.fail(style.error());
            if (parser.isSet(em)) {
                const auto rule = lifecycle::leadingEmFromCode(parser.value(em).trimmed());
                if (!rule)
                    return console.fail({ErrorCode::Usage, tr("--em is free, always or never."), {}});
                style->leadingEm = *rule;
            }
            if (parser.isSet(banned))
                style->bannedWords = parser.value(banned).split(u',', Qt::SkipEmptyParts);
            if (parser.isSet(maxLength)) {
                bool ok = false;
                style->maxLength = parser.value(maxLength).toInt(&ok);
                if (!ok)
                    return console.fail({ErrorCode::Usage, tr("--max-length is a number of characters."), {}});
            }
            if (auto s = lifecycle::setHouseStyle(**db, *actor, *style); !s)
                return console.fail(s.error());
            return showStyle(**db, json, console);
        }
        console.out.flush();
        return ExitOk;
    }

private:
    static QString levelText(const std::optional<SchoolLevel>& level) { return level ? toCode(*level) : QString(); }

    static int list(store::Database& db, const lifecycle::CommentFilter& filter, bool json, Console& console)
    {
        auto rows = lifecycle::suggestComments(db, filter, -1);
        if (!rows)
            return console.fail(rows.error());
        QJsonArray out;
        for (const auto& s : *rows) {
            const auto& e = s.entry;
            if (json) {
                out.append(QJsonObject {{QStringLiteral("code"), e.code},
                                        {QStringLiteral("text"), e.text},
                                        {QStringLiteral("styled"), s.text},
                                        {QStringLiteral("subject"), e.subject},
                                        {QStringLiteral("level"), levelText(e.level)},
                                        {QStringLiteral("grade"), e.grade},
                                        {QStringLiteral("term"), e.term},
                                        {QStringLiteral("band"), e.band}});
                continue;
            }
            const QString any = tr("any");
            console.out << e.code << '\t' << (e.subject.isEmpty() ? any : e.subject) << '\t'
                        << (e.level ? toCode(*e.level) : any) << '\t' << (e.grade > 0 ? QString::number(e.grade) : any)
                        << '\t' << (e.term.isEmpty() ? any : e.term) << '\t' << (e.band.isEmpty() ? any : e.band)
                        << '\t' << s.text << '\n';
        }
        if (json)
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("comments"), out}}));
        else if (rows->isEmpty())
            console.out << tr("No comment in the bank suits this (\"comments seed\" adds the default phrases).")
                        << '\n';
        console.out.flush();
        return ExitOk;
    }

    static int showStyle(store::Database& db, bool json, Console& console)
    {
        auto style = lifecycle::houseStyle(db);
        if (!style)
            return console.fail(style.error());
        if (json) {
            console.printJson(
                QJsonDocument(QJsonObject {{QStringLiteral("em"), lifecycle::toCode(style->leadingEm)},
                                           {QStringLiteral("banned"), QJsonArray::fromStringList(style->bannedWords)},
                                           {QStringLiteral("max_length"), style->maxLength}}));
            return ExitOk;
        }
        QString rule;
        switch (style->leadingEm) {
        case lifecycle::LeadingEm::Free:
            rule = tr("as written");
            break;
        case lifecycle::LeadingEm::Always:
            rule = tr("always");
            break;
        case lifecycle::LeadingEm::Never:
            rule = tr("never");
            break;
        }
        console.out << tr("Comments start with \"Em\": %1").arg(rule) << '\n'
                    << tr("Banned words: %1")
                           .arg(style->bannedWords.isEmpty() ? tr("none")
                                                             : style->bannedWords.join(QStringLiteral(", ")))
                    << '\n'
                    << tr("Longest comment: %1 characters").arg(style->maxLength) << '\n';
        console.out.flush();
        return ExitOk;
    }

    static int identical(store::Database& db, SchoolYear year, const QString& className, bool json, Console& console)
    {
        auto found = lifecycle::identicalCommentsInClass(db, year, className);
        if (!found)
            return console.fail(found.error());
        QJsonArray out;
        for (const auto& column : *found) {
            for (const auto& g : column.groups) {
                if (json) {
                    QJsonArray sections;
                    for (int row : g.rows)
                        sections.append(column.sections.at(row));
                    out.append(QJsonObject {{QStringLiteral("subject"), column.subject},
                                            {QStringLiteral("term"), column.term},
                                            {QStringLiteral("comments"), column.comments},
                                            {QStringLiteral("pupils"), int(g.rows.size())},
                                            {QStringLiteral("sections"), sections},
                                            {QStringLiteral("text"), g.text}});
                    continue;
                }
                const QString where = column.subject.isEmpty() ? tr("homeroom") : column.subject;
                console.out << tr("%1, %2: %3 of %4 pupils: \"%5\"")
                                   .arg(where, column.term)
                                   .arg(g.rows.size())
                                   .arg(column.comments)
                                   .arg(g.text)
                            << '\n';
            }
        }
        if (json)
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("class"), className},
                                                         {QStringLiteral("year"), year.toString()},
                                                         {QStringLiteral("identical"), out}}));
        else if (found->isEmpty())
            console.out
                << tr("No %1 pupils of %2 share one comment.").arg(lifecycle::kIdenticalCommentsWarnAt).arg(className)
                << '\n';
        console.out.flush();
        return ExitOk;
    }

    static int check(store::Database& db, const QString& text, bool json, Console& console)
    {
        auto style = lifecycle::houseStyle(db);
        if (!style)
            return console.fail(style.error());
        const QStringList warnings = lifecycle::styleWarnings(*style, text);
        const QString styled = lifecycle::applyHouseStyle(*style, text);
        if (json) {
            console.printJson(
                QJsonDocument(QJsonObject {{QStringLiteral("styled"), styled},
                                           {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}}));
        } else {
            for (const QString& w : warnings)
                console.out << w << '\n';
            if (styled != text.trimmed())
                console.out << tr("In the house style: %1").arg(styled) << '\n';
            if (warnings.isEmpty())
                console.out << tr("The comment follows the school's house style.") << '\n';
        }
        console.out.flush();
        return warnings.isEmpty() ? ExitOk : ExitFailed;
    }
};

} // namespace

std::unique_ptr<Command> makeCommentsCommand()
{
    return std::make_unique<CommentsCommand>();
}

} // namespace hocba::cli
