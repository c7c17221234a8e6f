// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace Colleagues {

//! Folds text for matching: NFKD, combining marks removed, case folded, runs of
//! whitespace collapsed to one space, trimmed. "Zoë Müller" -> "zoe muller".
//! Symbols and punctuation are kept, so "C++" and "C#" stay distinct.
QString foldText(QStringView text);

//! Canonical key of a skill name: the identity used wherever a skill is matched.
//! Case, diacritics and surrounding or repeated whitespace do not matter; symbols do:
//! "C++", "C", "C#", "F#", ".NET", "Node.js" and "CI/CD" are all different keys.
QString canonicalSkillKey(QStringView skillName);

//! The singular of a folded English plural, for matching: "engineers" -> "engineer",
//! "technologies" -> "technology", "switches" -> "switch". Empty when \a foldedWord does not
//! look like a plural: under four letters, not all letters a-z, or ending in -ss, -us or -is
//! ("class", "status", "analysis"). A guess, so only ever searched besides the word itself.
QString englishSingular(QStringView foldedWord);

//! What a folded English word for someone who does something may say they do, for matching:
//! "photographer" -> "photography", "cyclist" -> "cycling", "runner" -> "running", "guitarist"
//! -> "guitar", "musician" -> "music" (several guesses, most likely first; none for a word
//! that ends otherwise, is not all letters a-z, or leaves fewer than three letters). Guesses,
//! so only ever searched where the word itself finds almost no one.
QStringList englishActivities(QStringView foldedWord);

//! Number of Unicode code points in \a text (what the limits count as "characters").
qsizetype codePointCount(QStringView text);

} // namespace Colleagues
