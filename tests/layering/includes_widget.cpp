#include <QWidget>
int main()
{
    QWidget w;
    return 0;
}
