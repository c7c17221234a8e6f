// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>

namespace Colleagues::Server {

/*!
 * Hashes and verifies passwords with Argon2id at OWASP's parameters (19 MiB, 2 iterations,
 * 1 lane), on its own bounded thread pool so that at most maxConcurrent hashes run at once
 * and never on the caller's (HTTP) thread.
 */
class PasswordHasher : public QObject
{
    Q_OBJECT

public:
    static constexpr quint32 MemoryKiB = 19456;
    static constexpr quint32 Iterations = 2;
    static constexpr quint32 Lanes = 1;
    static constexpr quint32 SaltBytes = 16;
    static constexpr quint32 HashBytes = 32;

    explicit PasswordHasher(int maxConcurrent = 2, QObject *parent = nullptr);
    //! Waits for the hashes already submitted.
    ~PasswordHasher() override;

    //! The encoded Argon2id hash ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash") of \a password
    //! with a fresh random salt; empty only if libargon2 fails (out of memory).
    static QByteArray hashBlocking(const QByteArray &password);

    //! True when \a password matches \a encoded. An empty or unparsable \a encoded gives false
    //! after the same work as a real check, so timing does not reveal unknown accounts.
    static bool verifyBlocking(const QByteArray &encoded, const QByteArray &password);

    //! Runs hashBlocking() on the pool; \a done is then called in \a context's thread through
    //! a queued call (never from within hash()). Not called if \a context is destroyed first.
    void hash(const QByteArray &password, QObject *context, std::function<void(QByteArray)> done);
    //! Runs verifyBlocking() on the pool; \a done as for hash().
    void verify(const QByteArray &encoded, const QByteArray &password, QObject *context,
                std::function<void(bool)> done);

    //! Jobs submitted and not yet finished (queued or running).
    int pending() const;
    //! Jobs running right now; never more than maxConcurrent().
    int running() const;
    int maxConcurrent() const;

private:
    template<typename T>
    void submit(std::function<T()> work, QObject *context, std::function<void(T)> done);

    std::atomic<int> m_pending {0};
    std::atomic<int> m_running {0};
    QThreadPool m_pool; // declared last: destroyed (and waited for) first
};

} // namespace Colleagues::Server
