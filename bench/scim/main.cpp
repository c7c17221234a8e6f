// SPDX-License-Identifier: MIT
// bench-scim: what an identity provider's provisioning costs colleagues-server on loopback, one
// request at a time as Okta and Entra ID send them: POST /scim/v2/Users (account and profile),
// GET with filter=userName eq (the look-up before each create), PATCH active=false
// (deprovisioning: account disabled, sessions ended, profile removed). Prints the median and the
// 95th percentile of each, on SQLite, or on PostgreSQL with --postgres (COLLEAGUES_TEST_PG).
//
//   bench-scim [--users N] [--postgres]

#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Colleagues::Test;

namespace {

//! Runs \a request \a n times (with the index) and prints the median and p95 in milliseconds;
//! false when an answer had another status than \a status.
bool measure(const char *name, int n, int status, const std::function<Response(int)> &request)
{
    QList<qint64> times;
    times.reserve(n);
    for (int i = 0; i < n; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Response r = request(i);
        times.append(timer.nsecsElapsed());
        if (r.status != status) {
            std::fprintf(stderr, "%s #%d answered %d: %s\n", name, i, r.status, r.body.constData());
            return false;
        }
    }
    std::sort(times.begin(), times.end());
    std::printf("%-34s n=%-6d median %7.2f ms   p95 %7.2f ms\n", name, n, double(times.at(n / 2)) / 1e6,
                double(times.at(std::min<qsizetype>(n - 1, n * 95 / 100))) / 1e6);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("How many users (default 1000)."),
                                   QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption postgres(QStringLiteral("postgres"), QStringLiteral("Use COLLEAGUES_TEST_PG."));
    parser.addOptions({users, postgres});
    parser.addHelpOption();
    parser.process(app);
    const int n = qMax(10, parser.value(users).toInt());

    std::unique_ptr<TestDatabase> database;
    std::unique_ptr<ServerProcess> server;
    if (parser.isSet(postgres)) {
        QString skip;
        database = TestDatabase::createOrSkip(QStringLiteral("postgres"), &skip);
        if (!database) {
            std::fprintf(stderr, "no PostgreSQL: %s\n", qPrintable(skip));
            return 1;
        }
        server = std::make_unique<ServerProcess>(*database);
    } else {
        server = std::make_unique<ServerProcess>();
    }
    const CliRun token =
        server->run(QStringList {QStringLiteral("scim-token"), QStringLiteral("create"), QStringLiteral("bench")}
                    + server->dataArguments());
    if (!token.succeeded() || !server->start()) {
        std::fprintf(stderr, "%s %s\n", qPrintable(token.describe()), qPrintable(server->errorString()));
        return 1;
    }
    Client client(server->url());
    client.setToken(token.out.trimmed().toLatin1());
    const Client::Headers scimJson {{"Content-Type", "application/scim+json"}};
    std::printf("bench-scim: %d users on %s\n", n, parser.isSet(postgres) ? "PostgreSQL" : "SQLite");

    QStringList ids;
    const bool ok =
        measure(
            "POST /Users", n, 201,
            [&](int i) {
                const QJsonObject user {
                    {QStringLiteral("schemas"),
                     QJsonArray {QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User")}},
                    {QStringLiteral("userName"), QStringLiteral("person%1@example.com").arg(i)},
                    {QStringLiteral("name"),
                     QJsonObject {{QStringLiteral("givenName"), QStringLiteral("Given%1").arg(i)},
                                  {QStringLiteral("familyName"), QStringLiteral("Family")}}},
                    {QStringLiteral("title"), QStringLiteral("Engineer")},
                    {QStringLiteral("emails"),
                     QJsonArray {QJsonObject {{QStringLiteral("value"), QStringLiteral("person%1@example.com").arg(i)},
                                              {QStringLiteral("type"), QStringLiteral("work")}}}},
                };
                Response r = client.send("POST", QStringLiteral("/scim/v2/Users"),
                                         QJsonDocument(user).toJson(QJsonDocument::Compact), scimJson);
                ids.append(r.json().value(QStringLiteral("id")).toString());
                return r;
            })
        && measure("GET /Users?filter=userName eq", n, 200,
                   [&](int i) {
                       return client.get(
                           QStringLiteral("/scim/v2/Users?filter=userName%20eq%20%22person%1%40example.com%22").arg(i));
                   })
        && measure("PATCH active=false", n, 200, [&](int i) {
               return client.send("PATCH", QStringLiteral("/scim/v2/Users/") + ids.at(i),
                                  R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],)"
                                  R"("Operations":[{"op":"replace","value":{"active":false}}]})",
                                  scimJson);
           });
    server->stop();
    return ok ? 0 : 1;
}
