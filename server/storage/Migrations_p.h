// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringList>

namespace Colleagues::Server::Internal {

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

} // namespace Colleagues::Server::Internal
