// SPDX-License-Identifier: MIT
#include "client/sync/TokenStore.h"

#include "core/PrivateFiles.h"

#include "client/sync/SyncLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace Colleagues {

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{ }

QString TokenStore::serviceName()
{
    return QStringLiteral("Colleagues");
}

bool TokenStore::hasSessionBus()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

void TokenStore::write(const QString &account, const QByteArray &token, QObject *context, Callback done)
{
    if (!m_tokenFile.isEmpty()) {
        done(viaFile(Op::Write, token));
        return;
    }
    viaKeychain(Op::Write, account, token, context, std::move(done));
}

void TokenStore::read(const QString &account, QObject *context, Callback done)
{
    if (!m_tokenFile.isEmpty()) {
        done(viaFile(Op::Read, {}));
        return;
    }
    if (m_memory.contains(account)) {
        done({true, Where::Memory, m_memory.value(account), {}});
        return;
    }
    viaKeychain(Op::Read, account, {}, context, std::move(done));
}

void TokenStore::remove(const QString &account, QObject *context, Callback done)
{
    m_memory.remove(account);
    if (!m_tokenFile.isEmpty()) {
        done(viaFile(Op::Remove, {}));
        return;
    }
    viaKeychain(Op::Remove, account, {}, context, std::move(done));
}

TokenStore::Outcome TokenStore::inMemory(Op op, const QString &account, const QByteArray &token, const QString &why)
{
    Outcome out;
    out.message = why;
    switch (op) {
    case Op::Write:
        m_memory.insert(account, token);
        out.ok = true;
        out.where = Where::Memory;
        out.message = why + QLatin1Char(' ')
            + tr("Your sign-in is kept in memory only and ends with this program; "
                 "use --token-file FILE to keep it in a file only you can read.");
        break;
    case Op::Read: out.ok = true; break; // nothing stored
    case Op::Remove: out.ok = true; break;
    }
    return out;
}

TokenStore::Outcome TokenStore::viaFile(Op op, const QByteArray &token)
{
    Outcome out;
    QFile file(m_tokenFile);
    switch (op) {
    case Op::Write: {
        QDir().mkpath(QFileInfo(m_tokenFile).absolutePath());
        // A new 0600 file renamed into place: never written through a planted link, never seen
        // half-written, never readable by others for a moment.
        QString error;
        if (!PrivateFiles::writeFile(m_tokenFile, token + '\n', &error)) {
            out.message = tr("Cannot write the token file %1: %2").arg(m_tokenFile, error);
            return out;
        }
        out.ok = true;
        out.where = Where::File;
        return out;
    }
    case Op::Read:
        if (!file.exists()) {
            out.ok = true;
            return out;
        }
        if ((file.permissions()
             & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther))
            != 0) {
            out.message = tr("The token file %1 can be read by others; it is ignored. Sign in again.").arg(m_tokenFile);
            return out;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            out.message = tr("Cannot read the token file %1: %2").arg(m_tokenFile, file.errorString());
            return out;
        }
        out.ok = true;
        out.token = file.read(4096).trimmed();
        out.where = out.token.isEmpty() ? Where::Nowhere : Where::File;
        return out;
    case Op::Remove:
        out.ok = !file.exists() || file.remove();
        if (!out.ok)
            out.message = tr("Cannot remove the token file %1: %2").arg(m_tokenFile, file.errorString());
        return out;
    }
    return out;
}

void TokenStore::viaKeychain(Op op, const QString &account, const QByteArray &token, QObject *context, Callback done)
{
    if (!hasSessionBus()) {
        qCInfo(lcSync) << "no D-Bus session bus: no keychain";
        done(inMemory(op, account, token, tr("No keychain service is running on this system.")));
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Write: {
        auto *w = new QKeychain::WritePasswordJob(serviceName());
        w->setBinaryData(token);
        job = w;
        break;
    }
    case Op::Read: job = new QKeychain::ReadPasswordJob(serviceName()); break;
    case Op::Remove: job = new QKeychain::DeletePasswordJob(serviceName()); break;
    }
    job->setKey(account);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);

    // Exactly one answer, whichever comes first: the keychain's or our timeout.
    auto answered = std::make_shared<bool>(false);
    QPointer<TokenStore> self(this);
    auto finish = [answered, done, self, op, account, token](QKeychain::Job *j, bool timedOut) {
        if (*answered || !self)
            return;
        *answered = true;
        Outcome out;
        if (timedOut) {
            out = self->inMemory(op, account, token, tr("The keychain service did not answer."));
        } else if (j->error() == QKeychain::NoError) {
            out.ok = true;
            out.where = op == Op::Remove ? Where::Nowhere : Where::Keychain;
            if (op == Op::Read)
                out.token = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
        } else if (j->error() == QKeychain::EntryNotFound) {
            out.ok = true; // nothing stored (read) or nothing to delete (remove)
            if (op == Op::Read && self->m_memory.contains(account)) {
                out.where = Where::Memory;
                out.token = self->m_memory.value(account);
            }
        } else if (op == Op::Write) {
            qCInfo(lcSync) << "keychain unavailable:" << j->errorString();
            out = self->inMemory(op, account, token, tr("The keychain could not be used (%1).").arg(j->errorString()));
        } else {
            out.message = tr("The keychain could not be used (%1).").arg(j->errorString());
            out.ok = op == Op::Read; // an unreadable keychain reads as "nothing stored"
        }
        done(out);
    };
    connect(job, &QKeychain::Job::finished, context, [finish](QKeychain::Job *j) { finish(j, false); });
    QTimer::singleShot(m_keychainTimeoutMs, context, [finish] { finish(nullptr, true); });
    job->start();
}

} // namespace Colleagues
