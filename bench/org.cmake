# SPDX-License-Identifier: MIT
# bench-org: the org chart at 100,000 people (see bench/org/main.cpp): all headcounts, a sync
# delta, the chart of any person painted, `colleagues org TOP --svg`.
qt_add_executable(bench-org ${CMAKE_CURRENT_LIST_DIR}/org/main.cpp)
set_target_properties(bench-org PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(bench-org PRIVATE Colleagues::Ui Colleagues::Demo Qt6::Gui)
target_include_directories(bench-org PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_definitions(bench-org PRIVATE COLLEAGUES_CLIENT_BINARY="$<TARGET_FILE:colleagues>")
add_dependencies(bench-org colleagues)
colleagues_target_defaults(bench-org)
