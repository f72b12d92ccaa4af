// SPDX-License-Identifier: MIT
#pragma once

#include <utility>

namespace mas::detail {

/// Whether a signal emitted on a hot path may have receivers, so that the sender asks Qt
/// (QObject::isSignalConnected(), protected: the sender passes the question in) only while
/// something connected since the answer was last "nobody". The sender's connectNotify() calls
/// connected() for the signal; heard() is then the question, and a plain load otherwise.
class MaybeHeard
{
public:
    void connected() { m_maybe = true; }
    /// `isConnected()`: the sender's isSignalConnected() for the signal.
    template<class IsConnected>
    bool heard(IsConnected &&isConnected)
    {
        if (!m_maybe)
            return false;
        m_maybe = std::forward<IsConnected>(isConnected)();
        return m_maybe;
    }

private:
    bool m_maybe = false;
};

} // namespace mas::detail
