// SPDX-License-Identifier: MIT
// Links one layer library and forces its symbols in, so ldd shows what it pulls along.
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return 0;
}
