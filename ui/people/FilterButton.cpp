// SPDX-License-Identifier: MIT
#include "ui/people/FilterButton.h"

#include "ui/widgets/Theme.h"

#include <QLocale>
#include <QMenu>

namespace Colleagues {

namespace {
constexpr int MaxValues = 40;
}

FilterButton::FilterButton(const QString &label, QWidget *parent)
    : QToolButton(parent)
    , m_label(label)
    , m_menu(new QMenu(this))
{
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAutoRaise(false);
    setMenu(m_menu);
    m_menu->setToolTipsVisible(true);
    connect(m_menu, &QMenu::aboutToShow, this, &FilterButton::rebuildMenu);
    updateCaption();
}

void FilterButton::setFacets(const QList<FacetCount> &facets)
{
    m_facets = facets;
    setEnabled(!m_facets.isEmpty() || !m_selection.isEmpty());
}

void FilterButton::setSelection(const QStringList &values)
{
    if (values == m_selection)
        return;
    m_selection = values;
    updateCaption();
    Q_EMIT selectionChanged(m_selection);
}

void FilterButton::rebuildMenu()
{
    m_menu->clear();
    const QLocale locale;
    QList<FacetCount> shown = m_facets.mid(0, MaxValues);
    // Selected values stay listed (so they can be unchecked) even when they have no results.
    for (const QString &value : std::as_const(m_selection)) {
        if (std::none_of(shown.cbegin(), shown.cend(), [&](const FacetCount &f) { return f.value == value; }))
            shown.prepend({value, 0});
    }
    if (!m_selection.isEmpty()) {
        QAction *all = m_menu->addAction(tr("Any %1").arg(m_label.toLower()));
        connect(all, &QAction::triggered, this, &FilterButton::clearSelection);
        m_menu->addSeparator();
    }
    for (const FacetCount &facet : std::as_const(shown)) {
        // The value is user data: QAction text is plain, but '&' would become a mnemonic.
        QString text = facet.value;
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = m_menu->addAction(QStringLiteral("%1\t%2").arg(text, locale.toString(facet.count)));
        action->setCheckable(true);
        action->setChecked(m_selection.contains(facet.value));
        connect(action, &QAction::toggled, this, [this, value = facet.value](bool on) {
            QStringList values = m_selection;
            if (on && !values.contains(value))
                values.append(value);
            else if (!on)
                values.removeAll(value);
            setSelection(values);
        });
    }
    if (shown.isEmpty())
        m_menu->addAction(tr("No values in these results"))->setEnabled(false);
    if (m_facets.size() > MaxValues)
        m_menu->addAction(tr("%n more not shown — type to narrow", nullptr, int(m_facets.size() - MaxValues)))
            ->setEnabled(false);
}

void FilterButton::updateCaption()
{
    QString caption;
    if (m_selection.isEmpty())
        caption = m_label;
    else if (m_selection.size() == 1)
        caption = tr("%1: %2").arg(m_label, m_selection.first());
    else
        caption = tr("%1: %n selected", nullptr, int(m_selection.size())).arg(m_label);
    caption.replace(QLatin1Char('&'), QStringLiteral("&&"));
    setText(caption);
    setAccessibleName(tr("Filter by %1").arg(m_label.toLower()));
    setToolTip(Theme::plainToolTip(m_selection.isEmpty() ? tr("Filter by %1").arg(m_label.toLower())
                                                         : m_selection.join(QLatin1Char('\n'))));
    setCheckable(true);
    setChecked(!m_selection.isEmpty());
}

} // namespace Colleagues
