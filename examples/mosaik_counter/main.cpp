// SPDX-License-Identifier: MIT
// The Counter simulator as a process mosaik starts or connects to:
//   mosaik_counter HOST:PORT        connect to mosaik (sim_config {"cmd": "mosaik_counter %(addr)s"})
//   mosaik_counter -r HOST:PORT     listen for mosaik (sim_config {"connect": "HOST:PORT"})
#include <mas/mosaik/counter.h>

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mosaik_counter"));
    mas::mosaik::CounterSimulator simulator;
    return mas::mosaik::startSimulation(
        simulator, QCoreApplication::arguments(),
        QCoreApplication::translate("main", "The reference Counter simulator for mosaik, written with libmas."));
}
