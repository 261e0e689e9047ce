// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace hocba;

namespace {

struct Run
{
    int code = 0;
    QByteArray out;
    QString err;
};

Run runCli(const QStringList& args, const QByteArray& stdinData = {})
{
    QBuffer in, out, err;
    in.setData(stdinData);
    in.open(QIODevice::ReadOnly);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    Run r;
    {
        cli::Console console(&in, &out, &err);
        r.code = cli::runCli(args, console);
    }
    r.out = out.data();
    r.err = QString::fromUtf8(err.data());
    return r;
}

QString casesDir()
{
    return qEnvironmentVariable("HOCBA_SOURCE_DIR") + QStringLiteral("/tests/data/evaluate");
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/** Every key of `expected` must be in `actual` with an equal value (objects compared the same way). */
bool containsSubset(const QJsonValue& actual, const QJsonValue& expected, const QString& path, QString& why)
{
    if (expected.isObject()) {
        if (!actual.isObject()) {
            why = path + QStringLiteral(": not an object");
            return false;
        }
        const QJsonObject a = actual.toObject();
        const QJsonObject e = expected.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key())) {
                why = path + QLatin1Char('.') + it.key() + QStringLiteral(": missing");
                return false;
            }
            if (!containsSubset(a.value(it.key()), it.value(), path + QLatin1Char('.') + it.key(), why))
                return false;
        }
        return true;
    }
    if (actual != expected) {
        why = path + QStringLiteral(": expected ")
            + QString::fromUtf8(QJsonDocument(QJsonArray {expected}).toJson(QJsonDocument::Compact))
            + QStringLiteral(", got ")
            + QString::fromUtf8(QJsonDocument(QJsonArray {actual}).toJson(QJsonDocument::Compact));
        return false;
    }
    return true;
}

} // namespace

class TestEvaluateCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void workedExamples_data()
    {
        QTest::addColumn<QString>("input");
        const QStringList files = QDir(casesDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        int count = 0;
        for (const QString& f : files) {
            if (f.endsWith(QLatin1String(".expected.json")))
                continue;
            QTest::newRow(qPrintable(f)) << casesDir() + QLatin1Char('/') + f;
            ++count;
        }
        QVERIFY2(count >= 30, "tests/data/evaluate must hold the worked examples");
    }
    void workedExamples()
    {
        QFETCH(QString, input);
        QString expectedPath = input;
        expectedPath.replace(QLatin1String(".json"), QLatin1String(".expected.json"));
        QJsonObject expected = readJson(expectedPath);
        QVERIFY(!expected.isEmpty());
        const int expectedCode = expected.take(QStringLiteral("exitCode")).toInt();

        const Run r = runCli({QStringLiteral("evaluate"), input});
        QCOMPARE(r.code, expectedCode);
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        QVERIFY2(doc.isObject(), r.out.constData());
        QString why;
        QVERIFY2(containsSubset(doc.object(), expected, QStringLiteral("$"), why), qPrintable(why));
        if (expectedCode == 0)
            QVERIFY(!doc.object().value(QStringLiteral("rulesApplied")).toArray().isEmpty());
    }

    void readsStdinAndWritesExactDecimals()
    {
        QFile f(casesDir() + QStringLiteral("/thcs_issue_example_complete.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        for (const QStringList& args : {QStringList {QStringLiteral("evaluate")},
                                        QStringList {QStringLiteral("evaluate"), QStringLiteral("-")}}) {
            const Run r = runCli(args, data);
            QCOMPARE(r.code, 0);
            const QByteArray compact = QJsonDocument::fromJson(r.out).toJson(QJsonDocument::Compact);
            QVERIFY2(compact.contains(R"("toan":{"hk1":7.9,"hk2":8.2,"year":8.1})"), compact.constData());
            QVERIFY(r.out.contains("\"ruleSet\": \"TT22/2021@v1\""));
        }
    }

    void unsupportedYearIsRefusedWithMessage()
    {
        const Run r
            = runCli({QStringLiteral("evaluate"), casesDir() + QStringLiteral("/refused_tt27_grade5_2023.json")});
        QCOMPARE(r.code, int(ExitFailed));
        const QJsonArray findings = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("findings")).toArray();
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].toObject().value(QStringLiteral("code")).toString(), QStringLiteral("rules.unsupported"));
        QVERIFY(
            findings[0].toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("2024-2025")));
    }

    void invalidJsonIsInvalidInput()
    {
        Run r = runCli({QStringLiteral("evaluate"), QStringLiteral("-")}, "{not json");
        QCOMPARE(r.code, int(ExitFailed));
        QVERIFY(r.out.contains("input.json"));
        r = runCli({QStringLiteral("evaluate")}, R"({"circular": "TT22", "schoolYear": "2024-2025", "grade": 7,
                                                      "subjects": {}})");
        QCOMPARE(r.code, int(ExitFailed));
        QVERIFY(r.out.contains("\"field\": \"subjects\""));
    }

    void usageErrors()
    {
        QCOMPARE(runCli({QStringLiteral("evaluate"), QStringLiteral("a.json"), QStringLiteral("b.json")}).code,
                 int(ExitUsage));
        QCOMPARE(runCli({QStringLiteral("evaluate"), QStringLiteral("--frobnicate")}).code, int(ExitUsage));
        QCOMPARE(runCli({QStringLiteral("evaluate"), QStringLiteral("/nonexistent/x.json")}).code, int(ExitUsage));
        const Run help = runCli({QStringLiteral("evaluate"), QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
    }
};

QTEST_GUILESS_MAIN(TestEvaluateCli)
#include "TestEvaluateCli.moc"
