# SPDX-License-Identifier: MIT
# bench-ui: the desktop app at 100,000 people (see bench/ui/main.cpp): start to an interactive
# window (a fresh process, warm), memory, keystroke to repainted results, scrolling frame times.
colleagues_add_benchmark(bench-ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/ui/main.cpp
    LIBS Colleagues::Ui Colleagues::Demo Qt6::Test)
