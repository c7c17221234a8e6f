# SPDX-License-Identifier: MIT
# bench-server: colleagues-server on loopback (see bench/server/main.cpp): GET profile with wrk
# against nginx serving the same JSON, a first sync of 100,000 profiles, 1,000 held long-polls
# and message delivery to them. bench/server/run.sh builds and runs it.
qt_add_executable(bench-server ${CMAKE_CURRENT_LIST_DIR}/server/main.cpp)
set_target_properties(bench-server PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(bench-server PRIVATE Colleagues::Server Colleagues::TestSupport)
target_include_directories(bench-server PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(bench-server)

# bench-photo: the cost of one photo upload's decoding (bench/server/photo.cpp).
qt_add_executable(bench-photo ${CMAKE_CURRENT_LIST_DIR}/server/photo.cpp)
set_target_properties(bench-photo PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(bench-photo PRIVATE Colleagues::Server Colleagues::TestSupport)
target_include_directories(bench-photo PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(bench-photo)

# bench-instances: message delivery across two instances on one PostgreSQL (bench/server/instances.cpp).
qt_add_executable(bench-instances ${CMAKE_CURRENT_LIST_DIR}/server/instances.cpp)
set_target_properties(bench-instances PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(bench-instances PRIVATE Colleagues::Server Colleagues::TestSupport)
target_include_directories(bench-instances PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(bench-instances)

# bench-presence: what presence and statuses cost the database at 10,000 people (bench/server/presence.cpp).
qt_add_executable(bench-presence ${CMAKE_CURRENT_LIST_DIR}/server/presence.cpp)
set_target_properties(bench-presence PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
target_link_libraries(bench-presence PRIVATE Colleagues::Server Colleagues::TestSupport)
target_include_directories(bench-presence PRIVATE ${PROJECT_SOURCE_DIR})
colleagues_target_defaults(bench-presence)
