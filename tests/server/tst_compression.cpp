// SPDX-License-Identifier: MIT
// gzip for large answers: which requests get it (Accept-Encoding), which answers never do
// (writes, small ones, ones with an ETag), and that a compressed sync page is the same page,
// also when its statuses come from pieces compressed once for every page (PageCompressor).

#include "server/http/Compression.h"
#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"
#include "server/http/PageCompressor.h"

#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

#include <zlib.h>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

//! Inflates a gzip member with zlib, independently of the server's code; empty on any error.
QByteArray gunzip(const QByteArray &data)
{
    z_stream stream {};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    char chunk[64 * 1024];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(chunk, qsizetype(sizeof chunk - stream.avail_out));
    }
    const bool whole = result == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    return whole ? out : QByteArray();
}

} // namespace

class TestCompression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptEncoding_data();
    void acceptEncoding();
    void gzipRoundTrips();
    void onlyLargeReadsAreCompressed();
    void syncPageIsTheSamePage();
    void piecesMakeTheSamePage();
    void heldPagesOfStatusesAreCompressed();
    void qtClientsGetItByThemselves();

private:
    Client::Headers auth(const QByteArray &acceptEncoding) const
    {
        return {{"Authorization", "Bearer " + m_token}, {"Accept-Encoding", acceptEncoding}};
    }

    static constexpr int StatusChangers = 10;
    static QString changer(int i) { return u"teammate%1"_qs.arg(i); }

    ServerProcess m_server;
    std::unique_ptr<Client> m_client;
    QByteArray m_token;
};

void TestCompression::initTestCase()
{
    QVERIFY(m_server.isValid());
    QVERIFY2(m_server.seedDemo(300), qPrintable(m_server.errorString()));
    for (int i = 1; i <= StatusChangers; ++i)
        QVERIFY2(m_server.addUser(changer(i), changer(i) + u"-password"_qs), qPrintable(m_server.errorString()));
    QVERIFY2(m_server.start(0, {u"--metrics-listen"_qs, u"127.0.0.1:0"_qs}), qPrintable(m_server.errorString()));
    m_client = std::make_unique<Client>(m_server.url());
    const Response signIn = m_client->signIn(QStringLiteral("ada"), ServerProcess::demoPassword(u"ada"_qs));
    QCOMPARE(signIn.status, 200);
    QVERIFY2(signIn.header("Content-Encoding").isEmpty(), "a sign-in answer carries a token: never compressed");
    m_token = signIn.json().value(u"token"_qs).toString().toUtf8();
    QVERIFY(!m_token.isEmpty());
}

void TestCompression::acceptEncoding_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("gzip");
    QTest::addRow("gzip") << QByteArray("gzip") << true;
    QTest::addRow("Qt's default") << QByteArray("gzip, deflate") << true;
    QTest::addRow("curl --compressed") << QByteArray("deflate, gzip, br, zstd") << true;
    QTest::addRow("upper case, spaces") << QByteArray("  GZIP ") << true;
    QTest::addRow("x-gzip") << QByteArray("x-gzip") << true;
    QTest::addRow("any") << QByteArray("*") << true;
    QTest::addRow("with q") << QByteArray("br;q=1.0, gzip;q=0.5") << true;
    QTest::addRow("refused with q=0") << QByteArray("gzip;q=0") << false;
    QTest::addRow("refused, spaced") << QByteArray("gzip ; q=0.0") << false;
    QTest::addRow("identity") << QByteArray("identity") << false;
    QTest::addRow("other codings") << QByteArray("deflate, br") << false;
    QTest::addRow("empty") << QByteArray() << false;
    QTest::addRow("a longer name") << QByteArray("gzipped") << false;
}

void TestCompression::acceptEncoding()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, gzip);
    QCOMPARE(Compression::acceptsGzip(header), gzip);
}

void TestCompression::gzipRoundTrips()
{
    QByteArray text;
    for (int i = 0; i < 5000; ++i)
        text += R"({"username":"user)" + QByteArray::number(i) + R"(","display_name":"Zoë Müller"},)";
    const QByteArray packed = Compression::gzip(text);
    QVERIFY(packed.startsWith("\x1f\x8b"));
    QVERIFY(packed.size() * 5 < text.size());
    QCOMPARE(gunzip(packed), text);
    QCOMPARE(gunzip(Compression::gzip(QByteArray())), QByteArray());
}

