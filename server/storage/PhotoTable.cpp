// SPDX-License-Identifier: MIT
#include "server/storage/PhotoTable_p.h"

#include "server/storage/Connection_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/ProfileTable_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <QCryptographicHash>

namespace Colleagues::Server::Internal {

namespace {

Error noSuchProfile(const QString &username)
{
    return Error {Error::Code::OutOfRange, QStringLiteral("username"),
                  QStringLiteral("There is no profile for \u201c%1\u201d.").arg(username)};
}

} // namespace

Expected<Profile> PhotoTable::setPhoto(const QString &username, const Photo &photo)
{
    QString tag = photo.tag;
    if (tag.isEmpty() && !photo.data.isEmpty())
        tag = QString::fromLatin1(QCryptographicHash::hash(photo.data, QCryptographicHash::Sha256).toHex().left(32));
    if (photo.data.isEmpty())
        tag.clear();

    Transaction tx(m_database, Transaction::Kind::Sequenced);
    const auto existing = beginProfileChange(tx, username, u"starting a photo change");
    if (!existing)
        return existing.error();
    const Profile *current = liveProfile(*existing);
    if (!current) {
        tx.rollback();
        return noSuchProfile(username);
    }
    Profile profile = *current;
    Connection &c = tx.connection();
    if (profile.photoTag == tag) {
        tx.rollback();
        return profile;
    }
    if (photo.data.isEmpty()) {
        Query remove(c, QStringLiteral("DELETE FROM photos WHERE username = ?"));
        if (!remove.exec({username}))
            return tx.fail(u"removing a photo", remove.error());
    } else {
        Query store(c,
                    QStringLiteral("INSERT INTO photos (username, data, mime_type, tag) VALUES (?, ?, ?, ?)"
                                   " ON CONFLICT (username) DO UPDATE SET data = excluded.data,"
                                   " mime_type = excluded.mime_type, tag = excluded.tag"));
        if (!store.exec({username, photo.data, QString::fromLatin1(photo.mimeType), tag}))
            return tx.fail(u"storing a photo", store.error());
    }
    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    profile.photoTag = tag;
    profile.revision += 1;
    profile.updatedAt = QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
    Query update(
        c,
        QStringLiteral("UPDATE profiles SET photo_tag = ?, revision = ?, updated_at = ?, change_seq = ? WHERE id = ?"));
    if (!update.exec({tag, profile.revision, profile.updatedAt.toMSecsSinceEpoch(), *seq, profile.id}))
        return tx.fail(u"updating a photo tag", update.error());
    if (!tx.commit())
        return tx.fail(u"committing a photo");
    return profile;
}

std::optional<Photo> PhotoTable::photo(const QString &username)
{
    Query q(m_database, QStringLiteral("SELECT data, mime_type, tag FROM photos WHERE username = ?"));
    if (!q.exec({username})) {
        q.fail(u"reading a photo");
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Photo {q.value(0).toByteArray(), q.text(1).toLatin1(), q.text(2)};
}

} // namespace Colleagues::Server::Internal
