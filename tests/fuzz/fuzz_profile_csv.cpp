// SPDX-License-Identifier: MIT
// Fuzzes the CSV import shared by the server's and the client's import-csv. Beyond "no
// crash": every imported profile is valid, every error names a line and a reason, and
// what was imported round-trips through profilesToCsv().
#include "core/ProfileCsv.h"
#include "core/Validation.h"
#include "tests/fuzz/FuzzCheck.h"

#include <cstdint>

using namespace Colleagues;
using Colleagues::Test::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ProfileCsvResult result = readProfileCsv(bytes);
    check(result.profiles.size() == result.lines.size());
    for (const CsvRowError &error : result.errors)
        check(!error.message.isEmpty() && error.line >= 0);
    for (const Profile &profile : result.profiles)
        check(Validation::validate(profile).isEmpty());
    if (!result.profiles.isEmpty()) {
        const ProfileCsvResult again = readProfileCsv(profilesToCsv(result.profiles));
        check(again.fileOk);
        check(again.profiles == result.profiles);
    }
    return 0;
}
