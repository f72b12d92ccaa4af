// SPDX-License-Identifier: MIT
// A test Qt plug-in of some other kind (another IID): no agent plug-in.

#include <QObject>
#include <QtPlugin>

class OtherPlugin : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.example.SomethingElse/1")
};

#include "otherplugin.moc"
