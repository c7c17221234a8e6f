// SPDX-License-Identifier: MIT
#pragma once

// Accounts, sessions and request bodies made straight in a server's Storage, without the
// command line or the HTTP API (fast seeding for tests and benchmarks).

#include "server/storage/Storage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Colleagues::Test {

//! Creates an account (Argon2id hash of \a password; empty: no password) and, unless
//! \a withProfile is false, a profile.
bool addUser(Server::Storage &storage, const QString &username, const QString &password,
             Server::Role role = Server::Role::Member, bool withProfile = true);

//! A session of \a username valid for \a lifetimeSeconds, made in storage (no Argon2 work, no
//! sign-in throttling); returns its bearer token. A failure is fatal.
QByteArray createSession(Server::Storage &storage, const QString &username, Server::Role role = Server::Role::Member,
                         int lifetimeSeconds = 3600);

//! A profile for org-chart tests: "Person USERNAME", an engineer of Platform in Berlin, reporting
//! to \a manager (none when empty), at revision 1.
Profile orgPerson(const QString &username, const QString &manager);

//! The smallest profile body a PUT accepts.
QJsonObject profileJson(const QString &displayName, const QString &title = {});

} // namespace Colleagues::Test
