// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiError.h"
#include "core/Status.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace Colleagues {

class ApiClient;
class SyncDatabase;
class SyncEngine;

/*!
 * People's statuses as the client knows them: what sync stored (read once, then kept in step
 * with the engine's statusesChanged()), and the signed-in person's own, which it also sets
 * (PUT /api/v1/me/status). Everyone without a stored status has the default one.
 */
class StatusBook : public QObject
{
    Q_OBJECT

public:
    StatusBook(ApiClient *api, SyncDatabase *database, SyncEngine *engine, QObject *parent = nullptr);

    //! \a username's status (the default one, with the username, when none is known).
    Status status(const QString &username) const;
    //! Online, and neither on do-not-disturb nor out of office.
    static bool isAvailableNow(const Status &status);

    //! Reads the stored statuses again (after a resync or an account change).
    void reload();

    //! What the signed-in person chose (the last answer of the server; the default until one came).
    using Done = std::function<void(const Status &status, const ApiError &error)>;
    /*!
     * Sets the signed-in person's status on the server and, when it answered, here. \a done
     * gets the status as it now applies, or the error (see errorSentence()). Offline, the
     * change fails: it is not queued, the user is told it could not be made.
     */
    void setMyStatus(const StatusChoice &choice, QObject *context, Done done);
    //! Asks the server for the signed-in person's status and keeps it.
    void fetchMyStatus(QObject *context, Done done);
    //! The signed-in username, whose status setMyStatus() changes.
    void setMe(const QString &username) { m_me = username; }

    //! One sentence for the user about a failed status change: offline, a field the server
    //! refused (a stand-in who is not a member, a time in the past), or the server's own sentence.
    static QString errorSentence(const ApiError &error);

Q_SIGNALS:
    //! The statuses of these people changed (the UI repaints their dots and lines).
    void statusesChanged(const QStringList &usernames);
    //! Every status may have changed (reload()).
    void statusesReset();

private:
    void apply(const QList<Status> &statuses);
    void store(const Status &status);

    ApiClient *m_api;
    SyncDatabase *m_database;
    QHash<QString, Status> m_statuses;
    QString m_me;
};

} // namespace Colleagues
