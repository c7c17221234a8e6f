// SPDX-License-Identifier: MIT
#include "ui/widgets/Theme.h"

#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QLocale>
#include <QPointer>
#include <QStringList>
#include <QWidget>

namespace Colleagues::Theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor mix(const QColor &a, const QColor &b, qreal amount)
{
    const qreal t = std::clamp(amount, 0.0, 1.0);
    return QColor::fromRgbF(
        float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
        float(a.blueF() + (b.blueF() - a.blueF()) * t), float(a.alphaF() + (b.alphaF() - a.alphaF()) * t));
}

QColor secondaryText(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.38);
}

QColor separator(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), isDark(palette) ? 0.16 : 0.10);
}

QColor chipBackground(const QPalette &palette, bool strong)
{
    if (strong)
        return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight), isDark(palette) ? 0.35 : 0.16);
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), isDark(palette) ? 0.14 : 0.07);
}

QColor chipText(const QPalette &palette, bool strong)
{
    if (strong && !isDark(palette))
        return mix(palette.color(QPalette::Text), palette.color(QPalette::Highlight), 0.55);
    return palette.color(QPalette::Text);
}

QColor matchBackground(const QPalette &palette)
{
    QColor c = palette.color(QPalette::Highlight);
    c.setAlphaF(isDark(palette) ? 0.45f : 0.22f);
    return c;
}

QColor positive(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x5f, 0xc8, 0x7a) : QColor(0x1f, 0x8a, 0x45);
}

QColor warning(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xe8, 0xb3, 0x4b) : QColor(0xb0, 0x6a, 0x00);
}

QColor negative(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x2b, 0x2b);
}

QColor avatarColor(const QString &username, const QPalette &palette)
{
    // FNV-1a over the UTF-8 bytes: unlike qHash() it is not seeded per process.
    quint32 hash = 2166136261u;
    for (const char byte : username.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    // A fixed set of hues that read well with light text, slightly softened on dark themes.
    static constexpr int hues[] = {4, 24, 43, 88, 140, 168, 190, 205, 222, 245, 268, 290, 320, 342};
    const int hue = hues[hash % (sizeof(hues) / sizeof(hues[0]))];
    const int saturation = 120 + int((hash >> 8) % 40);
    const int lightness = isDark(palette) ? 110 : 100 + int((hash >> 16) % 16);
    return QColor::fromHsl(hue, saturation, lightness);
}

QColor avatarTextColor(const QColor &background)
{
    return QColor::fromHsl(background.hslHue(), std::min(background.hslSaturation(), 60), 248);
}

QString initials(const QString &displayName)
{
    const QStringList words = displayName.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString result;
    auto firstLetter = [](const QString &word) {
        for (const QChar c : word) {
            if (c.isLetterOrNumber())
                return QString(c).toUpper();
        }
        return QString();
    };
    if (!words.isEmpty())
        result += firstLetter(words.first());
    if (words.size() > 1)
        result += firstLetter(words.last());
    return result.isEmpty() ? QStringLiteral("?") : result;
}

QFont scaledFont(const QFont &base, qreal factor, QFont::Weight weight)
{
    QFont font = base;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * factor);
    else if (base.pixelSize() > 0)
        font.setPixelSize(qRound(base.pixelSize() * factor));
    font.setWeight(weight);
    return font;
}

QString plainToolTip(const QString &text)
{
    // QToolTip guesses whether a text is rich text; escaping it inside an explicit rich-text
    // wrapper makes it show literally whatever it contains.
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

QString shortTimeFormat()
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    // Some locales (and "C") put seconds in the short format; a list needs minutes only.
    for (const char *seconds : {":ss", ".ss", ":s", ".s"}) {
        const qsizetype at = format.indexOf(QLatin1String(seconds));
        if (at >= 0) {
            format.remove(at, qsizetype(qstrlen(seconds)));
            break;
        }
    }
    return format;
}

QString dateTimeText(const QDateTime &when)
{
    const QDateTime local = when.toLocalTime();
    const QLocale locale;
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ')
        + locale.toString(local.time(), shortTimeFormat());
}

namespace {

//! Re-applies a tint when the palette the widget inherits changes.
class Tinter : public QObject
{
public:
    Tinter(QWidget *widget, Tint tint)
        : QObject(widget)
        , m_widget(widget)
        , m_tint(tint)
    {
        widget->installEventFilter(this);
        apply();
    }

    void setTint(Tint tint)
    {
        m_tint = tint;
        apply();
    }

    bool eventFilter(QObject *, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::ApplicationPaletteChange:
        case QEvent::ParentChange:
        case QEvent::Polish: apply(); break;
        default: break;
        }
        return false;
    }

private:
    void apply()
    {
        if (m_applying || !m_widget)
            return;
        m_applying = true;
        // Start from what the parent gives (the theme), then colour the roles the tint owns.
        QPalette palette = m_widget->parentWidget() ? m_widget->parentWidget()->palette() : QPalette();
        switch (m_tint) {
        case Tint::None: break;
        case Tint::Negative:
            // Labels on a Base background draw with Text, elsewhere with WindowText.
            palette.setColor(QPalette::WindowText, negative(palette));
            palette.setColor(QPalette::Text, negative(palette));
            palette.setColor(QPalette::PlaceholderText, negative(palette));
            break;
        case Tint::Accent:
            palette.setColor(QPalette::Button, palette.color(QPalette::Highlight));
            palette.setColor(QPalette::ButtonText, palette.color(QPalette::HighlightedText));
            break;
        }
        m_widget->setPalette(palette);
        m_applying = false;
    }

    QPointer<QWidget> m_widget;
    Tint m_tint;
    bool m_applying = false;
};

} // namespace

QFrame *hairline(QWidget *parent, Qt::Orientation orientation)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(orientation == Qt::Horizontal ? QFrame::HLine : QFrame::VLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Midlight);
    return line;
}

void tint(QWidget *widget, Tint tint)
{
    if (auto *existing = widget->findChild<Tinter *>(QString(), Qt::FindDirectChildrenOnly))
        existing->setTint(tint);
    else
        new Tinter(widget, tint);
}

} // namespace Colleagues::Theme
