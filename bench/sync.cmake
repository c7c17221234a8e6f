# SPDX-License-Identifier: MIT
# bench-sync: the sync engine against a real local colleagues-server (see bench/sync/main.cpp):
# first sync of 100,000 profiles with a GUI-thread stall probe, a 100-change delta, and
# message latency A -> server -> B over long-poll.
colleagues_add_benchmark(bench-sync SOURCES ${CMAKE_CURRENT_LIST_DIR}/sync/main.cpp
    LIBS Colleagues::Client Colleagues::TestSupport Qt6::Sql)
