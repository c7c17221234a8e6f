// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaEnum>

namespace Colleagues {

//! \a names (a model's base roleNames()) and the model's own roles, named after the keys of
//! \a roles without "Role": "lastMessage" for LastMessageRole.
QHash<int, QByteArray> withRoleNames(QHash<int, QByteArray> names, const QMetaEnum &roles);

//! withRoleNames() of a model's Role enum (a Q_ENUM).
template<typename Role>
QHash<int, QByteArray> withRoleNames(QHash<int, QByteArray> names)
{
    return withRoleNames(std::move(names), QMetaEnum::fromType<Role>());
}

//! Base of a list model that adapts a list of rows (m_rows): it counts them and answers data()
//! for a valid index of this model with rowData() of its row.
template<typename Row>
class RowListModel : public QAbstractListModel
{
public:
    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return rowData(m_rows.at(index.row()), index, role);
    }

protected:
    using QAbstractListModel::QAbstractListModel;

    //! data() of \a row, the row at \a index.
    virtual QVariant rowData(const Row &row, const QModelIndex &index, int role) const = 0;
    //! Tells the views that \a roles (all when empty) of every row changed.
    void allRowsChanged(const QList<int> &roles = {})
    {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), roles);
    }
    //! The row at \a row, or null.
    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }

    QList<Row> m_rows;
};

} // namespace Colleagues
