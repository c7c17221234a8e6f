// SPDX-License-Identifier: MIT
// Markup is inert everywhere. A member puts <img src="http://127.0.0.1:PORT/…">, links and tags
// into every profile field that accepts them and into a message; a second client (and a second
// computer of the same member, for the conflict dialog) shows them in every place user text
// appears. A QTcpServer listens on PORT and counts connections: none may arrive. Every widget
// must show the characters as typed:
//  - what is painted is recorded by a text-capturing paint engine (QWidget::render into it), so
//    a delegate or label that interpreted "<b>bold</b>" would paint "bold" and fail the test;
//  - every QLabel of every window that holds markup must be Qt::PlainText, every QTextEdit must
//    hold no image or anchor, every tool tip (widgets and item-view rows) must be escaped; the
//    widgets are walked generically (findChildren), so new widgets are covered automatically.
// Fields whose validation refuses '<' and '>' (email, phone, time zone, usernames) are checked
// to refuse them, in the editor and in Core.
//
// How we know it would fail: detectorsCatchInterpretedMarkup shows each detector flagging the
// interpreted case (a RichText label, a QTextEdit given HTML, an unescaped tool tip) and the
// trap counting a real connection. And switching ProfilePane's plainLabel() to Qt::AutoText, or
// making Theme::plainToolTip() return its text unescaped, makes markupEverywhereOnTheOtherClient
// fail (tried while writing this test, not committed).
#include "tests/support/ServerProcess.h"
#include "tests/ui/UiDriver.h"

#include "client/ClientStore.h"
#include "client/sync/Outbox.h"
#include "client/sync/StatusBook.h"
#include "client/sync/SyncClient.h"
#include "core/Validation.h"
#include "ui/ClientBackend.h"
#include "ui/DesktopApp.h"
#include "ui/MainWindow.h"
#include "ui/messages/ChatModel.h"
#include "ui/messages/ChatView.h"
#include "ui/messages/ComposerEdit.h"
#include "ui/messages/ConversationsModel.h"
#include "ui/messages/Notifier.h"
#include "ui/people/FilterButton.h"
#include "ui/people/ProfilePane.h"
#include "ui/people/ResultsModel.h"
#include "ui/profile/ConflictDialog.h"
#include "ui/profile/ProfileEditor.h"
#include "ui/profile/SkillsModel.h"
#include "ui/widgets/Theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPaintEngine>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

#include <climits>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

//! A paint engine that keeps the text it is asked to draw and ignores everything else.
class TextRecordingEngine : public QPaintEngine
{
public:
    TextRecordingEngine()
        : QPaintEngine(QPaintEngine::AllFeatures)
    { }
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override { }
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
    void drawImage(const QRectF &, const QImage &, const QRectF &, Qt::ImageConversionFlags) override { }
    void drawPath(const QPainterPath &) override { }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }
    void drawPolygon(const QPoint *, int, PolygonDrawMode) override { }
    void drawTextItem(const QPointF &, const QTextItem &item) override { text += item.text(); }
    Type type() const override { return QPaintEngine::User; }

    QString text;
};

