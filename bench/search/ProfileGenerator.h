#pragma once

#include "Profile.h"

#include <QList>

namespace Colleagues::Bench {

//! N realistic profiles, deterministic for a seed: the demo company generator when it is
//! built, else a small generator of our own (international names, titles, departments,
//! offices, a skill taxonomy with symbols, interests and bios).
QList<Profile> generateProfiles(int people, quint64 seed, QString *source);

} // namespace Colleagues::Bench
