list(APPEND COLLEAGUES_SERVER_SOURCES
    storage/Storage.h
)
