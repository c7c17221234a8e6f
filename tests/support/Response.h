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

//! Checks that \a r refuses with \a status and the JSON error \a code naming \a field (empty: none).
void verifyRefusal(const Response &r, int status, const QString &code, const QString &field);

//! In a _data() function of bodies a route refuses: the columns "body", "status", "code" and
//! "field", for verifyRefusal().
void addRefusalColumns();
//! One row under addRefusalColumns(): \a body is refused with \a status and \a code, naming \a field.
void addRefusalRow(const char *name, const QByteArray &body, int status, const char *code, const char *field);

} // namespace Colleagues::Test
