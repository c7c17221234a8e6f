// SPDX-License-Identifier: MIT
#include "tests/support/Slapd.h"

#include "tests/support/Wait.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace Colleagues::Test {

namespace {

QString toolDir()
{
    const QString configured = qEnvironmentVariable("COLLEAGUES_SLAPD");
    return configured.isEmpty() ? QStringLiteral("/usr/sbin") : QFileInfo(configured).absolutePath();
}

bool writeFile(const QString &path, const QByteArray &data, QFile::Permissions permissions = {})
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (permissions && !file.setPermissions(permissions))
        return false;
    return file.write(data) == data.size();
}

const char *const FirstNames[] = {"Ada", "Grace", "Linus", "Zoë", "José", "Łukasz", "Åsa", "美咲", "Søren", "Chloé"};
const char *const LastNames[] = {"Lovelace", "Hopper", "Müller", "Ñúñez", "Żółć", "渡辺", "O'Brien", "Dvořák", "Smith"};
const char *const Departments[] = {"Engineering", "Sales", "Research", "Finance", "Support"};
const char *const Places[] = {"Berlin", "München", "Zürich", "東京", "Lisboa"};
const char *const Skills[] = {"C++", "Qt", "SQL", "Kubernetes", "Negotiation", "Statistics"};

} // namespace

Slapd::Slapd(int sizeLimit, bool tls)
    : m_sizeLimit(sizeLimit)
    , m_tls(tls)
{ }

