// SPDX-License-Identifier: MIT
#include "core/CsvReader.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QTest>

using namespace Colleagues;

namespace {

//! Hands out at most one byte per read, so every record crosses buffer boundaries.
class TrickleDevice : public QIODevice
{
public:
    explicit TrickleDevice(const QByteArray &data)
        : m_data(data)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_pos >= m_data.size() || maxSize <= 0)
            return 0;
        *data = m_data.at(m_pos++);
        return 1;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
};

//! A device whose reads fail after the first few bytes, in the middle of a record.
class FailingDevice : public QIODevice
{
public:
    FailingDevice()
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        setErrorString(QStringLiteral("disk on fire"));
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_calls++ > 0 || maxSize < 3)
            return -1;
        memcpy(data, "a,b", 3);
        return 3;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    int m_calls = 0;
};

enum class Source { Memory, Buffer, Trickle };

// Reads every record from \a data through the source under test.
QList<CsvRecord> readAll(const QByteArray &data, Source source, bool withHeader = false)
{
    QByteArray copy = data;
    QBuffer buffer(&copy);
    TrickleDevice trickle(data);
    std::unique_ptr<CsvReader> reader;
    switch (source) {
    case Source::Memory: reader = std::make_unique<CsvReader>(data); break;
    case Source::Buffer:
        buffer.open(QIODevice::ReadOnly);
        reader = std::make_unique<CsvReader>(&buffer);
        break;
    case Source::Trickle: reader = std::make_unique<CsvReader>(&trickle); break;
    }
    QList<CsvRecord> records;
    CsvRecord record;
    if (withHeader) {
        if (!reader->readHeader(record))
            return records;
        records.append(record);
    }
    while (reader->readRecord(record))
        records.append(record);
    return records;
}

using Rows = QList<QStringList>;
using Lines = QList<int>;

} // namespace

Q_DECLARE_METATYPE(Source)

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void wellFormed_data();
    void wellFormed();
    void malformed_data();
    void malformed();
    void fatalStopsReading();
    void oversizedRecord();
    void readError();
    void randomInput();
    void manyRows();
};

void TestCsvReader::initTestCase_data()
{
    QTest::addColumn<Source>("source");
    QTest::addRow("memory") << Source::Memory;
    QTest::addRow("buffer") << Source::Buffer;
    QTest::addRow("one byte per read") << Source::Trickle;
}