//! A paint device of a widget's size whose engine records text.
class TextRecorder : public QPaintDevice
{
public:
    explicit TextRecorder(QSize size)
        : m_size(size)
    { }
    QPaintEngine *paintEngine() const override { return &m_engine; }
    QString text() const { return m_engine.text; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth: return m_size.width();
        case PdmHeight: return m_size.height();
        case PdmWidthMM: return m_size.width() * 254 / 960;
        case PdmHeightMM: return m_size.height() * 254 / 960;
        case PdmNumColors: return INT_MAX;
        case PdmDepth: return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY: return 96;
        case PdmDevicePixelRatio: return 1;
        case PdmDevicePixelRatioScaled: return int(QPaintDevice::devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QSize m_size;
    mutable TextRecordingEngine m_engine;
};

//! The text \a widget and its visible children paint, in painting order.
QString paintedText(QWidget *widget)
{
    TextRecorder recorder(widget->size());
    widget->render(&recorder);
    return recorder.text();
}

//! HTML (or Markdown) that a rich-text renderer would act on.
bool looksLikeMarkup(const QString &text)
{
    static const QRegularExpression tag(
        QStringLiteral("<\\s*/?\\s*(img|a|b|i|u|script|style|table|iframe)\\b|!?\\[[^\\]]*\\]\\("),
        QRegularExpression::CaseInsensitiveOption);
    return tag.match(text).hasMatch();
}

QString describe(const QObject *object)
{
    return QStringLiteral("%1 \"%2\"")
        .arg(QString::fromLatin1(object->metaObject()->className()), object->objectName());
}

//! Every place under \a root where user markup would be interpreted rather than shown.
QStringList markupInterpreted(QWidget *root)
{
    QStringList problems;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    const auto checkToolTip = [&](const QString &tip, const QString &where) {
        // QToolTip renders a tip as rich text when Qt::mightBeRichText() says so.
        if (looksLikeMarkup(tip) && Qt::mightBeRichText(tip))
            problems.append(where + QStringLiteral(": tool tip would render markup: ") + tip);
    };
    for (QWidget *widget : std::as_const(widgets)) {
        if (auto *label = qobject_cast<QLabel *>(widget);
            label && looksLikeMarkup(label->text()) && label->textFormat() != Qt::PlainText)
            problems.append(describe(label) + QStringLiteral(": markup in a label that is not plain text: ")
                            + label->text());
        if (auto *edit = qobject_cast<QTextEdit *>(widget)) {
            // toHtml() escapes literal text: a real element means the text was taken as HTML.
            const QString html = edit->toHtml();
            if (html.contains(QLatin1String("<img"), Qt::CaseInsensitive)
                || html.contains(QLatin1String("<a href"), Qt::CaseInsensitive))
                problems.append(describe(edit) + QStringLiteral(": rich text with images or links"));
        }
        checkToolTip(widget->toolTip(), describe(widget));
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int row = 0; row < std::min(model->rowCount(view->rootIndex()), 500); ++row) {
                for (int column = 0; column < model->columnCount(view->rootIndex()); ++column) {
                    const QModelIndex index = model->index(row, column, view->rootIndex());
                    checkToolTip(index.data(Qt::ToolTipRole).toString(),
                                 QStringLiteral("%1 row %2").arg(describe(view)).arg(row));
                }
            }
        }
    }
    return problems;
}

//! Everything shown as text by the widgets under \a root (labels, fields, buttons, item views).
QString shownText(QWidget *root)
{
    QStringList texts;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts.append(label->text());
        else if (auto *line = qobject_cast<QLineEdit *>(widget))
            texts.append(line->text());
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            texts.append(plain->toPlainText());
        else if (auto *rich = qobject_cast<QTextEdit *>(widget))
            texts.append(rich->toPlainText());
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts.append(button->text());
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int row = 0; row < std::min(model->rowCount(view->rootIndex()), 500); ++row) {
                for (int column = 0; column < model->columnCount(view->rootIndex()); ++column)
                    texts.append(model->index(row, column, view->rootIndex()).data().toString());
            }
        }
    }
    return texts.join(QLatin1Char('\n'));
}

//! Every rule \a p breaks, one per line.
QString invalidFields(const Profile &p)
{
    QStringList invalid;
    for (const Error &e : Validation::validate(p))
        invalid.append(e.field + QStringLiteral(": ") + e.message);
    return invalid.join(QLatin1Char('\n'));
}

//! A member's app in a window large enough for every page.
struct User : DesktopUser
{
    bool open() override
    {
        if (!DesktopUser::open())
            return false;
        app.window()->resize(1400, 900);
        return true;
    }
};

} // namespace

class TestMarkupInert : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void detectorsCatchInterpretedMarkup();
    void refusingFieldsRefuseMarkup_data();
    void refusingFieldsRefuseMarkup();
    void editorTakesMarkupLiterally();
    void markupEverywhereOnTheOtherClient();
    void messageWithMarkup();
    void statusWithMarkup();
    void trayBodyIsEscapedWhereTheServerReadsMarkup_data();
    void trayBodyIsEscapedWhereTheServerReadsMarkup();
    void conflictDialogShowsMarkupLiterally();
    void noWindowInterpretsMarkup();

private:
    QString img(const QString &path) const
    {
        return QStringLiteral("<img src=\"http://127.0.0.1:%1/%2\">").arg(m_trap.serverPort()).arg(path);
    }
    QString link(const QString &path, const QString &text = QStringLiteral("link")) const
    {
        return QStringLiteral("<a href=\"http://127.0.0.1:%1/%2\">%3</a>").arg(m_trap.serverPort()).arg(path, text);
    }
    //! The profile Ada gives herself: markup in every field that accepts it.
    Profile markupProfile(Profile base) const;
    QString messageBody() const
    {
        return QStringLiteral("Hi <b>bold</b> %1 %2\n<script>alert(1)</script> ![x](http://127.0.0.1:%3/md)")
            .arg(img(QStringLiteral("message")), link(QStringLiteral("message")))
            .arg(m_trap.serverPort());
    }

    QTcpServer m_trap;
    int m_connections = 0;
    ServerProcess m_server;
    std::unique_ptr<User> m_ada;
    std::unique_ptr<User> m_grace;
    Profile m_markup; //!< what Ada saved
};

