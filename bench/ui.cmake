# SPDX-License-Identifier: MIT
# bench-ui: the desktop app at 100,000 people (see bench/ui/main.cpp): start to an interactive
# window (a fresh process, warm), memory, keystroke to repainted results, scrolling frame times.
qt_add_executable(bench-ui ${CMAKE_CURRENT_LIST_DIR}/ui/main.cpp)
set_target_properties(bench-ui PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(bench-ui PRIVATE Colleagues::Ui Colleagues::Demo Qt6::Test)
target_include_directories(bench-ui PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(bench-ui)
