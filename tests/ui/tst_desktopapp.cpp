#include <QTest>
class TestDesktopApp : public QObject
{
    Q_OBJECT
};
QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
