# The sync engine, outbox, API client and keychain: part of Colleagues::Client.
find_package(Qt6Keychain REQUIRED)

list(APPEND COLLEAGUES_CLIENT_SOURCES
    sync/SyncLogging.h sync/SyncLogging.cpp
    sync/ApiError.h sync/ApiError.cpp
    sync/ApiJob.h sync/ApiJob.cpp
    sync/SignInJob.h sync/SyncJob.h sync/ProfileJobs.h sync/MessageJobs.h sync/ApiJobs.cpp
    sync/ApiClient.h sync/ApiClient.cpp
    sync/SyncBatch.h sync/SyncBatch.cpp
    sync/Backoff.h
    sync/TokenStore.h sync/TokenStore.cpp
    sync/SyncTypes.h sync/SyncTypes.cpp
    sync/SyncSchema_p.h sync/SyncSchema.cpp
    sync/SyncDatabase.h sync/SyncDatabase.cpp
    sync/Session.h sync/Session.cpp
    sync/SyncEngine.h sync/SyncEngine.cpp
    sync/Outbox.h sync/Outbox.cpp
    sync/PhotoCache.h sync/PhotoCache.cpp
    sync/SyncClient.h sync/SyncClient.cpp
    sync/SyncCommands.h sync/SyncCommands.cpp
)
list(APPEND COLLEAGUES_CLIENT_LIBS Qt6Keychain::Qt6Keychain)