Profile TestMarkupInert::markupProfile(Profile p) const
{
    p.displayName = QStringLiteral("Mallory <b>bold</b> ") + img(QStringLiteral("name"));
    p.title = QStringLiteral("<i>Chief</i> ") + link(QStringLiteral("title"));
    p.department = QStringLiteral("<u>QA</u> ") + img(QStringLiteral("department"));
    p.location = link(QStringLiteral("location"), QStringLiteral("Berlin"));
    p.bio = QStringLiteral("<b>bold</b> %1\n%2 <script>alert(1)</script>\n"
                           "<style>body{background:url(http://127.0.0.1:%3/css)}</style>"
                           "<table background=\"http://127.0.0.1:%3/table\"><tr><td>cell</td></tr></table>\n"
                           "![x](http://127.0.0.1:%3/markdown) [md](http://127.0.0.1:%3/mdlink) &amp; &lt;")
                .arg(img(QStringLiteral("bio")), link(QStringLiteral("bio")))
                .arg(m_trap.serverPort());
    p.interests = {img(QStringLiteral("interest")), QStringLiteral("<b>bold</b> chess"),
                   link(QStringLiteral("interest"))};
    p.skills = {
        {img(QStringLiteral("skill")), 5}, {link(QStringLiteral("skill")), 4}, {QStringLiteral("<b>bold</b>"), 3}};
    return p;
}

void TestMarkupInert::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The trap: where every image and link points. It counts whatever connects.
    QVERIFY(m_trap.listen(QHostAddress::LocalHost, 0));
    connect(&m_trap, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_trap.nextPendingConnection()) {
            ++m_connections;
            qWarning("connection %d to the trap port", m_connections);
            socket->deleteLater();
        }
    });
    // The counter works: a real connection is counted (then the count starts from zero).
    {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_trap.serverPort());
        QVERIFY(probe.waitForConnected(10000));
        QTRY_COMPARE(m_connections, 1);
    }
    m_connections = 0;

    QVERIFY(m_server.isValid());
    QVERIFY2(m_server.seedDemo(60, 11), qPrintable(m_server.errorString()));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_ada = std::make_unique<User>();
    m_grace = std::make_unique<User>();
    // Both windows are on screen; Ada's is the active one (so Grace gets notifications).
    QString error;
    QVERIFY2(openFrontAndBack(m_server, *m_ada, u"ada"_qs, *m_grace, u"grace"_qs, User::Window::Shown, &error),
             qPrintable(error));
}

void TestMarkupInert::cleanup()
{
    QCOMPARE(m_connections, 0);
}

void TestMarkupInert::cleanupTestCase()
{
    m_ada.reset();
    m_grace.reset();
    m_server.stop();
    QCOMPARE(m_connections, 0);
}

void TestMarkupInert::detectorsCatchInterpretedMarkup()
{
    // The detectors this test relies on do see markup that is interpreted.
    const QString markup = QStringLiteral("Mallory <b>bold</b> ") + img(QStringLiteral("control"));
    QWidget window;
    window.resize(600, 200);
    auto *plain = new QLabel(&window);
    plain->setTextFormat(Qt::PlainText);
    plain->setText(markup);
    plain->setGeometry(0, 0, 600, 40);
    QVERIFY2(markupInterpreted(&window).isEmpty(), qPrintable(markupInterpreted(&window).join(QLatin1Char('\n'))));
    QVERIFY2(paintedText(plain).contains(QLatin1String("<b>bold</b>")), qPrintable(paintedText(plain)));

    auto *rich = new QLabel(&window);
    rich->setTextFormat(Qt::AutoText); // what a forgotten setTextFormat() leaves
    rich->setText(markup);
    rich->setGeometry(0, 50, 600, 40);
    QCOMPARE(markupInterpreted(&window).size(), 1);
    const QString painted = paintedText(rich);
    QVERIFY2(painted.contains(QLatin1String("bold")) && !painted.contains(QLatin1String("<b>")), qPrintable(painted));
    delete rich;

    auto *html = new QTextEdit(&window);
    html->setHtml(markup);
    QCOMPARE(markupInterpreted(&window).size(), 1);
    html->setPlainText(markup);
    QVERIFY2(markupInterpreted(&window).isEmpty(), qPrintable(markupInterpreted(&window).join(QLatin1Char('\n'))));
    delete html;

    plain->setToolTip(markup);
    QCOMPARE(markupInterpreted(&window).size(), 1);
    plain->setToolTip(Theme::plainToolTip(markup));
    QVERIFY2(markupInterpreted(&window).isEmpty(), qPrintable(markupInterpreted(&window).join(QLatin1Char('\n'))));
    // Qt's rich text does not fetch http images by itself: the trap stays empty either way.
    QCOMPARE(m_connections, 0);
}

