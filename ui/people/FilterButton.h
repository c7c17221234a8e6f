// SPDX-License-Identifier: MIT
#pragma once

#include "client/search/SearchTypes.h"

#include <QToolButton>

class QMenu;

namespace Colleagues {

/*!
 * A drop-down filter over one facet (department or location): lists the values of the
 * current results with their counts; checked values narrow the search.
 */
class FilterButton : public QToolButton
{
    Q_OBJECT

public:
    //! \a label names the facet ("Department"); \a allText is the unfiltered caption.
    FilterButton(const QString &label, QWidget *parent = nullptr);

    void setFacets(const QList<FacetCount> &facets);
    QStringList selection() const { return m_selection; }
    void setSelection(const QStringList &values);
    void clearSelection() { setSelection({}); }

Q_SIGNALS:
    void selectionChanged(const QStringList &values);

private:
    void rebuildMenu();
    void updateCaption();

    QString m_label;
    QMenu *m_menu;
    QList<FacetCount> m_facets;
    QStringList m_selection;
};

} // namespace Colleagues
