list(APPEND COLLEAGUES_SERVER_SOURCES
    storage/Storage.h storage/Storage.cpp
    storage/SqlStorage_p.h storage/SqlStorage.cpp
    storage/Migrations_p.h storage/Migrations.cpp
)