void TestCompression::onlyLargeReadsAreCompressed()
{
    // The rule on its own, for answers the routes do not make today.
    HttpRequest get;
    get.method = "GET";
    get.headers.insert("accept-encoding", "gzip");
    HttpResponse large = HttpResponse::json(200, QByteArray(R"({"a":")") + QByteArray(4000, 'x') + "\"}");
    HttpResponse copy = large;
    QVERIFY(Compression::compressIfAccepted(get, copy));
    QCOMPARE(copy.header("Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(copy.header("Vary"), QByteArray("Accept-Encoding"));
    QCOMPARE(gunzip(copy.body), large.body);

    HttpRequest post = get;
    post.method = "POST";
    copy = large;
    QVERIFY(!Compression::compressIfAccepted(post, copy));
    HttpResponse small = HttpResponse::json(200, QByteArray(R"({"a":1})"));
    QVERIFY(!Compression::compressIfAccepted(get, small));
    copy = large;
    copy.addHeader("ETag", "\"v1\"");
    QVERIFY(!Compression::compressIfAccepted(get, copy));
    copy = large;
    copy.status = 404;
    QVERIFY(!Compression::compressIfAccepted(get, copy));
    copy = large;
    copy.contentType = "image/jpeg";
    QVERIFY(!Compression::compressIfAccepted(get, copy));

    // Over HTTP: a profile (small, with an ETag) and a sent message (a write) are not compressed.
    const Response profile = m_client->get(u"/api/v1/profiles/grace"_qs, auth("gzip"));
    QCOMPARE(profile.status, 200);
    QVERIFY(profile.header("Content-Encoding").isEmpty());
    const Response sent = m_client->send(
        "POST", u"/api/v1/messages"_qs,
        QJsonDocument(QJsonObject {{u"to"_qs, u"grace"_qs}, {u"body"_qs, QString(3000, u'x')}}).toJson(),
        auth("gzip")
            + Client::Headers {{"Content-Type", "application/json"},
                               {"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}});
    QCOMPARE(sent.status, 201);
    QVERIFY(sent.header("Content-Encoding").isEmpty());
}

void TestCompression::syncPageIsTheSamePage()
{
    const QString page = u"/api/v1/sync?since=0&limit=200"_qs;
    const Response plain = m_client->get(page, auth("identity"));
    QCOMPARE(plain.status, 200);
    QVERIFY(plain.header("Content-Encoding").isEmpty());
    QCOMPARE(plain.json().value(u"profiles"_qs).toArray().size(), 200);

    const Response packed = m_client->get(page, auth("gzip"));
    QCOMPARE(packed.status, 200);
    QCOMPARE(packed.header("Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(packed.header("Vary"), QByteArray("Accept-Encoding"));
    const QByteArray inflated = gunzip(packed.body);
    QVERIFY(!inflated.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(inflated), QJsonDocument::fromJson(plain.body));
    qInfo("a 200-profile sync page: %lld bytes, %lld gzipped (%.1f×)", qint64(plain.body.size()),
          qint64(packed.body.size()), double(plain.body.size()) / double(packed.body.size()));
    QVERIFY(packed.body.size() * 4 < plain.body.size());
}

void TestCompression::piecesMakeTheSamePage()
{
    // A feed of statuses in sequence order, and pages of it from cursors anywhere, as 10,000
    // clients' long-polls ask for them.
    int made = 0;
    const auto status = [&made](const QByteArray &text) {
        ++made;
        return std::make_shared<const SyncStatus>(
            SyncStatus {Status {},
                        R"({"availability":"available","presence":"online","text":")" + text + R"(","username":"person)"
                            + QByteArray::number(made) + "\"}"});
    };
    QList<SyncStatusPtr> feed;
    for (int i = 0; i < 2000; ++i)
        feed.append(status(QByteArray::number(i % 7 == 0 ? i : 0)));
    const auto page = [](const QByteArray &prefix, const QList<SyncStatusPtr> &statuses, const QByteArray &suffix) {
        QByteArray text = prefix;
        for (qsizetype i = 0; i < statuses.size(); ++i)
            text += (i ? "," : "") + statuses.at(i)->json;
        return text + suffix;
    };

    PageCompressor compressor;
    QRandomGenerator random(16);
    const QByteArray suffix = R"(],"vocabulary_version":"v1"})";
    for (int i = 0; i < 300; ++i) {
        const qsizetype from = random.bounded(int(feed.size()));
        const qsizetype to = from + random.bounded(int(feed.size() - from) + 1);
        const QList<SyncStatusPtr> statuses = feed.mid(from, to - from);
        // Most pages have nothing before their statuses; some have profiles and messages (a
        // prefix long enough to be deflated rather than stored).
        const QByteArray prefix = i % 5 == 0 ? R"({"messages":[)" + QByteArray(3000, 'm') + R"(],"statuses":[)"
                                             : QByteArray(R"({"messages":[],"statuses":[)");
        const QByteArray expected = page(prefix, statuses, suffix);
        const QByteArray packed = compressor.gzip(prefix, statuses, suffix);
        QCOMPARE(gunzip(packed), expected);
        if (statuses.size() > 100)
            QVERIFY2(packed.size() * 4 < expected.size(), qPrintable(QString::number(packed.size())));
    }
    // Pages starting at different cursors share the pieces between: most were not made again.
    qInfo("300 pages: %lld pieces made, %lld reused", compressor.piecesMade(), compressor.piecesReused());
    QVERIFY(compressor.piecesReused() > 2 * compressor.piecesMade());

    // A person whose status changes again leaves the run (their new status comes at its end):
    // a kept piece that held the old one is not used for the pages after.
    const qint64 madeBefore = compressor.piecesMade();
    const QList<SyncStatusPtr> before = feed.mid(900, 200);
    QCOMPARE(gunzip(compressor.gzip({}, before, "]}")), page({}, before, "]}"));
    feed.removeAt(1000);
    feed.append(status("changed"));
    const QList<SyncStatusPtr> after = feed.mid(900);
    QCOMPARE(gunzip(compressor.gzip({}, after, "]}")), page({}, after, "]}"));
    QVERIFY(compressor.piecesMade() > madeBefore);

    // The edges: no statuses, no prefix, one status, a suffix beyond one stored block.
    QCOMPARE(gunzip(compressor.gzip("{\"statuses\":[", {}, "]}")), QByteArray("{\"statuses\":[]}"));
    QCOMPARE(gunzip(compressor.gzip({}, feed.mid(5, 1), {})), feed.at(5)->json);
    const QByteArray longSuffix = "]," + QByteArray(70000, 's') + "}";
    QCOMPARE(gunzip(compressor.gzip("[", feed.mid(0, 3), longSuffix)), page("[", feed.mid(0, 3), longSuffix));
}

void TestCompression::heldPagesOfStatusesAreCompressed()
{
    // Ten people change their status while ada's sync is held, watching the last of them: the
    // answer that person's change brings holds all ten, compressed from pieces; and a page read
    // at once is the same page compressed or not.
    std::vector<std::unique_ptr<Client>> changers;
    QStringList names;
    for (int i = 1; i <= StatusChangers; ++i) {
        auto client = std::make_unique<Client>(m_server.url());
        const Response signIn = client->signIn(changer(i), changer(i) + u"-password"_qs);
        QCOMPARE(signIn.status, 200);
        names.append(changer(i));
        changers.push_back(std::move(client));
    }
    const qint64 cursor = m_client->syncEnd();
    QNetworkReply *held = m_client->start(
        "GET", u"/api/v1/sync?since=%1&timeout=30&watch=%2"_qs.arg(cursor).arg(names.last()), {}, auth("gzip"));
    const auto text = [](const QString &username) { return u"Reviewing the %1 migration this week"_qs.arg(username); };
    for (qsizetype i = 0; i < names.size(); ++i) {
        const Response put = changers.at(size_t(i))->putJson(
            u"/api/v1/me/status"_qs,
            QJsonObject {{u"availability"_qs, u"available"_qs}, {u"text"_qs, text(names.at(i))}});
        QCOMPARE(put.status, 200);
        if (i + 1 < names.size())
            QVERIFY2(!held->isFinished(), "others' statuses do not end the wait");
    }
    QTRY_VERIFY_WITH_TIMEOUT(held->isFinished(), 10000);
    const Response answer = Client::collect(held);
    held->deleteLater();
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("Content-Encoding"), QByteArray("gzip"));
    const QJsonObject page = QJsonDocument::fromJson(gunzip(answer.body)).object();
    QHash<QString, QString> texts;
    for (const QJsonValue &status : page.value(u"statuses"_qs).toArray())
        texts.insert(status[u"username"_qs].toString(), status[u"text"_qs].toString());
    for (const QString &name : std::as_const(names))
        QCOMPARE(texts.value(name), text(name));

    // Byte for byte (a change between the reads, say someone's presence, makes them differ:
    // the compressed one then matches the page read after it).
    const QString path = u"/api/v1/sync?since=%1"_qs.arg(cursor);
    const Response plain = m_client->get(path, auth("identity"));
    const Response packed = m_client->get(path, auth("gzip"));
    const Response plainAfter = m_client->get(path, auth("identity"));
    QCOMPARE(packed.header("Content-Encoding"), QByteArray("gzip"));
    const QByteArray inflated = gunzip(packed.body);
    QVERIFY(inflated == plain.body || inflated == plainAfter.body);
}

void TestCompression::qtClientsGetItByThemselves()
{
    // Without an Accept-Encoding of its own, Qt's network stack asks for gzip and inflates the
    // answer: the desktop app's sync gets compressed pages without code of its own.
    // The server's count of body bytes sent tells what went over the wire.
    Client metrics(m_server.metricsUrl());
    const auto bytesSent = [&metrics] {
        const Response r = metrics.get(u"/metrics"_qs);
        return std::pair {Client::metricValue(r.body, "colleagues_http_response_body_bytes_total"),
                          double(r.body.size())};
    };
    const Response plain = m_client->get(u"/api/v1/sync?since=0&limit=200"_qs, auth("identity"));
    const auto [before, exposition] = bytesSent();
    const Response automatic =
        m_client->get(u"/api/v1/sync?since=0&limit=200"_qs, {{"Authorization", "Bearer " + m_token}});
    const auto [after, unused] = bytesSent();
    Q_UNUSED(unused)
    QCOMPARE(automatic.status, 200);
    QCOMPARE(QJsonDocument::fromJson(automatic.body), QJsonDocument::fromJson(plain.body));
    // The count includes the first /metrics answer, written after it was read.
    const double sent = after - before - exposition;
    QVERIFY2(sent > 0 && sent * 4 < plain.body.size(),
             qPrintable(QStringLiteral("%1 bytes sent for a %2-byte page").arg(sent).arg(plain.body.size())));
}

QTEST_GUILESS_MAIN(TestCompression)
#include "tst_compression.moc"
