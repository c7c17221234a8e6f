// SPDX-License-Identifier: MIT
#include "tests/support/KillSchedule.h"

#include "tests/support/ServerProcess.h"

#include <algorithm>

namespace Colleagues::Test {

KillSchedule::KillSchedule(ServerProcess &server, quint32 seed, const Plan &plan, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_random(seed)
    , m_plan(plan)
{
    for (int k = 0; k < plan.kills && plan.window > 0; ++k)
        m_killAt.append(int(m_random.bounded(plan.window)));
    std::sort(m_killAt.begin(), m_killAt.end());

    m_killer.setSingleShot(true);
    m_restarter.setSingleShot(true);
    connect(&m_killer, &QTimer::timeout, this, [this] {
        m_server.kill();
        ++m_killsDone;
        Q_EMIT killed();
        m_restarter.start(int(m_random.bounded(m_plan.maxDowntimeMs + 1)));
    });
    connect(&m_restarter, &QTimer::timeout, this, [this] {
        m_killPending = false;
        if (!m_server.restart() && m_error.isEmpty())
            m_error = m_server.errorString();
        Q_EMIT restarted();
    });
}

void KillSchedule::acknowledged()
{
    ++m_acknowledged;
    if (m_killPending || m_killsDone >= m_killAt.size() || m_acknowledged < m_killAt.at(m_killsDone))
        return;
    m_killPending = true;
    m_killer.start(int(m_random.bounded(m_plan.maxDelayMs + 1)));
}

} // namespace Colleagues::Test
