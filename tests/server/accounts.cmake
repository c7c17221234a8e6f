# SPDX-License-Identifier: MIT
colleagues_add_test(tst_passwordhasher LIBS Colleagues::Server LABELS server)
colleagues_add_test(tst_tokens LIBS Colleagues::Server LABELS server)
