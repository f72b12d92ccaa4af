// SPDX-License-Identifier: MIT
#include "logging_p.h"

namespace mas {
// Default level is warning; enable more with QT_LOGGING_RULES="mas.codec.debug=true".
Q_LOGGING_CATEGORY(lcCodec, "mas.codec", QtWarningMsg)
Q_LOGGING_CATEGORY(lcFraming, "mas.framing", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTransportTcp, "mas.transport.tcp", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTransportLocal, "mas.transport.local", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTransportTls, "mas.transport.tls", QtWarningMsg)
Q_LOGGING_CATEGORY(lcChannel, "mas.channel", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRpc, "mas.rpc", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAgent, "mas.agent", QtWarningMsg)
Q_LOGGING_CATEGORY(lcClock, "mas.clock", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLocalQueue, "mas.localqueue", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTap, "mas.tap", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMosaik, "mas.mosaik", QtWarningMsg)
} // namespace mas
