// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QString>

namespace Colleagues::Test {

//! One HTTP answer as a Client collected it.
struct Response
{
    int status = 0; //!< 0: no HTTP answer (network error)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(u"error"_qs).toObject().value(u"code"_qs).toString(); }
    QString errorField() const { return json().value(u"error"_qs).toObject().value(u"field"_qs).toString(); }
};

} // namespace Colleagues::Test
