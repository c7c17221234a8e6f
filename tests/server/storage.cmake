# SPDX-License-Identifier: MIT
colleagues_add_test(tst_storageconfig LIBS Colleagues::Server LABELS server)
# Runs every test on SQLite and on PostgreSQL (COLLEAGUES_TEST_PG; required when CI=true).
colleagues_add_test(tst_storage LIBS Colleagues::Server LABELS server postgres TIMEOUT 600)
