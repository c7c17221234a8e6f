# SPDX-License-Identifier: MIT
# gen-profiles: writes a generated demo company as profile CSV, for benchmarks, and says how
# long generating took:  gen-profiles --people 100000 --seed 1 --out /tmp/people.csv
colleagues_add_benchmark(gen-profiles SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/gen-profiles.cpp
    LIBS Colleagues::Demo Colleagues::Core Qt6::Core)
