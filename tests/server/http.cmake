# SPDX-License-Identifier: MIT
# HTTP-level API tests: each starts the real colleagues-server (a process, on a free port) and
# runs on SQLite and PostgreSQL (COLLEAGUES_TEST_PG; required when CI=true).
if(NOT COLLEAGUES_API_TEST_SERVER_TARGET)
    set(COLLEAGUES_API_TEST_SERVER_TARGET colleagues-server)
endif()

add_library(colleagues_api_test_support STATIC
    ${CMAKE_CURRENT_LIST_DIR}/ApiTestSupport.h ${CMAKE_CURRENT_LIST_DIR}/ApiTestSupport.cpp)
target_link_libraries(colleagues_api_test_support PUBLIC
    Colleagues::Server Qt6::Network Qt6::Sql Qt6::Test PkgConfig::TURBOJPEG PkgConfig::LIBPNG)
target_compile_definitions(colleagues_api_test_support PRIVATE
    COLLEAGUES_SERVER_BINARY="$<TARGET_FILE:${COLLEAGUES_API_TEST_SERVER_TARGET}>")
colleagues_target_defaults(colleagues_api_test_support)

# Unit tests of HTTP-layer pieces that need no server process.
foreach(test tst_api_json tst_api_photocodec tst_trustedproxies)
    colleagues_add_test(${test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp
        LIBS colleagues_api_test_support LABELS server http)
endforeach()

foreach(test tst_api tst_api_signin tst_api_serve tst_api_vocabulary)
    colleagues_add_test(${test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp
        LIBS colleagues_api_test_support LABELS server http postgres TIMEOUT 900)
    add_dependencies(${test} ${COLLEAGUES_API_TEST_SERVER_TARGET})
endforeach()
