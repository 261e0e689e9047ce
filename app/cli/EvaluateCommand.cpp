// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

/** Reads one student-year (docs/evaluate.md) and prints the computed results and findings as JSON. */
class EvaluateCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::EvaluateCommand)

public:
    QString name() const override { return QStringLiteral("evaluate"); }
    QString summary() const override
    {
        return tr("Compute one student-year's results under Circular 27 or 22 and check its data (JSON in, JSON "
                  "out).");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        if (const int code = parse(parser, {}, args, console, tr("[FILE|-]")); code >= 0)
            return code;
        const QStringList positional = parser.positionalArguments();
        if (positional.size() > 1)
            return console.fail(Error {ErrorCode::Usage, tr("Give at most one input file."), {}});
        const QString path = positional.value(0, QStringLiteral("-"));

        QByteArray data;
        if (path == QLatin1String("-")) {
            data = console.in->readAll();
        } else {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return console.fail(
                    Error {ErrorCode::Usage, tr("Cannot read the file %1.").arg(path), file.errorString()});
            data = file.readAll();
        }

        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
        if (!doc.isObject())
            return printInvalid(console, QStringLiteral("input.json"), QString(),
                                tr("The input is not a JSON object: %1").arg(parseError.errorString()));
        const auto input = rules::studentYearFromJson(doc.object());
        if (!input)
            return printInvalid(console, QStringLiteral("input.shape"), input.error().detail, input.error().message);

        const auto output = rules::evaluate(*input, rules::lintContextFromJson(doc.object()));
        if (!output)
            return printInvalid(console, QStringLiteral("rules.unsupported"), QStringLiteral("grade"),
                                output.error().message);
        console.printJson(QJsonDocument(toJson(*output)));
        return hasErrors(output->findings) ? ExitFailed : ExitOk;
    }

private:
    /** Input that cannot be evaluated at all: one error finding, no results, exit 1. */
    static int printInvalid(Console& console, const QString& code, const QString& field, const QString& message)
    {
        const Finding finding {Finding::Severity::Error, code, field, message};
        console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("findings"), QJsonArray {toJson(finding)}}}));
        console.err << tr("Error: %1").arg(message) << '\n';
        console.err.flush();
        return ExitFailed;
    }
};

} // namespace

std::unique_ptr<Command> makeEvaluateCommand()
{
    return std::make_unique<EvaluateCommand>();
}

} // namespace hocba::cli
