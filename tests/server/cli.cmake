# SPDX-License-Identifier: MIT
# Runs the real colleagues-server binary.
colleagues_add_test(tst_cli LIBS Colleagues::Server LABELS server)
target_compile_definitions(tst_cli PRIVATE COLLEAGUES_SERVER_BINARY="$<TARGET_FILE:colleagues-server>")
add_dependencies(tst_cli colleagues-server)