void TestMarkupInert::refusingFieldsRefuseMarkup_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addRow("email") << QStringLiteral("email") << QStringLiteral("<img src=x>@example.com");
    QTest::addRow("email with a link") << QStringLiteral("email")
                                       << QStringLiteral("a@<a href=\"http://example.com\">x</a>");
    QTest::addRow("phone") << QStringLiteral("phone") << QStringLiteral("<b>030</b> 1234");
    QTest::addRow("time zone") << QStringLiteral("time_zone") << QStringLiteral("<b>Europe/Berlin</b>");
    QTest::addRow("manager") << QStringLiteral("manager") << QStringLiteral("<img src=x>");
    QTest::addRow("username") << QStringLiteral("username") << QStringLiteral("<b>ada</b>");
}

void TestMarkupInert::refusingFieldsRefuseMarkup()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    // Core refuses it (the server runs the same rules).
    Profile p = *m_ada->app.store()->profileByUsername(QStringLiteral("ada"));
    if (field == QLatin1String("email"))
        p.email = value;
    else if (field == QLatin1String("phone"))
        p.phone = value;
    else if (field == QLatin1String("time_zone"))
        p.timeZone = value;
    else if (field == QLatin1String("manager"))
        p.manager = value;
    else
        p.username = value;
    Validation::normalize(p);
    const QList<Error> errors = Validation::validate(p);
    QVERIFY2(std::any_of(errors.cbegin(), errors.cend(), [&](const Error &e) { return e.field == field; }),
             qPrintable(field));

    // The editor says so next to the field and will not save.
    MainWindow *w = m_ada->window();
    ProfileEditor *editor = showMyProfile(w);
    if (auto *edit = editor->findChild<QLineEdit *>(field + QStringLiteral("LineEdit"))) {
        edit->setText(value);
        Q_EMIT edit->textEdited(value);
    } else if (field == QLatin1String("time_zone")) {
        editor->findChild<QComboBox *>(QStringLiteral("timeZoneComboBox"))->setCurrentText(value);
    } else {
        return; // no editor control: the username is fixed, the manager is set by the directory
    }
    QVERIFY(!editor->errorText(field).isEmpty());
    QVERIFY(!child<QPushButton>(editor, u"saveButton")->isEnabled());
    QVERIFY(!editor->save());
    QVERIFY2(markupInterpreted(w).isEmpty(), qPrintable(markupInterpreted(w).join(QLatin1Char('\n'))));
    w->findChild<QPushButton *>(QStringLiteral("revertButton"))->click();
    QVERIFY(!editor->isModified());
}

