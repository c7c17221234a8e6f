# The colleagues-server command line (everything but serve, which lives in http/).
list(APPEND COLLEAGUES_SERVER_SOURCES
    cli/CommandLine.h cli/CommandLine.cpp
    cli/CliSupport.h cli/CliSupport.cpp
    cli/PasswordInput.h cli/PasswordInput.cpp
    cli/UserCommand.h cli/UserCommand.cpp
    cli/ImportCommand.h cli/ImportCommand.cpp
    cli/SeedDemoCommand.h cli/SeedDemoCommand.cpp
)
# seed-demo needs the demo company generator (app/demo), when this tree has it.
if(TARGET Colleagues::Demo)
    list(APPEND COLLEAGUES_SERVER_LIBS Colleagues::Demo)
    set_property(SOURCE cli/SeedDemoCommand.cpp APPEND PROPERTY COMPILE_DEFINITIONS COLLEAGUES_HAVE_DEMO)
endif()
