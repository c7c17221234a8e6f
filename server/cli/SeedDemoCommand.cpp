// SPDX-License-Identifier: MIT
#include "server/cli/SeedDemoCommand.h"

#include "server/accounts/PasswordHasher.h"
#include "server/cli/CliSupport.h"

#include "demo/DemoCompany.h"

namespace Colleagues::Server::Cli {

int runSeedDemoCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fills an empty directory with a generated demo company: N people with names, titles, managers,\n"
        "skills and interests, and a few demo accounts with known passwords (printed at the end). The\n"
        "same N and S always give the same company; running it again changes nothing. Everyone gets an\n"
        "account so that they can receive messages; only the demo accounts can sign in."));
    const QCommandLineOption peopleOption(QStringLiteral("people"),
                                          QStringLiteral("How many people (1-200000, default 400)."),
                                          QStringLiteral("N"), QStringLiteral("400"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    parser.addOptions({peopleOption, seedOption});
    const StorageOptions storageOptions;
    storageOptions.addTo(parser);
    if (const auto done = parseCommand(parser, arguments, QStringLiteral("colleagues-server seed-demo [options]"), 0))
        return *done;
    bool ok = false;
    const int people = parser.value(peopleOption).toInt(&ok);
    if (!ok || people < 1 || people > 200000) {
        printError(QStringLiteral("--people must be a whole number from 1 to 200000."));
        return UsageError;
    }
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        printError(QStringLiteral("--seed must be a non-negative whole number."));
        return UsageError;
    }
    const auto storage = storageOptions.open(parser);
    if (!storage)
        return UsageError;
    const DemoCompanyData company = generateDemoCompany(people, seed);

    // Only ever into an empty directory, or one this same command filled before.
    const qint64 existing = storage->profileCount();
    if (existing > 0 && !storage->profile(company.profiles.constFirst().username)) {
        printError(
            QStringLiteral("the directory already holds %1 people; seed-demo only fills an empty one.").arg(existing));
        return Failed;
    }
    int created = 0;
    constexpr qsizetype batchSize = 500;
    for (qsizetype first = 0; first < company.profiles.size(); first += batchSize) {
        const auto outcomes = storage->importProfiles(company.profiles.mid(first, batchSize));
        if (!outcomes) {
            printError(outcomes.error().message);
            return Failed;
        }
        for (const Expected<UpsertOutcome> &outcome : *outcomes) {
            if (!outcome) {
                printError(
                    QStringLiteral("the demo generator made an invalid profile: %1").arg(outcome.error().message));
                return Failed;
            }
            if (outcome->status != UpsertOutcome::Status::Unchanged)
                ++created;
        }
    }

    QHash<QString, const DemoAccount *> demoAccounts;
    for (const DemoAccount &account : company.accounts)
        demoAccounts.insert(account.username, &account);
    QList<Account> accounts;
    for (const Profile &profile : company.profiles) {
        const DemoAccount *demo = demoAccounts.value(profile.username);
        accounts.append(Account {0,
                                 profile.username,
                                 demo ? PasswordHasher::hashBlocking(demo->password.toUtf8()) : QByteArray(),
                                 demo && demo->admin ? Role::Admin : Role::Member,
                                 false,
                                 // The demo's passwords are printed for everyone to use: no
                                 // must-change flag, or the first visitor would lock out the rest.
                                 false,
                                 {}});
    }
    for (qsizetype first = 0; first < accounts.size(); first += batchSize) {
        const auto made = storage->createAccounts(accounts.mid(first, batchSize));
        if (!made) {
            printError(made.error().message);
            return Failed;
        }
    }

    QString text = QStringLiteral("Seeded %1: %2 people (%3 new or changed).\nDemo accounts:\n")
                       .arg(company.companyName)
                       .arg(company.profiles.size())
                       .arg(created);
    for (const DemoAccount &account : company.accounts) {
        text += QStringLiteral("  %1 / %2%3\n")
                    .arg(account.username, account.password, account.admin ? QStringLiteral("  (admin)") : QString());
    }
    printOut(text);
    return Success;
}

} // namespace Colleagues::Server::Cli
