// SPDX-License-Identifier: MIT
#pragma once

// Strict UTF-8 decoding, as Python's decoder: no overlong forms, no encoded surrogates,
// nothing above U+10FFFF, no truncated sequences.

#include <QString>

namespace mas::detail {

/// Decodes one code point at `p` (which must be < `end`); returns the number of bytes used,
/// or 0 for an invalid or truncated sequence.
inline int decodeUtf8Char(const unsigned char *p, const unsigned char *end, char32_t &cp)
{
    const unsigned char c = p[0];
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    int len;
    char32_t min;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (end - p < len)
        return 0;
    for (int i = 1; i < len; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

inline void appendCodePoint(QString &out, char32_t cp)
{
    if (cp < 0x10000) {
        out.append(QChar(char16_t(cp)));
    } else {
        out.append(QChar::highSurrogate(cp));
        out.append(QChar::lowSurrogate(cp));
    }
}

/// Decodes `n` bytes of UTF-8 into a QString; returns false (and the offset of the bad byte)
/// on invalid input.
inline bool decodeUtf8(const char *data, qsizetype n, QString &out, qsizetype *errorOffset = nullptr)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    const auto *end = p + n;
    const auto *ascii = p;
    while (ascii < end && *ascii < 0x80)
        ++ascii;
    if (ascii == end) { // the common case: pure ASCII
        out = QString::fromLatin1(data, n);
        return true;
    }
    out.clear();
    out.reserve(n);
    out.append(QLatin1StringView(data, ascii - p));
    for (const unsigned char *q = ascii; q < end;) {
        char32_t cp;
        const int len = decodeUtf8Char(q, end, cp);
        if (len == 0) {
            if (errorOffset)
                *errorOffset = q - p;
            return false;
        }
        appendCodePoint(out, cp);
        q += len;
    }
    return true;
}

} // namespace mas::detail
