# SPDX-License-Identifier: MIT
# Tests of the guard in front of Qt HttpServer (server/guard/). They link only the guard's own
# library and Qt HttpServer, so they build and run whatever state the rest of the server is in.
colleagues_add_test(tst_httpguardscanner
    SOURCES tst_httpguardscanner.cpp
    LIBS Colleagues::ServerGuard)
target_include_directories(tst_httpguardscanner PRIVATE ${PROJECT_SOURCE_DIR})

colleagues_add_test(tst_httpguard
    SOURCES tst_httpguard.cpp GuardTestSupport.h
    LIBS Colleagues::ServerGuard Qt6::HttpServer
    TIMEOUT 300)

# A helper program of the memory test, not a test: binds a QHttpServer through the guard (or,
# with --no-guard, without it) and prints its port.
qt_add_executable(guard_test_server guard_test_server.cpp GuardTestSupport.h)
target_link_libraries(guard_test_server PRIVATE Colleagues::ServerGuard Qt6::HttpServer)
colleagues_target_defaults(guard_test_server)

colleagues_add_test(tst_httpguard_memory
    SOURCES tst_httpguard_memory.cpp GuardTestSupport.h
    LIBS Colleagues::ServerGuard Qt6::HttpServer
    TIMEOUT 300)
add_dependencies(tst_httpguard_memory guard_test_server)
target_compile_definitions(tst_httpguard_memory PRIVATE
    GUARD_SERVER_PATH="$<TARGET_FILE:guard_test_server>")
