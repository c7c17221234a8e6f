#pragma once

#include <QMainWindow>

class QLineEdit;
class QLabel;

namespace Colleagues {

//! The main window: search field, results, profile pane, conversations.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    QLineEdit *searchLineEdit() const { return m_searchLineEdit; }

private:
    QLineEdit *m_searchLineEdit = nullptr;
    QLabel *m_emptyStateLabel = nullptr;
};

} // namespace Colleagues
