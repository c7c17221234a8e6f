// SPDX-License-Identifier: MIT
// RequestScanner, the guard's incremental HTTP/1.1 request scanner: every input is fed whole and
// one byte at a time, and must give the same verdict.

#include "server/guard/RequestScanner_p.h"

#include <QTest>

using namespace Colleagues::Server;

namespace {

struct Outcome
{
    int requests = 0; //!< requests completed
    int status = 0; //!< rejection status, 0 when none
    qint64 consumed = 0;
};

RequestScanner makeScanner()
{
    RequestScanner::Limits limits;
    limits.maxHeadBytes = 1024;
    limits.maxLineBytes = 256;
    limits.maxHeaderCount = 10;
    limits.defaultBodyLimit = 100;
    limits.bodyLimit = [](const QByteArray &method, const QByteArray &path) -> qint64 {
        return method == "PUT" && path == "/photo" ? 1000 : 100;
    };
    return RequestScanner(limits);
}

// Feeds \a input in pieces of \a step bytes, handing each completed request to "the application"
// (startNextRequest) straight away, as the guard does once the response is written.
Outcome run(const QByteArray &input, qint64 step)
{
    RequestScanner scanner = makeScanner();
    Outcome outcome;
    qint64 pos = 0;
    while (pos < input.size()) {
        const qint64 end = qMin(input.size(), pos + step);
        while (pos < end) {
            const RequestScanner::Step s = scanner.feed(input.constData() + pos, end - pos);
            pos += s.consumed;
            if (s.event == RequestScanner::Event::RequestComplete) {
                ++outcome.requests;
                scanner.startNextRequest();
            } else if (s.event == RequestScanner::Event::Rejected) {
                outcome.status = scanner.rejection().status;
                outcome.consumed = pos;
                return outcome;
            } else if (s.event == RequestScanner::Event::None) {
                break;
            }
        }
    }
    outcome.consumed = pos;
    return outcome;
}

//! Feeds \a data from \a pos on, as much as \a scanner takes each time, until it reports
//! \a event; the position after that step.
qint64 feedUntil(RequestScanner &scanner, const QByteArray &data, qint64 pos, RequestScanner::Event event)
{
    RequestScanner::Step step;
    do {
        step = scanner.feed(data.constData() + pos, data.size() - pos);
        pos += step.consumed;
    } while (step.event != event);
    return pos;
}

} // namespace

class TestHttpGuardScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdicts_data();
    void verdicts();
    void stopsAtRequestBoundary();
    void reportsHeadDetails();
};

