// SPDX-License-Identifier: MIT
#include "ui/widgets/RowListModel.h"

namespace Colleagues {

QHash<int, QByteArray> withRoleNames(QHash<int, QByteArray> names, const QMetaEnum &roles)
{
    for (int i = 0; i < roles.keyCount(); ++i) {
        QByteArray name(roles.key(i));
        if (name.endsWith("Role"))
            name.chop(4);
        if (!name.isEmpty())
            name[0] = char(QChar::toLower(uchar(name[0])));
        names.insert(roles.value(i), name);
    }
    return names;
}

} // namespace Colleagues
