// SPDX-License-Identifier: MIT
#include "tests/support/SharedServerTest.h"

#include <QTest>

namespace Colleagues::Test {

SharedServerTest::SharedServerTest(int demoPeople, QStringList serverOptions)
    : m_demoPeople(demoPeople)
    , m_serverOptions(std::move(serverOptions))
{ }

void SharedServerTest::setUpServer(ServerProcess &server)
{
    if (m_demoPeople > 0)
        QVERIFY2(server.seedDemo(m_demoPeople), qPrintable(server.errorString()));
}

void SharedServerTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_qs));
    setUpServer(*m_server);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(m_server->start(0, m_serverOptions), qPrintable(m_server->errorString()));
}

void SharedServerTest::cleanupTestCase()
{
    m_server.reset();
}

} // namespace Colleagues::Test
