// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QStyledItemDelegate>
#include <QWidget>

#include <functional>

namespace Colleagues {

class ImageCache;

/*!
 * The base of the delegates that draw a whole row themselves (a search result, a conversation):
 * the style's selection and hover background, the row's text colours, and the photos to draw.
 */
class RowDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    //! With the view whose rows it draws as \a parent, the view is repainted when a photo changes.
    explicit RowDelegate(ImageCache *photos, QObject *parent = nullptr);
    /*!
     * Where the rows' people's statuses come from (no dots without), and the signal \a changed
     * of \a source that says they changed: the view is repainted then.
     */
    template<class Source, class Signal>
    void setStatuses(std::function<Status(const QString &)> lookup, const Source *source, Signal changed)
    {
        m_statuses = std::move(lookup);
        if (QWidget *viewport = viewViewport())
            connect(source, changed, viewport, qOverload<>(&QWidget::update));
    }

protected:
    //! The colours of one row, following its selection and the window's focus.
    struct RowColors
    {
        QPalette::ColorGroup group;
        bool selected;
        QColor primary; //!< names, the main line
        QColor secondary; //!< details, times
    };

    //! Draws the style's background of \a index's row (no text, no icon) and says its colours.
    RowColors paintBackground(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    ImageCache *photos() const { return m_photos; }
    bool hasStatuses() const { return bool(m_statuses); }
    Status status(const QString &username) const { return m_statuses ? m_statuses(username) : Status {}; }
    //! The presence dot at the lower right of an avatar in \a avatarRect.
    static QRectF dotRect(const QRectF &avatarRect);
    /*!
     * Draws \a name in \a nameFont and, after it, \a line (a status line) in \a lineFont and
     * \a lineColor, within \a rect, the line elided first.
     */
    static void drawNameAndLine(QPainter *painter, const QRect &rect, const QFont &nameFont, const QColor &nameColor,
                                const QString &name, const QFont &lineFont, const QColor &lineColor,
                                const QString &line);

private:
    //! The viewport of the view this delegate draws for (its parent), if any.
    QWidget *viewViewport() const;

    ImageCache *m_photos;
    std::function<Status(const QString &)> m_statuses;
};

} // namespace Colleagues