void TestCsvReader::wellFormed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Rows>("expected");
    QTest::addColumn<Lines>("lines");

    QTest::addRow("empty input") << QByteArray() << Rows {} << Lines {};
    QTest::addRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << Rows {} << Lines {};
    QTest::addRow("simple LF") << QByteArray("a,b,c\n1,2,3\n")
                               << Rows {{u"a"_qs, u"b"_qs, u"c"_qs}, {u"1"_qs, u"2"_qs, u"3"_qs}} << Lines {1, 2};
    QTest::addRow("no final line end") << QByteArray("a,b\n1,2") << Rows {{u"a"_qs, u"b"_qs}, {u"1"_qs, u"2"_qs}}
                                       << Lines {1, 2};
    QTest::addRow("CRLF") << QByteArray("a,b\r\n1,2\r\n") << Rows {{u"a"_qs, u"b"_qs}, {u"1"_qs, u"2"_qs}}
                          << Lines {1, 2};
    QTest::addRow("lone CR") << QByteArray("a\rb\r") << Rows {{u"a"_qs}, {u"b"_qs}} << Lines {1, 2};
    QTest::addRow("BOM") << QByteArray("\xEF\xBB\xBFname,x\n1,2\n") << Rows {{u"name"_qs, u"x"_qs}, {u"1"_qs, u"2"_qs}}
                         << Lines {1, 2};
    QTest::addRow("BOM only at the start")
        << QByteArray("a\nx\xEF\xBB\xBFy\n") << Rows {{u"a"_qs}, {u"x\uFEFFy"_qs}} << Lines {1, 2};
    QTest::addRow("BOM starting a later field") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF\n\xEF\xBB\xBFx\n")
                                                << Rows {{u"\uFEFF"_qs}, {u"\uFEFFx"_qs}} << Lines {1, 2};
    QTest::addRow("quoted comma") << QByteArray("\"a,b\",c\n") << Rows {{u"a,b"_qs, u"c"_qs}} << Lines {1};
    QTest::addRow("doubled quotes") << QByteArray("\"he said \"\"hi\"\"\",x\n")
                                    << Rows {{u"he said \"hi\""_qs, u"x"_qs}} << Lines {1};
    QTest::addRow("only a quote") << QByteArray("\"\"\"\"\n") << Rows {{u"\""_qs}} << Lines {1};
    QTest::addRow("empty quoted") << QByteArray("\"\",a\n") << Rows {{QString(), u"a"_qs}} << Lines {1};
    QTest::addRow("empty fields") << QByteArray(",,\n") << Rows {{QString(), QString(), QString()}} << Lines {1};
    QTest::addRow("trailing comma") << QByteArray("a,\n") << Rows {{u"a"_qs, QString()}} << Lines {1};
    QTest::addRow("trailing comma at end of input") << QByteArray("a,") << Rows {{u"a"_qs, QString()}} << Lines {1};
    QTest::addRow("spaces kept") << QByteArray(" a , b \n") << Rows {{u" a "_qs, u" b "_qs}} << Lines {1};
    QTest::addRow("embedded LF") << QByteArray("\"line1\nline2\",x\ny,z\n")
                                 << Rows {{u"line1\nline2"_qs, u"x"_qs}, {u"y"_qs, u"z"_qs}} << Lines {1, 3};
    QTest::addRow("embedded CRLF") << QByteArray("\"l1\r\nl2\",x\r\ny,z\r\n")
                                   << Rows {{u"l1\r\nl2"_qs, u"x"_qs}, {u"y"_qs, u"z"_qs}} << Lines {1, 3};
    QTest::addRow("many embedded lines") << QByteArray("a\n\"x\ny\nz\",w\nlast\n")
                                         << Rows {{u"a"_qs}, {u"x\ny\nz"_qs, u"w"_qs}, {u"last"_qs}} << Lines {1, 2, 5};
    QTest::addRow("quoted at end without line end") << QByteArray("a,\"b\"") << Rows {{u"a"_qs, u"b"_qs}} << Lines {1};
    QTest::addRow("blank lines skipped") << QByteArray("a\n\n\r\nb\n\n") << Rows {{u"a"_qs}, {u"b"_qs}} << Lines {1, 4};
    QTest::addRow("utf-8") << QByteArray("Zoë Müller,田中 美咲,Анна,مريم,😀\n")
                           << Rows {{u"Zoë Müller"_qs, u"田中 美咲"_qs, u"Анна"_qs, u"مريم"_qs, u"😀"_qs}} << Lines {1};
    QTest::addRow("quoted utf-8 with quotes")
        << QByteArray("\"Łukasz \"\"Łuki\"\", Søren\"\n") << Rows {{u"Łukasz \"Łuki\", Søren"_qs}} << Lines {1};
}

void TestCsvReader::wellFormed()
{
    QFETCH_GLOBAL(Source, source);
    QFETCH(QByteArray, input);
    QFETCH(Rows, expected);
    QFETCH(Lines, lines);

    const QList<CsvRecord> records = readAll(input, source);
    Rows rows;
    Lines recordLines;
    for (const CsvRecord &record : records) {
        QVERIFY2(record.isValid(), qPrintable(record.error));
        rows.append(record.fields);
        recordLines.append(record.line);
    }
    QCOMPARE(rows, expected);
    QCOMPARE(recordLines, lines);
}

