// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/result.h>
#include <mas/channel/channeloptions.h>
#include <mas/core/value.h>
#include <mas/transport/address.h>

#include <QWidget>

#include <QCoro/QCoroTask>

#include <map>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace mas {
class TrafficMonitor;
namespace rpc {
class RpcClient;
}
} // namespace mas

namespace mas::ui {

/// The Inspector's call form: calls any exposed method of an aiomas service or agent, like
/// `mas call`, and shows the result (or the remote traceback) in a pane below.
///
/// The target is a service address (`tcp://host:port`, `ipc://path`, `local://queue`) or an
/// agent URL (`tcp://host:port/0`: the agent is checked with validate_aid, then the method is
/// called under `agents/0/`). Arguments are JSON values separated by commas, keywords
/// `"name": value` pairs. Connections are kept open per target and codec.
class CallPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CallPanel(QWidget *parent = nullptr);
    ~CallPanel() override;

    void setTarget(const QString &target);
    QString target() const;
    void setMethod(const QString &path);
    void setArguments(const QString &arguments);
    void setKeywords(const QString &keywords);
    void setCodec(const QString &codec);
    /// Methods offered in the method box (e.g. the paths seen in the traffic).
    void setKnownMethods(const QStringList &paths);
    /// When set, the panel's own connections are watched by `monitor` (so that its calls show
    /// in the message views when nothing else records them).
    void setMonitor(TrafficMonitor *monitor);

    /// Makes the call the form describes; the result also goes to the pane.
    QCoro::Task<Result<Value>> call();
    /// The result pane's text.
    QString resultText() const;
    /// TLS for tcp:// targets (mutual TLS with these files); none: plain connections.
    void setTls(std::optional<TlsOptions> tls);
    /// Closes every connection the panel opened.
    void closeConnections();

Q_SIGNALS:
    void callFinished(bool ok);

private:
    QCoro::Task<Result<rpc::RpcClient *>> client(Address address, QString codec);
    void append(const QString &line);

    QLineEdit *m_target = nullptr;
    QComboBox *m_codec = nullptr;
    QComboBox *m_method = nullptr;
    QLineEdit *m_arguments = nullptr;
    QLineEdit *m_keywords = nullptr;
    QDoubleSpinBox *m_timeout = nullptr;
    QPushButton *m_callButton = nullptr;
    QPlainTextEdit *m_result = nullptr;
    TrafficMonitor *m_monitor = nullptr;
    std::optional<TlsOptions> m_tls;
    std::map<QString, std::unique_ptr<rpc::RpcClient>> m_clients; // by "codec address"
    bool m_busy = false;
};

} // namespace mas::ui
