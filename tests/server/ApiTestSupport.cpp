// SPDX-License-Identifier: MIT
#include "tests/server/ApiTestSupport.h"

#include "server/accounts/PasswordHasher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <png.h>
#include <sys/prctl.h>
#include <turbojpeg.h>

#include <csignal>
#include <cstring>
#include <vector>

namespace ApiTest {

QString serverBinary()
{
    const QString fromEnvironment = qEnvironmentVariable("COLLEAGUES_SERVER_BINARY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStringLiteral(COLLEAGUES_SERVER_BINARY);
}

// --- TestDatabase ----------------------------------------------------------------------------

namespace {

QString adminConnectionName(const QString &database)
{
    return u"api-admin-"_qs + database;
}

bool runAdmin(const StorageConfig &admin, const QString &database, const QString &sql, QString *error)
{
    const QString name = adminConnectionName(database);
    {
        QSqlDatabase db =
            QSqlDatabase::contains(name) ? QSqlDatabase::database(name) : QSqlDatabase::addDatabase(u"QPSQL"_qs, name);
        db.setHostName(admin.host);
        db.setPort(admin.port);
        db.setUserName(admin.user);
        db.setPassword(admin.password);
        db.setDatabaseName(admin.databaseName);
        if (!db.isOpen() && !db.open()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            if (error)
                *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

std::unique_ptr<TestDatabase> TestDatabase::create(const QString &backend, QString *skipReason, QString *error)
{
    auto db = std::unique_ptr<TestDatabase>(new TestDatabase);
    db->m_backend = backend;
    if (backend == u"sqlite") {
        db->m_dir = std::make_unique<QTemporaryDir>();
        if (!db->m_dir->isValid()) {
            *error = u"cannot create a temporary directory"_qs;
            return nullptr;
        }
        db->m_config = StorageConfig::sqlite(db->m_dir->filePath(u"data"_qs));
        return db;
    }
    const QString url = qEnvironmentVariable("COLLEAGUES_TEST_PG");
    if (url.isEmpty()) {
        if (qEnvironmentVariable("CI") == u"true")
            *error = u"COLLEAGUES_TEST_PG is not set; with CI=true the PostgreSQL tests must run."_qs;
        else
            *skipReason = u"COLLEAGUES_TEST_PG is not set (scripts/postgres-env.sh sets it)"_qs;
        return nullptr;
    }
    const Expected<StorageConfig> admin = StorageConfig::fromUrl(url);
    if (!admin) {
        *error = u"COLLEAGUES_TEST_PG is not a valid postgresql:// URL: "_qs + admin.error().message;
        return nullptr;
    }
    db->m_admin = admin.value();
    db->m_pgDatabase = u"colleagues_api_%1_%2"_qs.arg(QCoreApplication::applicationPid())
                           .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    if (!runAdmin(db->m_admin, db->m_pgDatabase, u"CREATE DATABASE %1"_qs.arg(db->m_pgDatabase), error))
        return nullptr;
    db->m_config = db->m_admin;
    db->m_config.databaseName = db->m_pgDatabase;
    db->m_config.databaseUrl.clear();
    QUrl u;
    u.setScheme(u"postgresql"_qs);
    u.setHost(db->m_admin.host);
    u.setPort(db->m_admin.port);
    u.setUserName(db->m_admin.user);
    u.setPassword(db->m_admin.password);
    u.setPath(u"/"_qs + db->m_pgDatabase);
    db->m_url = u.toString();
    return db;
}

TestDatabase::~TestDatabase()
{
    m_storage.reset();
    if (!m_pgDatabase.isEmpty()) {
        QString error;
        if (!runAdmin(m_admin, m_pgDatabase, u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_qs.arg(m_pgDatabase), &error))
            qWarning() << "cannot drop" << m_pgDatabase << error;
        QSqlDatabase::removeDatabase(adminConnectionName(m_pgDatabase));
    }
}

bool TestDatabase::adminExec(const QString &sql, QString *error)
{
    return runAdmin(m_admin, m_pgDatabase, sql.arg(m_pgDatabase), error);
}

QStringList TestDatabase::serveArguments() const
{
    if (m_backend == u"sqlite")
        return {u"--data-dir"_qs, m_config.dataDir};
    return {u"--database"_qs, m_url};
}

Storage &TestDatabase::storage()
{
    if (!m_storage) {
        m_storage = Storage::create(m_config);
        const Expected<bool> opened = m_storage->open();
        if (!opened)
            qFatal("cannot open the test database: %s", qPrintable(opened.error().message));
    }
    return *m_storage;
}

// --- ServerProcess ---------------------------------------------------------------------------

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool ServerProcess::start(const QStringList &arguments, QString *error)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(serverBinary());
    QStringList all {u"serve"_qs};
    if (!arguments.contains(u"--listen"_qs))
        all << u"--listen"_qs << u"127.0.0.1:0"_qs;
    m_process->setArguments(all + arguments);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    // The server ends with the test, even when the test crashes.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        *error = u"cannot start %1: %2"_qs.arg(serverBinary(), m_process->errorString());
        return false;
    }
    QSignalSpy output(m_process.get(), &QProcess::readyReadStandardOutput);
    QElapsedTimer timer;
    timer.start();
    QByteArray stdoutText;
    while (timer.elapsed() < 30000) {
        stdoutText += m_process->readAllStandardOutput();
        const qsizetype at = stdoutText.indexOf("listening on ");
        if (at >= 0 && stdoutText.indexOf('\n', at) > at) {
            const QByteArray line = stdoutText.mid(at + 13, stdoutText.indexOf('\n', at) - at - 13).trimmed();
            m_baseUrl = QUrl(QString::fromUtf8(line));
            return m_baseUrl.isValid() && m_baseUrl.port() > 0;
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
        output.wait(1000);
    }
    *error = u"the server did not report its address; stdout: %1 stderr: %2"_qs.arg(
        QString::fromUtf8(stdoutText), QString::fromUtf8(m_process->readAllStandardError()));
    return false;
}

int ServerProcess::stop()
{
    if (!m_process)
        return -1;
    m_process->terminate();
    if (!m_process->waitForFinished(20000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
    }
    log();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QUrl ServerProcess::url(const QString &path) const
{
    return QUrl(m_baseUrl.toString() + path);
}

QByteArray ServerProcess::log()
{
    if (m_process)
        m_log += m_process->readAllStandardError();
    return m_log;
}

// --- Client ----------------------------------------------------------------------------------

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

Client::Client(QUrl base)
    : m_base(std::move(base))
{ }

QNetworkRequest Client::request(const QString &path, const Headers &headers) const
{
    QNetworkRequest request(QUrl(m_base.toString() + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    bool hasAuthorization = false;
    for (const auto &h : headers) {
        request.setRawHeader(h.first, h.second);
        hasAuthorization = hasAuthorization || h.first.compare("Authorization", Qt::CaseInsensitive) == 0;
    }
    if (!hasAuthorization && !m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    return request;
}

QNetworkReply *Client::start(const QByteArray &method, const QString &path, const QByteArray &body,
                             const Headers &headers)
{
    return m_network.sendCustomRequest(request(path, headers), method, body);
}

Response Client::collect(QNetworkReply *reply, qint64 elapsedMs)
{
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    r.elapsedMs = elapsedMs;
    return r;
}

Response Client::send(const QByteArray &method, const QString &path, const QByteArray &body, const Headers &headers,
                      int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = start(method, path, body, headers);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(timeoutMs)) {
        reply->abort();
        Response r;
        r.error = QNetworkReply::TimeoutError;
        reply->deleteLater();
        return r;
    }
    Response r = collect(reply, timer.elapsed());
    reply->deleteLater();
    return r;
}

Response Client::putJson(const QString &path, const QJsonObject &body, const Headers &headers)
{
    Headers h = headers;
    h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), h);
}

Response Client::postJson(const QString &path, const QJsonObject &body, const Headers &headers)
{
    Headers h = headers;
    h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), h);
}

Response Client::signIn(const QString &username, const QString &password)
{
    const QByteArray previous = m_token;
    m_token.clear();
    Response r = postJson(u"/api/v1/session"_qs, {{u"username"_qs, username}, {u"password"_qs, password}});
    m_token = r.status == 200 ? r.json().value(u"token"_qs).toString().toLatin1() : previous;
    return r;
}

// --- data ------------------------------------------------------------------------------------

QJsonObject profileJson(const QString &displayName, const QString &title)
{
    return QJsonObject {{u"display_name"_qs, displayName}, {u"title"_qs, title}};
}

bool addUser(Storage &storage, const QString &username, const QString &password, Role role, bool withProfile)
{
    const QByteArray hash = password.isEmpty() ? QByteArray() : PasswordHasher::hashBlocking(password.toUtf8());
    if (!storage.createAccount(username, hash, role))
        return false;
    if (!withProfile)
        return true;
    Profile p;
    p.username = username;
    p.displayName = username.left(1).toUpper() + username.mid(1) + u" Example"_qs;
    p.title = u"Engineer"_qs;
    p.department = u"Platform"_qs;
    p.skills = {{u"C++"_qs, 4}};
    return bool(storage.upsertProfile(p));
}

QByteArray makeJpeg(int width, int height)
{
    std::vector<unsigned char> rgb(std::size_t(width) * std::size_t(height) * 3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            unsigned char *p = &rgb[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3];
            p[0] = static_cast<unsigned char>(x * 255 / qMax(1, width - 1));
            p[1] = static_cast<unsigned char>(y * 255 / qMax(1, height - 1));
            p[2] = 128;
        }
    }
    tjhandle handle = tjInitCompress();
    unsigned char *jpeg = nullptr;
    unsigned long size = 0;
    tjCompress2(handle, rgb.data(), width, 0, height, TJPF_RGB, &jpeg, &size, TJSAMP_420, 90, 0);
    QByteArray out(reinterpret_cast<const char *>(jpeg), qsizetype(size));
    tjFree(jpeg);
    tjDestroy(handle);
    return out;
}

QByteArray makePng(int width, int height, bool alpha)
{
    const int channels = alpha ? 4 : 3;
    std::vector<unsigned char> pixels(std::size_t(width) * std::size_t(height) * std::size_t(channels));
    for (std::size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = static_cast<unsigned char>((i * 7) & 0xff);
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = png_uint_32(width);
    image.height = png_uint_32(height);
    image.format = alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr);
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr);
    out.truncate(qsizetype(size));
    return out;
}

QPair<int, int> imageSize(const QByteArray &data)
{
    if (data.startsWith("\xFF\xD8\xFF")) {
        tjhandle handle = tjInitDecompress();
        int w = -1, h = -1, subsampling = 0, colorspace = 0;
        const int rc = tjDecompressHeader3(handle, reinterpret_cast<const unsigned char *>(data.constData()),
                                           static_cast<unsigned long>(data.size()), &w, &h, &subsampling, &colorspace);
        tjDestroy(handle);
        return rc == 0 ? qMakePair(w, h) : qMakePair(-1, -1);
    }
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data.constData(), std::size_t(data.size())))
        return {-1, -1};
    const QPair<int, int> size(int(image.width), int(image.height));
    png_image_free(&image);
    return size;
}

} // namespace ApiTest
