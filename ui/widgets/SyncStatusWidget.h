// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace Colleagues {

class SyncClient;

//! The status bar's account of sync: online / offline / syncing / signed out with a coloured
//! dot, a progress bar (n of N) during the first sync, what waits in the outbox, and when the
//! directory was last synced.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(SyncClient *sync, QWidget *parent = nullptr);

    QString stateText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();

    SyncClient *m_sync;
    QLabel *m_stateLabel;
    QProgressBar *m_progressBar;
    QLabel *m_outboxLabel;
    QLabel *m_lastSyncedLabel;
    QColor m_dot;
};

} // namespace Colleagues
