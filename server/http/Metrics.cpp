// SPDX-License-Identifier: MIT
#include "server/http/Metrics.h"

#include "server/http/ApiError.h"

namespace Colleagues::Server {

namespace {

QByteArray escapeLabel(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 10);
}

//! A metric without labels: its HELP and TYPE lines and its one sample.
template<typename Number>
void appendSample(QByteArray &out, const char *name, const char *type, const char *help, Number value)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' + name + ' '
        + QByteArray::number(value) + '\n';
}

} // namespace

void Metrics::recordRequest(const QString &route, const QByteArray &method, int status, double seconds)
{
    const QString key =
        route + QLatin1Char('\t') + QString::fromLatin1(method) + QLatin1Char('\t') + QString::number(status);
    const QMutexLocker locker(&m_mutex);
    ++m_requests[key];
    m_latency[route].add(seconds);
}

void Metrics::recordSequenceWait(double seconds)
{
    const QMutexLocker locker(&m_mutex);
    m_sequenceWait.add(seconds);
}

void Metrics::Histogram::add(double seconds)
{
    for (std::size_t i = 0; i < Buckets.size(); ++i) {
        if (seconds <= Buckets[i])
            ++buckets[i];
    }
    ++count;
    sum += seconds;
}

void Metrics::Histogram::append(QByteArray &out, const QByteArray &name, const QByteArray &labels) const
{
    const QByteArray before = labels.isEmpty() ? QByteArray() : labels + ',';
    const QByteArray braced = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    for (std::size_t i = 0; i < Buckets.size(); ++i) {
        out +=
            name + "_bucket{" + before + "le=\"" + number(Buckets[i]) + "\"} " + QByteArray::number(buckets[i]) + '\n';
    }
    out += name + "_bucket{" + before + "le=\"+Inf\"} " + QByteArray::number(count) + '\n';
    out += name + "_sum" + braced + ' ' + number(sum) + '\n';
    out += name + "_count" + braced + ' ' + QByteArray::number(count) + '\n';
}

QByteArray Metrics::exposition() const
{
    QByteArray out;
    out.reserve(4096);
    QMutexLocker locker(&m_mutex);
    out += "# HELP colleagues_http_requests_total HTTP requests answered, by route, method and status.\n"
           "# TYPE colleagues_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('\t'));
        out += "colleagues_http_requests_total{route=\"" + escapeLabel(parts.value(0)) + "\",method=\""
            + escapeLabel(parts.value(1)) + "\",status=\"" + escapeLabel(parts.value(2)) + "\"} "
            + QByteArray::number(it.value()) + '\n';
    }

    out += "# HELP colleagues_http_request_duration_seconds Time from a complete request to its answer, by route.\n"
           "# TYPE colleagues_http_request_duration_seconds histogram\n";
    for (auto it = m_latency.cbegin(); it != m_latency.cend(); ++it)
        it.value().append(out, "colleagues_http_request_duration_seconds", "route=\"" + escapeLabel(it.key()) + '"');

    out += "# HELP colleagues_sync_longpoll_sequence_wait_seconds Time a change waited in a long-poll hub for the "
           "changes before it and its audience.\n"
           "# TYPE colleagues_sync_longpoll_sequence_wait_seconds histogram\n";
    m_sequenceWait.append(out, "colleagues_sync_longpoll_sequence_wait_seconds", {});
    locker.unlock();
    appendSample(out, "colleagues_sync_longpolls_waiting", "gauge",
                 "Sync requests currently held open waiting for a change.", waitingLongPolls());
    appendSample(out, "colleagues_http_connections_open", "gauge", "Client connections currently open.",
                 m_openConnections.load());
    appendSample(out, "colleagues_database_errors_total", "counter",
                 "Requests that failed because the database failed.", ApiError::databaseFailures());
    appendSample(out, "colleagues_signin_failures_total", "counter", "Sign-ins refused for wrong credentials.",
                 m_signInFailures.load());
    appendSample(out, "colleagues_signin_throttled_total", "counter",
                 "Sign-ins refused with 429 because of too many failures.", m_throttledSignIns.load());
    appendSample(out, "colleagues_sync_longpoll_wake_all_total", "counter",
                 "Times every held long-poll was woken because whom changes concern could not be known.",
                 m_wakeAlls.load());
    appendSample(out, "colleagues_sync_longpoll_audience_reads_total", "counter",
                 "Database reads of whom changes concern, made when their hints did not come in time.",
                 m_audienceReads.load());
    appendSample(out, "colleagues_sync_longpoll_pages_from_memory_total", "counter",
                 "Long-poll sync pages made from the statuses kept in memory, without reading the database.",
                 m_pagesFromMemory.load());
    appendSample(out, "colleagues_http_response_body_bytes_total", "counter",
                 "Bytes of answer bodies written, as sent (after compression).", m_bodyBytes.load());
    appendSample(out, "colleagues_presence_connected", "gauge", "People this instance sees connected (online or away).",
                 m_presenceConnected.load());
    appendSample(out, "colleagues_presence_transitions_total", "counter",
                 "Status changes written by presence and the sweeper (online, away, offline, expiries).",
                 m_presenceTransitions.load());
    appendSample(out, "colleagues_worker_jobs_queued", "gauge",
                 "Jobs (database work, page building) waiting for a worker thread now.", m_queuedJobs.load());
    appendSample(out, "colleagues_worker_jobs_started_total", "counter", "Jobs a worker thread started.",
                 m_startedJobs.load());
    out += "# HELP colleagues_worker_queue_wait_seconds_total Time jobs waited for a worker thread, summed.\n"
           "# TYPE colleagues_worker_queue_wait_seconds_total counter\n"
           "colleagues_worker_queue_wait_seconds_total "
        + number(double(m_queueWaitMicroseconds.load()) / 1e6) + '\n';
    if (m_extra)
        out += m_extra();
    return out;
}

} // namespace Colleagues::Server
