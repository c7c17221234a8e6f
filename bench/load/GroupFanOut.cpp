// SPDX-License-Identifier: MIT
// The group conversation of colleagues-load (--group-size): one conversation among the connected
// clients, to which random members write during the run; each message's arrival is timed on
// every other member's long-poll (the fan-out cost of issue 17).

#include "bench/load/Figures.h"
#include "bench/load/LoadRun_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace Colleagues::Load {

bool LoadRun::createGroup()
{
    std::vector<int> polling;
    for (size_t i = 0; i < m_people.size(); ++i) {
        if (m_people[i].polling)
            polling.push_back(int(i));
    }
    const int size = std::min(m_options.groupSize, int(polling.size()));
    if (size < 2)
        return false;
    // A random choice of the connected clients (the first steps of a Fisher-Yates shuffle).
    for (int k = 0; k < size; ++k)
        std::swap(polling[size_t(k)], polling[size_t(k) + m_random.bounded(quint32(polling.size() - size_t(k)))]);
    m_groupMembers.assign(polling.begin(), polling.begin() + size);
    const Person &creator = m_people[size_t(m_groupMembers.front())];
    QJsonArray others;
    for (size_t k = 1; k < m_groupMembers.size(); ++k)
        others.append(QString::fromUtf8(m_people[size_t(m_groupMembers[k])].user));
    const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("id"), QString::fromLatin1(id)},
                                                       {QStringLiteral("kind"), QStringLiteral("group")},
                                                       {QStringLiteral("title"), QStringLiteral("Load test group")},
                                                       {QStringLiteral("members"), others}})
                                .toJson(QJsonDocument::Compact);
    const double start = nowMs();
    bool answered = false;
    bool created = false;
    m_pools[size_t(creator.server)]->submit(httpRequest("POST", "/api/v1/conversations",
                                                        m_options.servers.at(size_t(creator.server)).host,
                                                        creator.token, body),
                                            30000, [&](const HttpAnswer &answer) {
                                                answered = true;
                                                created = answer.status == 201;
                                                if (!created)
                                                    countError("group creation", answer);
                                            });
    m_loop.runUntil([&] { return answered; });
    m_groupCreateMs = nowMs() - start;
    if (created)
        m_groupId = id;
    return created;
}

void LoadRun::sendToGroup()
{
    // A member who is at the client writes.
    std::vector<int> present;
    for (int i : m_groupMembers) {
        if (m_people[size_t(i)].polling && !m_people[size_t(i)].idle)
            present.push_back(i);
    }
    if (present.empty())
        return;
    const int from = present[m_random.bounded(quint32(present.size()))];
    const QByteArray key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    GroupSent &sent = m_groupMessages[key];
    sent.startMs = nowMs();
    sent.sender = from;
    for (int i : m_groupMembers)
        sent.expected += i != from && m_people[size_t(i)].polling ? 1 : 0;
    const QByteArray body =
        QJsonDocument(QJsonObject {{QStringLiteral("conversation"), QString::fromLatin1(m_groupId)},
                                   {QStringLiteral("body"), QStringLiteral("group load ") + QString::fromLatin1(key)}})
            .toJson(QJsonDocument::Compact);
    submitSend(from, key, body, 1, [this, key](bool acked, double ackMs) {
        GroupSent &g = m_groupMessages[key];
        if (acked)
            m_groupSendLatency.push_back(ackMs);
        else
            ++m_groupSendsGivenUp;
        g.acked = acked;
        g.settled = true;
    });
}

void LoadRun::onGroupMessageSeen(int member, const QByteArray &clientId, double atMs)
{
    const auto it = m_groupMessages.find(clientId);
    if (it == m_groupMessages.end() || member == it->sender)
        return;
    if (it->seenBy.contains(member)) {
        ++m_groupDuplicates;
        return;
    }
    it->seenBy.insert(member);
    m_groupMemberLatency.push_back(atMs - it->startMs);
    if (int(it->seenBy.size()) == it->expected)
        m_groupAllLatency.push_back(atMs - it->startMs);
}

bool LoadRun::groupDrained() const
{
    return std::all_of(m_groupMessages.cbegin(), m_groupMessages.cend(), [](const GroupSent &g) {
        return g.settled && (!g.acked || int(g.seenBy.size()) >= g.expected);
    });
}

int LoadRun::reportGroup()
{
    int acked = 0;
    int incomplete = 0;
    for (const GroupSent &g : std::as_const(m_groupMessages)) {
        acked += g.acked;
        incomplete += g.acked && int(g.seenBy.size()) < g.expected;
    }
    const double runSeconds = std::max(1, m_options.durationSeconds);
    say("group conversation: " + QByteArray::number(qulonglong(m_groupMembers.size()))
        + " members among the connected clients, created in " + QByteArray::number(m_groupCreateMs, 'f', 1)
        + " ms; messages " + QByteArray::number(m_groupMessages.size()) + " sent ("
        + QByteArray::number(double(m_groupMessages.size()) / runSeconds, 'f', 1) + "/s), " + QByteArray::number(acked)
        + " acknowledged, " + QByteArray::number(incomplete) + " not delivered to every member when the drain ended, "
        + QByteArray::number(m_groupSendsGivenUp) + " given up, " + QByteArray::number(m_groupDuplicates)
        + " delivered twice");
    say("group send latency ms (POST /messages): " + latencyLine(m_groupSendLatency));
    say("group delivery ms to each member (send -> the member's long-poll): " + latencyLine(m_groupMemberLatency));
    say("group delivery ms to all members (send -> the last member's long-poll): " + latencyLine(m_groupAllLatency));
    return incomplete + m_groupDuplicates;
}

} // namespace Colleagues::Load
