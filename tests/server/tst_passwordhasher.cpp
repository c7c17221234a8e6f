// SPDX-License-Identifier: MIT
#include "server/accounts/PasswordHasher.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Colleagues::Server;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const QByteArray encoded = PasswordHasher::hashBlocking("correct horse battery staple");
        QVERIFY2(encoded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), encoded.constData());
        QVERIFY(PasswordHasher::verifyBlocking(encoded, "correct horse battery staple"));
    }

    void saltMakesEveryHashDifferent()
    {
        QVERIFY(PasswordHasher::hashBlocking("same password") != PasswordHasher::hashBlocking("same password"));
    }

    void wrongPassword()
    {
        const QByteArray encoded = PasswordHasher::hashBlocking("correct horse battery staple");
        QVERIFY(!PasswordHasher::verifyBlocking(encoded, "correct horse battery stapler"));
        QVERIFY(!PasswordHasher::verifyBlocking(encoded, ""));
    }

    void garbageEncoded_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        const QByteArray good = PasswordHasher::hashBlocking("pw");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("text") << QByteArray("not a hash");
        QTest::addRow("truncated") << good.left(good.size() - 10);
        QTest::addRow("argon2i") << QByteArray(good).replace("$argon2id$", "$argon2i$");
        QTest::addRow("huge memory") << QByteArray(good).replace("m=19456", "m=4000000");
        QTest::addRow("plain text password") << QByteArray("pw");
    }

    void garbageEncoded()
    {
        QFETCH(QByteArray, encoded);
        QVERIFY(!PasswordHasher::verifyBlocking(encoded, "pw"));
    }

    void asyncDeliversLaterOnCallersThread()
    {
        PasswordHasher hasher;
        QByteArray result;
        QThread *deliveredOn = nullptr;
        hasher.hash("secret password", this, [&](QByteArray encoded) {
            result = std::move(encoded);
            deliveredOn = QThread::currentThread();
        });
        // Never answered synchronously, even if the pool happens to be quick.
        QVERIFY(result.isEmpty());
        QTRY_VERIFY(!result.isEmpty());
        QCOMPARE(deliveredOn, QThread::currentThread());
        QCOMPARE(hasher.pending(), 0);

        int verified = -1;
        hasher.verify(result, "secret password", this, [&](bool ok) { verified = ok ? 1 : 0; });
        QCOMPARE(verified, -1);
        QTRY_COMPARE(verified, 1);
        hasher.verify(result, "wrong", this, [&](bool ok) { verified = ok ? 1 : 0; });
        QTRY_COMPARE(verified, 0);
    }

    void asyncDeliversOnContextsThread()
    {
        PasswordHasher hasher;
        QThread thread;
        thread.start();
        QObject context;
        context.moveToThread(&thread);
        std::atomic<QThread *> deliveredOn = nullptr;
        hasher.hash("pw", &context, [&](QByteArray) { deliveredOn = QThread::currentThread(); });
        QTRY_VERIFY(deliveredOn.load() != nullptr);
        QCOMPARE(deliveredOn.load(), &thread);
        thread.quit();
        thread.wait();
    }

    void destroyedContextIsNotCalled()
    {
        PasswordHasher hasher;
        bool called = false;
        auto context = std::make_unique<QObject>();
        hasher.hash("pw", context.get(), [&](QByteArray) { called = true; });
        hasher.verify(PasswordHasher::hashBlocking("pw"), "pw", context.get(), [&](bool) { called = true; });
        context.reset();
        QTRY_COMPARE(hasher.pending(), 0);
        // Give any (wrongly) queued delivery a chance to arrive.
        QCoreApplication::processEvents();
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void concurrencyIsBounded()
    {
        PasswordHasher hasher(2);
        QCOMPARE(hasher.maxConcurrent(), 2);
        const int jobs = 8;
        int finished = 0;
        for (int i = 0; i < jobs; ++i)
            hasher.hash(QByteArray::number(i), this, [&](QByteArray) { ++finished; });
        QCOMPARE(hasher.pending(), jobs);
        int maxRunning = 0;
        QDeadlineTimer deadline(30000);
        while (finished < jobs && !deadline.hasExpired()) {
            maxRunning = qMax(maxRunning, hasher.running());
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        }
        QCOMPARE(finished, jobs);
        QVERIFY(maxRunning >= 1);
        QVERIFY2(maxRunning <= 2, qPrintable(QString::number(maxRunning)));
    }

    void destructorWaitsForJobs()
    {
        auto hasher = std::make_unique<PasswordHasher>(1);
        bool called = false;
        hasher->hash("a", this, [&](QByteArray) { called = true; });
        hasher->hash("b", this, [&](QByteArray) { called = true; });
        hasher.reset(); // must not crash; the jobs finish and their results are still delivered
        QTRY_VERIFY(called);
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
