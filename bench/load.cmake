# SPDX-License-Identifier: MIT
# colleagues-load: N simulated clients (long-poll + sends) against a running colleagues-server;
# bench/load/run.sh starts a server on SQLite and on PostgreSQL, seeds accounts and runs it.
qt_add_executable(colleagues-load ${CMAKE_CURRENT_SOURCE_DIR}/load/main.cpp)
set_target_properties(colleagues-load PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(colleagues-load PRIVATE Qt6::Core Qt6::Network)
target_include_directories(colleagues-load PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(colleagues-load)
