// SPDX-License-Identifier: MIT
#include "server/scim/ScimPatch.h"

#include "server/scim/ScimSchemas.h"
#include "server/scim/ScimUser.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Colleagues::Server::ScimPatch {

namespace {

enum class Op { Add, Replace, Remove };

//! A parsed path: [urn:]attr[[filterAttr eq filterValue]][.sub]
struct Path
{
    bool extension = false; //!< attr lives in the enterprise extension
    QString attribute; //!< empty with extension: the extension object itself
    bool filtered = false;
    QString filterAttribute;
    QJsonValue filterValue;
    QString sub;
};

ScimError invalidPath(const QString &path, const QString &why)
{
    return ScimError::make(400, QStringLiteral("invalidPath"),
                           QStringLiteral("The path \"%1\" %2").arg(path.left(200), why));
}

bool isName(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'$'))
            return false;
    }
    return true;
}

bool startsWithUrn(QStringView s, const QString &urn)
{
    return s.size() > urn.size() && s.startsWith(urn, Qt::CaseInsensitive) && s.at(urn.size()) == u':';
}

//! `attr eq value` (value a JSON string, boolean or number).
ScimResult<std::pair<QString, QJsonValue>> parseValueFilter(const QString &path, QStringView text)
{
    const QStringView t = text.trimmed();
    const qsizetype space = t.indexOf(u' ');
    if (space < 0)
        return ScimError::make(400, QStringLiteral("invalidFilter"),
                               QStringLiteral("The filter in \"%1\" is not of the form attr eq value.").arg(path));
    const QStringView attribute = t.first(space);
    const QStringView rest = t.sliced(space).trimmed();
    if (!rest.startsWith(u"eq ", Qt::CaseInsensitive) || !isName(attribute)) {
        return ScimError::make(
            400, QStringLiteral("invalidFilter"),
            QStringLiteral("Only filters of the form attr eq value are supported in a path (\"%1\").").arg(path));
    }
    const QByteArray literal = QStringLiteral("[%1]").arg(rest.sliced(3).trimmed()).toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(literal, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1
        || doc.array().at(0).isObject() || doc.array().at(0).isArray()) {
        return ScimError::make(400, QStringLiteral("invalidFilter"),
                               QStringLiteral("The value in the filter of \"%1\" is not a string, number or "
                                              "boolean.")
                                   .arg(path));
    }
    return std::pair {attribute.toString(), doc.array().at(0)};
}

ScimResult<Path> parsePath(const QString &text)
{
    Path p;
    QStringView s = QStringView(text).trimmed();
    if (s.compare(ScimSchemas::EnterpriseUser, Qt::CaseInsensitive) == 0) {
        p.extension = true;
        return p;
    }
    if (startsWithUrn(s, ScimSchemas::EnterpriseUser)) {
        p.extension = true;
        s = s.sliced(ScimSchemas::EnterpriseUser.size() + 1);
    } else if (startsWithUrn(s, ScimSchemas::User)) {
        s = s.sliced(ScimSchemas::User.size() + 1);
    }
    const qsizetype open = s.indexOf(u'[');
    if (open >= 0) {
        const qsizetype close = s.indexOf(u']', open);
        if (close < 0)
            return invalidPath(text, QStringLiteral("has no closing ']'."));
        p.attribute = s.first(open).toString();
        auto filter = parseValueFilter(text, s.sliced(open + 1, close - open - 1));
        if (!filter)
            return filter.error();
        p.filtered = true;
        p.filterAttribute = filter->first;
        p.filterValue = filter->second;
        const QStringView after = s.sliced(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u'.'))
                return invalidPath(text, QStringLiteral("has text after its filter."));
            p.sub = after.sliced(1).toString();
        }
    } else {
        const qsizetype dot = s.indexOf(u'.');
        p.attribute = (dot < 0 ? s : s.first(dot)).toString();
        if (dot >= 0)
            p.sub = s.sliced(dot + 1).toString();
    }
    if (!isName(p.attribute) || (!p.sub.isNull() && !isName(p.sub)))
        return invalidPath(text, QStringLiteral("is not a valid attribute path."));
    for (const char16_t *readOnly : {u"id", u"meta", u"schemas"}) {
        if (!p.extension && p.attribute.compare(QStringView(readOnly), Qt::CaseInsensitive) == 0) {
            return ScimError::make(400, QStringLiteral("mutability"),
                                   QStringLiteral("%1 cannot be changed.").arg(p.attribute));
        }
    }
    return p;
}

