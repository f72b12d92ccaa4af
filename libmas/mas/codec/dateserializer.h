// SPDX-License-Identifier: MIT
#pragma once

#include <mas/codec/serializerregistry.h>
#include <mas/core/mas_export.h>

#include <QDateTime>

namespace mas {

/// aiomas's arrow date serializer for QDateTime: ISO 8601 with the UTC offset,
/// "2016-01-01T00:01:30+00:00", with a 6-digit fraction only when it is not zero
/// ("2016-01-01T00:00:00.500000+01:00"). Containers register it first (type id 0).
MAS_EXPORT Result<int> addDateSerializer(SerializerRegistry &registry);

/// Formats a date as aiomas's serializer does (see addDateSerializer()).
MAS_EXPORT QString formatIsoDate(const QDateTime &date);
/// Parses "YYYY-MM-DDTHH:MM:SS[.ffffff][Z|+HH:MM|-HH:MM]" (a space may replace the "T";
/// no offset means UTC). Fractions beyond milliseconds are truncated (QDateTime's precision).
MAS_EXPORT Result<QDateTime> parseIsoDate(QStringView text);

} // namespace mas
