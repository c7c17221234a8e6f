// SPDX-License-Identifier: MIT
#pragma once

#include "server/storage/Storage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMutex>

#include <atomic>
#include <memory>
#include <span>
#include <vector>

namespace Colleagues::Server {

/*!
 * gzip for sync pages without compressing the same statuses once per client. At 10,000
 * connected clients every long-poll answer carries the statuses that changed since its cursor,
 * the same few hundred for everybody: compressing each page whole (Compression::gzip) would
 * deflate the same bytes thousands of times a second.
 *
 * A page's statuses are cut into pieces where a status marked as a cut follows (a property of
 * the status object, so pages that start at different cursors cut the same run in the same
 * places), and each piece is deflated once, kept, and copied into every page that holds it
 * (RFC 1951 blocks ending on a byte boundary may follow one another; RFC 1952's CRC-32 of the
 * whole is combined from the pieces'). The rest of the page, small for a long-poll answer, is
 * deflated for that page. What a client inflates is byte for byte the page's JSON.
 *
 * Pieces are kept until about MaxKeptStatuses statuses' worth of newer ones were made (two
 * generations, so those in use survive a turnover). Thread-safe.
 */
class PageCompressor
{
public:
    //! About how many statuses the kept pieces hold, per generation.
    static constexpr qsizetype MaxKeptStatuses = 50000;

    //! The gzip member (RFC 1952) of \a prefix, the JSON of \a statuses joined by commas, and
    //! \a suffix. Every status must have its JSON (SyncStatus::json).
    QByteArray gzip(QByteArrayView prefix, const QList<SyncStatusPtr> &statuses, QByteArrayView suffix);

    //! Pieces taken from those kept, and pieces deflated, since the start.
    qint64 piecesReused() const { return m_reused.load(std::memory_order_relaxed); }
    qint64 piecesMade() const { return m_made.load(std::memory_order_relaxed); }

private:
    struct Piece
    {
        std::vector<SyncStatusPtr> statuses; //!< kept alive, so no other status takes their address
        bool leadingComma = false;
        QByteArray deflated; //!< raw deflate, ending on a byte boundary, no final block
        quint32 crc = 0;
        qsizetype length = 0; //!< of the text it holds
    };
    using PiecePtr = std::shared_ptr<const Piece>;

    PiecePtr piece(std::span<const SyncStatusPtr> run, bool leadingComma);

    QMutex m_mutex; // guards the members below
    QHash<quint64, PiecePtr> m_current;
    QHash<quint64, PiecePtr> m_previous;
    qsizetype m_currentStatuses = 0;

    std::atomic<qint64> m_reused = 0;
    std::atomic<qint64> m_made = 0;
};

} // namespace Colleagues::Server