bool matches(const QJsonValue &element, const Path &p)
{
    if (!element.isObject())
        return false;
    const QJsonValue v = ScimUser::member(element.toObject(), p.filterAttribute);
    if (v.isString() && p.filterValue.isString())
        return v.toString().compare(p.filterValue.toString(), Qt::CaseInsensitive) == 0;
    return v == p.filterValue;
}

//! \a value merged into \a into when both are objects (sub-attributes replaced or added),
//! else \a value.
QJsonValue merged(const QJsonValue &into, const QJsonValue &value)
{
    if (!into.isObject() || !value.isObject())
        return value;
    QJsonObject o = into.toObject();
    const QJsonObject add = value.toObject();
    for (auto it = add.begin(); it != add.end(); ++it)
        o.insert(ScimUser::key(o, it.key()), it.value());
    return o;
}

//! Sets, merges or removes \a sub of the object \a element.
QJsonValue changeSub(const QJsonValue &element, Op op, const QString &sub, const QJsonValue &value)
{
    QJsonObject o = element.toObject();
    const QString k = ScimUser::key(o, sub);
    if (op == Op::Remove)
        o.remove(k);
    else
        o.insert(k, value);
    return o;
}

//! Applies one operation at \a p inside \a container (the resource or its extension).
std::optional<ScimError> applyAt(QJsonObject &container, Op op, const Path &p, const QJsonValue &value)
{
    const QString k = ScimUser::key(container, p.attribute);
    const QJsonValue current = container.value(k);
    if (p.filtered) {
        QJsonArray items = current.isArray() ? current.toArray() : QJsonArray {};
        bool found = false;
        for (qsizetype i = items.size() - 1; i >= 0; --i) {
            if (!matches(items.at(i), p))
                continue;
            found = true;
            if (op == Op::Remove && p.sub.isNull())
                items.removeAt(i);
            else if (!p.sub.isNull())
                items[i] = changeSub(items.at(i), op, p.sub, value);
            else
                items[i] = merged(items.at(i), value);
        }
        if (!found && op != Op::Remove) {
            QJsonObject element {{p.filterAttribute, p.filterValue}};
            const QJsonValue made = p.sub.isNull() ? merged(element, value) : changeSub(element, op, p.sub, value);
            items.append(made);
        }
        container.insert(k, items);
        return std::nullopt;
    }
    if (!p.sub.isNull()) {
        if (current.isArray()) {
            // A sub-attribute of every element (emails.value): one element when there is none.
            QJsonArray items = current.toArray();
            if (items.isEmpty() && op != Op::Remove)
                items.append(QJsonObject {});
            for (qsizetype i = 0; i < items.size(); ++i)
                items[i] = changeSub(items.at(i), op, p.sub, value);
            container.insert(k, items);
        } else {
            container.insert(k, changeSub(current, op, p.sub, value));
        }
        return std::nullopt;
    }
    switch (op) {
    case Op::Remove: container.remove(k); break;
    case Op::Add:
        if (current.isArray()) {
            QJsonArray items = current.toArray();
            const QJsonArray added = value.isArray() ? value.toArray() : QJsonArray {value};
            for (const QJsonValue &v : added)
                items.append(v);
            container.insert(k, items);
        } else {
            container.insert(k, merged(current, value));
        }
        break;
    case Op::Replace: container.insert(k, current.isArray() ? value : merged(current, value)); break;
    }
    return std::nullopt;
}

