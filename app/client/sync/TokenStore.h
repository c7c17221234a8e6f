// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Colleagues {

/*!
 * Keeps bearer tokens (never passwords) between runs: in the operating system's keychain
 * through QtKeychain (the Secret Service on Linux). Where no keychain service runs, it
 * says so and keeps the token in memory only, unless the user opted in to a token file
 * (setTokenFile()), which is written with mode 0600.
 */
class TokenStore : public QObject
{
    Q_OBJECT

public:
    enum class Where {
        Nowhere, //!< nothing stored / nothing found
        Keychain,
        File,
        Memory, //!< this process only
    };
    Q_ENUM(Where)

    struct Outcome
    {
        bool ok = false;
        Where where = Where::Nowhere;
        QByteArray token; //!< for read()
        QString message; //!< a sentence for the user when something is not as asked (e.g. no keychain)
    };
    using Callback = std::function<void(const Outcome &)>;

    explicit TokenStore(QObject *parent = nullptr);

    //! Opts in to keeping tokens in \a path (mode 0600) instead of the keychain; empty: keychain.
    void setTokenFile(const QString &path) { m_tokenFile = path; }
    QString tokenFile() const { return m_tokenFile; }
    //! How long to wait for the keychain before treating it as unavailable.
    void setKeychainTimeout(int ms) { m_keychainTimeoutMs = ms; }

    //! Stores \a token for \a account (e.g. "alice@https://colleagues.example.com").
    void write(const QString &account, const QByteArray &token, QObject *context, Callback done);
    void read(const QString &account, QObject *context, Callback done);
    void remove(const QString &account, QObject *context, Callback done);

    //! True when a D-Bus session bus is configured, without which no Secret Service can answer.
    static bool hasSessionBus();
    //! The keychain service name the tokens are filed under.
    static QString serviceName();

private:
    enum class Op { Read, Write, Remove };
    void viaKeychain(Op op, const QString &account, const QByteArray &token, QObject *context, Callback done);
    Outcome viaFile(Op op, const QByteArray &token);
    Outcome inMemory(Op op, const QString &account, const QByteArray &token, const QString &why);

    QString m_tokenFile;
    int m_keychainTimeoutMs = 10000;
    QHash<QString, QByteArray> m_memory;
};

} // namespace Colleagues
