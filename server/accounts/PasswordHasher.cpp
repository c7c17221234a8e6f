// SPDX-License-Identifier: MIT
#include "server/accounts/PasswordHasher.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <argon2.h>

#include <array>
#include <memory>

namespace Colleagues::Server {

namespace {

// Delivers a finished job to its context's thread. A connection to the context (rather than
// a raw pointer kept by the worker) is what makes a destroyed context safe: Qt drops the
// connection, or the queued call, when the context goes away.
class Relay : public QObject
{
    Q_OBJECT

public:
    //! Called on the pool's thread once the job's result is written.
    void deliver() { Q_EMIT ready(QPrivateSignal()); }

Q_SIGNALS:
    void ready(QPrivateSignal);
};

// Upper bounds for hashes we agree to verify, so that a corrupted or planted hash cannot make
// one sign-in allocate gigabytes.
constexpr quint32 MaxMemoryKiB = 256 * 1024;
constexpr quint32 MaxIterations = 16;
constexpr quint32 MaxLanes = 16;

bool isAcceptableEncoding(const QByteArray &encoded)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,3})\\$[A-Za-z0-9+/]{11,}\\$[A-Za-z0-9+/]{22,}$"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(encoded));
    if (!match.hasMatch())
        return false;
    const quint32 memory = match.captured(1).toUInt();
    const quint32 iterations = match.captured(2).toUInt();
    const quint32 lanes = match.captured(3).toUInt();
    return memory >= 8 && memory <= MaxMemoryKiB && iterations >= 1 && iterations <= MaxIterations && lanes >= 1
        && lanes <= MaxLanes;
}

const QByteArray &dummyHash()
{
    static const QByteArray hash = PasswordHasher::hashBlocking(QByteArrayLiteral("colleagues: no such account"));
    return hash;
}

} // namespace

PasswordHasher::PasswordHasher(int maxConcurrent, QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(qMax(1, maxConcurrent));
    m_pool.setObjectName(QStringLiteral("PasswordHasher"));
}

PasswordHasher::~PasswordHasher()
{
    m_pool.waitForDone();
}

QByteArray PasswordHasher::hashBlocking(const QByteArray &password)
{
    std::array<quint32, SaltBytes / sizeof(quint32)> salt;
    QRandomGenerator::system()->fillRange(salt.data(), salt.size());

    QByteArray encoded(
        static_cast<qsizetype>(argon2_encodedlen(Iterations, MemoryKiB, Lanes, SaltBytes, HashBytes, Argon2_id)),
        Qt::Uninitialized);
    const int rc =
        argon2id_hash_encoded(Iterations, MemoryKiB, Lanes, password.constData(), static_cast<size_t>(password.size()),
                              salt.data(), SaltBytes, HashBytes, encoded.data(), static_cast<size_t>(encoded.size()));
    if (rc != ARGON2_OK)
        return {};
    encoded.truncate(static_cast<qsizetype>(qstrlen(encoded.constData())));
    return encoded;
}

bool PasswordHasher::verifyBlocking(const QByteArray &encoded, const QByteArray &password)
{
    if (!isAcceptableEncoding(encoded)) {
        // Same cost as a real check, and always false.
        argon2id_verify(dummyHash().constData(), password.constData(), static_cast<size_t>(password.size()));
        return false;
    }
    return argon2id_verify(encoded.constData(), password.constData(), static_cast<size_t>(password.size()))
        == ARGON2_OK;
}

template<typename T>
void PasswordHasher::submit(std::function<T()> work, QObject *context, std::function<void(T)> done)
{
    auto result = std::make_shared<T>();
    auto *relay = new Relay;
    if (context) {
        connect(
            relay, &Relay::ready, context, [result, done = std::move(done)] { done(std::move(*result)); },
            Qt::QueuedConnection);
        relay->moveToThread(context->thread());
    }
    ++m_pending;
    m_pool.start([this, relay, result, work = std::move(work)] {
        ++m_running;
        *result = work();
        --m_running;
        --m_pending;
        relay->deliver();
        relay->deleteLater();
    });
}

void PasswordHasher::hash(const QByteArray &password, QObject *context, std::function<void(QByteArray)> done)
{
    submit<QByteArray>([password] { return hashBlocking(password); }, context, std::move(done));
}

void PasswordHasher::verify(const QByteArray &encoded, const QByteArray &password, QObject *context,
                            std::function<void(bool)> done)
{
    submit<bool>([encoded, password] { return verifyBlocking(encoded, password); }, context, std::move(done));
}

int PasswordHasher::pending() const
{
    return m_pending.load();
}

int PasswordHasher::running() const
{
    return m_running.load();
}

int PasswordHasher::maxConcurrent() const
{
    return m_pool.maxThreadCount();
}

} // namespace Colleagues::Server

#include "PasswordHasher.moc"
