// SPDX-License-Identifier: MIT
#include "client/sync/ApiJob.h"

#include "client/sync/SyncLogging.h"

#include <QNetworkReply>

namespace Colleagues {

ApiJob::ApiJob(QObject *parent)
    : QObject(parent)
{ }

ApiJob::~ApiJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
    }
}

void ApiJob::start(QNetworkReply *reply)
{
    m_reply = reply;
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
}

QByteArray ApiJob::rawHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void ApiJob::abort()
{
    if (m_reply && !m_finished && m_reply->isRunning())
        m_reply->abort();
}

ApiError ApiJob::parse(const QByteArray &)
{
    return {};
}

bool ApiJob::acceptsStatus(int) const
{
    return false;
}

void ApiJob::parseError(ApiError &, const QByteArray &)
{ }

void ApiJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    if (reply->isOpen())
        m_body = reply->readAll();
    m_headers = reply->rawHeaderPairs();
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (acceptsStatus(m_httpStatus))
        m_error = parse(m_body);
    else {
        m_error = ApiError::fromReply(reply, m_body);
        if (m_error.isError())
            parseError(m_error, m_body);
        else
            m_error = parse(m_body);
    }
    m_finished = true;
    m_reply = nullptr;
    reply->deleteLater();

    if (m_error.isError()) {
        qCDebug(lcSync) << reply->operation() << reply->url().path() << "failed:" << m_error.kindName()
                        << m_error.detail;
        Q_EMIT failed(m_error, QPrivateSignal());
    } else {
        Q_EMIT succeeded(QPrivateSignal());
    }
    Q_EMIT finished(this, QPrivateSignal());
    deleteLater();
}

} // namespace Colleagues
