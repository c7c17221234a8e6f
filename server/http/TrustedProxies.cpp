// SPDX-License-Identifier: MIT
#include "server/http/TrustedProxies.h"

#include <QStringList>

namespace Colleagues::Server {

QHostAddress unmapped(const QHostAddress &address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

Expected<TrustedProxies> TrustedProxies::parse(const QString &text)
{
    TrustedProxies proxies;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return Error {Error::Code::Required, QString(),
                      QStringLiteral("give at least one network, e.g. 10.0.0.0/8 or ::1.")};
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        QPair<QHostAddress, int> network = QHostAddress::parseSubnet(part);
        if (network.first.isNull()) {
            const QHostAddress host(part);
            if (host.isNull()) {
                return Error {Error::Code::InvalidFormat, QString(),
                              QStringLiteral("\"%1\" is not an address or a network (ADDRESS/BITS).").arg(part)};
            }
            network = {host, host.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
        }
        proxies.m_networks.append(network);
    }
    return proxies;
}

bool TrustedProxies::contains(const QHostAddress &address) const
{
    const QHostAddress plain = unmapped(address);
    for (const auto &network : m_networks) {
        if (plain.isInSubnet(network))
            return true;
    }
    return false;
}

QHostAddress TrustedProxies::clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor) const
{
    if (!contains(peer))
        return peer;
    // Right to left: each hop was added by the one after it; the first we do not trust is
    // the client as far as any proxy of ours can vouch for.
    QHostAddress client = peer;
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        QByteArray hop = hops.at(i).trimmed();
        if (hop.isEmpty())
            continue;
        // "[2001:db8::1]:443" or "192.0.2.1:443" as some proxies write them.
        if (hop.startsWith('[') && hop.contains(']'))
            hop = hop.mid(1, hop.indexOf(']') - 1);
        else if (hop.count(':') == 1)
            hop.truncate(hop.indexOf(':'));
        const QHostAddress address(QString::fromLatin1(hop));
        if (address.isNull())
            return client; // garbage from the client's side: the last hop we could vouch for
        client = address;
        if (!contains(address))
            return client;
    }
    return client;
}

} // namespace Colleagues::Server
