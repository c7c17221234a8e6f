# SPDX-License-Identifier: MIT
# bench-search: the client store and search engine at 100,000 profiles (see bench/search/main.cpp).
find_package(SQLite3 REQUIRED)
colleagues_add_benchmark(bench-search
    SOURCES
        ${CMAKE_CURRENT_LIST_DIR}/search/main.cpp
        ${CMAKE_CURRENT_LIST_DIR}/search/ProfileGenerator.h
        ${CMAKE_CURRENT_LIST_DIR}/search/ProfileGenerator.cpp
    LIBS Colleagues::Client Colleagues::Core Colleagues::Demo SQLite::SQLite3 Qt6::Core)
