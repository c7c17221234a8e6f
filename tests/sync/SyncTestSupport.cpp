// SPDX-License-Identifier: MIT
#include "tests/sync/SyncTestSupport.h"

#include "client/sync/Backoff.h"
#include "client/sync/Session.h"
#include "client/sync/TokenStore.h"
#include "core/ProfileCsv.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace Colleagues::Testing {

SyncTestServer::SyncTestServer(const QString &program, const QString &dataDir)
    : m_program(program)
    , m_dataDir(dataDir)
{
    QDir().mkpath(dataDir);
}

SyncTestServer::~SyncTestServer()
{
    stop();
}

bool SyncTestServer::run(const QStringList &arguments, const QByteArray &input, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_program, arguments + QStringList {QStringLiteral("--data-dir"), m_dataDir});
    if (!p.waitForStarted()) {
        m_error = p.errorString();
        return false;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(600000);
    const QString text = QString::fromUtf8(p.readAll());
    if (output)
        *output = text;
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("%1 %2 failed: %3").arg(m_program, arguments.join(QLatin1Char(' ')), text);
        return false;
    }
    return true;
}

bool SyncTestServer::addUser(const QString &name, const QString &password, bool admin)
{
    QStringList args {QStringLiteral("user"), QStringLiteral("add"), name};
    if (admin)
        args << QStringLiteral("--admin");
    return run(args, password.toUtf8() + '\n');
}

bool SyncTestServer::seedDemo(int people)
{
    return run({QStringLiteral("seed-demo"), QStringLiteral("--people"), QString::number(people)});
}

bool SyncTestServer::importProfiles(const QList<Profile> &profiles)
{
    const QString file = m_dataDir + QStringLiteral("/import.csv");
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(profilesToCsv(profiles)) < 0)
        return false;
    f.close();
    return run({QStringLiteral("import-csv"), file});
}

bool SyncTestServer::start(quint16 port)
{
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(m_program,
                     {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                      QStringLiteral("--data-dir"), m_dataDir});
    if (!m_process->waitForStarted()) {
        m_error = m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on https?://[^:]+:(\\d+)"));
    QByteArray seen;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(deadline.remainingTime())))
            break;
        seen += m_process->readAllStandardOutput();
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(seen));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            return true;
        }
    }
    m_error = QStringLiteral("the server did not start: %1 %2")
                  .arg(QString::fromUtf8(seen), QString::fromUtf8(m_process->readAllStandardError()));
    return false;
}

void SyncTestServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }
    m_process.reset();
}

void SyncTestServer::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished();
    m_process.reset();
}

bool SyncTestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl SyncTestServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QJsonObject HttpAnswer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpAnswer httpRequest(QNetworkAccessManager *network, const QByteArray &method, const QUrl &url,
                       const QByteArray &token, const QByteArray &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(30000);
    QNetworkReply *reply = network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

QByteArray signInToken(QNetworkAccessManager *network, const QUrl &server, const QString &user, const QString &password)
{
    const QByteArray body =
        QJsonDocument(QJsonObject {{QStringLiteral("username"), user}, {QStringLiteral("password"), password}})
            .toJson(QJsonDocument::Compact);
    const HttpAnswer a =
        httpRequest(network, "POST", server.resolved(QUrl(QStringLiteral("/api/v1/session"))), {}, body);
    return a.json().value(QStringLiteral("token")).toString().toUtf8();
}

TestClient::TestClient()
{
    if (!m_dir.isValid())
        return;
    open();
}

bool TestClient::restart()
{
    m_client.reset();
    m_store.reset();
    m_valid = false;
    open();
    if (!m_valid)
        return false;
    m_client->start();
    return true;
}

void TestClient::open()
{
    m_store = std::make_unique<ClientStore>();
    if (!m_store->open(m_dir.path()))
        return;
    m_client = std::make_unique<SyncClient>(m_store.get(), &m_network);
    m_client->setBackoffPolicy(BackoffPolicy::fast());
    // Tests do not depend on a keychain: the token goes to a private file.
    m_client->tokenStore()->setTokenFile(m_dir.path() + QStringLiteral("/token"));
    m_valid = true;
}

TestClient::~TestClient()
{
    m_client.reset();
    m_store.reset();
}

bool TestClient::signIn(const QUrl &server, const QString &user, const QString &password)
{
    QSignalSpy signedIn(m_client->session(), &Session::signedIn);
    QSignalSpy failed(m_client->session(), &Session::signInFailed);
    m_client->session()->signIn(server, user, password);
    QDeadlineTimer deadline(30000);
    while (signedIn.isEmpty() && failed.isEmpty() && !deadline.hasExpired())
        signedIn.wait(100);
    return !signedIn.isEmpty();
}

QString CliRun::describe() const
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(exitCode).arg(out, err);
}

CliRun runCli(const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    p.start(program, arguments);
    CliRun r;
    if (!p.waitForStarted())
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace Colleagues::Testing
