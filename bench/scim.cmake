# SPDX-License-Identifier: MIT
# bench-scim: SCIM provisioning against colleagues-server on loopback (see bench/scim/main.cpp).
colleagues_add_benchmark(bench-scim SOURCES ${CMAKE_CURRENT_LIST_DIR}/scim/main.cpp
    LIBS Colleagues::Server Colleagues::TestSupport)
