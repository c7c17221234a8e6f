// SPDX-License-Identifier: MIT
#pragma once

#include "client/PersonCard.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <unordered_map>
#include <vector>

namespace Colleagues {

class ClientStore;
namespace Sql {
class Statement;
}

//! One person as the org chart knows them: who they are and whom they report to.
struct OrgPerson : PersonCard
{
    qint64 id = -1; //!< the store's local id
    QString manager; //!< the manager's username as the profile says; empty at the top
};

//! Broken data the chart met: a manager who is not in the directory, or a cycle.
struct OrgProblem
{
    enum class Kind {
        MissingManager, //!< usernames[0] reports to manager, who is not in the directory
        Cycle, //!< usernames report to each other in a circle, in reporting order
    };
    Kind kind = Kind::MissingManager;
    QStringList usernames;
    QString manager; //!< for MissingManager

    //! A sentence for logs and the command line (English).
    QString text() const;
    friend bool operator==(const OrgProblem &, const OrgProblem &) = default;
};

//! The organisation as the profiles' manager links draw it, over a ClientStore: everyone's
//! headcount (all people under them, every level), management chain, peers and direct reports.
//! Broken data never loops: a manager not in the directory ends a chain, a cycle (A reports to
//! B reports to A) is walked once, and both are reported as problems(). refresh() follows the
//! store's change log (directory_changes) as the search engine does: after a sync delta only the
//! changed people are read again, and headcounts are computed again in one linear pass.
//!
//! Headcount of P: the number of other people whose management chain, followed until it ends
//! or repeats, passes through P. In a cycle everyone is under everyone else in it.
class OrgChart : public QObject
{
    Q_OBJECT

public:
    explicit OrgChart(ClientStore *store, QObject *parent = nullptr);
    ~OrgChart() override;

    //! Brings the chart up to date with the store (on the store's thread). Emits changed()
    //! when something changed. Returns false when the store cannot be read.
    bool refresh();
    //! Forgets everything; the next refresh() reads the whole directory (benchmarks, tests).
    void invalidate();

    //! The local id of \a username, or -1.
    qint64 idOf(const QString &username) const;
    //! The person with local id \a id, or nullptr.
    const OrgPerson *person(qint64 id) const;
    const OrgPerson *person(const QString &username) const { return person(idOf(username)); }
    //! How many people the chart holds.
    int size() const { return m_count; }
    //! The highest local id + 1: ids index vectors of this size.
    size_t idLimit() const { return m_nodes.size(); }

    //! Everyone under \a id, every level (see the class description). 0 for an unknown id.
    int headcount(qint64 id) const;
    //! The manager of \a id in the directory, or -1 (top, or a manager who is not in it).
    qint64 managerOf(qint64 id) const;
    //! The management chain of \a id: the direct manager first, up to the top. Stops where a
    //! manager is missing or the chain repeats; \a problems (if given) gets what stopped it.
    QList<qint64> chain(qint64 id, QList<OrgProblem> *problems = nullptr) const;
    //! The people whose manager is \a id (themselves left out), in name order.
    QList<qint64> directReports(qint64 id) const;
    //! The other direct reports of \a id's manager, in name order; none at the top.
    QList<qint64> peers(qint64 id) const;
    //! Everyone under \a id, every level, in local id order.
    std::vector<qint64> team(qint64 id) const;
    //! The people with no manager in the directory (the top, and those whose manager is missing),
    //! in name order.
    QList<qint64> tops() const;
    //! Every missing manager and every cycle in the directory.
    QList<OrgProblem> problems() const;

    //! Increases whenever refresh() changed something.
    quint64 generation() const { return m_generation; }
    //! How long the last refresh() spent reading the store and computing, in microseconds.
    qint64 lastReadUs() const { return m_lastReadUs; }
    qint64 lastComputeUs() const { return m_lastComputeUs; }

Q_SIGNALS:
    void changed();

private:
    //! Everyone: the link to their manager and their headcount, a few bytes a person. Names are
    //! read from the store when asked for (details()).
    struct Node
    {
        qint64 parent = -1;
        int headcount = 0;
        bool exists = false;
        bool onCycle = false;
        bool namesManager = false; //!< the profile names a manager (in the directory or not)
    };
    //! The rest of a person, read when first asked for: the people shown, named or sorted.
    struct Details
    {
        OrgPerson person;
        QString sortKey;
    };

    bool has(qint64 id) const;
    bool loadAll();
    //! A move: a person whose manager may have changed, and their manager before.
    struct Move
    {
        qint64 id;
        qint64 oldParent;
        int headcount; //!< before: reading the person again does not change who is under them
    };
    bool updateChanged(qint64 lastChange, std::vector<Move> *moves);
    //! Applies \a moves to the headcounts along the old and new chains; false when one makes a
    //! cycle (then everything is computed again).
    bool applyMoves(const std::vector<Move> &moves);
    qint64 lastChange() const;
    const Details &details(qint64 id) const;
    //! Reads from the store whether \a id exists and whom their profile names as manager;
    //! false when the store cannot be read.
    bool readLink(qint64 id);
    //! Makes \a parent the manager of \a id in the links (m_reports too).
    void link(qint64 id, qint64 parent);
    void computeHeadcounts();
    void sortByName(QList<qint64> *ids) const;
    //! \a sql on the store's connection, prepared on first use and kept in \a slot.
    Sql::Statement &prepared(std::unique_ptr<Sql::Statement> *slot, const char *sql) const;
    void dropStatements();

    ClientStore *m_store = nullptr;
    mutable std::unique_ptr<Sql::Statement> m_detailsStatement;
    mutable std::unique_ptr<Sql::Statement> m_idStatement;
    std::unique_ptr<Sql::Statement> m_linkStatement;
    std::unique_ptr<Sql::Statement> m_namedStatement;
    void *m_handle = nullptr; //!< the connection the chart was read from (sqlite3)
    std::vector<Node> m_nodes; //!< by local id
    int m_count = 0; //!< how many nodes exist
    mutable std::unordered_map<qint64, Details> m_details; //!< by local id (references stay valid)
    std::unordered_map<qint64, std::vector<qint64>> m_reports; //!< manager id -> direct report ids
    std::vector<std::vector<qint64>> m_cycles;
    std::vector<qint64> m_missing; //!< people whose manager is not in the directory
    bool m_loaded = false;
    qint64 m_loadedChange = -1;
    quint64 m_generation = 0;
    qint64 m_lastReadUs = 0;
    qint64 m_lastComputeUs = 0;
};

} // namespace Colleagues
