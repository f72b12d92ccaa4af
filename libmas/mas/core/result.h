// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/error.h>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace mas {

/// The outcome of an operation: a value of type T, or an Error.
///
/// Exceptions never cross libmas's public API; operations return Result<T> instead.
/// \code
/// mas::Result<int> r = value.to<int>();
/// if (!r)
///     qWarning() << r.error();
/// else
///     use(*r);
/// \endcode
template<class T>
class [[nodiscard]] Result
{
    static_assert(!std::is_same_v<std::remove_cvref_t<T>, Error>, "Result<Error> is ambiguous");

public:
    /// An empty result (an error saying so); lets Result be used where a default is needed.
    Result()
        : m_data(std::in_place_index<1>, Error(ErrorCode::AiomasError, QStringLiteral("no result")))
    {}
    Result(const T &value)
        : m_data(std::in_place_index<0>, value)
    {}
    Result(T &&value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}
    template<class U>
        requires(std::is_constructible_v<T, U &&> && !std::is_same_v<std::remove_cvref_t<U>, T>
                 && !std::is_same_v<std::remove_cvref_t<U>, Error>
                 && !std::is_same_v<std::remove_cvref_t<U>, Result>)
    Result(U &&value)
        : m_data(std::in_place_index<0>, T(std::forward<U>(value)))
    {}

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    /// The value, or `fallback` on error.
    T valueOr(T fallback) const & { return hasValue() ? value() : std::move(fallback); }

    /// The error; a default (NoError) Error when there is a value.
    Error error() const { return hasValue() ? Error() : std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that yields nothing but may fail.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
    {
        if (error.isError())
            m_error = std::move(error);
    }
    bool hasValue() const { return !m_error.has_value(); }
    explicit operator bool() const { return hasValue(); }
    Error error() const { return m_error.value_or(Error()); }

private:
    std::optional<Error> m_error;
};

/// Propagates an error out of a function that returns a Result: `MAS_TRY(x, parse(...));`
#define MAS_TRY(var, expr)                                                                         \
    auto var##_result = (expr);                                                                    \
    if (!var##_result)                                                                             \
        return var##_result.error();                                                               \
    auto var = std::move(var##_result).value()

/// Returns the error of a Result<void> expression, if any.
#define MAS_TRY_VOID(expr)                                                                         \
    do {                                                                                           \
        if (auto mas_try_r = (expr); !mas_try_r)                                                   \
            return mas_try_r.error();                                                              \
    } while (false)

} // namespace mas