bool Slapd::makeCertificates()
{
    const auto openssl = [this](const QStringList &arguments) {
        const CliRun run = runCli(QStringLiteral("openssl"), arguments);
        if (!run.succeeded())
            m_error = QStringLiteral("openssl failed: ") + run.describe();
        return run.succeeded();
    };
    const QStringList key {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    const QStringList ca {QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                          QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")};
    for (const QString &name : {QStringLiteral("ca"), QStringLiteral("other-ca")}) {
        if (!openssl(QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + key + ca
                     + QStringList {QStringLiteral("-keyout"), path(name + QStringLiteral(".key")),
                                    QStringLiteral("-out"), path(name + QStringLiteral(".pem")),
                                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                    QStringLiteral("/CN=Colleagues test ") + name}))
            return false;
    }
    QFile extensions(path(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly))
        return false;
    extensions.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    extensions.close();
    return openssl(QStringList {QStringLiteral("req")} + key
                   + QStringList {QStringLiteral("-keyout"), path(QStringLiteral("server.key")), QStringLiteral("-out"),
                                  path(QStringLiteral("server.csr")), QStringLiteral("-subj"),
                                  QStringLiteral("/CN=127.0.0.1")})
        && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    path(QStringLiteral("server.csr")), QStringLiteral("-CA"), caFile(), QStringLiteral("-CAkey"),
                    path(QStringLiteral("ca.key")), QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                    path(QStringLiteral("server.pem")), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-extfile"), path(QStringLiteral("server.ext"))});
}

Slapd::~Slapd()
{
    stop();
}

bool Slapd::isInstalled()
{
    return QFileInfo(toolDir() + QStringLiteral("/slapd")).isExecutable()
        && QFileInfo(toolDir() + QStringLiteral("/slapadd")).isExecutable();
}

QByteArray Slapd::ldifLine(const QByteArray &name, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    bool plain = !utf8.isEmpty() && utf8.at(0) != ' ' && utf8.at(0) != ':' && utf8.at(0) != '<';
    for (const char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\n' || c == '\r')
            plain = false;
    }
    return plain ? name + ": " + utf8 + '\n' : name + ":: " + utf8.toBase64() + '\n';
}

QString Slapd::readerPasswordFile() const
{
    return m_dir.filePath(QStringLiteral("reader.password"));
}

QStringList Slapd::connectionArguments() const
{
    return {QStringLiteral("--url"),
            url(),
            QStringLiteral("--base"),
            peopleBase(),
            QStringLiteral("--bind-dn"),
            readerDn(),
            QStringLiteral("--bind-password-file"),
            readerPasswordFile()};
}

bool Slapd::start(const QByteArray &ldif)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    QDir().mkpath(data);
    if (m_tls && !makeCertificates())
        return false;
    const QString tlsConfig = m_tls
        ? QStringLiteral("TLSCACertificateFile %1\nTLSCertificateFile %2\n"
                         "TLSCertificateKeyFile %3\n")
              .arg(caFile(), path(QStringLiteral("server.pem")), path(QStringLiteral("server.key")))
        : QString();
    const QString config = QStringLiteral("include /etc/ldap/schema/core.schema\n"
                                          "include /etc/ldap/schema/cosine.schema\n"
                                          "include /etc/ldap/schema/inetorgperson.schema\n"
                                          "modulepath /usr/lib/ldap\n"
                                          "moduleload back_mdb\n"
                                          "pidfile %1/slapd.pid\n"
                                          "%4"
                                          // Paged searches may read everything; others stop at the limit.
                                          "sizelimit size.soft=%2 size.hard=%2 size.prtotal=unlimited\n"
                                          "access to attrs=userPassword by self =xw by anonymous auth by * none\n"
                                          "access to * by * read\n"
                                          "database mdb\n"
                                          "maxsize 4294967296\n"
                                          "suffix \"dc=example,dc=com\"\n"
                                          "rootdn \"cn=admin,dc=example,dc=com\"\n"
                                          "rootpw admin-secret\n"
                                          "directory %3\n"
                                          "index objectClass eq\n"
                                          "index uid eq\n")
                               .arg(m_dir.path())
                               .arg(m_sizeLimit)
                               .arg(data)
                               .arg(tlsConfig);
    const QByteArray base = "dn: dc=example,dc=com\nobjectClass: dcObject\nobjectClass: organization\n"
                            "dc: example\no: Example\n\n"
                            "dn: ou=people,dc=example,dc=com\nobjectClass: organizationalUnit\nou: people\n\n"
                            "dn: cn=reader,dc=example,dc=com\nobjectClass: person\ncn: reader\nsn: reader\n"
                            "userPassword: "
        + readerPassword().toUtf8() + "\n\n";
    if (!writeFile(m_dir.filePath(QStringLiteral("slapd.conf")), config.toUtf8())
        || !writeFile(m_dir.filePath(QStringLiteral("data.ldif")), base + ldif)
        || !writeFile(readerPasswordFile(), readerPassword().toUtf8(), QFile::ReadOwner | QFile::WriteOwner)
        || !writeFile(m_dir.filePath(QStringLiteral("admin.password")), "admin-secret",
                      QFile::ReadOwner | QFile::WriteOwner)) {
        m_error = QStringLiteral("cannot write the configuration");
        return false;
    }
    const CliRun added =
        runCli(toolDir() + QStringLiteral("/slapadd"),
               {QStringLiteral("-q"), QStringLiteral("-f"), m_dir.filePath(QStringLiteral("slapd.conf")),
                QStringLiteral("-l"), m_dir.filePath(QStringLiteral("data.ldif"))});
    if (!added.succeeded()) {
        m_error = QStringLiteral("slapadd failed: ") + added.describe();
        return false;
    }
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
    QTcpServer tlsProbe;
    tlsProbe.listen(QHostAddress::LocalHost, 0);
    m_tlsPort = tlsProbe.serverPort();
    probe.close();
    tlsProbe.close();
    return launch();
}

bool Slapd::restart()
{
    return launch();
}

bool Slapd::launch()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // -d keeps it in the foreground, a child of the test, with no debug output at level 0.
    QString urls = QStringLiteral("ldap://127.0.0.1:%1/").arg(m_port);
    if (m_tls)
        urls += QStringLiteral(" ldaps://127.0.0.1:%1/").arg(m_tlsPort);
    m_process->start(toolDir() + QStringLiteral("/slapd"),
                     {QStringLiteral("-f"), m_dir.filePath(QStringLiteral("slapd.conf")), QStringLiteral("-h"), urls,
                      QStringLiteral("-d"), QStringLiteral("0")});
    if (!m_process->waitForStarted()) {
        m_error = QStringLiteral("slapd did not start: ") + m_process->errorString();
        return false;
    }
    const bool listening = waitUntil(
        [this] {
            if (m_process->state() != QProcess::Running)
                return true;
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            return socket.waitForConnected(200);
        },
        30000);
    if (!listening || m_process->state() != QProcess::Running) {
        m_error = QStringLiteral("slapd is not listening on port %1: %2")
                      .arg(m_port)
                      .arg(QString::fromLocal8Bit(m_process->readAll()));
        return false;
    }
    return true;
}

void Slapd::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(30000)) {
        m_process->kill();
        m_process->waitForFinished();
    }
}

bool Slapd::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

