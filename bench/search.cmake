# bench-search: the client store and search engine at 100,000 profiles (see bench/search/main.cpp).
find_package(SQLite3 REQUIRED)
qt_add_executable(bench-search
    ${CMAKE_CURRENT_LIST_DIR}/search/main.cpp
    ${CMAKE_CURRENT_LIST_DIR}/search/ProfileGenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/search/ProfileGenerator.cpp
)
target_link_libraries(bench-search PRIVATE Colleagues::Client Colleagues::Core SQLite::SQLite3 Qt6::Core)
# The demo company generator makes the directory when it is there; else a small built-in one.
if(TARGET Colleagues::Demo AND EXISTS "${CMAKE_SOURCE_DIR}/app/demo/DemoCompany.cpp")
    target_link_libraries(bench-search PRIVATE Colleagues::Demo)
    target_compile_definitions(bench-search PRIVATE COLLEAGUES_HAVE_DEMO)
endif()
colleagues_target_defaults(bench-search)
