// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Colleagues::Server::Cli {

//! `colleagues-server vocabulary import|export ...`. \a arguments: the program name, then what
//! follows "vocabulary".
int runVocabularyCommand(const QStringList &arguments);

} // namespace Colleagues::Server::Cli
