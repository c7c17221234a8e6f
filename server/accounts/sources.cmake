# Accounts: Argon2id password hashing (libargon2) and bearer tokens.
find_package(PkgConfig REQUIRED)
pkg_check_modules(ARGON2 REQUIRED IMPORTED_TARGET GLOBAL libargon2)
list(APPEND COLLEAGUES_SERVER_SOURCES
    accounts/PasswordHasher.h accounts/PasswordHasher.cpp
    accounts/Tokens.h accounts/Tokens.cpp
)
list(APPEND COLLEAGUES_SERVER_LIBS PkgConfig::ARGON2)
