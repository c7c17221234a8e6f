# SPDX-License-Identifier: MIT
# bench-sync: the sync engine against a real local colleagues-server (see bench/sync/main.cpp):
# first sync of 100,000 profiles with a GUI-thread stall probe, a 100-change delta, and
# message latency A -> server -> B over long-poll.
qt_add_executable(bench-sync ${CMAKE_CURRENT_LIST_DIR}/sync/main.cpp)
set_target_properties(bench-sync PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(bench-sync PRIVATE Colleagues::Client Colleagues::TestSupport Qt6::Sql)
target_include_directories(bench-sync PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(bench-sync)
