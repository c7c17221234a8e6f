// SPDX-License-Identifier: MIT
#include "client/sync/StatusBook.h"

#include "client/sync/ApiClient.h"
#include "client/sync/SyncDatabase.h"
#include "client/sync/SyncEngine.h"
#include "client/sync/SyncLogging.h"
#include "client/sync/SyncSchema_p.h"

#include <QPointer>

namespace Colleagues {

StatusBook::StatusBook(ApiClient *api, SyncDatabase *database, SyncEngine *engine, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_database(database)
{
    qRegisterMetaType<Colleagues::Status>();
    reload();
    connect(engine, &SyncEngine::statusesChanged, this, &StatusBook::apply);
    connect(engine, &SyncEngine::directoryReset, this, &StatusBook::reload);
}

Status StatusBook::status(const QString &username) const
{
    const auto it = m_statuses.constFind(username);
    if (it != m_statuses.constEnd())
        return *it;
    Status status;
    status.username = username;
    return status;
}

bool StatusBook::isAvailableNow(const Status &status)
{
    return status.presence == Presence::Online && status.availability == Availability::Available;
}

void StatusBook::reload()
{
    m_statuses.clear();
    for (const Status &status : SyncSchema::statuses(m_database->readHandle()))
        m_statuses.insert(status.username, status);
    Q_EMIT statusesReset();
}

void StatusBook::apply(const QList<Status> &statuses)
{
    QStringList changed;
    for (const Status &status : statuses) {
        if (status.isDefault())
            m_statuses.remove(status.username);
        else
            m_statuses.insert(status.username, status);
        changed.append(status.username);
    }
    if (!changed.isEmpty())
        Q_EMIT statusesChanged(changed);
}

void StatusBook::store(const Status &status)
{
    m_database->write<bool>([status](SyncSchema::SyncWriter &w) { return w.storeStatus(status); }, this,
                            [](bool ok) {
                                if (!ok)
                                    qCWarning(lcSync) << "could not store the own status";
                            });
    apply({status});
}

void StatusBook::setMyStatus(const StatusChoice &choice, QObject *context, Done done)
{
    if (!m_api->hasToken()) {
        ApiError error;
        error.kind = ApiError::Kind::Auth;
        error.userMessage = tr("Sign in to change your status.");
        done({}, error);
        return;
    }
    StatusJob *job = m_api->setMyStatus(choice);
    QPointer<QObject> guard(context);
    connect(job, &ApiJob::finished, this, [this, job, guard, done] {
        if (job->isSucceeded()) {
            Status status = job->status();
            if (status.username.isEmpty())
                status.username = m_me;
            store(status);
        }
        if (guard && done)
            done(job->isSucceeded() ? job->status() : Status {}, job->error());
    });
}

void StatusBook::fetchMyStatus(QObject *context, Done done)
{
    StatusJob *job = m_api->fetchMyStatus();
    QPointer<QObject> guard(context);
    connect(job, &ApiJob::finished, this, [this, job, guard, done] {
        if (job->isSucceeded() && !job->status().username.isEmpty())
            apply({job->status()});
        if (guard && done)
            done(job->isSucceeded() ? job->status() : Status {}, job->error());
    });
}

QString StatusBook::errorSentence(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::None: return {};
    case ApiError::Kind::Network:
    case ApiError::Kind::Tls:
        return tr("Your status cannot be changed while Colleagues is offline; it was not changed. "
                  "Try again when the server is reachable.");
    case ApiError::Kind::Validation: break;
    default: return error.userMessage;
    }
    const QString field = error.field;
    if (field == QLatin1String("out_of_office.stand_in"))
        return tr("The stand-in must be another active member of the directory.");
    if (field == QLatin1String("until"))
        return tr("The end time must be in the future and at most a year ahead.");
    if (field.startsWith(QLatin1String("out_of_office.")) && field != QLatin1String("out_of_office.note"))
        return tr("The out-of-office dates do not work: the first day must not be after the last, the last "
                  "must not have passed, and the absence can last at most a year.");
    if (field == QLatin1String("out_of_office.note"))
        return tr("The out-of-office note is too long or has characters that are not allowed (at most 500 "
                  "characters).");
    if (field == QLatin1String("text"))
        return tr("The status line is too long or has characters that are not allowed (at most 100 "
                  "characters).");
    return error.userMessage;
}

} // namespace Colleagues
