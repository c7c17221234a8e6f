list(APPEND COLLEAGUES_SERVER_SOURCES
    http/ServeCommand.h http/ServeCommand.cpp
)
