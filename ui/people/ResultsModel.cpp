// SPDX-License-Identifier: MIT
#include "ui/people/ResultsModel.h"

#include "ui/people/SearchService.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>

namespace Colleagues {

ResultsModel::ResultsModel(SearchService *service, QObject *parent)
    : RowListModel(parent)
    , m_service(service)
{
    connect(m_service, &SearchService::pageReady, this, &ResultsModel::onPageReady);
}

ResultsModel::~ResultsModel() = default;

Qt::ItemFlags ResultsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = RowListModel::flags(index);
    if (index.isValid() && m_cards)
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList ResultsModel::mimeTypes() const
{
    return {QStringLiteral("text/vcard"), QStringLiteral("text/uri-list"), QStringLiteral("text/plain")};
}

QMimeData *ResultsModel::mimeData(const QModelIndexList &indexes) const
{
    if (!m_cards)
        return nullptr;
    QByteArray cards;
    QList<QUrl> files;
    QStringList names;
    // A folder per drag, so two people of the same name in different drags do not collide.
    if (!m_dragFiles)
        m_dragFiles = std::make_unique<QTemporaryDir>();
    const QDir folder(m_dragFiles->filePath(QString::number(++m_drags)));
    const bool haveFolder = m_dragFiles->isValid() && QDir().mkpath(folder.path());
    for (const QModelIndex &index : indexes) {
        const SearchResult *row = result(index);
        if (!row)
            continue;
        const auto [fileName, card] = m_cards(row->username);
        if (card.isEmpty())
            continue;
        cards += card;
        names.append(row->displayName.isEmpty() ? row->username : row->displayName);
        QString path = folder.filePath(fileName);
        for (int n = 2; QFile::exists(path); ++n)
            path = folder.filePath(QStringLiteral("%1 (%2).vcf").arg(QFileInfo(fileName).completeBaseName()).arg(n));
        if (QSaveFile file(path);
            haveFolder && file.open(QIODevice::WriteOnly) && file.write(card) == card.size() && file.commit())
            files.append(QUrl::fromLocalFile(path));
    }
    if (cards.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QStringLiteral("text/vcard"), cards);
    if (!files.isEmpty())
        mime->setUrls(files);
    mime->setText(names.join(QLatin1Char('\n')));
    return mime;
}

void ResultsModel::setRequest(const SearchRequest &request)
{
    m_request = request;
    m_request.offset = 0;
    m_request.limit = m_pageSize;
    refresh();
}

void ResultsModel::refresh()
{
    const bool wasLoading = isLoading();
    m_pendingMore = 0;
    SearchRequest first = m_request;
    first.offset = 0;
    first.limit = std::max(m_pageSize, int(m_rows.size()));
    m_pendingQuery = m_service->search(first, true);
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

const SearchResult *ResultsModel::result(int row) const
{
    return rowAt(row);
}

const SearchResult *ResultsModel::result(const QModelIndex &index)
{
    const auto *model = qobject_cast<const ResultsModel *>(index.model());
    return model ? model->result(index.row()) : nullptr;
}

QVariant ResultsModel::rowData(const SearchResult &r, const QModelIndex &, int role) const
{
    switch (role) {
    case Qt::DisplayRole: return r.displayName;
    case Qt::AccessibleTextRole: {
        QStringList parts {r.displayName, m_statusWords ? m_statusWords(r.username) : QString(), r.title, r.department,
                           r.location};
        parts.removeAll(QString());
        for (const MatchedSkill &skill : r.matchedSkills)
            parts.append(tr("%1 level %2").arg(skill.name).arg(skill.level));
        if (!r.unmatchedTerms.isEmpty())
            parts.append(tr("lacks %1").arg(r.unmatchedTerms.join(QStringLiteral(", "))));
        if (r.leads > 0)
            parts.append(tr("leads %Ln of these", nullptr, r.leads));
        return parts.join(QStringLiteral(", "));
    }
    case IdRole: return r.id;
    case UsernameRole: return r.username;
    case TitleRole: return r.title;
    case DepartmentRole: return r.department;
    case LocationRole: return r.location;
    case TimeZoneRole: return r.timeZone;
    case SubtitleRole: {
        QStringList parts {r.title, r.department, r.location};
        parts.removeAll(QString());
        return parts.join(QStringLiteral(" · "));
    }
    default: return {};
    }
}

QHash<int, QByteArray> ResultsModel::roleNames() const
{
    return withRoleNames<Role>(RowListModel::roleNames());
}

bool ResultsModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || m_pendingQuery != 0 || m_pendingMore != 0)
        return false;
    return m_rows.size() < m_summary.total;
}

void ResultsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    SearchRequest next = m_request;
    next.offset = int(m_rows.size());
    next.limit = m_pageSize;
    m_pendingMore = m_service->search(next, false);
}

void ResultsModel::onPageReady(int ticket, const SearchPage &page)
{
    if (ticket == m_pendingQuery) {
        m_pendingQuery = 0;
        m_summary = page;
        m_summary.results.clear();
        // Typing on often keeps the same people in the same order (only what matched changes):
        // then the rows stay, with their selection and scroll position, and are repainted.
        const bool samePeople = page.results.size() == m_rows.size() && !m_rows.isEmpty()
            && std::equal(m_rows.cbegin(), m_rows.cend(), page.results.cbegin(),
                          [](const SearchResult &l, const SearchResult &r) { return l.id == r.id; });
        if (samePeople) {
            m_rows = page.results;
            allRowsChanged();
        } else {
            beginResetModel();
            m_rows = page.results;
            endResetModel();
        }
        Q_EMIT resultsReplaced();
        Q_EMIT loadingChanged(false);
        return;
    }
    if (ticket == m_pendingMore) {
        m_pendingMore = 0;
        if (page.offset != m_rows.size() || page.results.isEmpty())
            return;
        m_summary.total = page.total;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.results.size()) - 1);
        m_rows.append(page.results);
        endInsertRows();
    }
}

} // namespace Colleagues