void TestHttpGuardScanner::verdicts_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("status");

    const QByteArray get = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
    QTest::addRow("get") << get << 1 << 0;
    QTest::addRow("two gets") << get + get << 2 << 0;
    QTest::addRow("leading blank line") << "\r\n" + get << 1 << 0;
    QTest::addRow("lf only") << QByteArray("GET /a HTTP/1.1\nHost: x\n\n") << 1 << 0;
    QTest::addRow("http/1.0 without host") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 1 << 0;
    QTest::addRow("options *") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n") << 1 << 0;
    QTest::addRow("body at limit") << "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
            + QByteArray(100, 'b') << 1
                                   << 0;
    QTest::addRow("body over limit") << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n") << 0
                                     << 413;
    QTest::addRow("huge length") << QByteArray(
        "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n")
                                 << 0 << 413;
    QTest::addRow("photo override") << "PUT /photo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n"
            + QByteArray(1000, 'p') << 1
                                    << 0;
    QTest::addRow("photo override percent-encoded")
        << "PUT /%70hoto?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + QByteArray(1000, 'p') << 1 << 0;
    QTest::addRow("photo override is PUT only")
        << QByteArray("POST /photo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n") << 0 << 413;
    QTest::addRow("chunked") << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "5\r\nhello\r\n3;ext=1\r\nabc\r\n0\r\nTrailer: t\r\n\r\n")
                             << 1 << 0;
    QTest::addRow("chunked over limit") << "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n32\r\n"
            + QByteArray(50, 'a')
            + "\r\n33\r\n" << 0 << 413;
    QTest::addRow("huge chunk") << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                              "fffffffffffffffffffffffff\r\n")
                                << 0 << 413;
    QTest::addRow("chunk without crlf") << QByteArray(
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "1\r\nab\r\n") << 0 << 400;
    QTest::addRow("header line too long") << "GET / HTTP/1.1\r\nHost: x\r\nX: " + QByteArray(300, 'h') + "\r\n\r\n"
                                          << 0 << 431;
    QTest::addRow("request line too long") << "GET /" + QByteArray(300, 'u') + " HTTP/1.1\r\n\r\n" << 0 << 414;
    QByteArray manyHeaders = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 10; ++i)
        manyHeaders += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::addRow("too many headers") << manyHeaders + "\r\n" << 0 << 431;
    QByteArray bigHead = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 6; ++i)
        bigHead += "X: " + QByteArray(200, 'v') + "\r\n";
    QTest::addRow("head too large") << bigHead + "\r\n" << 0 << 431;
    QTest::addRow("garbage") << QByteArray("\x01\x02\x03 hello\r\n\r\n") << 0 << 400;
    QTest::addRow("lowercase method") << QByteArray("get / HTTP/1.1\r\nHost: x\r\n\r\n") << 0 << 501;
    QTest::addRow("absolute form") << QByteArray("GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n") << 0 << 400;
    QTest::addRow("bare cr") << QByteArray("GET / HTTP/1.1\r\nHost: x\rY\r\n\r\n") << 0 << 400;
    QTest::addRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n  folded\r\n\r\n") << 0 << 400;
    QTest::addRow("nul in value") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n", 35) << 0 << 400;
    QTest::addRow("duplicate host") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n") << 0 << 400;
    QTest::addRow("negative length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") << 0
                                     << 400;
    QTest::addRow("http/1.2") << QByteArray("GET / HTTP/1.2\r\nHost: x\r\n\r\n") << 0 << 505;
    QTest::addRow("ok then bad") << get + "NOPE\r\n\r\n" << 1 << 400;
}

void TestHttpGuardScanner::verdicts()
{
    QFETCH(QByteArray, input);
    QFETCH(int, requests);
    QFETCH(int, status);
    for (qint64 step : {input.size(), qint64(1), qint64(7)}) {
        const Outcome outcome = run(input, step);
        QCOMPARE(outcome.requests, requests);
        QCOMPARE(outcome.status, status);
    }
}

void TestHttpGuardScanner::stopsAtRequestBoundary()
{
    RequestScanner scanner = makeScanner();
    const QByteArray first = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc";
    const QByteArray both = first + "GET /b HTTP/1.1\r\nHost: x\r\n\r\n";
    const qint64 pos = feedUntil(scanner, both, 0, RequestScanner::Event::RequestComplete);
    QCOMPARE(pos, first.size());
    // Until the response is written, nothing more is taken.
    QCOMPARE(scanner.feed(both.constData() + pos, both.size() - pos).consumed, 0);
    scanner.startNextRequest();
    QCOMPARE(scanner.feed(both.constData() + pos, both.size() - pos).event, RequestScanner::Event::HeadStarted);
}

void TestHttpGuardScanner::reportsHeadDetails()
{
    RequestScanner scanner = makeScanner();
    const QByteArray head = "PUT /%70hoto?token=secret HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                            "Content-Length: 10\r\n\r\n";
    feedUntil(scanner, head, 0, RequestScanner::Event::HeadComplete);
    QCOMPARE(scanner.method(), QByteArray("PUT"));
    QCOMPARE(scanner.path(), QByteArray("/photo"));
    QVERIFY(scanner.expectsContinue());
    QVERIFY(scanner.hasBody());
    QCOMPARE(scanner.bodyLimit(), 1000);
}

QTEST_GUILESS_MAIN(TestHttpGuardScanner)
#include "tst_httpguardscanner.moc"
