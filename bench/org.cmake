# SPDX-License-Identifier: MIT
# bench-org: the org chart at 100,000 people (see bench/org/main.cpp): all headcounts, a sync
# delta, the chart of any person painted, `colleagues org TOP --svg`.
colleagues_add_benchmark(bench-org SOURCES ${CMAKE_CURRENT_LIST_DIR}/org/main.cpp
    LIBS Colleagues::Ui Colleagues::Demo Qt6::Gui)
target_compile_definitions(bench-org PRIVATE COLLEAGUES_CLIENT_BINARY="$<TARGET_FILE:colleagues>")
add_dependencies(bench-org colleagues)
