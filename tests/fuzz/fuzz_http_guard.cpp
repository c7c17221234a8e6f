// SPDX-License-Identifier: MIT
// Fuzzes the HTTP guard's request scanner, which reads every byte a client sends before
// Qt HttpServer does. The first input byte picks how the rest is split into reads, so the
// same request is also seen arriving in pieces. Beyond "no crash": a read is consumed
// whole unless an event stops it, a scanner never takes bytes after a rejection, and no
// body is ever counted past its limit without a rejection.
#include "server/guard/RequestScanner_p.h"
#include "tests/fuzz/FuzzCheck.h"

#include <cstdint>

using namespace Colleagues::Server;
using Colleagues::Test::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qint64 piece = 1 + data[0] % 64;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const qint64 total = static_cast<qint64>(size) - 1;

    RequestScanner::Limits limits;
    limits.maxHeadBytes = 2048;
    limits.maxLineBytes = 512;
    limits.maxHeaderCount = 16;
    limits.defaultBodyLimit = 4096;
    limits.bodyLimit = [](const QByteArray &method, const QByteArray &path) -> qint64 {
        return method == "PUT" && path == "/api/v1/profiles/me/photo" ? 16384 : 4096;
    };
    RequestScanner scanner(limits);

    qint64 offset = 0;
    int requests = 0;
    while (offset < total) {
        const qint64 length = std::min(piece, total - offset);
        qint64 used = 0;
        while (used < length) {
            const RequestScanner::Step step = scanner.feed(bytes + offset + used, length - used);
            check(step.consumed >= 0 && step.consumed <= length - used);
            used += step.consumed;
            if (scanner.phase() != RequestScanner::Phase::Rejected && scanner.hasBody())
                check(scanner.bodyBytesSeen() <= scanner.bodyLimit());
            switch (step.event) {
            case RequestScanner::Event::None: check(used == length); break;
            case RequestScanner::Event::RequestComplete:
                ++requests;
                scanner.startNextRequest();
                break;
            case RequestScanner::Event::Rejected:
                check(scanner.rejection().status >= 400 && scanner.rejection().status < 600);
                check(scanner.feed(bytes, total).consumed == 0);
                return 0;
            case RequestScanner::Event::HeadStarted:
            case RequestScanner::Event::HeadComplete: break;
            }
        }
        offset += length;
    }
    check(requests >= 0);
    return 0;
}
