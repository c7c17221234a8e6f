// SPDX-License-Identifier: MIT
#include "ui/profile/StatusMenu.h"

#include "client/sync/StatusBook.h"
#include "ui/ClientBackend.h"
#include "ui/profile/OutOfOfficeDialog.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/StatusText.h"
#include "ui/widgets/Theme.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace Colleagues {

StatusMenu::StatusMenu(ClientBackend *backend, QWidget *parent)
    : QMenu(parent)
    , m_backend(backend)
{
    setObjectName(QStringLiteral("statusMenu"));
    setTitle(tr("My Status"));
    m_available = addAction(tr("&Available"), this, [this] {
        StatusChoice c = choiceOf(mine());
        c.availability = Availability::Available;
        c.until = {};
        apply(c);
    });
    m_available->setObjectName(QStringLiteral("statusAvailableAction"));
    m_available->setCheckable(true);
    QMenu *dnd = addMenu(tr("&Do Not Disturb"));
    dnd->setObjectName(QStringLiteral("statusDndMenu"));
    m_dnd = dnd->menuAction();
    auto dndUntil = [this](const QDateTime &until) {
        StatusChoice c = choiceOf(mine());
        c.availability = Availability::Dnd;
        c.until = until.toUTC();
        apply(c);
    };
    dnd->addAction(tr("For 1 &Hour"), this, [dndUntil] { dndUntil(QDateTime::currentDateTime().addSecs(3600)); })
        ->setObjectName(QStringLiteral("statusDndHourAction"));
    dnd->addAction(tr("Until &Tomorrow"), this, [dndUntil] { dndUntil(tomorrowMorning()); })
        ->setObjectName(QStringLiteral("statusDndTomorrowAction"));
    dnd->addAction(tr("&Until…"), this, &StatusMenu::chooseDndUntil)
        ->setObjectName(QStringLiteral("statusDndUntilAction"));
    addSeparator();
    addAction(tr("Set a &Status Line…"), this, &StatusMenu::chooseStatusLine)
        ->setObjectName(QStringLiteral("statusLineAction"));
    addAction(tr("&Out of Office…"), this, &StatusMenu::chooseOutOfOffice)
        ->setObjectName(QStringLiteral("statusOutOfOfficeAction"));
    addSeparator();
    addAction(tr("&Clear Status"), this, [this] {
        apply(StatusChoice {});
    })->setObjectName(QStringLiteral("statusClearAction"));
    connect(this, &QMenu::aboutToShow, this, &StatusMenu::updateChecks);
}

Status StatusMenu::mine() const
{
    return m_backend->status(m_backend->me());
}

StatusChoice StatusMenu::choiceOf(const Status &current)
{
    StatusChoice c;
    c.availability = current.availability;
    c.text = current.text;
    c.until = current.until;
    c.outOfOffice = current.outOfOffice;
    // A window that applies now would keep one out of office whatever else is chosen: the
    // items that are not "Out of office" end it; one still to come stays planned.
    if (current.availability == Availability::OutOfOffice) {
        c.availability = Availability::Available;
        c.outOfOffice.reset();
    }
    return c;
}

QDateTime StatusMenu::tomorrowMorning(const QDateTime &now)
{
    return QDateTime(now.toLocalTime().date().addDays(1), QTime(8, 0), Qt::LocalTime);
}

void StatusMenu::updateChecks()
{
    const Status status = mine();
    m_available->setChecked(status.availability == Availability::Available);
    m_dnd->setText(status.availability == Availability::Dnd ? StatusText::stateWords(status) : tr("&Do Not Disturb"));
}

