# SPDX-License-Identifier: MIT
# colleagues-load: N simulated clients (long-polls, messages, status changes) against running
# colleagues-server instances; bench/load/run.sh starts servers on SQLite and PostgreSQL (one or
# two instances), seeds the directory and accounts and runs it.
qt_add_executable(colleagues-load
    ${CMAKE_CURRENT_SOURCE_DIR}/load/main.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/load/EventLoop.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/load/Figures.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/load/GroupFanOut.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/load/HttpConnection.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/load/LoadRun.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/load/LoadRun_p.h
    ${CMAKE_CURRENT_SOURCE_DIR}/load/ProcessStats.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/load/SyncPageScan.cpp)
set_target_properties(colleagues-load PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(colleagues-load PRIVATE Qt6::Core Qt6::Network)
target_include_directories(colleagues-load PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(colleagues-load)
