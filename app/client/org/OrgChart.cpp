// SPDX-License-Identifier: MIT
#include "client/org/OrgChart.h"

#include "client/ClientStore.h"
#include "client/Sqlite_p.h"
#include "client/StoreSchema_p.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>

namespace Colleagues {

Q_LOGGING_CATEGORY(lcOrg, "colleagues.org", QtInfoMsg)

namespace {

// Everyone's link to their manager from two covering indexes, without reading the profiles' rows
// (bios and all): each manager named, and who has that username. Names, titles and places are
// read when first shown (details()).
constexpr const char *SelectLinks =
    "SELECT p.local_id, m.local_id, p.manager <> '' FROM profiles p INDEXED BY profiles_by_manager "
    "LEFT JOIN profiles m ON m.username = p.manager";
constexpr const char *SelectLink = "SELECT m.local_id, p.manager <> '' FROM profiles p "
                                   "LEFT JOIN profiles m ON m.username = p.manager WHERE p.local_id = ?1";
// The people whose profile names \a id as their manager (by username).
constexpr const char *SelectNamedReports =
    "SELECT local_id FROM profiles WHERE manager = (SELECT username FROM profiles WHERE local_id = ?1)";
constexpr const char *SelectId = "SELECT local_id FROM profiles WHERE username = ?1";
constexpr const char *SelectDetails = "SELECT username, display_name, title, department, location, time_zone, "
                                      "sort_key, manager FROM profiles WHERE local_id = ?1";

} // namespace

QString OrgProblem::text() const
{
    if (kind == Kind::MissingManager)
        return QStringLiteral("%1 reports to %2, who is not in the directory").arg(usernames.value(0), manager);
    return QStringLiteral("reporting cycle: %1 → %2").arg(usernames.join(QStringLiteral(" → ")), usernames.value(0));
}

OrgChart::OrgChart(ClientStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

OrgChart::~OrgChart() = default;

Sql::Statement &OrgChart::prepared(std::unique_ptr<Sql::Statement> *slot, const char *sql) const
{
    if (!*slot)
        *slot = std::make_unique<Sql::Statement>(m_store->handle(), sql);
    return **slot;
}

void OrgChart::dropStatements()
{
    m_detailsStatement.reset();
    m_idStatement.reset();
    m_linkStatement.reset();
    m_namedStatement.reset();
}

void OrgChart::invalidate()
{
    m_loaded = false;
}

qint64 OrgChart::lastChange() const
{
    Sql::Statement statement(m_store->handle(), "SELECT coalesce(max(seq), 0) FROM directory_changes");
    return statement.next() ? statement.int64(0) : -1;
}

bool OrgChart::refresh()
{
    if (!m_store || !m_store->isOpen() || !m_store->handle())
        return false;
    if (m_store->handle() != m_handle) {
        // Opened again: statements of the old connection are gone with it.
        m_handle = m_store->handle();
        dropStatements();
        m_loaded = false;
    }
    QElapsedTimer timer;
    timer.start();
    const qint64 change = lastChange();
    if (change < 0)
        return false;
    if (m_loaded && change == m_loadedChange)
        return true;
    // Moves only (the usual sync delta): the old and new chains' headcounts change, nothing else.
    std::vector<Move> moves;
    bool ok = m_loaded && updateChanged(change, &moves);
    if (!ok) {
        moves.clear();
        m_loadedChange = change; // whatever changes while reading is logged after it
        ok = loadAll();
    }
    m_lastReadUs = timer.nsecsElapsed() / 1000;
    if (!ok) {
        m_loaded = false;
        return false;
    }
    timer.restart();
    if (moves.empty() || !applyMoves(moves))
        computeHeadcounts();
    m_lastComputeUs = timer.nsecsElapsed() / 1000;
    m_loaded = true;
    ++m_generation;
    qCDebug(lcOrg) << "org chart of" << size() << "people:" << m_lastReadUs << "us reading," << m_lastComputeUs
                   << "us headcounts";
    Q_EMIT changed();
    return true;
}

const OrgChart::Details &OrgChart::details(qint64 id) const
{
    if (const auto found = m_details.find(id); found != m_details.end())
        return found->second;
    Details &details = m_details[id];
    details.person.id = id;
    Sql::Statement &statement = prepared(&m_detailsStatement, SelectDetails);
    statement.bind(1, id);
    if (statement.next()) {
        StoreSchema::readPersonCard(statement, 0, &details.person);
        details.sortKey = statement.text(6);
        details.person.manager = statement.text(7);
    }
    statement.reset();
    return details;
}

bool OrgChart::has(qint64 id) const
{
    return id >= 0 && size_t(id) < m_nodes.size() && m_nodes[size_t(id)].exists;
}

bool OrgChart::loadAll()
{
    dropStatements();
    m_nodes.clear();
    m_details.clear();
    m_reports.clear();
    m_count = 0;
    Sql::Statement maxId(m_store->handle(), "SELECT coalesce(max(local_id), 0) FROM profiles");
    if (!maxId.next())
        return false;
    m_nodes.resize(size_t(maxId.int64(0) + 1));
    Sql::Statement links(m_store->handle(), SelectLinks);
    while (links.next()) {
        const qint64 id = links.int64(0);
        if (id < 0 || size_t(id) >= m_nodes.size())
            continue;
        Node &node = m_nodes[size_t(id)];
        node.exists = true;
        node.namesManager = links.int64(2) != 0;
        node.parent = links.isNull(1) ? -1 : links.int64(1);
        ++m_count;
    }
    if (!links.ok()) {
        qCWarning(lcOrg) << "cannot read the directory:" << links.errorMessage();
        return false;
    }
    for (size_t id = 0; id < m_nodes.size(); ++id) {
        Node &node = m_nodes[id];
        if (node.parent >= 0 && (size_t(node.parent) >= m_nodes.size() || !m_nodes[size_t(node.parent)].exists))
            node.parent = -1;
        if (node.parent >= 0)
            m_reports[node.parent].push_back(qint64(id));
    }
    return true;
}

bool OrgChart::readLink(qint64 id)
{
    Sql::Statement &statement = prepared(&m_linkStatement, SelectLink);
    statement.bind(1, id);
    const bool found = statement.next();
    if (!found && !statement.ok())
        return false;
    if (size_t(id) >= m_nodes.size())
        m_nodes.resize(size_t(id) + 1);
    Node &node = m_nodes[size_t(id)];
    const qint64 parent = found && !statement.isNull(0) ? statement.int64(0) : -1;
    if (found != node.exists)
        m_count += found ? 1 : -1;
    node.exists = found;
    node.namesManager = found && statement.int64(1) != 0;
    statement.reset();
    link(id, found ? parent : -1);
    return true;
}

void OrgChart::link(qint64 id, qint64 parent)
{
    Node &node = m_nodes[size_t(id)];
    if (node.parent == parent)
        return;
    if (node.parent >= 0) {
        const auto it = m_reports.find(node.parent);
        if (it != m_reports.end()) {
            std::erase(it->second, id);
            if (it->second.empty())
                m_reports.erase(it);
        }
    }
    node.parent = parent;
    if (parent >= 0)
        m_reports[parent].push_back(id);
}

bool OrgChart::updateChanged(qint64 change, std::vector<Move> *moves)
{
    const size_t limit = std::max<size_t>(64, size_t(size()) / 20);
    if (change < m_loadedChange || quint64(change - m_loadedChange) > 2 * limit)
        return false;
    qint64 last = 0;
    const std::optional<std::vector<qint64>> changedIds =
        StoreSchema::directoryChangesSince(m_store->handle(), m_loadedChange, &last);
    if (!changedIds)
        return false;
    const std::vector<qint64> &changed = *changedIds;

    // The changed rows as they are now: who they are, whom they name. Their reports before, and
    // whoever names them now (a username may pass from one row to another, or arrive after the
    // people who name it), are linked again. Only when no one else's link changed are the
    // changes moves (then only the old and new chains' headcounts change).
    bool onlyMoves = m_cycles.empty();
    std::vector<qint64> others; //!< people whose link may change with the changed rows
    for (qint64 id : changed) {
        if (id < 0)
            continue;
        const bool existed = has(id);
        if (existed) {
            moves->push_back(Move {id, m_nodes[size_t(id)].parent, m_nodes[size_t(id)].headcount});
            if (const auto it = m_reports.find(id); it != m_reports.end())
                others.insert(others.end(), it->second.begin(), it->second.end());
        }
        m_details.erase(id);
        if (!readLink(id))
            return false;
        if (!existed || !has(id))
            onlyMoves = false;
        if (!has(id))
            continue;
        Sql::Statement &named = prepared(&m_namedStatement, SelectNamedReports);
        named.bind(1, id);
        while (named.next())
            others.push_back(named.int64(0));
        if (!named.ok())
            return false;
        named.reset();
    }
    std::sort(others.begin(), others.end());
    others.erase(std::unique(others.begin(), others.end()), others.end());
    std::vector<qint64> read = changed;
    std::sort(read.begin(), read.end());
    for (qint64 id : others) {
        if (std::binary_search(read.begin(), read.end(), id))
            continue; // read above
        const qint64 before = m_nodes[size_t(id)].parent;
        if (!readLink(id))
            return false;
        if (m_nodes[size_t(id)].parent != before)
            onlyMoves = false;
    }
    if (!onlyMoves)
        moves->clear();
    m_loadedChange = last;
    return true;
}

bool OrgChart::applyMoves(const std::vector<Move> &moves)
{
    // Walked on the links as they were, one move at a time; there are no cycles (checked
    // before), so every walk ends at the top.
    std::vector<qint64> newParents;
    for (const Move &move : moves) {
        newParents.push_back(m_nodes[size_t(move.id)].parent);
        m_nodes[size_t(move.id)].parent = move.oldParent;
        m_nodes[size_t(move.id)].headcount = move.headcount;
    }
    bool ok = true;
    for (size_t i = 0; i < moves.size() && ok; ++i) {
        const qint64 id = moves[i].id;
        const qint64 to = newParents[i];
        const qint64 from = m_nodes[size_t(id)].parent;
        if (to == from)
            continue;
        for (qint64 at = to; at >= 0 && ok; at = m_nodes[size_t(at)].parent)
            ok = at != id; // moved under their own team: a cycle
        if (!ok)
            break;
        const int moved = m_nodes[size_t(id)].headcount + 1;
        for (qint64 at = from; at >= 0; at = m_nodes[size_t(at)].parent)
            m_nodes[size_t(at)].headcount -= moved;
        m_nodes[size_t(id)].parent = to;
        for (qint64 at = to; at >= 0; at = m_nodes[size_t(at)].parent)
            m_nodes[size_t(at)].headcount += moved;
    }
    for (size_t i = 0; i < moves.size(); ++i)
        m_nodes[size_t(moves[i].id)].parent = newParents[i];
    if (!ok)
        return false;
    for (const Move &move : moves) {
        m_missing.erase(std::remove(m_missing.begin(), m_missing.end(), move.id), m_missing.end());
        const Node &node = m_nodes[size_t(move.id)];
        if (node.parent < 0 && node.namesManager)
            m_missing.push_back(move.id);
    }
    std::sort(m_missing.begin(), m_missing.end());
    return true;
}

void OrgChart::computeHeadcounts()
{
    // Leaves first (Kahn's order over the reversed links): each person adds themselves and
    // everyone under them to their manager once all their own reports did. The people left
    // waiting are exactly those on cycles; everyone attached to a cycle is under each of its
    // members.
    const size_t n = m_nodes.size();
    std::vector<int> waiting(n, 0);
    std::vector<int> under(n, 0);
    for (const Node &node : m_nodes) {
        if (node.exists && node.parent >= 0)
            ++waiting[size_t(node.parent)];
    }
    std::vector<qint64> ready;
    ready.reserve(n);
    for (size_t id = 0; id < n; ++id) {
        if (m_nodes[id].exists && waiting[id] == 0)
            ready.push_back(qint64(id));
    }
    for (size_t i = 0; i < ready.size(); ++i) {
        const qint64 id = ready[i];
        const qint64 parent = m_nodes[size_t(id)].parent;
        if (parent < 0)
            continue;
        under[size_t(parent)] += 1 + under[size_t(id)];
        if (--waiting[size_t(parent)] == 0)
            ready.push_back(parent);
    }
    m_cycles.clear();
    m_missing.clear();
    for (size_t id = 0; id < n; ++id) {
        Node &node = m_nodes[id];
        node.onCycle = false;
        node.headcount = under[id];
        if (node.exists && node.parent < 0 && node.namesManager)
            m_missing.push_back(qint64(id));
    }
    for (size_t id = 0; id < n; ++id) {
        if (!m_nodes[id].exists || waiting[id] == 0 || m_nodes[id].onCycle)
            continue;
        std::vector<qint64> cycle;
        int component = 0;
        for (qint64 at = qint64(id); !m_nodes[size_t(at)].onCycle; at = m_nodes[size_t(at)].parent) {
            m_nodes[size_t(at)].onCycle = true;
            cycle.push_back(at);
            component += 1 + under[size_t(at)];
        }
        for (qint64 at : cycle)
            m_nodes[size_t(at)].headcount = component - 1;
        // Reported from the first by name, in reporting order (each reports to the next).
        const auto first = std::min_element(cycle.begin(), cycle.end(), [this](qint64 l, qint64 r) {
            return details(l).person.username < details(r).person.username;
        });
        std::rotate(cycle.begin(), first, cycle.end());
        m_cycles.push_back(std::move(cycle));
    }
}

qint64 OrgChart::idOf(const QString &username) const
{
    if (username.isEmpty() || !m_store || !m_store->handle())
        return -1;
    Sql::Statement &statement = prepared(&m_idStatement, SelectId);
    statement.bind(1, username);
    const qint64 id = statement.next() ? statement.int64(0) : -1;
    statement.reset();
    return has(id) ? id : -1;
}

const OrgPerson *OrgChart::person(qint64 id) const
{
    return has(id) ? &details(id).person : nullptr;
}

int OrgChart::headcount(qint64 id) const
{
    return has(id) ? m_nodes[size_t(id)].headcount : 0;
}

qint64 OrgChart::managerOf(qint64 id) const
{
    return has(id) ? m_nodes[size_t(id)].parent : -1;
}

QList<qint64> OrgChart::chain(qint64 id, QList<OrgProblem> *problems) const
{
    QList<qint64> ids;
    if (!has(id))
        return ids;
    std::vector<qint64> seen {id};
    qint64 at = id;
    while (true) {
        const Node &node = m_nodes[size_t(at)];
        if (node.parent < 0) {
            if (node.namesManager && problems) {
                const OrgPerson &person = details(at).person;
                problems->append(OrgProblem {OrgProblem::Kind::MissingManager, {person.username}, person.manager});
            }
            break;
        }
        const auto repeat = std::find(seen.begin(), seen.end(), node.parent);
        if (repeat != seen.end()) {
            if (problems) {
                // The cycle, as the chain met it; reported as the whole directory's list does.
                for (const std::vector<qint64> &cycle : m_cycles) {
                    if (std::find(cycle.begin(), cycle.end(), node.parent) != cycle.end()) {
                        QStringList names;
                        for (qint64 member : cycle)
                            names.append(details(member).person.username);
                        problems->append(OrgProblem {OrgProblem::Kind::Cycle, names, QString()});
                    }
                }
            }
            break;
        }
        seen.push_back(node.parent);
        ids.append(node.parent);
        at = node.parent;
    }
    return ids;
}

void OrgChart::sortByName(QList<qint64> *ids) const
{
    std::vector<std::pair<const Details *, qint64>> keyed;
    keyed.reserve(size_t(ids->size()));
    for (qint64 id : std::as_const(*ids))
        keyed.emplace_back(&details(id), id);
    std::sort(keyed.begin(), keyed.end(), [](const auto &l, const auto &r) {
        const Details &a = *l.first;
        const Details &b = *r.first;
        return a.sortKey != b.sortKey ? a.sortKey < b.sortKey : a.person.username < b.person.username;
    });
    for (qsizetype i = 0; i < ids->size(); ++i)
        (*ids)[i] = keyed[size_t(i)].second;
}

QList<qint64> OrgChart::directReports(qint64 id) const
{
    QList<qint64> ids;
    if (!has(id))
        return ids;
    const auto it = m_reports.find(id);
    if (it == m_reports.end())
        return ids;
    ids.reserve(qsizetype(it->second.size()));
    for (qint64 report : it->second) {
        if (report != id)
            ids.append(report);
    }
    sortByName(&ids);
    return ids;
}

QList<qint64> OrgChart::peers(qint64 id) const
{
    const qint64 manager = managerOf(id);
    if (manager < 0)
        return {};
    QList<qint64> ids = directReports(manager);
    ids.removeAll(id);
    return ids;
}

std::vector<qint64> OrgChart::team(qint64 id) const
{
    std::vector<qint64> ids;
    if (!has(id))
        return ids;
    std::vector<char> seen(m_nodes.size(), 0);
    seen[size_t(id)] = 1;
    std::vector<qint64> queue {id};
    for (size_t i = 0; i < queue.size(); ++i) {
        const auto it = m_reports.find(queue[i]);
        if (it == m_reports.end())
            continue;
        for (qint64 report : it->second) {
            if (!seen[size_t(report)]) {
                seen[size_t(report)] = 1;
                queue.push_back(report);
                ids.push_back(report);
            }
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<qint64> OrgChart::tops() const
{
    QList<qint64> ids;
    for (size_t id = 0; id < m_nodes.size(); ++id) {
        if (m_nodes[id].exists && m_nodes[id].parent < 0)
            ids.append(qint64(id));
    }
    sortByName(&ids);
    return ids;
}

QList<OrgProblem> OrgChart::problems() const
{
    QList<OrgProblem> list;
    for (qint64 id : m_missing) {
        const OrgPerson &person = details(id).person;
        list.append(OrgProblem {OrgProblem::Kind::MissingManager, {person.username}, person.manager});
    }
    for (const std::vector<qint64> &cycle : m_cycles) {
        QStringList names;
        for (qint64 member : cycle)
            names.append(details(member).person.username);
        list.append(OrgProblem {OrgProblem::Kind::Cycle, names, QString()});
    }
    return list;
}

} // namespace Colleagues
