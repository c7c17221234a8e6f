// SPDX-License-Identifier: MIT
#include "server/http/Router.h"

namespace Colleagues::Server {

void Router::add(Route route)
{
    Compiled compiled;
    const QStringList parts = route.pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        compiled.segments.append(part.startsWith(QLatin1Char('{')) ? QString() : part);
    m_routes.append(std::move(route));
    m_compiled.append(std::move(compiled));
}

Router::Match Router::match(const QByteArray &method, const QStringList &segments) const
{
    Match best;
    int bestLiterals = -1;
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const Compiled &c = m_compiled.at(i);
        if (c.segments.size() != segments.size())
            continue;
        QStringList parameters;
        int literals = 0;
        bool matches = true;
        for (qsizetype s = 0; s < segments.size() && matches; ++s) {
            if (c.segments.at(s).isNull()) {
                if (segments.at(s).isEmpty())
                    matches = false;
                parameters.append(segments.at(s));
            } else if (c.segments.at(s) == segments.at(s)) {
                ++literals;
            } else {
                matches = false;
            }
        }
        if (!matches)
            continue;
        const Route &route = m_routes.at(i);
        const QString methodName = QString::fromLatin1(route.method);
        if (!best.allowed.contains(methodName))
            best.allowed.append(methodName);
        if (route.method == method && literals > bestLiterals) {
            best.route = &route;
            best.parameters = parameters;
            bestLiterals = literals;
        }
    }
    return best;
}

} // namespace Colleagues::Server
