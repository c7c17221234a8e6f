// SPDX-License-Identifier: MIT
#include "ui/people/ResultDelegate.h"

#include "ui/people/ResultsModel.h"
#include "ui/widgets/Avatar.h"
#include "ui/widgets/Chip.h"
#include "ui/widgets/HighlightedText.h"
#include "ui/widgets/ImageCache.h"
#include "ui/widgets/LocalTime.h"
#include "ui/widgets/StatusText.h"
#include "ui/widgets/Theme.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace Colleagues {

namespace {

constexpr int PadX = 14;
constexpr int PadY = 10;
constexpr int AvatarSize = 42;
constexpr int LineGap = 2;
constexpr int ChipGap = 6;
constexpr int ChipTop = 7;

struct Fonts
{
    QFont name;
    QFont secondary;
    QFont chip;
};

Fonts fontsFor(const QFont &base)
{
    return {Theme::scaledFont(base, 1.07, QFont::DemiBold), Theme::scaledFont(base, 0.93),
            Theme::scaledFont(base, 0.86)};
}

//! Spans of a field's reason, shifted by \a offset.
QList<MatchSpan> spansFor(const SearchResult &result, const QString &field, int offset)
{
    QList<MatchSpan> spans;
    for (const MatchReason &reason : result.reasons) {
        if (reason.field != field)
            continue;
        for (MatchSpan span : reason.spans) {
            span.start += offset;
            spans.append(span);
        }
    }
    return spans;
}

struct ChipItem
{
    QString text;
    int level = 0;
    QList<MatchSpan> spans;
};

QList<ChipItem> chipsFor(const SearchResult &result)
{
    QList<ChipItem> chips;
    for (const MatchedSkill &skill : result.matchedSkills)
        chips.append({skill.name, skill.level, skill.spans});
    for (const MatchReason &reason : result.reasons) {
        if (reason.field == QLatin1String("interest") && !reason.value.isEmpty())
            chips.append({reason.value, 0, reason.spans});
    }
    return chips;
}

void drawClock(QPainter *painter, const QRectF &rect, const QColor &color, const QTime &time)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1.1));
    painter->setBrush(Qt::NoBrush);
    painter->drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5));
    const QPointF c = rect.center();
    const qreal r = rect.width() / 2.0;
    const qreal hourAngle = (time.hour() % 12 + time.minute() / 60.0) * 30.0;
    const qreal minuteAngle = time.minute() * 6.0;
    auto hand = [&](qreal degrees, qreal length) {
        const qreal rad = qDegreesToRadians(degrees);
        painter->drawLine(c, c + QPointF(std::sin(rad) * length, -std::cos(rad) * length));
    };
    hand(hourAngle, r * 0.45);
    hand(minuteAngle, r * 0.7);
    painter->restore();
}

} // namespace

ResultDelegate::ResultDelegate(ImageCache *photos, QObject *parent)
    : RowDelegate(photos, parent)
{ }

QSize ResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Fonts fonts = fontsFor(option.font);
    const int textHeight = QFontMetrics(fonts.name).height() + LineGap + QFontMetrics(fonts.secondary).height();
    Q_UNUSED(index);
    // Every row has room for the chips line, so all rows are equally tall: the view lays out
    // a new page of results without measuring each row.
    const int height = textHeight + ChipTop + Chip::sizeHint(fonts.chip, QStringLiteral("X"), 1, true).height();
    return {200, std::max(AvatarSize, height) + 2 * PadY};
}

void ResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const SearchResult *result = ResultsModel::result(index);
    if (!result)
        return;
    const auto [group, selected, primary, secondary] = paintBackground(painter, option, index);
    const QPalette &palette = option.palette;
    const QColor match = selected ? Theme::mix(palette.color(group, QPalette::Highlight), primary, 0.3)
                                  : Theme::matchBackground(palette);
    const Fonts fonts = fontsFor(option.font);
    const QRect r = option.rect.adjusted(PadX, PadY, -PadX, -PadY);

    painter->save();
    const QRectF avatarRect(r.left(), r.top(), AvatarSize, AvatarSize);
    // The result knows whether there is a photo: no lookup in the store while painting.
    const QImage photo = photos() ? photos()->photo(result->username, result->photoTag) : QImage();
    Avatar::paint(painter, avatarRect, result->username, result->displayName, photo, palette);
    const Status status = hasStatuses() ? this->status(result->username) : Status {};
    if (hasStatuses())
        StatusText::paintDot(painter, dotRect(avatarRect), status, palette);

    const int textLeft = r.left() + AvatarSize + Theme::SpaceL;
    const QFontMetrics nameMetrics(fonts.name);
    const QFontMetrics secondaryMetrics(fonts.secondary);

    // Local time at the right of the first line.
    int nameRight = r.right();
    const QString time = LocalTime::timeText(result->timeZone);
    if (!time.isEmpty()) {
        const int timeWidth = int(std::ceil(HighlightedText::width(fonts.secondary, time)));
        const QRect timeRect(r.right() - timeWidth + 1, r.top(), timeWidth, nameMetrics.height());
        HighlightedText::draw(painter, timeRect, fonts.secondary, time, {}, secondary, QColor(),
                              Qt::AlignRight | Qt::AlignVCenter);
        const int clock = secondaryMetrics.ascent() - 1;
        const QRectF clockRect(timeRect.left() - clock - Theme::SpaceS, timeRect.center().y() - clock / 2.0 + 1, clock,
                               clock);
        drawClock(painter, clockRect, secondary, LocalTime::time(result->timeZone));
        nameRight = int(clockRect.left()) - Theme::SpaceM;
    }

    const QRect nameRect(textLeft, r.top(), nameRight - textLeft, nameMetrics.height());
    const int nameWidth =
        std::min(nameRect.width(), int(std::ceil(HighlightedText::width(fonts.name, result->displayName))));
    HighlightedText::draw(painter, nameRect, fonts.name, result->displayName,
                          spansFor(*result, QStringLiteral("name"), 0), primary, match);
    // The status line after the name, as much as fits.
    if (const QString line = StatusText::line(status); !line.isEmpty()) {
        QFont italic = fonts.secondary;
        italic.setItalic(true);
        const QRect lineRect(nameRect.left() + nameWidth, nameRect.top(),
                             nameRect.right() - nameRect.left() - nameWidth, nameRect.height());
        drawNameAndLine(painter, lineRect, fonts.name, primary, QString(), italic, secondary, line);
    }

    // "Title · Department · Location", with each part's matches.
    QString subtitle;
    QList<MatchSpan> subtitleSpans;
    const QString separator = QStringLiteral("  ·  ");
    const std::pair<QString, const QString *> parts[] = {{QStringLiteral("title"), &result->title},
                                                         {QStringLiteral("department"), &result->department},
                                                         {QStringLiteral("location"), &result->location}};
    for (const auto &[field, text] : parts) {
        if (text->isEmpty())
            continue;
        if (!subtitle.isEmpty())
            subtitle += separator;
        subtitleSpans += spansFor(*result, field, int(subtitle.size()));
        subtitle += *text;
    }
    const QRect subtitleRect(textLeft, nameRect.bottom() + 1 + LineGap, r.right() - textLeft,
                             secondaryMetrics.height());
    HighlightedText::draw(painter, subtitleRect, fonts.secondary, subtitle, subtitleSpans, secondary, match);

    // Matched skills and interests as chips, as many as fit.
    const QList<ChipItem> chips = chipsFor(*result);
    int x = textLeft;
    const int chipY = subtitleRect.bottom() + 1 + ChipTop;
    QPalette chipPalette = palette;
    if (selected) {
        chipPalette.setColor(QPalette::Base, palette.color(group, QPalette::Highlight));
        chipPalette.setColor(QPalette::Text, primary);
        chipPalette.setColor(QPalette::Highlight, primary);
    }
    // At the right, a partial match says which words of the query this person lacks; when leaders
    // come first ("who leads the mobile team"), a leader how many of the results they lead.
    int right = r.right();
    const QString note = !result->unmatchedTerms.isEmpty()
        ? tr("lacks %1").arg(result->unmatchedTerms.join(QStringLiteral(", ")))
        : result->leads > 0 ? tr("leads %Ln of these", nullptr, result->leads)
                            : QString();
    if (!note.isEmpty()) {
        QFont italic = fonts.chip;
        italic.setItalic(true);
        const QFontMetrics metrics(italic);
        const int width = std::min(metrics.horizontalAdvance(note), (r.right() - textLeft) / 2);
        const int h = Chip::sizeHint(fonts.chip, QStringLiteral("X"), 1, true).height();
        painter->setFont(italic);
        painter->setPen(secondary);
        painter->drawText(QRect(r.right() - width, chipY, width, h), Qt::AlignRight | Qt::AlignVCenter,
                          metrics.elidedText(note, Qt::ElideRight, width));
        right = r.right() - width - Theme::SpaceM;
    }
    if (chips.isEmpty()) {
        // Nothing to show as chips: say where the match was when the lines above do not.
        QString where;
        for (const MatchReason &reason : result->reasons) {
            if (reason.field == QLatin1String("bio"))
                where = tr("Mentioned in their bio");
            else if (reason.field == QLatin1String("username") && where.isEmpty())
                where = tr("Username %1").arg(result->username);
            else if (reason.field == QLatin1String("phone"))
                where = tr("Their phone number");
            else if (reason.field == QLatin1String("email"))
                where = tr("Their email address");
        }
        if (!where.isEmpty()) {
            QFont italic = fonts.chip;
            italic.setItalic(true);
            painter->setFont(italic);
            painter->setPen(secondary);
            const int h = Chip::sizeHint(fonts.chip, QStringLiteral("X"), 1, true).height();
            painter->drawText(QRect(textLeft, chipY, right - textLeft, h), Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetrics(italic).elidedText(where, Qt::ElideRight, right - textLeft));
        }
    }
    for (qsizetype i = 0; i < chips.size(); ++i) {
        const ChipItem &chip = chips.at(i);
        const QSize size = Chip::sizeHint(fonts.chip, chip.text, chip.level, true);
        if (x + size.width() > right) {
            const int remaining = int(chips.size() - i);
            const QString more = tr("+%1").arg(remaining);
            painter->setFont(fonts.chip);
            painter->setPen(secondary);
            painter->drawText(QRect(x, chipY, right - x, size.height()), Qt::AlignLeft | Qt::AlignVCenter, more);
            break;
        }
        Chip::paint(painter, QRect(QPoint(x, chipY), size), fonts.chip, chip.text, chip.level, true, chip.spans,
                    chipPalette);
        x += size.width() + ChipGap;
    }

    // A hairline between rows, from the text column, as native lists do.
    if (!selected) {
        painter->setPen(QPen(Theme::separator(palette), 1));
        painter->drawLine(QPoint(textLeft, option.rect.bottom()), QPoint(option.rect.right(), option.rect.bottom()));
    }
    painter->restore();
}

bool ResultDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                               const QModelIndex &index)
{
    const SearchResult *result = ResultsModel::result(index);
    if (!result || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QStringList lines {result->displayName};
    if (hasStatuses())
        lines.append(StatusText::description(status(result->username)));
    const QString subtitle = index.data(ResultsModel::SubtitleRole).toString();
    if (!subtitle.isEmpty())
        lines.append(subtitle);
    const QString time = LocalTime::description(result->timeZone);
    if (!time.isEmpty())
        lines.append(tr("Local time: %1").arg(time));
    for (const MatchedSkill &skill : result->matchedSkills)
        lines.append(Chip::accessibleText(skill.name, skill.level));
    QToolTip::showText(event->globalPos(), Theme::plainToolTip(lines.join(QLatin1Char('\n'))), view);
    return true;
}

} // namespace Colleagues
