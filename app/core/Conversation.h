// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Colleagues {

//! A question asked of a few experts, or a plain small group.
enum class ConversationKind { Question, Group };
//! The creator of a question is its asker; everyone else (and everyone in a group) a member.
enum class ConversationRole { Asker, Member };

QString conversationKindName(ConversationKind kind);
std::optional<ConversationKind> conversationKindFromName(QStringView name);
QString conversationRoleName(ConversationRole role);
std::optional<ConversationRole> conversationRoleFromName(QStringView name);

//! One person who is or was in a conversation.
struct ConversationMember
{
    QString username;
    ConversationRole role = ConversationRole::Member;
    qint64 readUpTo = 0; //!< id of the last message this member has read
    QDateTime leftAt; //!< UTC; invalid while the member is in
    QString suggested; //!< whom they named when they left ("not me"); empty: nobody
    QString addedBy; //!< who named them when leaving; empty: a member from the start

    bool isCurrent() const { return !leftAt.isValid(); }

    friend bool operator==(const ConversationMember &, const ConversationMember &) = default;
};

//! The answer the asker marked as the one that solved the question.
struct ConversationResolution
{
    qint64 message = 0; //!< the message's id
    QString by; //!< the asker
    QDateTime at; //!< UTC

    friend bool operator==(const ConversationResolution &, const ConversationResolution &) = default;
};

//! A group conversation as the server sends it (docs/api.md "Conversation").
struct Conversation
{
    QString id; //!< a UUID chosen by the creating client (lower case, without braces)
    ConversationKind kind = ConversationKind::Group;
    QString title;
    QString createdBy;
    QDateTime createdAt; //!< UTC
    QList<ConversationMember> members; //!< everyone who is or was in it, in the order they joined
    std::optional<ConversationResolution> resolution; //!< set: the question is resolved
    qint64 sequence = 0; //!< its place in the server's change sequence

    bool isResolved() const { return resolution.has_value(); }
    //! The member \a username (current or not), or nullptr.
    const ConversationMember *member(const QString &username) const;
    //! Whether \a username is in it now.
    bool isCurrentMember(const QString &username) const;
    //! The usernames of those in it now.
    QStringList currentMembers() const;

    friend bool operator==(const Conversation &, const Conversation &) = default;
};

//! What a client asks for to start a conversation (the body of POST /api/v1/conversations).
struct ConversationRequest
{
    QString id;
    ConversationKind kind = ConversationKind::Question;
    QString title;
    QStringList members; //!< the others: not the creator

    friend bool operator==(const ConversationRequest &, const ConversationRequest &) = default;
};

QJsonObject toJson(const Conversation &conversation);
QJsonObject toJson(const ConversationRequest &request);

//! Decodes and checks a conversation as the server sends it.
Expected<Conversation> conversationFromJson(const QJsonObject &object);

/*!
 * Reads and checks a POST /api/v1/conversations body from \a creator: every rule of docs/api.md
 * but whether the members are active accounts, which only the server knows. The title comes
 * back normalized (NFC, trimmed), the id as lower-case UUID text, the members lower-cased. The
 * error names its field ("members[2]").
 */
Expected<ConversationRequest> conversationRequestFromJson(const QJsonObject &object, const QString &creator);

//! The rules of conversations, shared by client and server.
namespace ConversationRules {

//! \a text as a conversation id: a UUID in lower case without braces; empty when it is none.
QString normalizedId(const QString &text);
//! The checks of a title (required, one line, at most Limits::ConversationTitleMax).
Error checkTitle(QStringView title, const QString &field = QStringLiteral("title"));

} // namespace ConversationRules

} // namespace Colleagues

Q_DECLARE_METATYPE(Colleagues::Conversation)
