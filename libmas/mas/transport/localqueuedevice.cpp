// SPDX-License-Identifier: MIT
// The device: one end of a LocalQueue connection (see localnetwork_p.h).
#include "localnetwork_p.h"

#include <mas/transport/framing.h>

#include <QtEndian>

#include <cstring>
#include <utility>

namespace mas {

namespace {

/// The largest frame a device reserves room for from its header alone.
constexpr qint64 kReserveLimit = 1 << 20;

} // namespace

LocalQueueDevice::LocalQueueDevice(const QString &queueId, quint64 connection, bool clientSide)
    : m_network(LocalNetwork::instance())
    , m_connection(connection)
    , m_clientSide(clientSide)
{
    setObjectName(QStringLiteral("LocalQueue('%1')").arg(queueId));
    open(QIODevice::ReadWrite | QIODevice::Unbuffered);
}

LocalQueueDevice::~LocalQueueDevice()
{
    LocalQueueDevice::close();
}

void LocalQueueDevice::close()
{
    if (!isOpen())
        return;
    if (m_network && !m_peerGone) {
        if (!m_writeClosed && !m_out.isEmpty()) // an unfinished frame goes as it is
            m_network->d->enqueue(this, takeOut(), LocalNetworkPrivate::Item::Raw);
        m_network->d->enqueue(this, QByteArray(), LocalNetworkPrivate::Item::Close);
    }
    QIODevice::close();
}

void LocalQueueDevice::closeWrite()
{
    if (!isOpen() || m_writeClosed)
        return;
    m_writeClosed = true;
    if (!m_network || m_peerGone)
        return;
    if (!m_out.isEmpty())
        m_network->d->enqueue(this, takeOut(), LocalNetworkPrivate::Item::Raw);
    m_network->d->enqueue(this, QByteArray(), LocalNetworkPrivate::Item::HalfClose);
}

void LocalQueueDevice::writeRaw(const QByteArray &chunk)
{
    if (!isOpen() || m_writeClosed || m_peerGone || !m_network || chunk.isEmpty())
        return;
    m_raw = true;
    if (!m_out.isEmpty())
        m_network->d->enqueue(this, takeOut(), LocalNetworkPrivate::Item::Raw);
    m_network->d->enqueue(this, chunk, LocalNetworkPrivate::Item::Raw);
}

void LocalQueueDevice::receive(const QByteArray &frame, bool raw)
{
    append(frame, raw);
    notifyReadable();
}

void LocalQueueDevice::append(const QByteArray &frame, bool raw)
{
    if (!isOpen())
        return;
    m_receivedRaw = raw;
    if (m_reserved && m_fill + frame.size() <= m_in.size()) {
        // Into the room reserveIncoming() made (the buffer is at its full size already).
        std::memcpy(m_in.data() + m_fill, frame.constData(), size_t(frame.size()));
        m_fill += frame.size();
    } else if (m_readPos == m_in.size() && !m_reserved) {
        m_in = frame; // shared, not copied
        m_readPos = 0;
    } else {
        if (m_reserved) { // more than announced: the room ends here
            m_in.truncate(m_fill);
            m_reserved = false;
        }
        const qsizetype at = m_in.size();
        m_in.resize(at + frame.size());
        std::memcpy(m_in.data() + at, frame.constData(), size_t(frame.size()));
    }
    m_appended = true;
}

void LocalQueueDevice::reserveIncoming(qsizetype bytes)
{
    if (!isOpen())
        return;
    if (m_readPos > 0) { // drop what was read first
        m_in.remove(0, m_readPos);
        m_readPos = 0;
    }
    // Made full size at once: each frame of the run is copied into place, nothing more.
    m_fill = m_in.size();
    m_in.resize(m_fill + bytes);
    m_reserved = true;
}

QByteArray LocalQueueDevice::take(qint64 maxSize)
{
    if (!isOpen() || maxSize <= 0)
        return {};
    if (m_readPos == 0 && maxSize >= m_in.size())
        return std::exchange(m_in, QByteArray()); // handed over, not copied
    const qint64 n = std::min<qint64>(maxSize, m_in.size() - m_readPos);
    if (n <= 0)
        return {};
    QByteArray part = m_in.sliced(m_readPos, n);
    m_readPos += n;
    if (m_readPos == m_in.size()) {
        m_in.clear();
        m_readPos = 0;
    }
    return part;
}

void LocalQueueDevice::notifyReadable()
{
    if (std::exchange(m_reserved, false) && m_fill < m_in.size())
        m_in.truncate(m_fill); // fewer bytes came than were announced
    if (!std::exchange(m_appended, false) || !isOpen())
        return;
    Q_EMIT readyRead();
}

void LocalQueueDevice::receiveClose(bool half)
{
    if (!half)
        m_peerGone = true;
    if (m_peerClosed)
        return;
    m_peerClosed = true;
    Q_EMIT readChannelFinished();
}

qint64 LocalQueueDevice::readData(char *data, qint64 maxSize)
{
    const qint64 n = std::min<qint64>(maxSize, m_in.size() - m_readPos);
    if (n <= 0)
        return m_peerClosed ? -1 : 0;
    memcpy(data, m_in.constData() + m_readPos, size_t(n));
    m_readPos += n;
    if (m_readPos == m_in.size()) {
        m_in.clear();
        m_readPos = 0;
    }
    return n;
}

QByteArray LocalQueueDevice::takeOut()
{
    if (m_outFill >= 0) {
        m_out.truncate(m_outFill);
        m_outFill = -1;
    }
    return std::exchange(m_out, QByteArray());
}

qint64 LocalQueueDevice::writeData(const char *data, qint64 size)
{
    if (m_peerGone || m_writeClosed || !m_network)
        return -1;
    LocalNetworkPrivate *network = m_network->d.get();
    if (m_raw) {
        network->enqueue(this, QByteArray(data, size), LocalNetworkPrivate::Item::Raw);
        return size;
    }
    if (m_outFill >= 0) {
        // The rest of a frame whose length is known: copied into place.
        if (size <= m_out.size() - m_outFill) {
            std::memcpy(m_out.data() + m_outFill, data, size_t(size));
            m_outFill += size;
            if (m_outFill == m_out.size()) {
                m_outFill = -1;
                network->enqueue(this, std::exchange(m_out, QByteArray()));
            }
            return size;
        }
        // More than the frame: cut below, as any stream.
        m_out.truncate(m_outFill);
        m_outFill = -1;
    }
    if (m_out.isEmpty() && size >= kFrameHeaderSize) {
        const qint64 length = qint64(qFromBigEndian<quint32>(data)) + kFrameHeaderSize;
        // One whole frame in one write: no partial frame to join.
        if (length == size) {
            QByteArray frame = network->frameBuffer(size);
            std::memcpy(frame.data(), data, size_t(size));
            network->enqueue(this, std::move(frame));
            return size;
        }
        // The start of a frame (the channel writes the header, then the payload): the frame
        // at its full length, filled as the rest comes.
        if (length > size && length <= kReserveLimit && length <= kDefaultMaxFrameSize + kFrameHeaderSize) {
            m_out = network->frameBuffer(length);
            std::memcpy(m_out.data(), data, size_t(size));
            m_outFill = size;
            return size;
        }
    }
    // Cut the stream into whole frames; the channel writes a header and then its payload.
    m_out.append(data, size);
    while (m_out.size() >= kFrameHeaderSize) {
        const qint64 length = qFromBigEndian<quint32>(m_out.constData()) + kFrameHeaderSize;
        if (length > kDefaultMaxFrameSize + kFrameHeaderSize) {
            // Not aiomas framing (an HTTP line reads as a length of about 1.2 GB): from here on
            // the bytes are passed on as they are written, never held for a frame that will not come.
            m_raw = true;
            network->enqueue(this, std::exchange(m_out, QByteArray()), LocalNetworkPrivate::Item::Raw);
            break;
        }
        if (m_out.size() < length)
            break;
        if (m_out.size() == length) {
            network->enqueue(this, std::exchange(m_out, QByteArray()));
            break;
        }
        network->enqueue(this, m_out.first(length));
        m_out.remove(0, length);
    }
    return size;
}

} // namespace mas
