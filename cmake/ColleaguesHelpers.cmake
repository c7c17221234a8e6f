# SPDX-License-Identifier: MIT
# Project-wide compile settings and helpers.

# Applied to every target of ours through colleagues_target_defaults().
add_library(colleagues_compile_options INTERFACE)
target_compile_definitions(colleagues_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS # one spelling: Q_SIGNALS, Q_SLOTS, Q_EMIT
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
target_compile_options(colleagues_compile_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-qual -Wformat=2)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(colleagues_compile_options INTERFACE -Wshadow=local)
endif()
if(COLLEAGUES_WERROR)
    target_compile_options(colleagues_compile_options INTERFACE -Werror)
endif()
if(COLLEAGUES_FUZZ)
    # Libraries get coverage instrumentation; the fuzz executables add the libFuzzer main.
    target_compile_options(colleagues_compile_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(colleagues_compile_options INTERFACE -fsanitize=address,undefined)
elseif(COLLEAGUES_SANITIZE)
    target_compile_options(colleagues_compile_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(colleagues_compile_options INTERFACE -fsanitize=address,undefined)
endif()

function(colleagues_target_defaults target)
    target_link_libraries(${target} PRIVATE colleagues_compile_options)
endfunction()

# colleagues_add_test(name SOURCES a.cpp ... LIBS lib ... [LABELS l ...] [TIMEOUT s] [ENV K=V ...])
# One Qt Test executable per class or feature, registered with CTest.
function(colleagues_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES ${name}.cpp)
    endif()
    qt_add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    # Test helpers are included from the repository root: "tests/support/ServerProcess.h".
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
    colleagues_target_defaults(${name})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set(env QT_QPA_PLATFORM=offscreen ${ARG_ENV})
    if(COLLEAGUES_SANITIZE)
        # Qt Test's own watchdog (5 minutes) is too short for a slow test function in a sanitized
        # build on a busy machine; CTest's TIMEOUT still bounds the whole executable.
        list(APPEND env "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1"
                        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1" "QTEST_FUNCTION_TIMEOUT=900000")
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "${env}")
endfunction()