void TestCsvReader::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("withHeader");
    // One entry per record: "<line>" when it is well-formed, "<line>: <part of the error>" when not.
    QTest::addColumn<QStringList>("outcomes");

    QTest::addRow("unterminated quote") << QByteArray("a\n\"abc\nmore\n") << false
                                        << QStringList {u"1"_qs, u"2: never closed"_qs};
    QTest::addRow("unterminated quote names its line")
        << QByteArray("a\nb,\"x\n") << false << QStringList {u"1"_qs, u"2: starting on line 2"_qs};
    QTest::addRow("unterminated after doubled quote")
        << QByteArray("\"a\"\"") << false << QStringList {u"1: never closed"_qs};
    QTest::addRow("stray quote") << QByteArray("a,b\"c\nd,e\n") << false
                                 << QStringList {u"1: does not start with one"_qs, u"2"_qs};
    QTest::addRow("stray quote at end of field")
        << QByteArray("ab\"\nok\n") << false << QStringList {u"1: Field 1 contains a quote"_qs, u"2"_qs};
    QTest::addRow("text after closing quote")
        << QByteArray("\"a\"b,c\nd\n") << false << QStringList {u"1: after its closing quote"_qs, u"2"_qs};
    QTest::addRow("space after closing quote")
        << QByteArray("x,\"a\" ,c\nd\n") << false << QStringList {u"1: Field 2 has \" \""_qs, u"2"_qs};
    QTest::addRow("invalid utf-8") << QByteArray("ok\n\xC3\x28,x\nnext\n") << false
                                   << QStringList {u"1"_qs, u"2: Field 1 is not valid UTF-8"_qs, u"3"_qs};
    QTest::addRow("latin-1 text") << QByteArray("M\xFCller\n") << false << QStringList {u"1: not valid UTF-8"_qs};
    QTest::addRow("overlong utf-8") << QByteArray("a,\xC0\xAF\n") << false
                                    << QStringList {u"1: Field 2 is not valid UTF-8"_qs};
    QTest::addRow("encoded surrogate") << QByteArray("\xED\xA0\x80\n") << false
                                       << QStringList {u"1: not valid UTF-8"_qs};
    QTest::addRow("truncated sequence") << QByteArray("x\n\xE6\x97") << false
                                        << QStringList {u"1"_qs, u"2: not valid UTF-8"_qs};
    QTest::addRow("beyond U+10FFFF") << QByteArray("\xF4\x90\x80\x80\n") << false
                                     << QStringList {u"1: not valid UTF-8"_qs};
    QTest::addRow("too few fields") << QByteArray(
        "a,b\n1\n1,2\n") << true << QStringList {u"1"_qs, u"2: has 1 field but the header has 2 columns"_qs, u"3"_qs};
    QTest::addRow("too many fields") << QByteArray("a,b\n1,2,3\n1,2\n") << true
                                     << QStringList {u"1"_qs, u"2: has 3 fields"_qs, u"3"_qs};
    QTest::addRow("count after embedded newline")
        << QByteArray("a,b\n\"1\n2\"\n3,4\n") << true << QStringList {u"1"_qs, u"2: has 1 field but"_qs, u"4"_qs};
    QTest::addRow("malformed header") << QByteArray("a\"b,c\n1,2\n") << true
                                      << QStringList {u"1: contains a quote"_qs, u"2"_qs};
}

void TestCsvReader::malformed()
{
    QFETCH_GLOBAL(Source, source);
    QFETCH(QByteArray, input);
    QFETCH(bool, withHeader);
    QFETCH(QStringList, outcomes);

    QStringList actual;
    for (const CsvRecord &record : readAll(input, source, withHeader)) {
        if (record.isValid()) {
            actual.append(QString::number(record.line));
            continue;
        }
        QVERIFY2(record.error.endsWith(QLatin1Char('.')), qPrintable(u"not a sentence: "_qs + record.error));
        actual.append(QString::number(record.line) + u": "_qs + record.error);
    }
    QCOMPARE(actual.size(), outcomes.size());
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const QString &expected = outcomes.at(i);
        if (!expected.contains(QLatin1Char(':'))) {
            QCOMPARE(actual.at(i), expected);
            continue;
        }
        const QString prefix = expected.section(QLatin1Char(':'), 0, 0) + u": "_qs;
        const QString part = expected.section(QLatin1Char(':'), 1).trimmed();
        QVERIFY2(actual.at(i).startsWith(prefix) && actual.at(i).contains(part),
                 qPrintable(u"record %1: expected \"%2\", got \"%3\""_qs.arg(i).arg(expected, actual.at(i))));
    }
}

void TestCsvReader::fatalStopsReading()
{
    CsvReader reader(QByteArray("ok\n\"open\nstill open\n"));
    CsvRecord record;
    QVERIFY(reader.readRecord(record));
    QVERIFY(record.isValid());
    QVERIFY(reader.readRecord(record));
    QVERIFY(!record.isValid());
    QCOMPARE(record.line, 2);
    QVERIFY(reader.hasFatalError());
    QVERIFY(!reader.hasReadError());
    QVERIFY(!reader.readRecord(record));
}

