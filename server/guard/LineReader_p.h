// SPDX-License-Identifier: MIT
#pragma once

// Internal to the guard.

#include <QByteArray>
#include <QByteArrayView>

#include <cstring>
#include <optional>

namespace Colleagues::Server {

/*!
    Gathers one line of an HTTP stream (a head line, a chunk size, a trailer) from the pieces it
    arrives in. piece() says how much of the bytes at hand belong to the current line; the caller
    checks its limits, then append()s them and gets the whole line once its '\n' came.
*/
class LineReader
{
public:
    //! The bytes at the start of a buffer that belong to the current line.
    struct Piece
    {
        qint64 size = 0; //!< bytes to consume, the '\n' included when it is there
        bool endsLine = false;
        //! Bytes of line text in the piece (without the '\n').
        qint64 textSize() const { return endsLine ? size - 1 : size; }
    };

    static Piece piece(const char *data, qint64 size)
    {
        const void *nl = std::memchr(data, '\n', static_cast<size_t>(size));
        if (!nl)
            return Piece {size, false};
        return Piece {(static_cast<const char *>(nl) - data) + 1, true};
    }

    //! \a text without the spaces and tabs HTTP allows around a header value.
    static QByteArrayView trimmed(QByteArrayView text)
    {
        while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
            text = text.sliced(1);
        while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
            text.chop(1);
        return text;
    }

    //! Text gathered so far for a line that has not ended.
    qint64 pendingSize() const { return m_line.size(); }
    bool isEmpty() const { return m_line.isEmpty(); }
    void clear() { m_line.clear(); }

    //! Adds \a piece (of \a data); when it ends the line, returns the line without its line end
    //! (LF, or CR LF) and starts the next one.
    std::optional<QByteArray> append(const char *data, const Piece &piece)
    {
        m_line.append(data, piece.textSize());
        if (!piece.endsLine)
            return std::nullopt;
        QByteArray line;
        line.swap(m_line);
        if (line.endsWith('\r'))
            line.chop(1);
        return line;
    }

private:
    QByteArray m_line;
};

} // namespace Colleagues::Server
