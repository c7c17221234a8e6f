# SPDX-License-Identifier: MIT
# Tests of the guard in front of Qt HttpServer (server/guard/). They link only the guard's own
# library and Qt HttpServer, so they build and run whatever state the rest of the server is in.
colleagues_add_test(tst_httpguardscanner
    SOURCES tst_httpguardscanner.cpp
    LIBS Colleagues::ServerGuard)
target_include_directories(tst_httpguardscanner PRIVATE ${PROJECT_SOURCE_DIR})

colleagues_add_test(tst_httpguard
    SOURCES tst_httpguard.cpp tst_httpguard_support.h
    LIBS Colleagues::ServerGuard Qt6::HttpServer
    TIMEOUT 300)

# A server process for the memory test: binds a QHttpServer through the guard (or, with
# --no-guard, without it) and prints its port.
qt_add_executable(tst_guard_server tst_guard_server.cpp tst_httpguard_support.h)
target_link_libraries(tst_guard_server PRIVATE Colleagues::ServerGuard Qt6::HttpServer)
colleagues_target_defaults(tst_guard_server)

colleagues_add_test(tst_httpguard_memory
    SOURCES tst_httpguard_memory.cpp tst_httpguard_support.h
    LIBS Colleagues::ServerGuard Qt6::HttpServer
    TIMEOUT 300)
add_dependencies(tst_httpguard_memory tst_guard_server)
target_compile_definitions(tst_httpguard_memory PRIVATE
    GUARD_SERVER_PATH="$<TARGET_FILE:tst_guard_server>")
