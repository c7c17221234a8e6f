// SPDX-License-Identifier: MIT
#include "server/accounts/Tokens.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Colleagues::Server;

class TestTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generateIsBase64UrlOf256Bits()
    {
        const QByteArray token = Tokens::generate();
        QCOMPARE(token.size(), 43);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(QString::fromLatin1(token)).hasMatch());
        const auto decoded = QByteArray::fromBase64Encoding(
            token, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(decoded);
        QCOMPARE(decoded.decoded.size(), 32);
    }

    void generateIsUnique()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(Tokens::generate());
        QCOMPARE(seen.size(), 1000);
    }

    void hashIsRawSha256()
    {
        const QByteArray token = Tokens::generate();
        QCOMPARE(Tokens::hash(token).size(), 32);
        QCOMPARE(Tokens::hash(token), QCryptographicHash::hash(token, QCryptographicHash::Sha256));
        QVERIFY(Tokens::hash(token) != Tokens::hash(Tokens::generate()));
    }
};

QTEST_GUILESS_MAIN(TestTokens)
#include "tst_tokens.moc"
