# SPDX-License-Identifier: MIT
# HTTP-level API tests: each starts the real colleagues-server (a process, on a free port) and
# runs on SQLite and PostgreSQL (COLLEAGUES_TEST_PG; required when CI=true).

# Unit tests of HTTP-layer pieces that need no server process.
foreach(test tst_api_json tst_api_photocodec tst_trustedproxies tst_compression tst_sessioncache)
    colleagues_add_test(${test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp
        LIBS Colleagues::TestSupport LABELS server http)
endforeach()
target_link_libraries(tst_compression PRIVATE ZLIB::ZLIB) # inflates on its own, not with the server's code

foreach(test tst_api tst_api_signin tst_api_serve tst_api_vocabulary tst_api_visibility tst_api_password
             tst_api_status tst_api_conversations tst_scim)
    colleagues_add_test(${test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp
        LIBS Colleagues::TestSupport LABELS server http postgres TIMEOUT 900)
endforeach()

# ldap-sync and sign-in by LDAP bind against a real slapd (skipped only when slapd is missing).
colleagues_add_test(tst_ldap SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ldap.cpp
    LIBS Colleagues::TestSupport LABELS server http postgres ldap TIMEOUT 900)
target_compile_definitions(tst_ldap PRIVATE COLLEAGUES_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# The HTTP threads' epoll event dispatcher (its main thread runs on it).
colleagues_add_test(tst_epolldispatcher SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_epolldispatcher.cpp
    LIBS Colleagues::Server LABELS server http)