std::optional<ScimError> applyPath(QJsonObject &resource, Op op, const QString &pathText, const QJsonValue &value)
{
    ScimResult<Path> parsed = parsePath(pathText);
    if (!parsed)
        return parsed.error();
    const Path &p = parsed.value();
    if (p.extension && p.attribute.isEmpty()) {
        // The whole extension object: its sub-attributes one by one.
        const QString k = ScimUser::key(resource, ScimSchemas::EnterpriseUser);
        if (op == Op::Remove) {
            resource.remove(k);
            return std::nullopt;
        }
        if (!value.isObject())
            return ScimError::invalidValue(QStringLiteral("The value for %1 must be an object.").arg(pathText));
        resource.insert(k, merged(resource.value(k), value));
        return std::nullopt;
    }
    if (!p.extension)
        return applyAt(resource, op, p, value);
    const QString k = ScimUser::key(resource, ScimSchemas::EnterpriseUser);
    QJsonObject extension = resource.value(k).toObject();
    if (auto e = applyAt(extension, op, p, value))
        return e;
    resource.insert(k, extension);
    return std::nullopt;
}

} // namespace

ScimResult<QJsonObject> apply(const QJsonObject &resource, const QJsonObject &request)
{
    bool isPatchOp = false;
    const QJsonArray schemas = ScimUser::member(request, u"schemas").toArray();
    for (const QJsonValue &s : schemas)
        isPatchOp = isPatchOp || s.toString().compare(ScimSchemas::PatchOp, Qt::CaseInsensitive) == 0;
    if (!isPatchOp)
        return ScimError::invalidSyntax(QStringLiteral("schemas must name %1.").arg(ScimSchemas::PatchOp));
    const QJsonValue operations = ScimUser::member(request, u"Operations");
    if (!operations.isArray() || operations.toArray().isEmpty())
        return ScimError::invalidSyntax(QStringLiteral("Operations must be a non-empty array."));

    QJsonObject result = resource;
    const QJsonArray list = operations.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            return ScimError::invalidSyntax(QStringLiteral("Operations[%1] must be an object.").arg(i));
        const QJsonObject operation = list.at(i).toObject();
        const QString name = ScimUser::member(operation, u"op").toString();
        Op op;
        if (name.compare(u"add", Qt::CaseInsensitive) == 0)
            op = Op::Add;
        else if (name.compare(u"replace", Qt::CaseInsensitive) == 0)
            op = Op::Replace;
        else if (name.compare(u"remove", Qt::CaseInsensitive) == 0)
            op = Op::Remove;
        else
            return ScimError::invalidSyntax(QStringLiteral("Operations[%1].op must be add, replace or remove.").arg(i));
        const QJsonValue pathValue = ScimUser::member(operation, u"path");
        if (!pathValue.isUndefined() && !pathValue.isNull() && !pathValue.isString())
            return ScimError::invalidSyntax(QStringLiteral("Operations[%1].path must be a string.").arg(i));
        const QString path = pathValue.toString();
        const QJsonValue value = ScimUser::member(operation, u"value");
        if (op != Op::Remove && (value.isUndefined()))
            return ScimError::invalidValue(QStringLiteral("Operations[%1] needs a value.").arg(i));

        if (!path.trimmed().isEmpty()) {
            if (auto e = applyPath(result, op, path, value))
                return *e;
            continue;
        }
        if (op == Op::Remove)
            return ScimError::make(400, QStringLiteral("noTarget"),
                                   QStringLiteral("Operations[%1]: remove needs a path.").arg(i));
        if (!value.isObject()) {
            return ScimError::invalidValue(
                QStringLiteral("Operations[%1]: without a path, the value must be an object of attributes.").arg(i));
        }
        const QJsonObject attributes = value.toObject();
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            if (it.key().compare(u"schemas", Qt::CaseInsensitive) == 0)
                continue;
            if (auto e = applyPath(result, op, it.key(), it.value()))
                return *e;
        }
    }
    return result;
}

} // namespace Colleagues::Server::ScimPatch
