// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"

#include <QList>

namespace Colleagues::Bench {

enum class Generator {
    Demo, //!< the demo company generator (app/demo)
    Mixed, //!< a differently shaped one: international names, a flat skill taxonomy with symbols, long bios
};

//! N realistic profiles, deterministic for a seed, from \a generator; \a source names it.
QList<Profile> generateProfiles(Generator generator, int people, quint64 seed, QString *source);

} // namespace Colleagues::Bench
