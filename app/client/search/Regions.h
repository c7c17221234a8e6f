// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Colleagues {

//! A part of the world people ask for by name: a continent ("in europe", "in asien"), a region
//! companies divide themselves by ("emea", "apac", "latam", "dach", "nordics"), or a country ("in
//! japan", "in the uk", "aus der schweiz"). Someone is in it when the IANA time zone of their
//! profile is (by the zone's area, "Europe/…", or by the territory the time zone database gives
//! it), or when their location names it ("Remote (EMEA)", "Zürich, Switzerland"); when the time
//! zone does not say (none, or UTC), a location that names a country in it ("Remote, Poland").
//!
//! Regions that split a continent follow what companies commonly mean: the Middle East (the Gulf,
//! the Levant, Iran, Iraq, Egypt) is in EMEA and not in Asia or APAC; APAC is Asia and Oceania;
//! Latin America is the Americas without the United States, Canada, Greenland and Bermuda.
class Region
{
public:
    //! The region named by the folded words starting at \a at (the longest name), or null;
    //! \a length is set to how many words name it. \a standalone: only the names that mean a
    //! region wherever they stand ("emea", "apac"); the others ("europe", "japan") are places
    //! after "in", "from", "aus".
    static const Region *find(const QStringList &foldedWords, qsizetype at, int *length, bool standalone = false);

    //! Whether its name of one word, typed without "in", means it when the directory has no
    //! other use for the word ("japan", "tax germany", "europe"): not the EU ("eu law" asks about
    //! a law).
    bool isNamedAlone() const { return m_namedAlone; }

    //! How people read it: "Europe", "EMEA", "Japan".
    QString name() const { return m_name; }

    //! Whether someone whose profile's time zone is \a ianaId, in \a territory (QTimeZone::territory()),
    //! is in it.
    bool containsTimeZone(QStringView ianaId, QLocale::Territory territory) const;

    //! Whether a location, as its folded words, names it or a part of it ("remote", "emea").
    bool isNamedBy(const QStringList &foldedLocationWords) const;
    //! Whether a location names a country or region whose time zones are in it ("remote",
    //! "poland" for Europe): where someone is when their time zone does not say (UTC).
    bool isImpliedBy(const QStringList &foldedLocationWords) const;

    //! Every region and country, for tests and documentation.
    static QList<const Region *> all();

private:
    friend struct RegionTable;

    QString m_name;
    QList<QStringList> m_names; //!< its names, each as folded words
    bool m_standalone = false;
    bool m_namedAlone = true;
    QStringList m_areas; //!< IANA areas wholly or mostly in it ("Europe")
    QList<QLocale::Territory> m_territories; //!< territories in it wherever their zones are
    QList<QLocale::Territory> m_excluded; //!< territories of m_areas that are not in it
    QList<const Region *> m_parts; //!< for a union of regions (EMEA): its parts
};

} // namespace Colleagues
