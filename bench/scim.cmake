# SPDX-License-Identifier: MIT
# bench-scim: SCIM provisioning against colleagues-server on loopback (see bench/scim/main.cpp).
qt_add_executable(bench-scim ${CMAKE_CURRENT_LIST_DIR}/scim/main.cpp)
set_target_properties(bench-scim PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(bench-scim PRIVATE Colleagues::Server Colleagues::TestSupport)
target_include_directories(bench-scim PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(bench-scim)
