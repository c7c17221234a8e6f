// SPDX-License-Identifier: MIT
#include "ui/messages/ConversationsPanel.h"

#include "ui/ClientBackend.h"
#include "ui/messages/ConversationDelegate.h"
#include "ui/messages/ConversationsModel.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Colleagues {

ConversationsPanel::ConversationsPanel(ClientBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new ConversationsModel(backend, this))
{
    setObjectName(QStringLiteral("conversationsPanelWidget"));
    m_model->setObjectName(QStringLiteral("conversationsModel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(Theme::SpaceL + 2, Theme::SpaceL + 2, Theme::SpaceL, Theme::SpaceS);
    auto *title = plainLabel(tr("Messages"), this, QStringLiteral("conversationsTitleLabel"));
    title->setFont(Theme::scaledFont(font(), 1.25, QFont::DemiBold));
    titleRow->addWidget(title, 1);
    auto *newGroup = new QPushButton(tr("New Group…"), this);
    newGroup->setObjectName(QStringLiteral("newGroupButton"));
    newGroup->setToolTip(tr("A conversation with a few colleagues at once"));
    newGroup->setAutoDefault(false);
    connect(newGroup, &QPushButton::clicked, this, &ConversationsPanel::newGroupRequested);
    titleRow->addWidget(newGroup);
    layout->addLayout(titleRow);

    // All conversations, or only the open questions: those one asked, or those asked of one.
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("conversationFilterComboBox"));
    m_filter->setAccessibleName(tr("Show"));
    m_filter->addItem(tr("All conversations"), int(ConversationsModel::Filter::All));
    m_filter->addItem(tr("Open questions I asked"), int(ConversationsModel::Filter::AskedByMe));
    m_filter->addItem(tr("Open questions asked of me"), int(ConversationsModel::Filter::AskedOfMe));
    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setFilter(ConversationsModel::Filter(m_filter->currentData().toInt())); });
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(Theme::SpaceL + 2, 0, Theme::SpaceL, Theme::SpaceM);
    filterRow->addWidget(m_filter, 1);
    layout->addLayout(filterRow);
    layout->addWidget(Theme::hairline(this));

    m_stack = new QStackedWidget(this);
    m_view = new QListView(m_stack);
    m_view->setObjectName(QStringLiteral("conversationsListView"));
    m_view->setAccessibleName(tr("Conversations"));
    m_view->setModel(m_model);
    auto *delegate = new ConversationDelegate(m_backend->images(), m_view);
    delegate->setStatuses([this](const QString &username) { return m_backend->status(username); }, m_backend,
                          &ClientBackend::statusesChanged);
    m_view->setItemDelegate(delegate);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setMouseTracking(true);
    m_view->setAttribute(Qt::WA_Hover);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const QString peer = current.data(ConversationsModel::PeerRole).toString();
        if (!peer.isEmpty())
            Q_EMIT conversationChosen(peer);
    });
    connect(m_view, &QListView::activated, this, &ConversationsPanel::conversationActivated);
    m_stack->addWidget(m_view);

    auto *empty = plainLabel(tr("No conversations yet.\n\nFind someone under People and press Message — "
                                "you can write even while offline."),
                             m_stack, QStringLiteral("noConversationsLabel"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    empty->setMargin(Theme::SpaceXXL);
    empty->setForegroundRole(QPalette::PlaceholderText);
    empty->setBackgroundRole(QPalette::Base);
    empty->setAutoFillBackground(true);
    m_empty = empty;
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    connect(m_model, &QAbstractItemModel::modelReset, this, &ConversationsPanel::updateEmptyState);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &ConversationsPanel::updateEmptyState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ConversationsPanel::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConversationsPanel::peopleShownChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConversationsPanel::peopleShownChanged);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &ConversationsPanel::peopleShownChanged);
    updateEmptyState();
}

void ConversationsPanel::select(const QString &peer)
{
    const int row = m_model->rowOf(peer);
    QSignalBlocker blocker(m_view->selectionModel());
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
    else
        m_view->clearSelection();
}

void ConversationsPanel::showAll()
{
    m_filter->setCurrentIndex(0);
}

QStringList ConversationsPanel::peopleShown() const
{
    QStringList people;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        if (index.data(ConversationsModel::GroupRole).toBool())
            people += index.data(ConversationsModel::MembersRole).toStringList();
        else
            people.append(index.data(ConversationsModel::PeerRole).toString());
    }
    return people;
}

void ConversationsPanel::updateEmptyState()
{
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
}

} // namespace Colleagues
