// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QPalette>
#include <QString>
#include <QWidget>

class QPainter;

namespace Colleagues {

/*!
 * How a person's status looks and reads everywhere (results, profile, conversations, chat): a
 * dot whose colour says the state (never alone: every dot has the same words as its tooltip and
 * accessible name), a short line, and a sentence. Status texts and notes are user text: they are
 * only ever drawn and shown as plain text.
 */
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(Colleagues::StatusText)

public:
    //! What the dot shows, most telling first: out of office, do not disturb, then presence.
    enum class Look { Available, Away, Dnd, OutOfOffice, Offline };
    static Look look(const Status &status);
    //! Green, amber, red, violet; a grey ring for offline.
    static QColor color(Look look, const QPalette &palette);
    //! Draws the dot in \a rect, with a ring in the Base colour so it stands out on an avatar.
    static void paintDot(QPainter *painter, const QRectF &rect, const Status &status, const QPalette &palette);

    //! The short line: the status text, else "Do not disturb until 16:00", "Out of office until
    //! 4 January"; empty for someone plainly available or offline without text.
    static QString line(const Status &status, const QDateTime &now = QDateTime::currentDateTime());
    //! The state in words: "Available", "Away", "Offline", "Do not disturb until 16:00",
    //! "Out of office until 4 January".
    static QString stateWords(const Status &status, const QDateTime &now = QDateTime::currentDateTime());
    //! A word or two: "Available", "Away", "Offline", "Do not disturb", "Out of office".
    static QString shortWords(const Status &status);
    //! For tooltips and accessible names: the state, and the status text after it.
    static QString description(const Status &status, const QDateTime &now = QDateTime::currentDateTime());

    //! A time for "until …": the time alone today, else the day and the time, in the user's locale.
    static QString untilText(const QDateTime &until, const QDateTime &now = QDateTime::currentDateTime());
    //! A day without weekday, and without year in this year: "4 January", "January 4", "4. Januar".
    static QString dayText(const QDate &day, const QDate &today = QDate::currentDate());
};

//! A presence dot as a widget (profile pane, chat header), with its words as tooltip and
//! accessible name.
class PresenceDot : public QWidget
{
    Q_OBJECT

public:
    explicit PresenceDot(QWidget *parent = nullptr);
    void setStatus(const Status &status);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Status m_status;
};

} // namespace Colleagues
