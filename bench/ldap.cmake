# SPDX-License-Identifier: MIT
# bench-ldap: `colleagues-server ldap-sync` of 100,000 generated people from a real slapd, and a
# re-sync after 100 changes (bench/ldap/main.cpp).
colleagues_add_benchmark(bench-ldap SOURCES ${CMAKE_CURRENT_LIST_DIR}/ldap/main.cpp
    LIBS Colleagues::Server Colleagues::TestSupport)
