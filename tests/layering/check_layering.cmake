# SPDX-License-Identifier: MIT
# cmake -DFORBIDDEN=regex -DMUST_NOT_LINK=a;b -DMUST_LINK=c -P check_layering.cmake
function(shared_libs binary out)
    execute_process(COMMAND ldd "${binary}" OUTPUT_VARIABLE libs RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "ldd failed on ${binary}")
    endif()
    set(${out} "${libs}" PARENT_SCOPE)
endfunction()

foreach(binary IN LISTS MUST_NOT_LINK)
    shared_libs("${binary}" libs)
    if(libs MATCHES "lib(${FORBIDDEN})")
        message(FATAL_ERROR "FAIL: ${binary} links ${CMAKE_MATCH_0}, which its layer forbids")
    endif()
    message(STATUS "ok: ${binary} does not link ${FORBIDDEN}")
endforeach()

# The check must be able to see a forbidden library where there is one.
foreach(binary IN LISTS MUST_LINK)
    shared_libs("${binary}" libs)
    if(NOT libs MATCHES "libQt6Widgets")
        message(FATAL_ERROR "FAIL: ${binary} should link Qt6Widgets; the check cannot see libraries")
    endif()
    message(STATUS "ok: ${binary} links Qt6Widgets, as the UI layer may")
endforeach()
