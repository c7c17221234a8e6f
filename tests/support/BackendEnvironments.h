// SPDX-License-Identifier: MIT
#pragma once

#include "tests/support/TestDatabase.h"

#include <QHash>
#include <QString>
#include <QTest>

#include <initializer_list>
#include <map>
#include <memory>
#include <utility>

namespace Colleagues::Test {

//! initTestCase_data() of a test whose every row runs on each server backend: the global
//! column "backend" with the rows "sqlite" and "postgres".
void addBackendRows();
//! The rows of a randomized test that runs on each server backend: the columns "backend" and
//! "seed" (quint64), with \a sqliteSeed and \a postgresSeed. The seed is in each row's name, so a
//! failure says which one to repeat it with: COLLEAGUES_TEST_SEED=N replaces both (testSeed()).
void addBackendRows(quint64 sqliteSeed, quint64 postgresSeed);
//! The column "seed" (quint64) of a randomized test, a row named "seed N" for each of \a seeds; with
//! COLLEAGUES_TEST_SEED=N one row with seed N instead.
void addSeedRows(std::initializer_list<quint64> seeds);
//! COLLEAGUES_TEST_SEED when it is set (to repeat a failure, or to try other seeds), else \a seed;
//! a value that is not a whole number ends the test with a message saying so.
quint64 testSeed(quint64 seed);

//! The environments of a test that runs every row on each backend (addBackendRows()) and shares
//! one environment per backend between its rows, set up by init() for the backend's first row.
//! \a Env holds a std::unique_ptr<TestDatabase> db and whatever else the rows share (a running
//! server, tokens). When a backend's environment cannot be set up, its later rows skip.
template<typename Env>
class BackendEnvironments
{
public:
    //! In init(): makes the row's backend the current one. Returns a new environment, its db
    //! created, for init() to set up and pass to ready(); or nullptr when the backend's
    //! environment is ready already or the row has been skipped or has failed.
    std::unique_ptr<Env> enter()
    {
        QFETCH_GLOBAL(QString, backend);
        m_current = backend;
        if (m_envs.count(backend) > 0)
            return nullptr;
        if (m_unavailable.contains(backend)) {
            QTest::qSkip(qPrintable(m_unavailable.value(backend)), __FILE__, __LINE__);
            return nullptr;
        }
        // Whatever goes wrong from here on is reported once; later rows of this backend skip.
        QString skip;
        m_unavailable.insert(backend,
                             u"the %1 environment could not be set up (see the first failure)"_qs.arg(backend));
        auto env = std::make_unique<Env>();
        env->db = TestDatabase::createOrSkip(backend, &skip);
        if (!env->db) {
            if (!skip.isEmpty())
                m_unavailable.insert(backend, skip);
            return nullptr;
        }
        return env;
    }
    //! In init(): the environment enter() returned, now set up.
    void ready(std::unique_ptr<Env> env)
    {
        m_unavailable.remove(m_current);
        m_envs[m_current] = std::move(env);
    }
    //! The environment of the current row's backend.
    Env &current() { return *m_envs.at(m_current); }
    //! In cleanupTestCase(): every environment set up, handed over to be shut down.
    std::map<QString, std::unique_ptr<Env>> takeAll() { return std::exchange(m_envs, {}); }

private:
    std::map<QString, std::unique_ptr<Env>> m_envs;
    QHash<QString, QString> m_unavailable; // backend -> why its rows skip
    QString m_current;
};

} // namespace Colleagues::Test
