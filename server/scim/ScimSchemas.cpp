// SPDX-License-Identifier: MIT
#include "server/scim/ScimSchemas.h"

namespace Colleagues::Server::ScimSchemas {

namespace {

QJsonObject meta(const QString &type, const QString &location)
{
    return {{QStringLiteral("resourceType"), type}, {QStringLiteral("location"), location}};
}

//! One attribute of a schema resource (RFC 7643 7). Everything the server keeps is a string
//! unless \a type says otherwise.
QJsonObject attribute(const QString &name, const QString &description, const QString &type = QStringLiteral("string"),
                      bool multiValued = false, const QJsonArray &subAttributes = {})
{
    QJsonObject a {{QStringLiteral("name"), name},
                   {QStringLiteral("type"), type},
                   {QStringLiteral("multiValued"), multiValued},
                   {QStringLiteral("description"), description},
                   {QStringLiteral("required"), false},
                   {QStringLiteral("caseExact"), false},
                   {QStringLiteral("mutability"), QStringLiteral("readWrite")},
                   {QStringLiteral("returned"), QStringLiteral("default")},
                   {QStringLiteral("uniqueness"), QStringLiteral("none")}};
    if (!subAttributes.isEmpty())
        a.insert(QStringLiteral("subAttributes"), subAttributes);
    return a;
}

QJsonArray typedValue(const QString &what)
{
    return {attribute(QStringLiteral("value"), what),
            attribute(QStringLiteral("type"), QStringLiteral("A label such as \"work\".")),
            attribute(QStringLiteral("primary"), QStringLiteral("The one the server keeps, if several."),
                      QStringLiteral("boolean"))};
}

QJsonObject userSchema(const QString &base)
{
    QJsonObject userName = attribute(QStringLiteral("userName"),
                                     QStringLiteral("The sign-in name, lower case; cannot be changed once set."));
    userName.insert(QStringLiteral("required"), true);
    userName.insert(QStringLiteral("uniqueness"), QStringLiteral("server"));
    userName.insert(QStringLiteral("mutability"), QStringLiteral("immutable"));
    QJsonObject externalId =
        attribute(QStringLiteral("externalId"), QStringLiteral("The identity provider's id for the user."));
    externalId.insert(QStringLiteral("caseExact"), true);
    const QJsonArray attributes {
        userName,
        externalId,
        attribute(QStringLiteral("name"), QStringLiteral("The parts of the person's name."), QStringLiteral("complex"),
                  false,
                  {attribute(QStringLiteral("formatted"), QStringLiteral("The full name.")),
                   attribute(QStringLiteral("givenName"), QStringLiteral("Given name.")),
                   attribute(QStringLiteral("familyName"), QStringLiteral("Family name."))}),
        attribute(QStringLiteral("displayName"), QStringLiteral("The name shown in the directory.")),
        attribute(QStringLiteral("title"), QStringLiteral("Job title.")),
        attribute(QStringLiteral("active"), QStringLiteral("False disables the account and removes the profile."),
                  QStringLiteral("boolean")),
        attribute(QStringLiteral("emails"), QStringLiteral("Email addresses; the primary (or work) one is kept."),
                  QStringLiteral("complex"), true, typedValue(QStringLiteral("An email address."))),
        attribute(QStringLiteral("phoneNumbers"), QStringLiteral("Phone numbers; the primary (or work) one is kept."),
                  QStringLiteral("complex"), true, typedValue(QStringLiteral("A phone number."))),
        attribute(QStringLiteral("addresses"),
                  QStringLiteral("Addresses; the locality (or formatted text) of the primary (or work) one is the "
                                 "person's location."),
                  QStringLiteral("complex"), true,
                  {attribute(QStringLiteral("locality"), QStringLiteral("City.")),
                   attribute(QStringLiteral("formatted"), QStringLiteral("The address as one text.")),
                   attribute(QStringLiteral("type"), QStringLiteral("A label such as \"work\".")),
                   attribute(QStringLiteral("primary"), QStringLiteral("The one the server keeps, if several."),
                             QStringLiteral("boolean"))}),
    };
    return {{QStringLiteral("schemas"), QJsonArray {Schema}},
            {QStringLiteral("id"), User},
            {QStringLiteral("name"), QStringLiteral("User")},
            {QStringLiteral("description"), QStringLiteral("A person in the directory")},
            {QStringLiteral("attributes"), attributes},
            {QStringLiteral("meta"), meta(QStringLiteral("Schema"), base + QStringLiteral("/Schemas/") + User)}};
}

QJsonObject enterpriseSchema(const QString &base)
{
    const QJsonArray attributes {
        attribute(QStringLiteral("department"), QStringLiteral("Department.")),
        attribute(
            QStringLiteral("manager"), QStringLiteral("The person's manager."), QStringLiteral("complex"), false,
            {attribute(QStringLiteral("value"), QStringLiteral("The manager's SCIM id.")),
             attribute(QStringLiteral("$ref"), QStringLiteral("The manager's URI."), QStringLiteral("reference"))}),
    };
    return {
        {QStringLiteral("schemas"), QJsonArray {Schema}},
        {QStringLiteral("id"), EnterpriseUser},
        {QStringLiteral("name"), QStringLiteral("EnterpriseUser")},
        {QStringLiteral("description"), QStringLiteral("Enterprise User")},
        {QStringLiteral("attributes"), attributes},
        {QStringLiteral("meta"), meta(QStringLiteral("Schema"), base + QStringLiteral("/Schemas/") + EnterpriseUser)}};
}

QJsonObject supported(bool yes)
{
    return {{QStringLiteral("supported"), yes}};
}

} // namespace

QJsonObject serviceProviderConfig(const QString &base)
{
    QJsonObject filter = supported(true);
    filter.insert(QStringLiteral("maxResults"), MaxResults);
    QJsonObject bulk = supported(false);
    bulk.insert(QStringLiteral("maxOperations"), 0);
    bulk.insert(QStringLiteral("maxPayloadSize"), 0);
    const QJsonObject bearer {
        {QStringLiteral("type"), QStringLiteral("oauthbearertoken")},
        {QStringLiteral("name"), QStringLiteral("Provisioning token")},
        {QStringLiteral("description"),
         QStringLiteral("A token made with \"colleagues-server scim-token create NAME\", sent as "
                        "\"Authorization: Bearer TOKEN\".")},
        {QStringLiteral("primary"), true},
    };
    return {{QStringLiteral("schemas"), QJsonArray {ServiceProviderConfig}},
            {QStringLiteral("patch"), supported(true)},
            {QStringLiteral("bulk"), bulk},
            {QStringLiteral("filter"), filter},
            {QStringLiteral("changePassword"), supported(false)},
            {QStringLiteral("sort"), supported(false)},
            {QStringLiteral("etag"), supported(true)},
            {QStringLiteral("authenticationSchemes"), QJsonArray {bearer}},
            {QStringLiteral("meta"),
             meta(QStringLiteral("ServiceProviderConfig"), base + QStringLiteral("/ServiceProviderConfig"))}};
}

QJsonArray schemas(const QString &base)
{
    return {userSchema(base), enterpriseSchema(base)};
}

std::optional<QJsonObject> schema(const QString &base, const QString &id)
{
    if (id == User)
        return userSchema(base);
    if (id == EnterpriseUser)
        return enterpriseSchema(base);
    return std::nullopt;
}

QJsonObject userResourceType(const QString &base)
{
    return {
        {QStringLiteral("schemas"), QJsonArray {ResourceType}},
        {QStringLiteral("id"), QStringLiteral("User")},
        {QStringLiteral("name"), QStringLiteral("User")},
        {QStringLiteral("endpoint"), QStringLiteral("/Users")},
        {QStringLiteral("description"), QStringLiteral("A person in the directory")},
        {QStringLiteral("schema"), User},
        {QStringLiteral("schemaExtensions"),
         QJsonArray {QJsonObject {{QStringLiteral("schema"), EnterpriseUser}, {QStringLiteral("required"), false}}}},
        {QStringLiteral("meta"), meta(QStringLiteral("ResourceType"), base + QStringLiteral("/ResourceTypes/User"))}};
}

QJsonObject listOf(const QJsonArray &resources)
{
    return {{QStringLiteral("schemas"), QJsonArray {ListResponse}},
            {QStringLiteral("totalResults"), resources.size()},
            {QStringLiteral("startIndex"), 1},
            {QStringLiteral("itemsPerPage"), resources.size()},
            {QStringLiteral("Resources"), resources}};
}

} // namespace Colleagues::Server::ScimSchemas
