// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Colleagues {

class ClientBackend;

/*!
 * Starts a group conversation: "Ask these people…" (a question to the best few of a search) or
 * "New group…". For a question the people are the top N of the search (N editable, default 5),
 * without those out of office, who are named; the list can be edited (remove, add someone) before
 * sending. A title and, for a question, its text. Sending goes through the outbox: it works
 * offline, and the conversation is there at once.
 */
class NewConversationDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Question, Group };
    NewConversationDialog(ClientBackend *backend, Mode mode, QWidget *parent = nullptr);

    //! A question to the people of a search: \a ranked (usernames, best first) for \a query.
    void setCandidates(const QStringList &ranked, const QString &query);
    //! How many of the candidates are asked (the top N).
    void setTop(int top);

    QStringList members() const { return m_members; }
    //! Out-of-office people left out of the candidates.
    QStringList leftOut() const { return m_leftOut; }
    QString conversationId() const { return m_conversationId; }

Q_SIGNALS:
    //! The conversation was queued (it is in the local store now).
    void conversationStarted(const QString &id);

private:
    void choose();
    void addMember(const QString &username);
    void addSomeone();
    void removeSelected();
    void refreshMembers();
    void updateState();
    void start();
    QString personLine(const QString &username) const;

    ClientBackend *m_backend;
    Mode m_mode;
    QStringList m_ranked;
    QStringList m_members;
    QStringList m_leftOut;
    QString m_conversationId;
    QSpinBox *m_topSpinBox = nullptr;
    QLabel *m_fromLabel = nullptr;
    QListWidget *m_membersList;
    QPushButton *m_removeButton;
    QLabel *m_leftOutLabel;
    QLineEdit *m_titleLineEdit;
    QPlainTextEdit *m_textEdit;
    QLabel *m_errorLabel;
    QPushButton *m_startButton;
};

} // namespace Colleagues
