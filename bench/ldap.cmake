# SPDX-License-Identifier: MIT
# bench-ldap: `colleagues-server ldap-sync` of 100,000 generated people from a real slapd, and a
# re-sync after 100 changes (bench/ldap/main.cpp).
qt_add_executable(bench-ldap ${CMAKE_CURRENT_LIST_DIR}/ldap/main.cpp)
set_target_properties(bench-ldap PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(bench-ldap PRIVATE Colleagues::Server Colleagues::TestSupport)
target_include_directories(bench-ldap PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(bench-ldap)
