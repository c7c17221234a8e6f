// SPDX-License-Identifier: MIT
#include "server/storage/Storage.h"

#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Server;

class TestStorageConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("options");

        QTest::addRow("full") << u"postgresql://ada:secret@db.example:5433/colleagues"_qs << u"db.example"_qs << 5433
                              << u"ada"_qs << u"secret"_qs << u"colleagues"_qs << QString();
        QTest::addRow("defaults") << u"postgres:///colleagues"_qs << u"localhost"_qs << 5432 << QString() << QString()
                                  << u"colleagues"_qs << QString();
        QTest::addRow("percent-encoded") << u"postgresql://ad%40a:p%3Ass%2Fw%25rd@127.0.0.1/my%20db"_qs
                                         << u"127.0.0.1"_qs << 5432 << u"ad@a"_qs << u"p:ss/w%rd"_qs << u"my db"_qs
                                         << QString();
        QTest::addRow("options") << u"postgresql://u@h/db?sslmode=require&connect_timeout=3"_qs << u"h"_qs << 5432
                                 << u"u"_qs << QString() << u"db"_qs << u"sslmode=require;connect_timeout=3"_qs;
        QTest::addRow("unix socket") << u"postgresql://u@/db?host=%2Fvar%2Frun%2Fpostgresql"_qs
                                     << u"/var/run/postgresql"_qs << 5432 << u"u"_qs << QString() << u"db"_qs
                                     << QString();
    }

    void fromUrl()
    {
        QFETCH(QString, url);
        const auto config = StorageConfig::fromUrl(url);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        QCOMPARE(config->backend, StorageConfig::Backend::Postgres);
        QTEST(config->host, "host");
        QTEST(config->port, "port");
        QTEST(config->user, "user");
        QTEST(config->password, "password");
        QTEST(config->databaseName, "database");
        QTEST(config->connectOptions, "options");
        QVERIFY(!config->displayName().contains(u"secret"));
    }

    void fromUrlRejects_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addRow("empty") << QString();
        QTest::addRow("mysql") << u"mysql://u@h/db"_qs;
        QTest::addRow("no database") << u"postgresql://u@h/"_qs;
        QTest::addRow("nested path") << u"postgresql://u@h/a/b"_qs;
        QTest::addRow("bad port") << u"postgresql://u@h:99999/db"_qs;
        QTest::addRow("option injection") << u"postgresql://u@h/db?sslmode=require%20password%3Dx"_qs;
        QTest::addRow("bad option key") << u"postgresql://u@h/db?SSL-Mode=1"_qs;
    }

    void fromUrlRejects()
    {
        QFETCH(QString, url);
        const auto config = StorageConfig::fromUrl(url);
        QVERIFY(!config);
        QCOMPARE(config.error().field, u"database_url"_qs);
        QVERIFY(!config.error().message.isEmpty());
        QVERIFY(!isDatabaseFailure(config.error()));
    }

    void sqlite()
    {
        const StorageConfig config = StorageConfig::sqlite(u"/tmp/x"_qs);
        QCOMPARE(config.backend, StorageConfig::Backend::Sqlite);
        QCOMPARE(config.sqliteFile(), u"/tmp/x/colleagues.db"_qs);
    }

    void roles()
    {
        QCOMPARE(roleName(Role::Admin), u"admin"_qs);
        QCOMPARE(roleName(Role::Member), u"member"_qs);
        QCOMPARE(roleFromName(u"admin"), Role::Admin);
        QCOMPARE(roleFromName(u"member"), Role::Member);
        QVERIFY(!roleFromName(u"root"));
    }

    void databaseFailureIsRecognizable()
    {
        QVERIFY(isDatabaseFailure(databaseFailure()));
        QVERIFY(!isDatabaseFailure(Error {}));
        QVERIFY(!isDatabaseFailure(Error {Error::Code::Required, u"to"_qs, u"to is required."_qs}));
    }
};

QTEST_GUILESS_MAIN(TestStorageConfig)
#include "tst_storageconfig.moc"