void TestMarkupInert::editorTakesMarkupLiterally()
{
    MainWindow *w = m_ada->window();
    ProfileEditor *editor = showMyProfile(w);
    const Profile before = *m_ada->app.store()->profileByUsername(QStringLiteral("ada"));
    const Profile wanted = markupProfile(before);
    QVERIFY2(invalidFields(wanted).isEmpty(), qPrintable(invalidFields(wanted)));

    const auto type = [&](const QString &field, const QString &value) {
        auto *edit = child<QLineEdit>(editor, QString(field + QStringLiteral("LineEdit")));
        edit->setText(value);
        Q_EMIT edit->textEdited(value);
    };
    type(QStringLiteral("display_name"), wanted.displayName);
    type(QStringLiteral("title"), wanted.title);
    type(QStringLiteral("department"), wanted.department);
    type(QStringLiteral("location"), wanted.location);
    child<QPlainTextEdit>(editor, u"bioTextEdit")->setPlainText(wanted.bio);
    while (child<SkillsModel>(editor, u"skillsModel")->rowCount() > 0)
        child<SkillsModel>(editor, u"skillsModel")->removeSkill(0);
    for (const Skill &skill : wanted.skills) {
        child<QLineEdit>(editor, u"skillLineEdit")->setText(skill.name);
        child<QSpinBox>(editor, u"levelSpinBox")->setValue(skill.level);
        QTest::keyClick(child<QLineEdit>(editor, u"skillLineEdit"), Qt::Key_Return);
        QVERIFY2(editor->errorText(QStringLiteral("skills")).isEmpty(),
                 qPrintable(editor->errorText(QStringLiteral("skills"))));
    }
    child<QStringListModel>(editor, u"interestsModel")->setStringList({});
    auto *interestEdit = editor->findChild<QLineEdit *>(QStringLiteral("interestLineEdit"));
    for (const QString &interest : wanted.interests) {
        interestEdit->setText(interest);
        QTest::keyClick(interestEdit, Qt::Key_Return);
        QVERIFY2(editor->errorText(QStringLiteral("interests")).isEmpty(),
                 qPrintable(editor->errorText(QStringLiteral("interests"))));
    }
    QCOMPARE(editor->editedProfile().skills.size(), wanted.skills.size());
    QCOMPARE(editor->editedProfile().interests, wanted.interests);
    QVERIFY2(child<QPushButton>(editor, u"saveButton")->isEnabled(),
             qPrintable(invalidFields(editor->editedProfile())));
    QSignalSpy saved(m_ada->app.sync()->outbox(), &Outbox::profileSaved);
    QTest::mouseClick(child<QPushButton>(editor, u"saveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 20000);
    m_markup = saved.constLast().first().value<Profile>();
    QCOMPARE(m_markup.displayName, wanted.displayName);
    QCOMPARE(m_markup.title, wanted.title);
    QCOMPARE(m_markup.department, wanted.department);
    QCOMPARE(m_markup.location, wanted.location);
    QCOMPARE(m_markup.bio, wanted.bio);
    QCOMPARE(m_markup.interests, wanted.interests);
    QCOMPARE(m_markup.skills.size(), wanted.skills.size());

    // The editor, loaded again from the store, shows every character as typed.
    QTRY_COMPARE(m_ada->app.store()->profileByUsername(QStringLiteral("ada"))->revision, m_markup.revision);
    QTRY_COMPARE(child<QLineEdit>(editor, u"display_nameLineEdit")->text(), wanted.displayName);
    QCOMPARE(child<QLineEdit>(editor, u"titleLineEdit")->text(), wanted.title);
    QCOMPARE(child<QPlainTextEdit>(editor, u"bioTextEdit")->toPlainText(), wanted.bio);
    const QString shown = shownText(editor);
    for (const QString &expected :
         {wanted.displayName, wanted.department, wanted.location, wanted.interests.first(), wanted.skills.first().name})
        QVERIFY2(shown.contains(expected), qPrintable(expected));
    const QString painted = paintedText(editor);
    for (const QString &expected : {QStringLiteral("Mallory <b>bold</b>"), QStringLiteral("<i>Chief</i>"),
                                    QStringLiteral("<u>QA</u>"), QStringLiteral("Berlin</a>")})
        QVERIFY2(painted.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + painted));
    const QString bio =
        paintedText(child<QPlainTextEdit>(editor, u"bioTextEdit")->viewport()); // it may be scrolled out of view
    QVERIFY2(bio.contains(QLatin1String("<script>alert(1)</script>")), qPrintable(bio));
    const QStringList problems = markupInterpreted(w);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestMarkupInert::markupEverywhereOnTheOtherClient()
{
    QVERIFY(!m_markup.username.isEmpty());
    MainWindow *w = m_grace->window();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_grace->app.store()->profileByUsername(QStringLiteral("ada"))->revision == m_markup.revision, 20000);

    // Search results: the row's text is the name as typed, and the delegate paints it so.
    QVERIFY(search(m_grace->app, QStringLiteral("mallory")));
    ResultsModel *results = child<ResultsModel>(w, u"resultsModel");
    QVERIFY(results->rowCount() >= 1);
    QCOMPARE(results->index(0).data().toString(), m_markup.displayName);
    QVERIFY(results->index(0).data(ResultsModel::SubtitleRole).toString().contains(m_markup.title));
    QString painted = paintedText(child<QListView>(w, u"resultsListView")->viewport());
    QVERIFY2(painted.contains(QLatin1String("Mallory <b>bold</b>")) && painted.contains(QLatin1String("<i>Chief</i>")),
             qPrintable(painted));

    // The profile pane.
    QTRY_COMPARE(child<ProfilePane>(w, u"profilePane")->profile().username, QStringLiteral("ada"));
    ProfilePane *pane = child<ProfilePane>(w, u"profilePane");
    const auto label = [pane](const char *name) { return pane->findChild<QLabel *>(QLatin1String(name)); };
    QCOMPARE(label("profileNameLabel")->text(), m_markup.displayName);
    QCOMPARE(label("profileNameLabel")->textFormat(), Qt::PlainText);
    QCOMPARE(label("profileTitleLabel")->text(), m_markup.title);
    QVERIFY(label("profileDepartmentLabel")->text().contains(m_markup.department));
    QCOMPARE(label("locationLabel")->text(), m_markup.location);
    QCOMPARE(label("bioLabel")->text(), m_markup.bio);
    QTRY_VERIFY(label("bioLabel")->isVisible());
    painted = paintedText(pane);
    for (const QString &expected :
         {QStringLiteral("Mallory <b>bold</b>"), QStringLiteral("<i>Chief</i>"), QStringLiteral("<u>QA</u>"),
          QStringLiteral("Berlin</a>"), QStringLiteral("<script>alert(1)</script>"),
          QStringLiteral("<b>bold</b> chess"), QStringLiteral("<img"), QStringLiteral("&amp; &lt;")})
        QVERIFY2(painted.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + painted));
    QStringList problems = markupInterpreted(w);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // Ada as a link in someone else's profile (her manager's reports, or her report's manager):
    // the link paints the name, its tool tip is escaped.
    const std::optional<Profile> ada = m_grace->app.store()->profileByUsername(QStringLiteral("ada"));
    QList<Profile> reports = m_grace->app.store()->directReports(QStringLiteral("ada"));
    const QString other = !reports.isEmpty() ? reports.first().username : ada->manager;
    QVERIFY2(!other.isEmpty(), "Ada has neither a manager nor reports in the demo directory");
    w->showPerson(other);
    QTRY_COMPARE(pane->profile().username, other);
    const QList<QAbstractButton *> links = pane->findChildren<QAbstractButton *>(QStringLiteral("personLinkButton"));
    const auto adaLink = std::find_if(links.cbegin(), links.cend(),
                                      [&](QAbstractButton *b) { return b->text() == m_markup.displayName; });
    QVERIFY(adaLink != links.cend());
    QVERIFY((*adaLink)->toolTip().contains(m_markup.title.toHtmlEscaped()));
    QVERIFY(paintedText(*adaLink).contains(QLatin1String("Mallory <b>bold</b>")));
    problems = markupInterpreted(w);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // The department filter: its caption and tool tip when Ada's department is chosen.
    QVERIFY(search(m_grace->app, QStringLiteral("mallory")));
    QSignalSpy replaced(results, &ResultsModel::resultsReplaced);
    child<FilterButton>(w, u"departmentFilterButton")->setSelection({m_markup.department});
    QVERIFY(replaced.wait(10000));
    QCOMPARE(results->rowCount(), 1);
    QVERIFY(child<FilterButton>(w, u"departmentFilterButton")->text().contains(m_markup.department));
    QVERIFY(paintedText(child<FilterButton>(w, u"departmentFilterButton")).contains(QLatin1String("<u>QA</u>")));
    problems = markupInterpreted(w);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    child<FilterButton>(w, u"departmentFilterButton")->clearSelection();
    QVERIFY(replaced.wait(10000));
}

