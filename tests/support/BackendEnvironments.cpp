// SPDX-License-Identifier: MIT
#include "tests/support/BackendEnvironments.h"

namespace Colleagues::Test {

void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::addRow("sqlite") << u"sqlite"_qs;
    QTest::addRow("postgres") << u"postgres"_qs;
}

void addBackendRows(quint64 sqliteSeed, quint64 postgresSeed)
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<quint64>("seed");
    for (const auto &[backend, seed] :
         {std::pair {u"sqlite"_qs, sqliteSeed}, std::pair {u"postgres"_qs, postgresSeed}}) {
        const quint64 used = testSeed(seed);
        QTest::addRow("%s, seed %llu", qPrintable(backend), static_cast<unsigned long long>(used)) << backend << used;
    }
}

void addSeedRows(std::initializer_list<quint64> seeds)
{
    QTest::addColumn<quint64>("seed");
    const QList<quint64> used =
        qEnvironmentVariableIsSet("COLLEAGUES_TEST_SEED") ? QList<quint64> {testSeed(0)} : QList<quint64>(seeds);
    for (const quint64 seed : used)
        QTest::addRow("seed %llu", static_cast<unsigned long long>(seed)) << seed;
}

quint64 testSeed(quint64 seed)
{
    if (!qEnvironmentVariableIsSet("COLLEAGUES_TEST_SEED"))
        return seed;
    const QString text = qEnvironmentVariable("COLLEAGUES_TEST_SEED");
    bool ok = false;
    const quint64 chosen = text.toULongLong(&ok);
    // A mistyped seed must not quietly run the default ones instead.
    if (!ok)
        qFatal("COLLEAGUES_TEST_SEED must be a whole number (the seed a row names), not \"%s\"", qPrintable(text));
    return chosen;
}

} // namespace Colleagues::Test
