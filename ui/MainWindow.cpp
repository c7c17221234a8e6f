#include "MainWindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Colleagues {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Colleagues"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_searchLineEdit = new QLineEdit(central);
    m_searchLineEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Search people by skill, name, team or place…"));
    m_searchLineEdit->setAccessibleName(tr("Search"));
    m_searchLineEdit->setClearButtonEnabled(true);
    layout->addWidget(m_searchLineEdit);

    m_emptyStateLabel = new QLabel(central);
    m_emptyStateLabel->setObjectName(QStringLiteral("emptyStateLabel"));
    m_emptyStateLabel->setTextFormat(Qt::PlainText);
    m_emptyStateLabel->setAlignment(Qt::AlignCenter);
    m_emptyStateLabel->setText(tr("Type a skill, a name or a team to find a colleague."));
    layout->addWidget(m_emptyStateLabel, 1);

    setCentralWidget(central);
    resize(1000, 680);
    m_searchLineEdit->setFocus();
}

} // namespace Colleagues
