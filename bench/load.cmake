# SPDX-License-Identifier: MIT
# colleagues-load: N simulated clients (long-polls, messages, status changes) against running
# colleagues-server instances; bench/load/run.sh starts servers on SQLite and PostgreSQL (one or
# two instances), seeds the directory and accounts and runs it.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate) # inflating pages, faster than zlib
colleagues_add_benchmark(colleagues-load
    SOURCES
        ${CMAKE_CURRENT_SOURCE_DIR}/load/main.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/load/EventLoop.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/load/Figures.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/load/GroupFanOut.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/load/HttpConnection.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/load/LoadRun.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/load/LoadRun_p.h
        ${CMAKE_CURRENT_SOURCE_DIR}/load/SyncPageScan.cpp
    LIBS Qt6::Core Qt6::Network PkgConfig::LIBDEFLATE)
