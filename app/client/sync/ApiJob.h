// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiError.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QNetworkReply;
QT_END_NAMESPACE

namespace Colleagues {

/*!
 * One request to the server (libQuotient's BaseJob, KDE's KJob): made by ApiClient, it
 * emits succeeded() or failed() and then finished(), once, and deletes itself after
 * finished() (read its results in a slot connected to one of those signals).
 */
class ApiJob : public QObject
{
    Q_OBJECT

public:
    ~ApiJob() override;

    bool isFinished() const { return m_finished; }
    bool isSucceeded() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    //! The raw body of the answer.
    const QByteArray &body() const { return m_body; }
    QByteArray rawHeader(const QByteArray &name) const;

    //! Cancels the request; the job then fails with a Network error and finishes.
    void abort();

    // Only the job emits these (QPrivateSignal), so a listener hears exactly one answer.
Q_SIGNALS:
    void succeeded(QPrivateSignal);
    void failed(const Colleagues::ApiError &error, QPrivateSignal);
    //! Always emitted last, after succeeded() or failed().
    void finished(Colleagues::ApiJob *job, QPrivateSignal);

protected:
    friend class ApiClient;
    explicit ApiJob(QObject *parent);
    //! Takes ownership of \a reply (parents it) and starts waiting for its answer.
    void start(QNetworkReply *reply);

    //! Interprets a successful (2xx, or accepted) answer; returns an error to make the job fail.
    virtual ApiError parse(const QByteArray &body);
    //! Answers that are not 2xx but still success for this job (e.g. 304 for a photo).
    virtual bool acceptsStatus(int status) const;
    //! Lets a job read more out of an error answer (e.g. the current profile on 412).
    virtual void parseError(ApiError &error, const QByteArray &body);

private:
    void onReplyFinished();

    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    ApiError m_error;
    int m_httpStatus = 0;
    bool m_finished = false;
};

} // namespace Colleagues
