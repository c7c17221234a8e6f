# HTTP: the API server on Qt HttpServer 6.4 (routes, services, long-polls, metrics, photos)
# and the `serve` command. Photos are decoded with libjpeg-turbo and libpng, not Qt Gui.
find_package(PkgConfig REQUIRED)
pkg_check_modules(TURBOJPEG REQUIRED IMPORTED_TARGET GLOBAL libturbojpeg)
pkg_check_modules(LIBPNG REQUIRED IMPORTED_TARGET GLOBAL libpng)
list(APPEND COLLEAGUES_SERVER_SOURCES
    http/Api.h http/Api.cpp
    http/ApiError.h http/ApiError.cpp
    http/ApiShared.h http/ApiShared.cpp
    http/ApiServer.h http/ApiServer.cpp
    http/BufferedLog.h http/BufferedLog.cpp
    http/Exchange.h http/Exchange.cpp
    http/HttpRequest.h http/HttpRequest.cpp
    http/HttpResponse.h http/HttpResponse.cpp
    http/HttpThread.h http/HttpThread.cpp
    http/JsonWriter.h http/JsonWriter.cpp
    http/LongPollHub.h http/LongPollHub.cpp
    http/MessageService.h http/MessageService.cpp
    http/Metrics.h http/Metrics.cpp
    http/PhotoCodec.h http/PhotoCodec.cpp
    http/ProfileCache.h http/ProfileCache.cpp
    http/ProfileService.h http/ProfileService.cpp
    http/Router.h http/Router.cpp
    http/ServeCommand.h http/ServeCommand.cpp
    http/SessionCache.h http/SessionCache.cpp
    http/SessionService.h http/SessionService.cpp
    http/SyncService.h http/SyncService.cpp
)
list(APPEND COLLEAGUES_SERVER_LIBS PkgConfig::TURBOJPEG PkgConfig::LIBPNG)
