// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUrl>

#include <functional>

namespace Colleagues {
class DesktopApp;
}

namespace Colleagues::Testing {

//! Waits (processing events) until \a condition holds or \a timeoutMs passes.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 20000);

//! Signs \a app in through its Session and waits until the first sync is done.
bool signInAndSync(DesktopApp &app, const QUrl &server, const QString &username, const QString &password,
                   QString *error = nullptr);

//! Types \a text into the app's search field (replacing what is there) and waits for results.
bool search(DesktopApp &app, const QString &text);

} // namespace Colleagues::Testing
