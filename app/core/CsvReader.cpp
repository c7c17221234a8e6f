// SPDX-License-Identifier: MIT
#include "core/CsvReader.h"

#include <QIODevice>

#include <cstring>

namespace Colleagues {

namespace {

constexpr qint64 ChunkSize = 256 * 1024;

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(const char *data, qsizetype size)
{
    const auto *p = reinterpret_cast<const uchar *>(data);
    const auto *end = p + size;
    while (p < end) {
        const uchar c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

bool endsUnquotedRun(char c)
{
    return c == ',' || c == '\n' || c == '\r' || c == '"';
}

QString describeByte(int c)
{
    if (c >= 0x20 && c < 0x7F)
        return QStringLiteral("\"%1\"").arg(QLatin1Char(static_cast<char>(c)));
    return QStringLiteral("byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
}

QString countOf(qsizetype n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

} // namespace

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{
    m_buffer.reserve(ChunkSize);
}

CsvReader::CsvReader(const QByteArray &data)
    : m_buffer(data)
    , m_endOfInput(true)
{ }

bool CsvReader::fill()
{
    if (m_endOfInput)
        return false;
    if (!m_device || !m_device->isReadable()) {
        m_endOfInput = true;
        m_readError = true;
        return false;
    }
    // Keep only what is not consumed yet; the scanners never hold pointers across a fill.
    m_buffer.remove(0, m_pos);
    m_pos = 0;
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + ChunkSize);
    const qint64 got = m_device->read(m_buffer.data() + old, ChunkSize);
    m_buffer.resize(old + std::max<qint64>(got, 0));
    if (got <= 0) {
        m_endOfInput = true;
        m_readError = got < 0;
        return false;
    }
    return true;
}

int CsvReader::peek()
{
    if (m_pos == m_buffer.size() && !fill())
        return -1;
    return static_cast<uchar>(m_buffer.at(m_pos));
}

void CsvReader::skipLineEnd(int c)
{
    ++m_pos;
    if (c == '\r' && peek() == '\n')
        ++m_pos;
    ++m_line;
}

void CsvReader::fail(CsvRecord &record, const QString &message)
{
    if (record.error.isEmpty())
        record.error = message;
}

QString CsvReader::readErrorMessage() const
{
    if (!m_device)
        return QStringLiteral("The file could not be read: there is no device to read from.");
    return QStringLiteral("The file could not be read: %1.").arg(m_device->errorString());
}

void CsvReader::appendField(CsvRecord &record, const QByteArray &bytes)
{
    if (!isValidUtf8(bytes.constData(), bytes.size())) {
        fail(record,
             QStringLiteral("Field %1 is not valid UTF-8 text; save the file as UTF-8.").arg(record.fields.size() + 1));
    }
    // Not QString::fromUtf8(), which would drop a U+FEFF at the start of any field.
    record.fields.append(m_decoder.decode(bytes));
}

bool CsvReader::readHeader(CsvRecord &header)
{
    if (!readRecord(header))
        return false;
    if (header.isValid())
        m_expectedFields = int(header.fields.size());
    return true;
}

bool CsvReader::readRecord(CsvRecord &record)
{
    record.fields.clear();
    record.error.clear();
    if (m_fatal)
        return false;

    if (!m_bomChecked) {
        while (m_buffer.size() - m_pos < 3 && fill()) { }
        if (QByteArrayView(m_buffer).sliced(m_pos).startsWith("\xEF\xBB\xBF"))
            m_pos += 3;
        m_bomChecked = true;
    }

    // Blank lines between records carry nothing; skip them.
    for (;;) {
        const int c = peek();
        if (c == '\n' || c == '\r') {
            skipLineEnd(c);
            continue;
        }
        if (c == -1) {
            if (m_readError) {
                record.line = m_line;
                fail(record, readErrorMessage());
                m_fatal = true;
                return true;
            }
            return false;
        }
        break;
    }

    record.line = m_line;
    qsizetype recordBytes = 0;
    for (;;) {
        m_field.clear();
        bool afterClosingQuote = false;
        if (peek() == '"') {
            ++m_pos;
            // Quoted field: everything up to the next lone quote is data, line breaks included.
            for (;;) {
                if (m_pos == m_buffer.size() && !fill()) {
                    fail(record,
                         m_readError ? readErrorMessage()
                                     : QStringLiteral("The quoted field %1 starting on line %2 is never "
                                                      "closed: a closing quote (\") is missing.")
                                           .arg(record.fields.size() + 1)
                                           .arg(record.line));
                    m_fatal = true;
                    appendField(record, m_field);
                    return true;
                }
                const char *begin = m_buffer.constData() + m_pos;
                const char *end = m_buffer.constData() + m_buffer.size();
                const auto *quote = static_cast<const char *>(std::memchr(begin, '"', size_t(end - begin)));
                const char *stop = quote ? quote : end;
                for (const char *p = begin; p != stop; ++p) {
                    if (*p == '\n')
                        ++m_line;
                }
                m_field.append(begin, stop - begin);
                recordBytes += stop - begin;
                m_pos += stop - begin;
                if (recordBytes > m_maxRecordSize) {
                    fail(record,
                         QStringLiteral("The record starting on line %1 is longer than %2 bytes; a closing "
                                        "quote (\") is probably missing.")
                             .arg(record.line)
                             .arg(m_maxRecordSize));
                    m_fatal = true;
                    return true;
                }
                if (!quote)
                    continue;
                ++m_pos;
                if (peek() == '"') {
                    m_field.append('"');
                    ++m_pos;
                    continue;
                }
                break;
            }
            afterClosingQuote = true;
        }

        // Unquoted field, or whatever follows a closing quote (which must be a separator).
        for (;;) {
            if (m_pos == m_buffer.size() && !fill())
                break;
            const char *data = m_buffer.constData();
            const qsizetype size = m_buffer.size();
            qsizetype i = m_pos;
            while (i < size && !endsUnquotedRun(data[i]))
                ++i;
            if (i > m_pos) {
                if (afterClosingQuote) {
                    fail(record,
                         QStringLiteral("Field %1 has %2 after its closing quote; a quoted field must end "
                                        "at the quote, and a quote inside it must be doubled (\"\").")
                             .arg(record.fields.size() + 1)
                             .arg(describeByte(static_cast<uchar>(data[m_pos]))));
                }
                m_field.append(data + m_pos, i - m_pos);
                recordBytes += i - m_pos;
                m_pos = i;
            }
            if (recordBytes > m_maxRecordSize) {
                fail(record,
                     QStringLiteral("The record starting on line %1 is longer than %2 bytes.")
                         .arg(record.line)
                         .arg(m_maxRecordSize));
                m_fatal = true;
                return true;
            }
            if (i < size && data[i] == '"') {
                fail(record,
                     afterClosingQuote
                         ? QStringLiteral("Field %1 has a quote (\") right after its closing quote; a quote "
                                          "inside a quoted field must be doubled (\"\").")
                               .arg(record.fields.size() + 1)
                         : QStringLiteral("Field %1 contains a quote (\") but does not start with one; put "
                                          "the whole field in quotes and double the quote inside (\"\").")
                               .arg(record.fields.size() + 1));
                m_field.append('"');
                ++m_pos;
                continue;
            }
            if (i < size)
                break; // a separator or line end
        }
        appendField(record, m_field);

        const int c = peek();
        if (c == ',') {
            ++m_pos;
            continue;
        }
        if (c == '\r' || c == '\n')
            skipLineEnd(c);
        break;
    }

    if (m_readError) {
        fail(record, readErrorMessage());
        m_fatal = true;
    } else if (m_expectedFields >= 0 && record.fields.size() != m_expectedFields) {
        fail(
            record,
            QStringLiteral("The record has %1 but the header has %2.")
                .arg(countOf(record.fields.size(), "field", "fields"), countOf(m_expectedFields, "column", "columns")));
    }
    return true;
}

} // namespace Colleagues
