// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QTimer>

namespace Colleagues::Test {

class ServerProcess;

/*!
 * Crashes a ServerProcess at seeded random moments of a run and starts it again: the fault
 * tests' schedule of SIGKILLs. The test reports each acknowledged request with acknowledged();
 * after a seeded random number of them, and a random delay so that the kill lands in the middle
 * of requests, commits and answers, the server is killed, stays down for a random while (so
 * clients meet refused connections, not only broken ones) and is restarted on the same data,
 * on its port if that is free. The same seed and the same acknowledgements give the same kill
 * points.
 */
class KillSchedule : public QObject
{
    Q_OBJECT

public:
    struct Plan
    {
        int kills = 0; //!< how many kills
        int window = 0; //!< the kill points are drawn from acknowledgements [0, window)
        int maxDelayMs = 40; //!< from the acknowledgement to the kill, drawn up to this
        int maxDowntimeMs = 250; //!< from the kill to the restart, drawn up to this
    };

    KillSchedule(ServerProcess &server, quint32 seed, const Plan &plan, QObject *parent = nullptr);

    //! One more request was acknowledged; arms the next kill when its point is reached.
    void acknowledged();

    int acknowledgements() const { return m_acknowledged; }
    int killsDone() const { return m_killsDone; }
    int killsPlanned() const { return int(m_killAt.size()); }
    //! No kill or restart is pending (the server runs, unless a restart failed).
    bool isIdle() const { return !m_killer.isActive() && !m_restarter.isActive(); }
    //! Why a restart failed; empty while all went well.
    QString error() const { return m_error; }

Q_SIGNALS:
    //! Right after a SIGKILL (e.g. to drop a proxy's connections as well).
    void killed();
    //! After a restart, which may have moved the server to another port.
    void restarted();

private:
    ServerProcess &m_server;
    QRandomGenerator m_random;
    Plan m_plan;
    QList<int> m_killAt;
    QTimer m_killer;
    QTimer m_restarter;
    int m_acknowledged = 0;
    int m_killsDone = 0;
    bool m_killPending = false;
    QString m_error;
};

} // namespace Colleagues::Test
