# The guard in front of Qt HttpServer: limits, deadlines, connection cap, in-order pipelining.
# Its own small library (Qt Network + Qt Core only), linked into Colleagues::Server, so that it can
# be built and tested on its own.
add_library(ColleaguesServerGuard STATIC
    ${CMAKE_CURRENT_LIST_DIR}/HttpGuard.h ${CMAKE_CURRENT_LIST_DIR}/HttpGuard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/GuardConnection_p.h ${CMAKE_CURRENT_LIST_DIR}/GuardConnection.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RequestScanner_p.h ${CMAKE_CURRENT_LIST_DIR}/RequestScanner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ResponseTracker_p.h ${CMAKE_CURRENT_LIST_DIR}/ResponseTracker.cpp
)
add_library(Colleagues::ServerGuard ALIAS ColleaguesServerGuard)
target_include_directories(ColleaguesServerGuard PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(ColleaguesServerGuard PUBLIC Qt6::Core Qt6::Network)
set_target_properties(ColleaguesServerGuard PROPERTIES AUTOMOC ON)
colleagues_target_defaults(ColleaguesServerGuard)

list(APPEND COLLEAGUES_SERVER_LIBS Colleagues::ServerGuard)
