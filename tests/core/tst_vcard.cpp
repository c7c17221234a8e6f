// SPDX-License-Identifier: MIT
// Contact cards (vCard 4.0, RFC 6350 + RFC 6715) written from profiles and read back field by
// field with a strict reader written from the RFC (tests/support/VCardReader).

#include "core/VCard.h"

#include "tests/support/List.h"
#include "tests/support/TestImages.h"
#include "tests/support/VCardReader.h"

#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Test;

class TestVCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFieldReadsBack();
    void textIsEscaped_data();
    void textIsEscaped();
    void longLinesFoldWithoutSplittingCharacters_data();
    void longLinesFoldWithoutSplittingCharacters();
    void levelsMapToExpertise_data();
    void levelsMapToExpertise();
    void withheldFieldsAreAbsent();
    void photoAsDataUri();
    void fileNames_data();
    void fileNames();

private:
    static Profile fullProfile();
    static VCardContact single(const QByteArray &data);
};

Profile TestVCard::fullProfile()
{
    Profile p;
    p.id = QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");
    p.username = QStringLiteral("zoe");
    p.displayName = QStringLiteral("Zoë Ångström-Núñez");
    p.title = QStringLiteral("Staff Engineer, Payments");
    p.department = QStringLiteral("Finance; Payroll");
    p.location = QStringLiteral("München");
    p.timeZone = QStringLiteral("Europe/Berlin");
    p.email = QStringLiteral("zoe@example.com");
    p.phone = QStringLiteral("+49 89 1234 5678");
    p.bio = QStringLiteral("Runs SAP payroll.\nAsk me about C:\\temp, commas, and; semicolons.");
    p.skills = {{QStringLiteral("SAP Payroll"), 5}, {QStringLiteral("C++"), 3}, {QStringLiteral("日本語"), 1}};
    p.interests = {QStringLiteral("cycling"), QStringLiteral("jazz, mostly")};
    p.updatedAt = QDateTime(QDate(2026, 11, 30), QTime(9, 5, 7), Qt::UTC);
    return p;
}

VCardContact TestVCard::single(const QByteArray &data)
{
    const VCardFile file = VCardFile::parse(data);
    if (!file.problems.isEmpty())
        qWarning() << file.problems;
    if (file.cards.size() != 1 || !file.problems.isEmpty())
        return {};
    return file.cards.first();
}

void TestVCard::everyFieldReadsBack()
{
    const Profile p = fullProfile();
    const VCardContact card = single(toVCard(p));
    QVERIFY(!card.properties.isEmpty());
    QCOMPARE(card.text(u"KIND"_qs), u"individual"_qs);
    QCOMPARE(card.text(u"UID"_qs), QStringLiteral("urn:uuid:") + p.id);
    QCOMPARE(card.text(u"FN"_qs), p.displayName);
    QCOMPARE(card.text(u"TITLE"_qs), p.title);
    QCOMPARE(card.all(u"ORG"_qs).first().components(), QStringList({QString(), p.department}));
    QCOMPARE(card.text(u"EMAIL"_qs), p.email);
    QCOMPARE(card.all(u"EMAIL"_qs).first().param(u"TYPE"_qs), list({"work"}));
    QCOMPARE(card.text(u"TEL"_qs), p.phone);
    QCOMPARE(card.all(u"ADR"_qs).first().components(), QStringList({{}, {}, {}, p.location, {}, {}, {}}));
    QCOMPARE(card.text(u"TZ"_qs), p.timeZone);
    QCOMPARE(card.text(u"NOTE"_qs), p.bio);
    QCOMPARE(card.text(u"REV"_qs), u"20261130T090507Z"_qs);

    const QList<VCardProperty> expertise = card.all(u"EXPERTISE"_qs);
    QCOMPARE(expertise.size(), p.skills.size());
    for (qsizetype i = 0; i < expertise.size(); ++i) {
        QCOMPARE(expertise[i].text(), p.skills[i].name);
        QCOMPARE(expertise[i].param(u"INDEX"_qs), QStringList {QString::number(i + 1)});
    }
    const QList<VCardProperty> interests = card.all(u"INTEREST"_qs);
    QCOMPARE(interests.size(), 2);
    QCOMPARE(interests[0].text(), p.interests[0]);
    QCOMPARE(interests[1].text(), p.interests[1]);
    QVERIFY(!card.has(u"PHOTO"_qs));
}

void TestVCard::textIsEscaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("written");
    QTest::addRow("comma") << u"Smith, Jo"_qs << QByteArray("FN:Smith\\, Jo\r\n");
    QTest::addRow("semicolon") << u"a;b"_qs << QByteArray("FN:a\\;b\r\n");
    QTest::addRow("backslash") << u"C:\\x"_qs << QByteArray("FN:C:\\\\x\r\n");
    QTest::addRow("colon stays") << u"Re: hi"_qs << QByteArray("FN:Re: hi\r\n");
}

void TestVCard::textIsEscaped()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, written);
    Profile p;
    p.username = QStringLiteral("x");
    p.displayName = text;
    const QByteArray data = toVCard(p);
    QVERIFY2(data.contains(written), data.constData());
    QCOMPARE(single(data).text(u"FN"_qs), text);
}

