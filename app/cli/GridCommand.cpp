// SPDX-License-Identifier: GPL-3.0-or-later
// grid: the desktop's entry grids from the command line (docs/entry.md): show one as TSV or JSON, paste a TSV block
// into it through the same checked write path (lifecycle::writeCells), or show a cell's history.
#include "Commands.h"

#include "lifecycle/EntryGrid.h"
#include "store/SchoolRepository.h"
#include "util/Text.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class GridCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::GridCommand)
public:
    QString name() const override { return QStringLiteral("grid"); }
    QString summary() const override
    {
        return tr(
            "An entry grid of a class (a subject and term, the homeroom columns, or the primary qualities): shown "
            "as TSV or JSON, a TSV block pasted into it with the same checks as the desktop (exit 1 when a cell "
            "is refused), or one cell's history.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption cls(QStringLiteral("class"), tr("The class, e.g. 6A1."), QStringLiteral("NAME"));
        const QCommandLineOption subject(QStringLiteral("subject"), tr("The subject code, e.g. toan."),
                                         QStringLiteral("CODE"));
        const QCommandLineOption homeroom(QStringLiteral("homeroom"), tr("The homeroom teacher's grid."));
        const QCommandLineOption qualities(QStringLiteral("qualities"),
                                           tr("The primary qualities and competencies grid."));
        const QCommandLineOption term(QStringLiteral("term"),
                                      tr("hk1 or hk2 (THCS; the homeroom grid: hk1 or year), gk1, ck1, gk2 or cn "
                                         "(primary)."),
                                      QStringLiteral("TERM"));
        const QCommandLineOption paste(QStringLiteral("paste"),
                                       tr("A TSV file (as copied from Excel) to write into the grid."), tr("FILE"));
        const QCommandLineOption row(QStringLiteral("row"),
                                     tr("The first pupil row (1 = the first pupil) of --paste, "
                                        "or the row of --history."),
                                     QStringLiteral("N"), QStringLiteral("1"));
        const QCommandLineOption column(QStringLiteral("column"),
                                        tr("The first column of --paste (its header, e.g. ĐĐGtx1), or the column of "
                                           "--history."),
                                        QStringLiteral("HEADER"));
        const QCommandLineOption history(QStringLiteral("history"),
                                         tr("Show the history of one cell (--row, --column)."));
        QCommandLineParser parser;
        if (int code = parse(parser,
                             QList<QCommandLineOption> {dbOption(), actorOption(), yearOption(), cls, subject, homeroom,
                                                        qualities, term, paste, row, column, history, jsonOption()}
                                 + userOptions(),
                             args, console);
            code >= 0)
            return code;
        const QString className = parser.value(cls).trimmed();
        const int kinds = int(parser.isSet(subject)) + int(parser.isSet(homeroom)) + int(parser.isSet(qualities));
        if (className.isEmpty() || kinds != 1 || !parser.isSet(term))
            return console.fail(
                {ErrorCode::Usage,
                 tr("Name the class with --class, one of --subject CODE, --homeroom or --qualities, and "
                    "the --term."),
                 {}});
        auto opened = parser.isSet(paste) ? openForChange(parser) : [&]() -> Result<OpenedForChange> {
            auto db = openDb(parser);
            if (!db)
                return std::unexpected(db.error());
            return OpenedForChange {std::move(*db), lifecycle::Actor::unrestricted()};
        }();
        if (!opened)
            return console.fail(opened.error());
        store::Database& db = *opened->db;
        auto year = chosenYear(parser, db);
        if (!year)
            return console.fail(year.error());
        auto group = store::SchoolRepository(db).classByName(*year, className);
        if (!group)
            return console.fail(group.error());
        if (!*group)
            return console.fail({ErrorCode::NotFound,
                                 tr("There is no class %1 in school year %2.").arg(className, year->toString()),
                                 {}});
        lifecycle::GridChoice choice;
        choice.kind = parser.isSet(subject) ? lifecycle::GridKind::Subject
            : parser.isSet(homeroom)        ? lifecycle::GridKind::Homeroom
                                            : lifecycle::GridKind::Qualities;
        choice.subject = parser.value(subject).trimmed();
        choice.term = parser.value(term).trimmed();
        auto grid = lifecycle::loadGrid(db, *year, (*group)->id, choice);
        if (!grid)
            return console.fail(grid.error());

        bool rowOk = false;
        const int firstRow = parser.value(row).toInt(&rowOk) - 1;
        if (!rowOk || firstRow < 0 || firstRow >= grid->rows.size())
            return console.fail(
                {ErrorCode::Usage, tr("--row takes a pupil's row number from 1 to %1.").arg(grid->rows.size()), {}});
        int firstColumn = -1;
        if (parser.isSet(column)) {
            for (int c = 0; c < grid->columns.size(); ++c)
                if (grid->columns[c].header.compare(parser.value(column).trimmed(), Qt::CaseInsensitive) == 0)
                    firstColumn = c;
            if (firstColumn < 0) {
                QStringList headers;
                for (const auto& c : grid->columns)
                    headers << c.header;
                return console.fail({ErrorCode::Usage,
                                     tr("This grid has no column \"%1\"; its columns: %2.")
                                         .arg(parser.value(column), headers.join(QStringLiteral(", "))),
                                     {}});
            }
        }

        if (parser.isSet(history)) {
            if (firstColumn < 0)
                return console.fail({ErrorCode::Usage, tr("Name the cell with --row N and --column HEADER."), {}});
            auto changes = lifecycle::cellHistory(db, grid->slot(firstRow, firstColumn));
            if (!changes)
                return console.fail(changes.error());
            for (const auto& c : *changes)
                console.out << text::shownDateTime(c.at) << '\t' << c.who << '\t'
                            << lifecycle::displayCell(grid->columns[firstColumn], c.oldValue) << " → "
                            << lifecycle::displayCell(grid->columns[firstColumn], c.newValue) << '\n';
            if (changes->isEmpty())
                console.out << tr("No change of this cell is recorded.") << '\n';
            console.out.flush();
            return ExitOk;
        }

        if (parser.isSet(paste)) {
            QFile f(parser.value(paste));
            if (!f.open(QIODevice::ReadOnly))
                return console.fail({ErrorCode::Io, tr("Cannot read the file %1.").arg(parser.value(paste)), {}});
            const QList<QStringList> block = lifecycle::parseClipboardBlock(QString::fromUtf8(f.readAll()));
            if (firstColumn < 0)
                for (int c = 0; c < grid->columns.size() && firstColumn < 0; ++c)
                    if (grid->columns[c].kind != lifecycle::CellKind::Computed)
                        firstColumn = c;
            // Computed columns are skipped, as in the desktop: the block's columns go to the columns one can type in.
            QList<int> targets;
            for (int c = firstColumn; c < grid->columns.size(); ++c)
                if (grid->columns[c].kind != lifecycle::CellKind::Computed)
                    targets << c;
            QList<lifecycle::CellEdit> edits;
            QList<std::pair<int, int>> places; // each edit's grid row and column
            int outside = 0;
            for (int r = 0; r < block.size(); ++r)
                for (int c = 0; c < block[r].size(); ++c) {
                    if (firstRow + r >= grid->rows.size() || c >= targets.size()) {
                        ++outside;
                        continue;
                    }
                    edits.append({grid->slot(firstRow + r, targets[c]), block[r][c]});
                    places.append({firstRow + r, targets[c]});
                }
            auto outcomes = lifecycle::writeCells(db, opened->actor, edits);
            if (!outcomes)
                return console.fail(outcomes.error());
            int saved = 0;
            int refused = 0;
            for (qsizetype i = 0; i < outcomes->size(); ++i) {
                const auto& o = outcomes->at(i);
                if (o.saved) {
                    ++saved;
                    continue;
                }
                ++refused;
                const auto [r, c] = places.at(i);
                console.err << tr("Row %1, column %2: %3").arg(r + 1).arg(grid->columns[c].header, o.message) << '\n';
            }
            console.out << tr("%1 cells written, %2 refused, %3 outside the grid.").arg(saved).arg(refused).arg(outside)
                        << '\n';
            console.out.flush();
            console.err.flush();
            return refused > 0 ? ExitFailed : ExitOk;
        }

        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray columns;
            for (const auto& c : grid->columns)
                columns.append(QJsonObject {{QStringLiteral("header"), c.header},
                                            {QStringLiteral("computed"), c.kind == lifecycle::CellKind::Computed},
                                            {QStringLiteral("locked"), c.isLocked()}});
            QJsonArray rows;
            for (const auto& r : grid->rows) {
                QJsonArray values;
                for (const QString& v : r.values)
                    values.append(v);
                rows.append(QJsonObject {{QStringLiteral("name"), r.student.student.fullName},
                                         {QStringLiteral("sectionId"), r.student.section.id},
                                         {QStringLiteral("editable"), r.editable},
                                         {QStringLiteral("values"), values}});
            }
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("class"), grid->className},
                                                         {QStringLiteral("columns"), columns},
                                                         {QStringLiteral("rows"), rows}}));
            return ExitOk;
        }
        QStringList header {QStringLiteral("STT"), QStringLiteral("Họ và tên")};
        for (const auto& c : grid->columns)
            header << c.header;
        console.out << header.join(u'\t') << '\n';
        for (int r = 0; r < grid->rows.size(); ++r) {
            QStringList cells {QString::number(r + 1), grid->rows[r].student.student.fullName};
            for (int c = 0; c < grid->columns.size(); ++c)
                cells << lifecycle::displayCell(grid->columns[c], grid->rows[r].values.value(c))
                             .replace(u'\t', u' ')
                             .replace(u'\n', u' ');
            console.out << cells.join(u'\t') << '\n';
        }
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeGridCommand()
{
    return std::make_unique<GridCommand>();
}

} // namespace hocba::cli
