// SPDX-License-Identifier: MIT
// Fuzzes the JSON entry points every request body goes through: parseJsonObject, then the
// profile and message codecs with validation. Properties checked beyond "no crash":
// whatever decodes is valid, and re-encoding it decodes to the same value.
#include "core/Json.h"
#include "core/Message.h"
#include "core/Profile.h"
#include "core/Validation.h"
#include "tests/fuzz/FuzzCheck.h"

#include <cstdint>

using namespace Colleagues;
using Colleagues::Test::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto object = parseJsonObject(bytes);
    if (!object) {
        check(!object.error().message.isEmpty());
        return 0;
    }
    for (const auto mode : {ProfileJsonMode::Full, ProfileJsonMode::Update}) {
        const auto profile = profileFromJson(object.value(), mode);
        if (!profile) {
            check(!profile.error().message.isEmpty());
            continue;
        }
        if (mode == ProfileJsonMode::Full)
            check(Validation::validate(profile.value()).isEmpty());
        const auto again = profileFromJson(toJson(profile.value()), mode);
        check(again.hasValue());
        check(again.value() == profile.value());
    }
    const auto message = messageFromJson(object.value());
    if (message) {
        check(Validation::validate(message.value()).isEmpty());
        const auto again = messageFromJson(toJson(message.value()));
        check(again.hasValue() && again.value() == message.value());
    } else {
        check(!message.error().message.isEmpty());
    }
    return 0;
}