CliRun Slapd::modify(const QByteArray &ldif) const
{
    return runCli(QStringLiteral("ldapmodify"),
                  {QStringLiteral("-x"), QStringLiteral("-H"), url(), QStringLiteral("-D"),
                   QStringLiteral("cn=admin,dc=example,dc=com"), QStringLiteral("-y"),
                   m_dir.filePath(QStringLiteral("admin.password"))},
                  ldif);
}

CliRun Slapd::searchWithoutPaging(const QStringList &extra) const
{
    return runCli(QStringLiteral("ldapsearch"),
                  QStringList {QStringLiteral("-x"), QStringLiteral("-H"), url(), QStringLiteral("-D"), readerDn(),
                               QStringLiteral("-y"), readerPasswordFile(), QStringLiteral("-b"), peopleBase()}
                      + extra);
}

QString GeneratedPeople::displayName(int index)
{
    const int first = index % 10;
    const int last = (index / 10) % 9;
    return QStringLiteral("%1 %2 %3")
        .arg(QString::fromUtf8(FirstNames[first]), QString::fromUtf8(LastNames[last]))
        .arg(index);
}

QString GeneratedPeople::dn(int index)
{
    return QStringLiteral("cn=%1,ou=people,dc=example,dc=com").arg(displayName(index));
}

GeneratedPeople peopleLdif(int count, const QDateTime &lastModified)
{
    GeneratedPeople generated;
    QByteArray &out = generated.ldif;
    out.reserve(count * 400);
    // slapadd keeps operational attributes it is given (and makes those it is not).
    QByteArray stamps;
    if (lastModified.isValid()) {
        const QByteArray stamp = lastModified.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + 'Z';
        stamps = "createTimestamp: " + stamp + "\nmodifyTimestamp: " + stamp + '\n';
    }
    for (int i = 0; i < count; ++i) {
        const QString name = GeneratedPeople::displayName(i);
        out += Slapd::ldifLine("dn", GeneratedPeople::dn(i));
        out += "objectClass: inetOrgPerson\n";
        out += Slapd::ldifLine("cn", name);
        out += Slapd::ldifLine("sn", name.section(QLatin1Char(' '), 1, 1));
        out += Slapd::ldifLine("displayName", name);
        out += Slapd::ldifLine("uid", GeneratedPeople::uid(i));
        out += Slapd::ldifLine("mail", GeneratedPeople::uid(i) + QStringLiteral("@example.com"));
        out += Slapd::ldifLine("title", i == 0 ? QStringLiteral("Chief Executive") : QStringLiteral("Engineer"));
        out += Slapd::ldifLine("ou", QString::fromUtf8(Departments[i % 5]));
        out += Slapd::ldifLine("l", QString::fromUtf8(Places[(i / 3) % 5]));
        out += Slapd::ldifLine("telephoneNumber", QStringLiteral("+49 30 %1").arg(100000 + i));
        out += Slapd::ldifLine("userPassword", GeneratedPeople::password(i));
        out += Slapd::ldifLine("businessCategory",
                               QStringLiteral("%1:%2").arg(QLatin1String(Skills[i % 6])).arg(1 + i % 5));
        if (i % 4 == 0)
            out += Slapd::ldifLine("businessCategory", QString::fromLatin1(Skills[(i + 1) % 6]));
        if (const int manager = GeneratedPeople::managerOf(i); manager >= 0)
            out += Slapd::ldifLine("manager", GeneratedPeople::dn(manager));
        if (i == GeneratedPeople::Disabled)
            out += "employeeType: disabled\n";
        out += stamps + '\n';
    }
    generated.people = count;
    // cn and sn are all inetOrgPerson requires; without a uid there is no username.
    out += Slapd::ldifLine("dn", GeneratedPeople::incompleteDn());
    out += "objectClass: inetOrgPerson\ncn: No Uid\nsn: Uid\nmail: nobody@example.com\n" + stamps + '\n';
    return generated;
}

QByteArray testDirectoryMap()
{
    return "# inetOrgPerson, with skills and a disabled flag\n"
           "[fields]\n"
           "username = uid\n"
           "display_name = displayName cn\n"
           "email = mail\n"
           "title = title\n"
           "department = ou departmentNumber\n"
           "location = l\n"
           "phone = telephoneNumber\n"
           "manager = manager\n"
           "skills = businessCategory\n"
           "\n"
           "[disabled]\n"
           "attribute = employeeType\n"
           "value = disabled\n";
}

} // namespace Colleagues::Test
