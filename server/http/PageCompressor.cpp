// SPDX-License-Identifier: MIT
#include "server/http/PageCompressor.h"

#include "server/http/Compression.h"

#include <QMutexLocker>

#include <zlib.h>

namespace Colleagues::Server {

namespace {

//! A piece ends after at most this many statuses even where no status marks a cut.
constexpr qsizetype MaxPieceStatuses = 128;
//! Text shorter than this goes into stored blocks: not worth a deflate stream of its own.
constexpr qsizetype StoredBelow = 512;

quint64 mix(quint64 x)
{
    // splitmix64's finalizer: every bit of the address reaches every bit of the result.
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

//! Whether a piece ends after \a status: about one status in 32, the same one for every page.
bool endsPiece(const SyncStatus *status)
{
    return (mix(quint64(reinterpret_cast<quintptr>(status))) & 31) == 0;
}

} // namespace

QByteArray PageCompressor::gzip(QByteArrayView prefix, const QList<SyncStatusPtr> &statuses, QByteArrayView suffix)
{
    QList<PiecePtr> pieces;
    qsizetype piecesSize = 0;
    for (qsizetype start = 0; start < statuses.size();) {
        qsizetype end = start;
        while (end < statuses.size() && end - start < MaxPieceStatuses) {
            if (endsPiece(statuses.at(end++).get()))
                break;
        }
        PiecePtr made = piece(std::span(statuses.cbegin() + start, statuses.cbegin() + end), start > 0);
        if (!made)
            return {};
        piecesSize += made->deflated.size();
        pieces.append(std::move(made));
        start = end;
    }

    QByteArray out = Compression::gzipHeader();
    out.reserve(out.size() + prefix.size() / 4 + 64 + piecesSize + suffix.size() + 32);
    quint32 crc = Compression::crc32(prefix);
    qint64 length = prefix.size();
    if (prefix.size() < StoredBelow) {
        if (!prefix.isEmpty())
            Compression::appendStored(out, prefix, false);
    } else {
        const QByteArray deflated = Compression::deflateRaw(prefix, false);
        if (deflated.isEmpty())
            return {};
        out += deflated;
    }
    for (const PiecePtr &p : std::as_const(pieces)) {
        out += p->deflated;
        crc = quint32(crc32_combine(crc, p->crc, z_off_t(p->length)));
        length += p->length;
    }
    // The suffix (the page's last members) is short: it ends the stream in stored blocks.
    Compression::appendStored(out, suffix, true);
    crc = Compression::crc32(suffix, crc);
    length += suffix.size();
    Compression::appendGzipTrailer(out, crc, length);
    return out;
}

PageCompressor::PiecePtr PageCompressor::piece(std::span<const SyncStatusPtr> run, bool leadingComma)
{
    quint64 key = mix(leadingComma ? 1 : 2);
    for (const SyncStatusPtr &status : run)
        key = mix(key ^ quint64(reinterpret_cast<quintptr>(status.get())));
    const auto holds = [&run, leadingComma](const PiecePtr &p) {
        return p->leadingComma == leadingComma
            && std::equal(run.begin(), run.end(), p->statuses.cbegin(), p->statuses.cend());
    };
    {
        const QMutexLocker locker(&m_mutex);
        if (const PiecePtr found = m_current.value(key); found && holds(found)) {
            m_reused.fetch_add(1, std::memory_order_relaxed);
            return found;
        }
        if (const PiecePtr found = m_previous.take(key); found && holds(found)) {
            m_current.insert(key, found); // still in use: into this generation
            m_currentStatuses += qsizetype(found->statuses.size());
            m_reused.fetch_add(1, std::memory_order_relaxed);
            return found;
        }
    }

    // Deflated outside the lock; two pages needing the same new piece at once may both make it.
    auto made = std::make_shared<Piece>();
    made->statuses.assign(run.begin(), run.end());
    made->leadingComma = leadingComma;
    QByteArray text;
    qsizetype size = run.size();
    for (const SyncStatusPtr &status : run)
        size += status->json.size();
    text.reserve(size);
    for (const SyncStatusPtr &status : run) {
        if (leadingComma || !text.isEmpty())
            text += ',';
        text += status->json;
    }
    made->deflated = Compression::deflateRaw(text, false);
    if (made->deflated.isEmpty())
        return {};
    made->crc = Compression::crc32(text);
    made->length = text.size();
    m_made.fetch_add(1, std::memory_order_relaxed);

    const QMutexLocker locker(&m_mutex);
    if (m_currentStatuses >= MaxKeptStatuses) {
        m_previous = std::move(m_current);
        m_current.clear();
        m_currentStatuses = 0;
    }
    m_current.insert(key, made);
    m_currentStatuses += qsizetype(made->statuses.size());
    return made;
}

} // namespace Colleagues::Server