void TestVCard::longLinesFoldWithoutSplittingCharacters_data()
{
    QTest::addColumn<QString>("bio");
    QTest::addRow("ascii") << QString(700, QLatin1Char('a'));
    QTest::addRow("two-byte") << QString(400, QChar(0x00E9)); // é
    QTest::addRow("three-byte") << QString(300, QChar(0x65E5)); // 日
    QTest::addRow("four-byte") << QString::fromUtf8("🙂").repeated(200);
    QTest::addRow("mixed, escapes across folds") << QStringLiteral("a;é,日\\🙂\n").repeated(80);
}

void TestVCard::longLinesFoldWithoutSplittingCharacters()
{
    QFETCH(QString, bio);
    Profile p;
    p.username = QStringLiteral("x");
    p.displayName = QStringLiteral("X");
    p.bio = bio;
    const QByteArray data = toVCard(p);
    // The reader checks each physical line: at most 75 octets, CRLF, valid UTF-8 on its own.
    const VCardFile file = VCardFile::parse(data);
    QVERIFY2(file.problems.isEmpty(), qPrintable(file.problems.join(u'\n')));
    QVERIFY(data.count("\r\n ") > 1);
    QCOMPARE(file.cards.first().text(u"NOTE"_qs), bio);
}

void TestVCard::levelsMapToExpertise_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("expected");
    QTest::addRow("1") << 1 << u"beginner"_qs;
    QTest::addRow("2") << 2 << u"beginner"_qs;
    QTest::addRow("3") << 3 << u"average"_qs;
    QTest::addRow("4") << 4 << u"expert"_qs;
    QTest::addRow("5") << 5 << u"expert"_qs;
}

void TestVCard::levelsMapToExpertise()
{
    QFETCH(int, level);
    QFETCH(QString, expected);
    Profile p;
    p.username = QStringLiteral("x");
    p.displayName = QStringLiteral("X");
    p.skills = {{QStringLiteral("Go"), level}};
    const QList<VCardProperty> expertise = single(toVCard(p)).all(u"EXPERTISE"_qs);
    QCOMPARE(expertise.size(), 1);
    QCOMPARE(expertise.first().param(u"LEVEL"_qs), QStringList {expected});
}

void TestVCard::withheldFieldsAreAbsent()
{
    // A copy of a profile whose owner hides e-mail, phone, location, bio and interests from
    // this reader: those members are empty, and the card must not invent them.
    Profile p = fullProfile();
    p.email.clear();
    p.phone.clear();
    p.location.clear();
    p.bio.clear();
    p.interests.clear();
    for (PrivateField field :
         {PrivateField::Email, PrivateField::Phone, PrivateField::Location, PrivateField::Bio, PrivateField::Interests})
        p.withheld.insert(field);
    const VCardContact card = single(toVCard(p));
    QVERIFY(card.has(u"FN"_qs));
    for (const char *name : {"EMAIL", "TEL", "ADR", "NOTE", "INTEREST"})
        QVERIFY2(!card.has(QString::fromLatin1(name)), name);
    QCOMPARE(card.all(u"EXPERTISE"_qs).size(), 3);
}

void TestVCard::photoAsDataUri()
{
    Profile p = fullProfile();
    const QByteArray jpeg = makeJpeg(48, 48);
    const QByteArray png = makePng(32, 32, false);
    for (const auto &[bytes, type] : {std::pair {jpeg, "image/jpeg"}, std::pair {png, "image/png"}}) {
        QCOMPARE(imageMimeType(bytes), QByteArray(type));
        const VCardContact card = single(toVCard(p, {bytes, {}}));
        const QString value = card.all(u"PHOTO"_qs).value(0).rawValue;
        const QString prefix = QStringLiteral("data:%1;base64,").arg(QLatin1String(type));
        QVERIFY2(value.startsWith(prefix), qPrintable(value.left(40)));
        QCOMPARE(QByteArray::fromBase64(value.mid(prefix.size()).toLatin1()), bytes);
    }
    // Bytes that are no image the app caches are left out rather than mislabelled.
    QVERIFY(!single(toVCard(p, {QByteArrayLiteral("GIF89a..."), {}})).has(u"PHOTO"_qs));
}

void TestVCard::fileNames_data()
{
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << u"Ada Lovelace"_qs << u"Ada Lovelace.vcf"_qs;
    QTest::addRow("separators") << u"a/b\\c:d*e?f\"g<h>i|j"_qs << u"a_b_c_d_e_f_g_h_i_j.vcf"_qs;
    QTest::addRow("hidden file") << u"..hidden"_qs << u"hidden.vcf"_qs;
    QTest::addRow("empty uses username") << QString() << u"x.vcf"_qs;
    QTest::addRow("non-ASCII kept") << u"Zoë 日本"_qs << u"Zoë 日本.vcf"_qs;
}

void TestVCard::fileNames()
{
    QFETCH(QString, displayName);
    QFETCH(QString, expected);
    Profile p;
    p.username = QStringLiteral("x");
    p.displayName = displayName;
    QCOMPARE(vCardFileName(p), expected);
}

QTEST_GUILESS_MAIN(TestVCard)
#include "tst_vcard.moc"
