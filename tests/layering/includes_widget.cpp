// SPDX-License-Identifier: MIT
#include <QWidget>
int main()
{
    QWidget w;
    return 0;
}
