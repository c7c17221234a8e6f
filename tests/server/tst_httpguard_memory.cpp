// SPDX-License-Identifier: MIT
// The 413 memory test: a 200 MB upload to a server process behind HttpGuard must raise that
// process's memory by less than 20 MB; the same server without the guard is shown to buffer it.

#include "tests/server/GuardTestSupport.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

using namespace GuardTest;

namespace {

constexpr qint64 MiB = 1024 * 1024;

struct ServerProcess
{
    QProcess process;
    quint16 port = 0;
};

qint64 statusKiB(qint64 pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current VmRSS (Linux >= 4.0), so the peak seen later is the upload's.
bool resetPeak(qint64 pid)
{
    QFile clearRefs(QStringLiteral("/proc/%1/clear_refs").arg(pid));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

struct UploadResult
{
    Response response;
    bool gotResponse = false;
    qint64 sent = 0;
};

} // namespace

class TestHttpGuardMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hugeUploadBehindGuard();
    void hugeUploadWithoutGuard();

private:
    void startServer(ServerProcess &server, const QStringList &arguments);
    void upload(quint16 port, qint64 bytes, UploadResult *out);
    void warmUp(quint16 port);
};

void TestHttpGuardMemory::startServer(ServerProcess &server, const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Under AddressSanitizer freed blocks sit in a quarantine that would count as growth.
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":quarantine_size_mb=0"));
    server.process.setProcessEnvironment(env);
    server.process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.process.start(QStringLiteral(GUARD_SERVER_PATH), arguments);
    QVERIFY2(server.process.waitForStarted(10000), qPrintable(server.process.errorString()));
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += server.process.readAllStandardOutput()).contains('\n'), 20000);
    QVERIFY2(out.startsWith("PORT "), out.constData());
    server.port = static_cast<quint16>(out.mid(5).trimmed().toUInt());
    QVERIFY(server.port > 0);
}

void TestHttpGuardMemory::warmUp(quint16 port)
{
    RawClient client(false, port);
    QTRY_VERIFY(client.ready);
    client.send(request("GET", "/hello"));
    Response r;
    QTRY_VERIFY(client.hasResponse());
    QVERIFY(client.takeResponse(&r));
    QCOMPARE(r.status, 200);
    client.send(request("POST", "/echo", QByteArray(512 * 1024, 'w')));
    QTRY_VERIFY(client.hasResponse());
    QVERIFY(client.takeResponse(&r));
    QCOMPARE(r.status, 200);
}

void TestHttpGuardMemory::upload(quint16 port, qint64 bytes, UploadResult *out)
{
    // A plain blocking socket rather than QTcpSocket: it keeps writing the whole body whatever the
    // server answers (QTcpSocket would stop at the server's FIN), like a hostile client would.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    timeval timeout {60, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QVERIFY(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);

    QByteArray received;
    std::thread reader([fd, &received] {
        char buffer[64 * 1024];
        for (;;) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            received.append(buffer, n);
            if (hasResponseIn(received))
                break;
        }
    });
    const QByteArray head =
        "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + QByteArray::number(bytes) + "\r\n\r\n";
    bool ok = ::send(fd, head.constData(), static_cast<size_t>(head.size()), MSG_NOSIGNAL) == head.size();
    const QByteArray chunk(MiB, 'u');
    while (ok && out->sent < bytes) {
        const size_t n = static_cast<size_t>(qMin<qint64>(chunk.size(), bytes - out->sent));
        const ssize_t written = ::send(fd, chunk.constData(), n, MSG_NOSIGNAL);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            break; // the server closed the connection
        out->sent += written;
    }
    reader.join();
    ::close(fd);
    out->gotResponse = takeResponseFrom(received, &out->response);
}

void TestHttpGuardMemory::hugeUploadBehindGuard()
{
    ServerProcess server;
    // A long linger: the guard reads and drops the whole 200 MB instead of resetting the connection.
    startServer(server, {QStringLiteral("--linger-ms"), QStringLiteral("60000")});
    if (QTest::currentTestFailed())
        return;
    warmUp(server.port);
    const qint64 pid = server.process.processId();
    const bool peakReset = resetPeak(pid);
    const qint64 rssBefore = statusKiB(pid, "VmRSS:");
    QVERIFY(rssBefore > 0);

    UploadResult result;
    upload(server.port, 200 * 1000 * 1000, &result);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(result.gotResponse);
    QCOMPARE(result.response.status, 413);
    QCOMPARE(result.response.errorCode(), QStringLiteral("payload_too_large"));
    QCOMPARE(result.sent, qint64(200 * 1000 * 1000)); // every byte went to the server, which dropped them

    const qint64 peakAfter = statusKiB(pid, "VmHWM:");
    const qint64 rssAfter = statusKiB(pid, "VmRSS:");
    const qint64 growthKiB = peakAfter - rssBefore;
    qInfo("behind the guard: client sent %lld MB; server RSS %lld KiB before, peak %lld KiB "
          "after (growth %lld KiB, peak reset: %s), RSS after %lld KiB",
          result.sent / 1000000, rssBefore, peakAfter, growthKiB, peakReset ? "yes" : "no", rssAfter);
    QVERIFY2(growthKiB < 20 * 1024, qPrintable(QStringLiteral("server grew by %1 KiB").arg(growthKiB)));

    // The server is still healthy.
    warmUp(server.port);
    server.process.kill();
    server.process.waitForFinished();
}

void TestHttpGuardMemory::hugeUploadWithoutGuard()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("The unguarded comparison buffers hundreds of MB; it runs in the normal build only.");
#endif
    ServerProcess server;
    startServer(server, {QStringLiteral("--no-guard")});
    if (QTest::currentTestFailed())
        return;
    warmUp(server.port);
    const qint64 pid = server.process.processId();
    resetPeak(pid);
    const qint64 rssBefore = statusKiB(pid, "VmRSS:");

    const qint64 bytes = 120 * 1000 * 1000;
    UploadResult result;
    upload(server.port, bytes, &result);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(result.gotResponse);
    QCOMPARE(result.response.status, 200); // Qt HttpServer alone takes it all in
    QCOMPARE(result.response.json().value(QStringLiteral("bytes")).toDouble(), double(bytes));

    const qint64 growthKiB = statusKiB(pid, "VmHWM:") - rssBefore;
    qInfo("without the guard: a %lld MB upload raised the server's peak memory by %lld KiB", bytes / 1000000,
          growthKiB);
    QVERIFY2(growthKiB > 100 * 1024, "without the guard the body should have been buffered");
    server.process.kill();
    server.process.waitForFinished();
}

QTEST_GUILESS_MAIN(TestHttpGuardMemory)
#include "tst_httpguard_memory.moc"
