// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncludeRules.h"

#include <QTest>

using namespace hocba;
using namespace hocba::test;

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("HOCBA_SOURCE_DIR");
}

QString fixtureDir()
{
    return sourceDir() + QStringLiteral("/tests/data/include-rules");
}

IncludeRules fixtureRules()
{
    auto rules = IncludeRules::fromReadme(fixtureDir() + QStringLiteral("/README.md"));
    if (!rules)
        qFatal("%s", qPrintable(describe(rules.error())));
    return *rules;
}

IncludeReport checkFixture(const QString& tree)
{
    return fixtureRules().check(fixtureDir() + u'/' + tree, {QStringLiteral("core"), QStringLiteral("ui")});
}

QStringList printed(const IncludeReport& report)
{
    QStringList lines;
    for (const IncludeViolation& violation : report.violations)
        lines.append(violation.toString());
    return lines;
}

} // namespace

/** The checker on small fixture trees (tests/data/include-rules): each rule fails where it should. */
class TestIncludeRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesTheFixtureTable()
    {
        const IncludeRules rules = fixtureRules();
        QCOMPARE(rules.modules().size(), 5);
        const ModuleRule* packet = rules.module(QStringLiteral("packet"));
        QVERIFY(packet != nullptr);
        QCOMPARE(packet->folder, QStringLiteral("core/packet"));
        QCOMPARE(packet->mayInclude, (QStringList {QStringLiteral("domain"), QStringLiteral("util")}));
        QVERIFY(rules.module(QStringLiteral("util"))->mayInclude.isEmpty());
    }

    void refusesATableThatNamesAnUnknownModule()
    {
        QTemporaryDir dir;
        QFile readme(dir.filePath(QStringLiteral("README.md")));
        QVERIFY(readme.open(QIODevice::WriteOnly));
        readme.write("| module | folder | may include |\n|---|---|---|\n| util | core/util | – |\n"
                     "| domain | core/domain | util, signing |\n");
        readme.close();
        const auto rules = IncludeRules::fromReadme(readme.fileName());
        QVERIFY(!rules);
        QVERIFY2(rules.error().message.contains(QStringLiteral("'signing'")), qPrintable(rules.error().message));
        QVERIFY(!IncludeRules::fromReadme(dir.filePath(QStringLiteral("missing.md"))));
    }

    void cleanTreePasses()
    {
        const IncludeReport report = checkFixture(QStringLiteral("clean"));
        QVERIFY2(report.violations.isEmpty(), qPrintable(printed(report).join(u'\n')));
        QCOMPARE(report.filesChecked, 7);
        QCOMPARE(report.includesChecked, 10);
    }

    void packetIncludingStoreFailsWithFileAndLine()
    {
        QCOMPARE(printed(checkFixture(QStringLiteral("forbidden"))),
                 QStringList {QStringLiteral("core/packet/Builder.cpp:3: module 'packet' may not include "
                                             "'store/Database.h' (allowed: domain, util)")});
    }

    void uiIncludingStoreFails()
    {
        const QString message = QStringLiteral("module 'ui' may not include '%1' (allowed: packet, domain, util)");
        QCOMPARE(
            printed(checkFixture(QStringLiteral("ui-store"))),
            (QStringList {QStringLiteral("ui/Window.h:2: ") + message.arg(QStringLiteral("../core/store/Database.h")),
                          QStringLiteral("ui/Window.h:3: ") + message.arg(QStringLiteral("store/Database.h"))}));
    }

    void fileInUnknownFolderFails()
    {
        QCOMPARE(printed(checkFixture(QStringLiteral("unknown-folder"))),
                 QStringList {QStringLiteral(
                     "core/signing/Signer.h: folder 'core/signing' belongs to no module of the table (add a row)")});
    }

    void includeOfUnknownPrefixFails()
    {
        QCOMPARE(printed(checkFixture(QStringLiteral("unknown-prefix"))),
                 QStringList {QStringLiteral("core/domain/Person.cpp:2: include 'signing/Signer.h' names no module "
                                             "of the table (add a row)")});
    }

    void commentedOutIncludesAreIgnored()
    {
        const IncludeReport report = checkFixture(QStringLiteral("comments"));
        QCOMPARE(printed(report),
                 QStringList {QStringLiteral("core/packet/Reader.cpp:9: module 'packet' may not "
                                             "include 'store/Schools.h' (allowed: domain, util)")});
        QCOMPARE(report.includesChecked, 3);
    }

    /** core/README.md holds the layering of COMMON.md; ui must never reach the store or the token. */
    void realTableParses()
    {
        const auto rules = IncludeRules::fromReadme(sourceDir() + QStringLiteral("/core/README.md"));
        QVERIFY2(rules, rules ? "" : qPrintable(describe(rules.error())));
        QStringList names;
        for (const ModuleRule& rule : rules->modules())
            names.append(rule.name);
        QCOMPARE(names,
                 (QStringList {"util", "sheets", "domain", "rules", "store", "packet", "render", "verify", "token",
                               "dept", "lifecycle", "demo", "ui", "server", "cli", "desktop"}));
        const ModuleRule* ui = rules->module(QStringLiteral("ui"));
        QVERIFY(!ui->mayInclude.contains(QStringLiteral("store")));
        QVERIFY(!ui->mayInclude.contains(QStringLiteral("token")));
        QVERIFY(!rules->module(QStringLiteral("verify"))->mayInclude.contains(QStringLiteral("token")));
        QCOMPARE(rules->module(QStringLiteral("cli"))->folder, QStringLiteral("app/cli"));
        // The Department's server never sees the school file or a token.
        for (const char* module : {"dept", "server"}) {
            QVERIFY(!rules->module(QLatin1String(module))->mayInclude.contains(QStringLiteral("store")));
            QVERIFY(!rules->module(QLatin1String(module))->mayInclude.contains(QStringLiteral("token")));
            QVERIFY(!rules->module(QLatin1String(module))->mayInclude.contains(QStringLiteral("lifecycle")));
        }
    }
};

/**
 * The real tree (core/, ui/, app/) against core/README.md. It is its own CTest entry (IncludeRulesRealTree) so
 * that it can fail while the split of issue 10 is under way without hiding the fixture tests above.
 */
class TestIncludeRulesRealTree : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void realTreeFollowsTheTable()
    {
        const auto rules = IncludeRules::fromReadme(sourceDir() + QStringLiteral("/core/README.md"));
        QVERIFY2(rules, rules ? "" : qPrintable(describe(rules.error())));
        const IncludeReport report
            = rules->check(sourceDir(), {QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app")});
        QVERIFY2(report.filesChecked > 100, "the walk found too few source files; is HOCBA_SOURCE_DIR right?");
        for (const IncludeViolation& violation : report.violations)
            qInfo().noquote() << violation.toString();
        const QString summary = QStringLiteral("%1 of %2 includes in %3 files break core/README.md (listed above)")
                                    .arg(report.violations.size())
                                    .arg(report.includesChecked)
                                    .arg(report.filesChecked);
        QVERIFY2(report.violations.isEmpty(), qPrintable(summary));
    }
};

/** "--real-tree" as the first argument selects the real-tree check; the other arguments go to Qt Test. */
int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments();
    if (arguments.size() > 1 && arguments[1] == u"--real-tree") {
        arguments.removeAt(1);
        TestIncludeRulesRealTree test;
        return QTest::qExec(&test, arguments);
    }
    TestIncludeRules test;
    return QTest::qExec(&test, arguments);
}

#include "TestIncludeRules.moc"
