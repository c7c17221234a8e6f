// SPDX-License-Identifier: MIT
#pragma once

#include "tests/support/ServerProcess.h"

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Colleagues::Test {

/*!
 * Base of a test whose functions share one colleagues-server on a data folder of its own: set
 * up (setUpServer()) and started before the first function, stopped after the last. m_dir is a
 * temporary folder for the test's own files (clients' data, logs).
 */
class SharedServerTest : public QObject
{
    Q_OBJECT

protected:
    //! The server gets \a demoPeople people from seed-demo (none when 0) and starts with
    //! \a serverOptions.
    explicit SharedServerTest(int demoPeople, QStringList serverOptions = {});
    //! Before the server starts: seed-demo with the constructor's number of people.
    virtual void setUpServer(ServerProcess &server);

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

private:
    int m_demoPeople;
    QStringList m_serverOptions;
};

} // namespace Colleagues::Test
