// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace Colleagues::Server {

/*!
 * The reverse proxies whose X-Forwarded-For the server believes (`serve --trusted-proxy`).
 *
 * Behind a proxy every request comes from the proxy's address, so throttling by address would
 * lock out everyone at once. For a peer in these networks the client is the rightmost address
 * of X-Forwarded-For that is not itself a trusted proxy; from any other peer the header is
 * ignored, so nobody can pick the address they are counted under.
 */
class TrustedProxies
{
public:
    //! Parses "CIDR[,CIDR...]" ("10.0.0.0/8,::1", a bare address is one host).
    static Expected<TrustedProxies> parse(const QString &text);

    bool isEmpty() const { return m_networks.isEmpty(); }
    bool contains(const QHostAddress &address) const;

    //! The address a request from \a peer stands for, given its X-Forwarded-For value (all of
    //! its headers joined with commas).
    QHostAddress clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor) const;

private:
    QList<QPair<QHostAddress, int>> m_networks;
};

//! \a address as a plain IPv4 address when it is an IPv4-mapped IPv6 one; else unchanged.
QHostAddress unmapped(const QHostAddress &address);

} // namespace Colleagues::Server
