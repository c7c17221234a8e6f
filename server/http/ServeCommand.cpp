#include "ServeCommand.h"

#include <QTextStream>

namespace Colleagues::Server {

int runServeCommand(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    QTextStream(stderr) << "colleagues-server: serve is not available in this build yet\n";
    return 1;
}

} // namespace Colleagues::Server
