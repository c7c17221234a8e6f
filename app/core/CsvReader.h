// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Colleagues {

//! One record of a CSV file: its fields and the physical line it starts on.
struct CsvRecord
{
    QStringList fields;
    int line = 0; //!< 1-based physical line where the record starts
    QString error; //!< why the record is malformed, as one sentence; empty when it is well-formed

    bool isValid() const { return error.isEmpty(); }
};

//! Streaming RFC 4180 reader for UTF-8 text: comma separator, quoted fields with "" escapes,
//! commas and line breaks inside quotes, CRLF or LF line ends, an optional UTF-8 BOM and an
//! optional final line end. Blank lines between records are skipped.
//!
//! Malformed input never stops the reader silently: a record with a stray quote or invalid
//! UTF-8 comes back with its error set and reading goes on with the next line. An
//! unterminated quote, an oversized record or a read error is fatal (hasFatalError()): that
//! record carries the error and no record follows.
class CsvReader
{
public:
    //! Reads from \a device, which must be open for reading and outlive the reader.
    explicit CsvReader(QIODevice *device);
    //! Reads from \a data held in memory.
    explicit CsvReader(const QByteArray &data);

    //! Reads the first record as the header. Afterwards every record whose field count
    //! differs from the header's is reported as malformed. Returns false when there is no
    //! record at all; a malformed header comes back with its error set.
    bool readHeader(CsvRecord &header);

    //! Reads the next record. Returns false when no record is left.
    bool readRecord(CsvRecord &record);

    //! True after an error the reader cannot continue from.
    bool hasFatalError() const { return m_fatal; }
    //! True when the device reported a read error (the record then says so).
    bool hasReadError() const { return m_readError; }

    //! Records longer than this are fatal errors: usually a quote that was never closed.
    void setMaxRecordSize(qsizetype bytes) { m_maxRecordSize = bytes; }
    static constexpr qsizetype DefaultMaxRecordSize = 4 * 1024 * 1024;

private:
    bool fill();
    int peek();
    //! Consumes the line end that starts with \a c ('\r' or '\n'; "\r\n" counts as one).
    void skipLineEnd(int c);
    void fail(CsvRecord &record, const QString &message);
    QString readErrorMessage() const;
    void appendField(CsvRecord &record, const QByteArray &bytes);

    QIODevice *m_device = nullptr;
    QByteArray m_buffer;
    QByteArray m_field;
    QStringDecoder m_decoder {QStringDecoder::Utf8,
                              QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom};
    qsizetype m_pos = 0;
    qsizetype m_maxRecordSize = DefaultMaxRecordSize;
    int m_line = 1;
    int m_expectedFields = -1;
    bool m_endOfInput = false;
    bool m_bomChecked = false;
    bool m_fatal = false;
    bool m_readError = false;
};

} // namespace Colleagues
