# SPDX-License-Identifier: MIT
# bench-server: colleagues-server on loopback (see bench/server/main.cpp): GET profile with wrk
# against nginx serving the same JSON, a first sync of 100,000 profiles, 1,000 held long-polls
# and message delivery to them. bench/server/run.sh builds and runs it.
colleagues_add_benchmark(bench-server SOURCES ${CMAKE_CURRENT_LIST_DIR}/server/main.cpp
    LIBS Colleagues::Server Colleagues::TestSupport)

# bench-photo: the cost of one photo upload's decoding (bench/server/photo.cpp).
colleagues_add_benchmark(bench-photo SOURCES ${CMAKE_CURRENT_LIST_DIR}/server/photo.cpp
    LIBS Colleagues::Server Colleagues::TestSupport)

# bench-instances: message delivery across two instances on one PostgreSQL (bench/server/instances.cpp).
colleagues_add_benchmark(bench-instances SOURCES ${CMAKE_CURRENT_LIST_DIR}/server/instances.cpp
    LIBS Colleagues::Server Colleagues::TestSupport)

# bench-presence: what presence and statuses cost the database at 10,000 people (bench/server/presence.cpp).
colleagues_add_benchmark(bench-presence SOURCES ${CMAKE_CURRENT_LIST_DIR}/server/presence.cpp
    LIBS Colleagues::Server Colleagues::TestSupport)
