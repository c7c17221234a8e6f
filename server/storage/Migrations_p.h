// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"

#include <QList>
#include <QStringList>

namespace Colleagues::Server::Internal {

class Database;
struct Connection;

//! One step of the schema: its version and its statements for each backend. Applied in
//! one transaction together with its row in schema_version.
struct Migration
{
    int version = 0;
    QString description;
    QStringList sqlite;
    QStringList postgres;
};

//! Every migration, oldest first. Append new ones; never edit one that has shipped.
const QList<Migration> &migrations();

//! Brings the database of \a connection to the newest schema, one transaction per migration.
//! Fails when the database is newer than every migration this server knows.
Expected<bool> migrate(Database &database, Connection &connection);

} // namespace Colleagues::Server::Internal
