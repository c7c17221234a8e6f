// SPDX-License-Identifier: MIT
#pragma once

#include "server/scim/ScimError.h"

#include <QJsonObject>

//! PATCH of a SCIM resource (RFC 7644 3.5.2) on its JSON form.
namespace Colleagues::Server::ScimPatch {

/*!
 * Applies the operations of the PatchOp request \a request, in order, to \a resource and
 * returns the result (which the caller then reads as a whole, as if it had been PUT).
 *
 * Supported: the operations add, replace and remove (any case); paths of the form
 * `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`, each optionally prefixed with a schema
 * URN (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`), where a filter
 * is one comparison `sub eq value`; and add or replace without a path, whose value is an object
 * of such paths (`{"op": "replace", "value": {"active": false}}`, as Okta and Entra ID send).
 * A value filter that matches nothing in add or replace adds an element that matches it.
 */
ScimResult<QJsonObject> apply(const QJsonObject &resource, const QJsonObject &request);

} // namespace Colleagues::Server::ScimPatch