void TestMarkupInert::statusWithMarkup()
{
    // Ada's status line and out-of-office note carry markup; Grace sees them as typed.
    const QDate today = QDate::currentDate();
    // From yesterday: the window is in effect now in every time zone (the server applies it in
    // the person's own zone, which may still be at yesterday's date).
    const QDate from = today.addDays(-1);
    StatusChoice choice;
    choice.availability = Availability::OutOfOffice;
    choice.text = QStringLiteral("<b>away</b> ") + link(QStringLiteral("status"), QStringLiteral("x"));
    choice.outOfOffice =
        OutOfOffice {from, today.addDays(2),
                     QStringLiteral("<i>Back</i> soon ") + img(QStringLiteral("note")) + QStringLiteral(" &amp; &lt;"),
                     QStringLiteral("zoe")};
    bool done = false;
    ApiError failure;
    QObject context;
    m_ada->app.sync()->statuses()->setMyStatus(choice, &context, [&](const Status &, const ApiError &e) {
        failure = e;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(!failure, qPrintable(failure.userMessage));

    MainWindow *w = m_grace->window();
    w->openConversation(QStringLiteral("ada"));
    QFrame *banner = child<QFrame>(w, u"awayBanner");
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QString painted = paintedText(banner);
    QVERIFY2(painted.contains(choice.outOfOffice->note), qPrintable(painted));
    painted = paintedText(child<ChatView>(w, u"chatView"));
    QVERIFY2(painted.contains(QLatin1String("<b>away</b>")), qPrintable(painted));
    // The lists: Ada's long name leaves no room to paint the line beside it; their rows' text
    // for screen readers says it (and is only ever plain text).
    ConversationsModel *conversations = child<ConversationsModel>(w, u"conversationsModel");
    const QString conversationText =
        conversations->index(conversations->rowOf(QStringLiteral("ada"))).data(Qt::AccessibleTextRole).toString();
    QVERIFY2(conversationText.contains(choice.text), qPrintable(conversationText));
    QStringList problems = markupInterpreted(w);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // The result row's line, and the profile with the note.
    QVERIFY(search(m_grace->app, QStringLiteral("mallory")));
    const QString resultText =
        child<ResultsModel>(w, u"resultsModel")->index(0).data(Qt::AccessibleTextRole).toString();
    QVERIFY2(resultText.contains(choice.text), qPrintable(resultText));
    w->showPerson(QStringLiteral("ada"));
    ProfilePane *pane = child<ProfilePane>(w, u"profilePane");
    QTRY_VERIFY(child<QLabel>(pane, u"profileOutOfOfficeLabel")->isVisible());
    painted = paintedText(pane);
    QVERIFY2(painted.contains(choice.outOfOffice->note) && painted.contains(QLatin1String("<b>away</b>")),
             qPrintable(painted));
    problems = markupInterpreted(w);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // Back to the default, for the tests after this one.
    done = false;
    m_ada->app.sync()->statuses()->setMyStatus(StatusChoice {}, &context,
                                               [&](const Status &, const ApiError &) { done = true; });
    QTRY_VERIFY(done);
}

void TestMarkupInert::messageWithMarkup()
{
    MainWindow *ada = m_ada->window();
    MainWindow *grace = m_grace->window();
    QSignalSpy notified(child<Notifier>(grace, u"notifier"), &Notifier::notified);
    const QString body = messageBody();
    ada->openConversation(QStringLiteral("grace"));
    child<ComposerEdit>(ada, u"composerTextEdit")->setPlainText(body);
    QTest::keyClick(child<ComposerEdit>(ada, u"composerTextEdit"), Qt::Key_Return);
    ChatModel *chat = child<ChatModel>(ada, u"chatModel");
    QTRY_COMPARE(chat->rowCount(), 1);
    QCOMPARE(chat->index(0).data(ChatModel::BodyRole).toString(), body);
    QTRY_COMPARE(MessageRecord::State(chat->index(0).data(ChatModel::StateRole).toInt()), MessageRecord::State::Sent);
    QString painted = paintedText(child<QListView>(ada, u"messagesListView")->viewport());
    QVERIFY2(painted.contains(QLatin1String("Hi <b>bold</b> <img")), qPrintable(painted));

    // It arrives: the notification's text, the conversation list and the bubbles show it as typed.
    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), 20000);
    QCOMPARE(notified.first().at(1).toString(), m_markup.displayName);
    // The notification's text is the body on one line, cut at 160 characters.
    const QString notice = notified.first().at(2).toString();
    QVERIFY2(notice == body.simplified()
                 || (notice.endsWith(QChar(0x2026)) && body.simplified().startsWith(notice.chopped(1))),
             qPrintable(notice));
    QVERIFY(notice.contains(QLatin1String("<b>bold</b> <img src=")));
    grace->showSection(MainWindow::Section::Messages);
    ConversationsModel *conversations = child<ConversationsModel>(grace, u"conversationsModel");
    QTRY_VERIFY(conversations->rowOf(QStringLiteral("ada")) >= 0);
    const QModelIndex row = conversations->index(conversations->rowOf(QStringLiteral("ada")));
    QCOMPARE(row.data(ConversationsModel::NameRole).toString(), m_markup.displayName);
    QCOMPARE(row.data(ConversationsModel::LastMessageRole).toString(), body);
    QTRY_VERIFY(child<QListView>(grace, u"conversationsListView")->isVisible());
    painted = paintedText(child<QListView>(grace, u"conversationsListView")->viewport());
    QVERIFY2(painted.contains(QLatin1String("Mallory <b>bold</b>"))
                 && painted.contains(QLatin1String("Hi <b>bold</b>")),
             qPrintable(painted));

    grace->openConversation(QStringLiteral("ada"));
    QTRY_COMPARE(child<ChatModel>(grace, u"chatModel")->rowCount(), 1);
    QTRY_VERIFY(child<QListView>(grace, u"messagesListView")->isVisible());
    painted = paintedText(child<ChatView>(grace, u"chatView"));
    for (const QString &expected : {QStringLiteral("Mallory <b>bold</b>"), QStringLiteral("Hi <b>bold</b> <img"),
                                    QStringLiteral("<script>alert(1)</script>"), QStringLiteral("![x](http")})
        QVERIFY2(painted.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + painted));
    for (MainWindow *w : {ada, grace}) {
        const QStringList problems = markupInterpreted(w);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
}

