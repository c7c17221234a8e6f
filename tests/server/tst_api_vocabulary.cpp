// SPDX-License-Identifier: MIT
// GET /api/v1/vocabulary and the vocabulary_version of sync pages, against the real
// colleagues-server on a free port, on SQLite and on PostgreSQL.

#include "core/Vocabulary.h"
#include "server/accounts/Tokens.h"
#include "server/http/VocabularyService.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/ServerTest.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

class TestApiVocabulary : public ServerTest
{
    Q_OBJECT

private Q_SLOTS:
    void requiresSignIn();
    void servesTheDefault();
    void notModifiedWithETag();
    void syncPagesCarryTheVersion();
    void importChangesTheVersion();

private:
    void setUpBackend(ServerEnvironment &e) override { QVERIFY(e.addMembers({u"alice"_qs})); }
};

void TestApiVocabulary::requiresSignIn()
{
    const Response r = client()->get(u"/api/v1/vocabulary"_qs);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"unauthorized"_qs);
}

void TestApiVocabulary::servesTheDefault()
{
    const Response r = client(u"alice"_qs)->get(u"/api/v1/vocabulary"_qs);
    QVERIFY2(r.status == 200, env().server->log().right(2000).constData());
    const Vocabulary defaults = Vocabulary::defaults();
    QVERIFY(!defaults.isEmpty());
    QCOMPARE(r.header("ETag"), '"' + defaults.version().toLatin1() + '"');
    const Expected<Vocabulary> served = vocabularyFromJson(r.json());
    QVERIFY2(served, served ? "" : qPrintable(served.error().message));
    QCOMPARE(served->version(), defaults.version());
    QCOMPARE(served->entries(), defaults.entries());
}

void TestApiVocabulary::notModifiedWithETag()
{
    auto c = client(u"alice"_qs);
    const Response first = c->get(u"/api/v1/vocabulary"_qs);
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("ETag");
    QVERIFY(!etag.isEmpty());

    const Response again = c->get(u"/api/v1/vocabulary"_qs, {{"If-None-Match", etag}});
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    QCOMPARE(again.header("ETag"), etag);

    const Response other = c->get(u"/api/v1/vocabulary"_qs, {{"If-None-Match", "\"0123\""}});
    QCOMPARE(other.status, 200);
    QCOMPARE(other.body, first.body);
}

void TestApiVocabulary::syncPagesCarryTheVersion()
{
    auto c = client(u"alice"_qs);
    const QString version = c->get(u"/api/v1/vocabulary"_qs).json().value(u"version"_qs).toString();
    QVERIFY(!version.isEmpty());
    const Response page = c->get(u"/api/v1/sync?since=0"_qs);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json().value(u"vocabulary_version"_qs).toString(), version);
    // A long-poll that times out answers an empty page: it carries the version too.
    const qint64 next = page.json().value(u"next"_qs).toInteger();
    const Response empty = c->send("GET", u"/api/v1/sync?since=%1&timeout=1"_qs.arg(next), {}, {}, 10000);
    QCOMPARE(empty.status, 200);
    QVERIFY(empty.json().value(u"profiles"_qs).toArray().isEmpty());
    QCOMPARE(empty.json().value(u"vocabulary_version"_qs).toString(), version);
}

void TestApiVocabulary::importChangesTheVersion()
{
    auto c = client(u"alice"_qs);
    const Response before = c->get(u"/api/v1/vocabulary"_qs);
    QCOMPARE(before.status, 200);

    const auto imported = Vocabulary::parse(u"skill Kubernetes | k8s ~ Helm\nplace Köln | Cologne\n"_qs);
    QVERIFY(imported);
    VocabularyService service(&env().db->storage());
    const auto served = service.import(imported.value(), VocabularyService::ImportMode::Replace);
    QVERIFY2(served, served ? "" : qPrintable(served.error().message));
    QVERIFY(served->version() != before.json().value(u"version"_qs).toString());

    // The old ETag no longer matches: the new vocabulary comes back.
    const Response after = c->get(u"/api/v1/vocabulary"_qs, {{"If-None-Match", before.header("ETag")}});
    QCOMPARE(after.status, 200);
    QCOMPARE(after.header("ETag"), '"' + served->version().toLatin1() + '"');
    const Expected<Vocabulary> decoded = vocabularyFromJson(after.json());
    QVERIFY(decoded);
    QCOMPARE(decoded->entries(), imported->entries());
    QCOMPARE(c->get(u"/api/v1/sync?since=0"_qs).json().value(u"vocabulary_version"_qs).toString(), served->version());

    // Back to the default content, for the other tests of this backend.
    QVERIFY(service.import(Vocabulary::defaults(), VocabularyService::ImportMode::Replace));
    QCOMPARE(c->get(u"/api/v1/vocabulary"_qs).header("ETag"), before.header("ETag"));
}

QTEST_GUILESS_MAIN(TestApiVocabulary)
#include "tst_api_vocabulary.moc"
