# SPDX-License-Identifier: MIT
# Runs the real colleagues-server binary.
colleagues_add_test(tst_cli LIBS Colleagues::Server Colleagues::TestSupport LABELS server)