void TestMarkupInert::trayBodyIsEscapedWhereTheServerReadsMarkup_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("serverReadsMarkup");
    QTest::addColumn<QString>("expected");
    const QString img =
        QStringLiteral("see <img src=\"http://127.0.0.1:9/x\"> & <a href=\"http://127.0.0.1:9/y\">this</a>");
    QTest::addRow("markup server") << img << true
                                   << QStringLiteral("see &lt;img src=&quot;http://127.0.0.1:9/x&quot;&gt; &amp; "
                                                     "&lt;a href=&quot;http://127.0.0.1:9/y&quot;&gt;this&lt;/a&gt;");
    QTest::addRow("plain server") << img << false << img;
    QTest::addRow("no markup") << QStringLiteral("Lunch at 12?") << true << QStringLiteral("Lunch at 12?");
}

void TestMarkupInert::trayBodyIsEscapedWhereTheServerReadsMarkup()
{
    QFETCH(QString, text);
    QFETCH(bool, serverReadsMarkup);
    QFETCH(QString, expected);
    QCOMPARE(Notifier::trayBody(text, serverReadsMarkup), expected);
}

void TestMarkupInert::conflictDialogShowsMarkupLiterally()
{
    // Ada edits on a second computer meanwhile; her save here then conflicts.
    User other;
    QVERIFY2(other.openAndSignIn(m_server, u"ada"_qs, User::Window::Hidden), qPrintable(other.error));
    MainWindow *w = m_ada->window();
    ProfileEditor *editor = showMyProfile(w);
    const QString mine = QStringLiteral("<b>mine</b> ") + img(QStringLiteral("mine"));
    child<QLineEdit>(editor, u"titleLineEdit")->setText(mine);
    Q_EMIT child<QLineEdit>(editor, u"titleLineEdit")->textEdited(mine);

    Profile elsewhere = *other.app.store()->profileByUsername(QStringLiteral("ada"));
    QCOMPARE(elsewhere.revision, m_markup.revision);
    const QString theirs = QStringLiteral("<i>theirs</i> ") + link(QStringLiteral("theirs"));
    elsewhere.title = theirs;
    QSignalSpy elsewhereSaved(other.app.sync()->outbox(), &Outbox::profileSaved);
    QVERIFY(other.app.sync()->outbox()->saveProfile(elsewhere, elsewhere.revision));
    QTRY_COMPARE_WITH_TIMEOUT(elsewhereSaved.count(), 1, 20000);

    QVERIFY(editor->save());
    ConflictDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = editor->findChild<ConflictDialog *>()) != nullptr, 20000);
    QTRY_VERIFY(dialog->isVisible());
    const QString shown = shownText(dialog);
    QVERIFY2(shown.contains(mine) && shown.contains(theirs), qPrintable(shown));
    const QString painted = paintedText(dialog);
    QVERIFY2(painted.contains(QLatin1String("<b>mine</b> <img")) && painted.contains(QLatin1String("<i>theirs</i>")),
             qPrintable(painted));
    const QStringList problems = markupInterpreted(dialog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    dialog->findChild<QPushButton *>(QStringLiteral("keepMineButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_grace->app.store()->profileByUsername(QStringLiteral("ada"))->title == mine, 20000);
}

void TestMarkupInert::noWindowInterpretsMarkup()
{
    // Every section of both windows, and any other top-level widget that exists by now.
    for (User *user : {m_ada.get(), m_grace.get()}) {
        for (MainWindow::Section section :
             {MainWindow::Section::People, MainWindow::Section::Messages, MainWindow::Section::MyProfile}) {
            user->window()->showSection(section);
            QVERIFY(!paintedText(user->window()).isEmpty());
            const QStringList problems = markupInterpreted(user->window());
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
    }
    for (QWidget *top : QApplication::topLevelWidgets()) {
        const QStringList problems = markupInterpreted(top);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
}

QTEST_MAIN(TestMarkupInert)
#include "tst_markupinert.moc"
