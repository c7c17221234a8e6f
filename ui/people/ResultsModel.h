// SPDX-License-Identifier: MIT
#pragma once

#include "client/search/SearchTypes.h"
#include "ui/widgets/RowListModel.h"

#include <functional>
#include <memory>

class QTemporaryDir;

namespace Colleagues {

class SearchService;

/*!
 * The search results as a list: a small adapter over SearchService that holds only the
 * pages fetched so far (fetchMore() asks for the next one), never the whole directory.
 * A new request replaces the rows when its first page arrives, so the list does not
 * flicker empty while typing.
 */
class ResultsModel : public RowListModel<SearchResult>
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        UsernameRole,
        TitleRole,
        DepartmentRole,
        LocationRole,
        TimeZoneRole,
        SubtitleRole, //!< "Title · Department · Location"
    };
    Q_ENUM(Role)

    explicit ResultsModel(SearchService *service, QObject *parent = nullptr);
    ~ResultsModel() override;

    //! A person's contact card (vCard) and its file name, for dragging rows out; null: none.
    using ContactCard = std::function<QPair<QString, QByteArray>(const QString &username)>;
    //! With \a cards set, rows can be dragged to an address book, a file manager or a mail as
    //! contact cards: text/vcard, and a .vcf file per person (text/uri-list).
    void setContactCards(ContactCard cards) { m_cards = std::move(cards); }
    //! A person's status in words, for the rows' accessible text.
    void setStatusWords(std::function<QString(const QString &username)> words) { m_statusWords = std::move(words); }

    void setRequest(const SearchRequest &request);
    const SearchRequest &request() const { return m_request; }
    //! Runs the current request again (the directory changed).
    void refresh();
    void setPageSize(int size) { m_pageSize = size; }

    //! Facts of the current query's first page: total, facets, corrections, error.
    const SearchPage &summary() const { return m_summary; }
    bool isLoading() const { return m_pendingQuery != 0; }
    //! The result in \a row, or nullptr.
    const SearchResult *result(int row) const;
    static const SearchResult *result(const QModelIndex &index);

    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

Q_SIGNALS:
    //! The first page of a new request arrived (rows replaced; summary() updated).
    void resultsReplaced();
    void loadingChanged(bool loading);

protected:
    QVariant rowData(const SearchResult &r, const QModelIndex &index, int role) const override;

private:
    void onPageReady(int ticket, const SearchPage &page);

    SearchService *m_service;
    SearchRequest m_request;
    SearchPage m_summary;
    int m_pageSize = 30; //!< a screenful or two; more come with fetchMore() while scrolling
    int m_pendingQuery = 0; //!< ticket of the request whose first page is awaited
    int m_pendingMore = 0; //!< ticket of the next page being fetched
    ContactCard m_cards;
    std::function<QString(const QString &)> m_statusWords;
    mutable std::unique_ptr<QTemporaryDir> m_dragFiles; //!< .vcf files of drags, removed with the model
    mutable int m_drags = 0;
};

} // namespace Colleagues
