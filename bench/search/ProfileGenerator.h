// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"

#include <QList>
#include <QString>

#include <optional>

namespace Colleagues::Bench {

enum class Generator {
    Demo, //!< the demo company generator (app/demo)
    Mixed, //!< a differently shaped one: international names, a flat skill taxonomy with symbols, long bios
    Even, //!< 60 skills held by ~10% of people each, 12 cities, syllable names, short bios
};

//! The generator called \a name ("demo", "mixed", "even"); std::nullopt for another name.
std::optional<Generator> generatorNamed(const QString &name);

//! N realistic profiles, deterministic for a seed, from \a generator; \a source names it.
QList<Profile> generateProfiles(Generator generator, int people, quint64 seed, QString *source);

} // namespace Colleagues::Bench
