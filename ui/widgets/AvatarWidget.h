// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QWidget>

namespace Colleagues {

//! A round avatar of a fixed size: the photo, or the initials on the person's colour.
class AvatarWidget : public QWidget
{
    Q_OBJECT

public:
    explicit AvatarWidget(int size, QWidget *parent = nullptr);

    void setPerson(const QString &username, const QString &displayName);
    void setPhoto(const QImage &photo);
    QSize sizeHint() const override { return {m_size, m_size}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_size;
    QString m_username;
    QString m_displayName;
    QImage m_photo;
};

} // namespace Colleagues
