// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

//! The SCIM schema URNs the server speaks, and its discovery documents (RFC 7643 5-7,
//! RFC 7644 4): what it supports, the User schema with the attributes it keeps, the resource type.
namespace Colleagues::Server::ScimSchemas {

inline const QString User = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User");
inline const QString EnterpriseUser = QStringLiteral("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
inline const QString ListResponse = QStringLiteral("urn:ietf:params:scim:api:messages:2.0:ListResponse");
inline const QString PatchOp = QStringLiteral("urn:ietf:params:scim:api:messages:2.0:PatchOp");
inline const QString Error = QStringLiteral("urn:ietf:params:scim:api:messages:2.0:Error");
inline const QString ServiceProviderConfig =
    QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
inline const QString Schema = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:Schema");
inline const QString ResourceType = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:ResourceType");

//! The most resources one list answers with (filter.maxResults).
inline constexpr int MaxResults = 200;

//! \a base: the absolute URL of /scim/v2, for meta.location.
QJsonObject serviceProviderConfig(const QString &base);
//! Every schema (User, EnterpriseUser) as a schema resource.
QJsonArray schemas(const QString &base);
//! One of schemas() by its id.
std::optional<QJsonObject> schema(const QString &base, const QString &id);
QJsonObject userResourceType(const QString &base);

//! A ListResponse of \a resources, all that there are (discovery lists are not paged).
QJsonObject listOf(const QJsonArray &resources);

} // namespace Colleagues::Server::ScimSchemas
