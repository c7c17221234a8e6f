// SPDX-License-Identifier: MIT
#include "ui/widgets/SyncStatusWidget.h"

#include "client/sync/Outbox.h"
#include "client/sync/Session.h"
#include "client/sync/SyncClient.h"
#include "client/sync/SyncEngine.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QTimer>

namespace Colleagues {

namespace {
constexpr int DotSize = 8;
}

SyncStatusWidget::SyncStatusWidget(SyncClient *sync, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
{
    setObjectName(QStringLiteral("syncStatusWidget"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(DotSize + Theme::SpaceM + 2, 0, Theme::SpaceS, 0);
    layout->setSpacing(Theme::SpaceL);
    m_stateLabel = plainLabel(this, QStringLiteral("syncStateLabel"));
    layout->addWidget(m_stateLabel);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("syncProgressBar"));
    m_progressBar->setAccessibleName(tr("First sync progress"));
    m_progressBar->setMaximumWidth(180);
    m_progressBar->setMaximumHeight(fontMetrics().height());
    m_progressBar->setTextVisible(false);
    m_progressBar->hide();
    layout->addWidget(m_progressBar);
    m_outboxLabel = plainLabel(this, QStringLiteral("outboxLabel"));
    m_outboxLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_outboxLabel);
    m_lastSyncedLabel = plainLabel(this, QStringLiteral("lastSyncedLabel"));
    m_lastSyncedLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_lastSyncedLabel);

    SyncEngine *engine = m_sync->engine();
    connect(engine, &SyncEngine::stateChanged, this, &SyncStatusWidget::refresh);
    connect(engine, &SyncEngine::progressChanged, this, &SyncStatusWidget::refresh);
    connect(engine, &SyncEngine::caughtUp, this, &SyncStatusWidget::refresh);
    connect(engine, &SyncEngine::errorOccurred, this, &SyncStatusWidget::refresh);
    connect(m_sync->outbox(), &Outbox::itemQueued, this, &SyncStatusWidget::refresh);
    connect(m_sync->outbox(), &Outbox::itemChanged, this, &SyncStatusWidget::refresh);
    connect(m_sync->outbox(), &Outbox::itemRemoved, this, &SyncStatusWidget::refresh);
    connect(m_sync->outbox(), &Outbox::drained, this, &SyncStatusWidget::refresh);
    connect(m_sync->session(), &Session::signedIn, this, &SyncStatusWidget::refresh);
    connect(m_sync->session(), &Session::signedOut, this, &SyncStatusWidget::refresh);
    // "Last synced 2 minutes ago" and retry countdowns age.
    auto *timer = new QTimer(this);
    timer->setInterval(15 * 1000);
    connect(timer, &QTimer::timeout, this, &SyncStatusWidget::refresh);
    timer->start();
    refresh();
}

QString SyncStatusWidget::stateText() const
{
    return m_stateLabel->text();
}

void SyncStatusWidget::refresh()
{
    const SyncEngine *engine = m_sync->engine();
    const SyncProgress progress = engine->progress();
    const QLocale locale;
    QString text;
    switch (engine->state()) {
    case SyncState::SignedOut:
        text = m_sync->session()->isSignedIn() ? tr("Sign-in needed") : tr("Signed out");
        m_dot = Theme::secondaryText(palette());
        break;
    case SyncState::Offline:
        text = tr("Offline — showing the directory saved on this computer");
        m_dot = Theme::warning(palette());
        break;
    case SyncState::Syncing:
        if (progress.total > 0)
            text =
                tr("Syncing %1 of %2 people").arg(locale.toString(progress.received), locale.toString(progress.total));
        else
            text = tr("Syncing…");
        m_dot = palette().color(QPalette::Highlight);
        break;
    case SyncState::Online:
        text = tr("Online");
        m_dot = Theme::positive(palette());
        break;
    case SyncState::Error: {
        const QString reason = engine->lastError().userMessage;
        text = reason.isEmpty() ? tr("Server problem — retrying") : tr("Server problem — retrying (%1)").arg(reason);
        m_dot = Theme::negative(palette());
        break;
    }
    }
    m_stateLabel->setText(text);
    setAccessibleName(text);

    const bool firstSync = engine->state() == SyncState::Syncing && !engine->isInitialSyncDone();
    m_progressBar->setVisible(firstSync);
    if (firstSync) {
        m_progressBar->setRange(0, progress.total > 0 ? int(std::min<qint64>(progress.total, INT_MAX)) : 0);
        m_progressBar->setValue(int(std::min<qint64>(progress.received, INT_MAX)));
    }

    int pending = 0;
    int failed = 0;
    for (const OutboxItem &item : m_sync->outbox()->items()) {
        if (item.state == OutboxItem::State::Failed)
            ++failed;
        else if (item.state != OutboxItem::State::Sent)
            ++pending;
    }
    QStringList outbox;
    if (pending > 0)
        outbox.append(tr("%n change(s) waiting to be sent", nullptr, pending));
    if (failed > 0)
        outbox.append(tr("%n not sent", nullptr, failed));
    m_outboxLabel->setText(outbox.join(QStringLiteral(" · ")));
    m_outboxLabel->setVisible(!outbox.isEmpty());

    const QDateTime last = engine->lastSyncedAt();
    if (last.isValid()) {
        const qint64 seconds = last.secsTo(QDateTime::currentDateTimeUtc());
        QString when;
        if (seconds < 60)
            when = tr("just now");
        else if (seconds < 3600)
            when = tr("%n minute(s) ago", nullptr, int(seconds / 60));
        else
            when = Theme::dateTimeText(last);
        m_lastSyncedLabel->setText(tr("Last synced %1").arg(when));
        m_lastSyncedLabel->setToolTip(locale.toString(last.toLocalTime(), QLocale::LongFormat));
    } else {
        m_lastSyncedLabel->setText(tr("Not synced yet"));
    }
    update();
}

void SyncStatusWidget::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_dot);
    const QRect label = m_stateLabel->geometry();
    painter.drawEllipse(
        QRectF(label.left() - DotSize - Theme::SpaceM + 2, label.center().y() - DotSize / 2.0 + 1, DotSize, DotSize));
}

} // namespace Colleagues
