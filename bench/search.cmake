# SPDX-License-Identifier: MIT
# bench-search: the client store and search engine at 100,000 profiles (see bench/search/main.cpp).
find_package(SQLite3 REQUIRED)
qt_add_executable(bench-search
    ${CMAKE_CURRENT_LIST_DIR}/search/main.cpp
    ${CMAKE_CURRENT_LIST_DIR}/search/ProfileGenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/search/ProfileGenerator.cpp
)
target_link_libraries(bench-search PRIVATE Colleagues::Client Colleagues::Core Colleagues::Demo SQLite::SQLite3 Qt6::Core)
target_include_directories(bench-search PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(bench-search)
