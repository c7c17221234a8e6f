# SPDX-License-Identifier: MIT
# gen-profiles: writes a generated demo company as profile CSV, for benchmarks, and says how
# long generating took:  gen-profiles --people 100000 --seed 1 --out /tmp/people.csv
qt_add_executable(gen-profiles ${CMAKE_CURRENT_SOURCE_DIR}/gen-profiles.cpp)
set_target_properties(gen-profiles PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(gen-profiles PRIVATE Colleagues::Demo Colleagues::Core Qt6::Core)
target_include_directories(gen-profiles PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(gen-profiles)
