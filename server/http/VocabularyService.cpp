// SPDX-License-Identifier: MIT
#include "server/http/VocabularyService.h"

#include "server/storage/Storage.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcVocabularyService, "colleagues.server.vocabulary")

namespace Colleagues::Server {

VocabularyService::VocabularyService(Storage *storage)
    : m_storage(storage)
    , m_lastVersion(Vocabulary::defaults().version())
{ }

Expected<QString> VocabularyService::version()
{
    Expected<QString> stored = m_storage->vocabularyVersion();
    if (!stored)
        return stored;
    const QString version = stored->isEmpty() ? Vocabulary::defaults().version() : stored.value();
    QMutexLocker lock(&m_mutex);
    m_lastVersion = version;
    m_lastVersionFresh.setRemainingTime(RecentMs);
    return version;
}

Expected<QString> VocabularyService::recentVersion()
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_lastVersionFresh.hasExpired())
            return m_lastVersion;
    }
    return version();
}

QString VocabularyService::lastKnownVersion() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastVersion;
}

Expected<Vocabulary> VocabularyService::current()
{
    const Expected<std::optional<StoredVocabulary>> stored = m_storage->findVocabulary();
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return Vocabulary::defaults();
    Expected<Vocabulary> parsed = Vocabulary::parse(stored->value().text);
    if (!parsed) {
        // Only import() writes it, after parsing; a row edited by hand is served as the default.
        qCWarning(lcVocabularyService) << "the stored vocabulary does not parse, serving the default:"
                                       << parsed.error().message;
        return Vocabulary::defaults();
    }
    return parsed;
}

ApiResult<VocabularyService::Document> VocabularyService::document()
{
    const Expected<QString> wanted = version();
    if (!wanted)
        return ApiError::fromStorage(wanted.error());
    {
        QMutexLocker lock(&m_mutex);
        if (m_document.version == wanted.value())
            return m_document;
    }
    Document document;
    const Expected<std::optional<StoredVocabulary>> stored = m_storage->findVocabulary();
    if (!stored)
        return ApiError::fromStorage(stored.error());
    if (stored->has_value() && !stored->value().json.isEmpty()) {
        // Made at import, from a vocabulary that was checked then: served as it is.
        document = {stored->value().version, stored->value().json};
    } else {
        static const Document defaults {Vocabulary::defaults().version(), jsonOf(Vocabulary::defaults())};
        document = defaults;
    }
    QMutexLocker lock(&m_mutex);
    m_document = document;
    m_lastVersion = document.version;
    return document;
}

QByteArray VocabularyService::jsonOf(const Vocabulary &vocabulary)
{
    return QJsonDocument(toJson(vocabulary)).toJson(QJsonDocument::Compact);
}

Expected<Vocabulary> VocabularyService::import(const Vocabulary &imported, ImportMode mode)
{
    Expected<Vocabulary> next = imported;
    if (mode == ImportMode::Merge) {
        const Expected<Vocabulary> base = current();
        if (!base)
            return base;
        next = base->merged(imported);
        if (!next)
            return next;
    }
    const Expected<bool> saved = m_storage->saveVocabulary({next->toText(), jsonOf(next.value()), next->version(), {}});
    if (!saved)
        return saved.error();
    return next;
}

} // namespace Colleagues::Server