void StatusMenu::apply(const StatusChoice &choice, std::function<void(const QString &)> onError)
{
    QWidget *owner = parentWidget() ? parentWidget()->window() : nullptr;
    m_backend->statuses()->setMyStatus(
        choice, this, [this, owner, onError](const Status &status, const ApiError &error) {
            if (!error) {
                Q_EMIT statusMessage(tr("Your status: %1").arg(StatusText::description(status)), 5000);
                return;
            }
            const QString sentence = StatusBook::errorSentence(error);
            Q_EMIT statusMessage(sentence, 10000);
            if (onError) {
                onError(sentence);
                return;
            }
            auto *box =
                new QMessageBox(QMessageBox::Warning, tr("Status Not Changed"), sentence, QMessageBox::Ok, owner);
            box->setObjectName(QStringLiteral("statusErrorBox"));
            box->setTextFormat(Qt::PlainText);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
}

void StatusMenu::chooseDndUntil()
{
    auto *dialog = new QDialog(parentWidget() ? parentWidget()->window() : nullptr);
    dialog->setObjectName(QStringLiteral("dndUntilDialog"));
    dialog->setWindowTitle(tr("Do Not Disturb"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(plainLabel(tr("Do not disturb until:"), dialog));
    auto *edit = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(2 * 3600), dialog);
    edit->setObjectName(QStringLiteral("dndUntilEdit"));
    edit->setCalendarPopup(true);
    edit->setMinimumDateTime(QDateTime::currentDateTime());
    edit->setMaximumDateTime(QDateTime::currentDateTime().addDays(Limits::StatusUntilMaxDays - 1));
    edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') + Theme::shortTimeFormat());
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    connect(dialog, &QDialog::accepted, this, [this, edit] {
        StatusChoice c = choiceOf(mine());
        c.availability = Availability::Dnd;
        c.until = edit->dateTime().toUTC();
        apply(c);
    });
    dialog->open();
}

void StatusMenu::chooseStatusLine()
{
    auto *dialog = new QInputDialog(parentWidget() ? parentWidget()->window() : nullptr);
    dialog->setObjectName(QStringLiteral("statusLineDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Status Line"));
    dialog->setLabelText(
        tr("What are you working on? (at most %1 characters; empty to remove it)").arg(Limits::StatusTextMax));
    dialog->setTextValue(mine().text);
    if (auto *line = dialog->findChild<QLineEdit *>())
        line->setMaxLength(Limits::StatusTextMax);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        StatusChoice c = choiceOf(mine());
        c.text = text.trimmed();
        apply(c);
    });
    dialog->open();
}

void StatusMenu::chooseOutOfOffice()
{
    auto *dialog =
        new OutOfOfficeDialog(m_backend->personChoices(), parentWidget() ? parentWidget()->window() : nullptr);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const Status current = mine();
    QString standIn;
    if (current.outOfOffice && !current.outOfOffice->standIn.isEmpty())
        standIn = QStringLiteral("%1 (%2)").arg(m_backend->displayName(current.outOfOffice->standIn),
                                                current.outOfOffice->standIn);
    dialog->setWindow(current.outOfOffice, standIn);
    // The dialog stays open until the server took it, so that a refused stand-in can be fixed.
    connect(dialog, &OutOfOfficeDialog::submitRequested, this, [this, dialog, current] {
        StatusChoice c;
        c.text = current.text;
        c.until = current.until;
        const OutOfOffice window = dialog->window();
        c.outOfOffice = window;
        // A window from today on applies now; one that starts later is planned (the server
        // turns it on that day).
        c.availability = window.from <= QDate::currentDate()
            ? Availability::OutOfOffice
            : (current.availability == Availability::OutOfOffice ? Availability::Available : current.availability);
        QPointer<OutOfOfficeDialog> guard(dialog);
        dialog->setEnabled(false);
        m_backend->statuses()->setMyStatus(c, dialog, [this, guard](const Status &status, const ApiError &error) {
            if (!guard)
                return;
            guard->setEnabled(true);
            if (error) {
                guard->showError(StatusBook::errorSentence(error));
                return;
            }
            Q_EMIT statusMessage(tr("Your status: %1").arg(StatusText::description(status)), 5000);
            guard->accept();
        });
    });
    dialog->open();
}

} // namespace Colleagues
