// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Colleagues {

//! One word people use for a skill, a place or a job title: its canonical name as profiles
//! write it ("Kubernetes", "Bengaluru", "Software Engineer"), the other ways people say it
//! ("k8s", "Bangalore", "SWE") and neighbouring names a search may also consider ("Docker").
struct VocabularyEntry
{
    enum class Kind { Skill, Place, Title };

    Kind kind = Kind::Skill;
    QString canonical;
    QStringList aliases;
    QStringList related;

    friend bool operator==(const VocabularyEntry &, const VocabularyEntry &) = default;

    //! "skill", "place" or "title": the keyword of the text format and the JSON value.
    static QString kindName(Kind kind);
    //! The kind named \a name (exactly one of kindName()'s words); nullopt otherwise.
    static std::optional<Kind> kindFromName(QStringView name);
};

//! Limits on a vocabulary, wherever it comes from (admin import, server, sync).
namespace VocabularyLimits {
inline constexpr int EntriesMax = 20000;
inline constexpr int NameMax = 100; //!< canonical names, aliases and related names
inline constexpr int AliasesMax = 50; //!< per entry
inline constexpr int RelatedMax = 50; //!< per entry
} // namespace VocabularyLimits

//! The vocabulary of skills, places and titles that search understands: kept on the server,
//! synced to clients. A valid vocabulary has no two entries of one kind with the same folded
//! name, and no alias of one kind that stands for two different names. Entries are kept in
//! canonical order (kind, then folded name), so equal content gives equal text and version.
//!
//! The text format (see docs/admin-guide.md) has one entry a line:
//!     skill Kubernetes | k8s, kube ~ Docker, Helm
//! a kind keyword, the canonical name, optional aliases after '|', optional related names
//! after '~'; blank lines and lines starting with '#' are ignored.
class Vocabulary
{
public:
    Vocabulary() = default;

    //! Parses the text format. The error names the first bad line ("line 12: ...");
    //! problems() lists every one.
    static Expected<Vocabulary> parse(QStringView text);
    //! Every problem in \a text, each starting with its line number; empty when valid.
    static QList<Error> problems(QStringView text);
    //! Checks and orders \a entries (NFC-normalized and trimmed first); errors name
    //! "entries[i]".
    static Expected<Vocabulary> fromEntries(QList<VocabularyEntry> entries);

    //! The text format, entries in canonical order, with a short explanatory header.
    QString toText() const;

    //! The default shipped with Colleagues (resources/vocabulary/default.txt).
    static Vocabulary defaults();

    const QList<VocabularyEntry> &entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }

    //! Stable hash of the content (32 hex digits): equal entries give an equal version on
    //! every machine. Empty for an empty vocabulary.
    QString version() const { return m_version; }

    //! This vocabulary with \a overrides applied: an entry of the same kind and folded
    //! canonical name is replaced, others are added. Fails (naming both entries) when an
    //! alias would then stand for two names.
    Expected<Vocabulary> merged(const Vocabulary &overrides) const;

    //! The entry whose canonical name or alias, folded (core/TextFold foldText), equals the
    //! words foldedWords[from .. from+n) for the largest n (multi-word: "machine learning",
    //! "new york"); returns n (0 when none) and sets *entry. When a phrase names entries of
    //! several kinds, a canonical name wins over an alias, then Skill over Place over Title.
    //! A phrase whose last word is an English plural also matches its singular ("data
    //! scientists": Data Scientist), and one with hyphens matches with them as spaces or as
    //! nothing ("machine-learning", "e-mail"), when the phrase as typed names nothing.
    int longestMatch(const QStringList &foldedWords, qsizetype from, const VocabularyEntry **entry) const;

    //! Every entry whose canonical name or alias folds to \a foldedPhrase, best first (the
    //! order longestMatch() prefers).
    QList<const VocabularyEntry *> lookup(const QString &foldedPhrase) const;
    //! The same for the phrase of \a foldedWords, read as longestMatch() reads it: as typed, else
    //! with its last word in the singular.
    QList<const VocabularyEntry *> lookup(const QStringList &foldedWords) const;

    friend bool operator==(const Vocabulary &a, const Vocabulary &b) { return a.m_version == b.m_version; }

private:
    friend class VocabularyBuilder;
    //! Takes checked \a entries (in any order) with their folded names (the canonical name's,
    //! then the aliases'): sorts them and builds the index and the version.
    void adopt(QList<VocabularyEntry> entries, QList<QStringList> folded);
    //! m_index's value for \a leading (the phrase's words before the last, each followed by a
    //! space) and \a last as typed, else with \a last in the singular, else either with hyphens
    //! as spaces or as nothing; nullopt when none is in.
    std::optional<int> find(const QString &leading, const QString &last) const;
    //! The entries an m_index value stands for, best first.
    QList<const VocabularyEntry *> entriesAt(int slot) const;

    QList<VocabularyEntry> m_entries;
    //! Folded phrase -> index into m_entries, or -(i + 1) for the entries m_multi[i] lists.
    QHash<QString, int> m_index;
    QList<QList<int>> m_multi; //!< entries sharing a phrase (in different kinds), best first
    int m_longestPhrase = 0; //!< most words in an indexed phrase
    QString m_version;
};

//! {"version": "...", "entries": [{"kind", "canonical", "aliases", "related"}, ...]}
QJsonObject toJson(const Vocabulary &vocabulary);

//! Decodes and checks a vocabulary as the server sends it. Rejects wrong types, unknown or
//! missing fields, values over the limits (naming the field) and a "version" that does not
//! match the entries.
Expected<Vocabulary> vocabularyFromJson(const QJsonObject &object);

} // namespace Colleagues