void TestCsvReader::oversizedRecord()
{
    QByteArray data = "a\n\"";
    data.append(QByteArray(5000, 'x'));
    data.append("\nb\n");
    CsvReader reader(data);
    reader.setMaxRecordSize(1000);
    CsvRecord record;
    QVERIFY(reader.readRecord(record));
    QVERIFY(reader.readRecord(record));
    QCOMPARE(record.line, 2);
    QVERIFY2(record.error.contains(u"longer than 1000 bytes"_qs), qPrintable(record.error));
    QVERIFY(reader.hasFatalError());
    QVERIFY(!reader.readRecord(record));
}

void TestCsvReader::readError()
{
    FailingDevice device;
    CsvReader reader(&device);
    CsvRecord record;
    QVERIFY(reader.readRecord(record));
    QVERIFY2(!record.isValid(), "a read error in the middle of a record must not look like its end");
    QVERIFY2(record.error.contains(u"disk on fire"_qs), qPrintable(record.error));
    QVERIFY(reader.hasReadError());
    QVERIFY(!reader.readRecord(record));

    for (QIODevice *unusable : {static_cast<QIODevice *>(nullptr), static_cast<QIODevice *>(new QBuffer(this))}) {
        CsvReader noInput(unusable);
        QVERIFY(noInput.readRecord(record));
        QVERIFY2(record.error.startsWith(u"The file could not be read"_qs), qPrintable(record.error));
        QVERIFY(noInput.hasReadError());
        QVERIFY(!noInput.readRecord(record));
    }
}

void TestCsvReader::randomInput()
{
    QFETCH_GLOBAL(Source, source);
    if (source != Source::Trickle)
        QSKIP("compares one byte per read against memory once");

    // Deterministic garbage from the characters that matter; every source must agree and
    // line numbers must never go backwards.
    static const char alphabet[] = {',',    '"',    '"',    '\n',   '\r',   'a',   ' ',
                                    '\xC3', '\xA9', '\xEF', '\xBB', '\xBF', '\xFF'};
    quint64 state = 42;
    auto next = [&state] {
        state += 0x9E3779B97F4A7C15ULL;
        quint64 z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    };
    for (int round = 0; round < 3000; ++round) {
        QByteArray data;
        const int length = int(next() % 40);
        for (int i = 0; i < length; ++i)
            data.append(alphabet[next() % sizeof(alphabet)]);
        const QList<CsvRecord> expected = readAll(data, Source::Memory);
        const QList<CsvRecord> actual = readAll(data, Source::Trickle);
        QCOMPARE(actual.size(), expected.size());
        int line = 0;
        for (qsizetype i = 0; i < actual.size(); ++i) {
            QCOMPARE(actual.at(i).fields, expected.at(i).fields);
            QCOMPARE(actual.at(i).line, expected.at(i).line);
            QCOMPARE(actual.at(i).error, expected.at(i).error);
            QVERIFY(actual.at(i).line > line);
            line = actual.at(i).line;
            QVERIFY(actual.at(i).line <= data.count('\n') + data.count('\r') + 1);
        }
    }
}

void TestCsvReader::manyRows()
{
    QFETCH_GLOBAL(Source, source);
    if (source == Source::Trickle)
        QSKIP("one byte per read is about correctness, not speed");

    constexpr int Rows = 100'000;
    QByteArray data = "username,display_name,bio,skills\r\n";
    for (int i = 0; i < Rows; ++i) {
        data.append("user");
        data.append(QByteArray::number(i));
        data.append(",\"Müller, Zoë\",\"Line one\nline \"\"two\"\" with a longer text about things\",C++:4;Go:3\r\n");
    }
    QElapsedTimer timer;
    timer.start();
    const QList<CsvRecord> records = readAll(data, source, true);
    const qint64 ms = timer.elapsed();
    qInfo("parsed %d rows (%lld bytes) in %lld ms", Rows, static_cast<long long>(data.size()),
          static_cast<long long>(ms));

    QCOMPARE(records.size(), Rows + 1);
    QCOMPARE(records.last().fields.at(0), u"user%1"_qs.arg(Rows - 1));
    QCOMPARE(records.last().fields.at(2), u"Line one\nline \"two\" with a longer text about things"_qs);
    QCOMPARE(records.last().line, 2 + 2 * (Rows - 1));
    // An optimized build takes about 0.1 s; the bound leaves room for a busy machine.
#if defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__)
    constexpr qint64 LimitMs = 1000;
#else
    constexpr qint64 LimitMs = 30'000;
#endif
    QVERIFY2(ms < LimitMs, qPrintable(u"parsing took %1 ms"_qs.arg(ms)));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
