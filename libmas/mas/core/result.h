// SPDX-License-Identifier: MIT
#pragma once

#include <mas/core/error.h>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace mas {

namespace detail {
/// Stops the program: `what` (e.g. "Result::value()") was used on a Result holding `error`.
/// The message carries the error's own text. Never returns.
[[noreturn]] MAS_EXPORT void resultMisused(const char *what, const Error &error);
/// The error of a default-constructed Result<T>.
MAS_EXPORT Error noResultError();
} // namespace detail

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
///
/// Checked access: `value()`, `operator*` and `operator->` on a Result that holds an error stop
/// the program (qFatal) with that error's text ("Result::value() on an error: Address already
/// in use"), never an exception; test the Result first, or use `valueOr()`. In short programs
/// and examples `.value()` is therefore an assertion that prints why it failed.
/// `error()` is always safe: on a Result holding a value it returns a default Error whose
/// `isError()` is false (so diagnostics such as `QVERIFY2(r, qPrintable(r.error().toString()))`
/// may evaluate it either way).
///
/// The default constructor is explicit: `Result<int> r;` (what generic code such as
/// QCoro::waitFor() needs) is an error (AiomasError, "No result: a default-constructed
/// mas::Result"), until a value or an error is assigned; `return {};` and `= {}` do not compile, so a
/// Result<T> never silently becomes an error where a success was meant. `Result<void>` differs
/// on purpose: its default, and `return {};`, are success. Where "not yet" matters, prefer
/// `std::optional<Result<T>>`.
template<class T>
class [[nodiscard]] Result
{
    static_assert(!std::is_same_v<std::remove_cvref_t<T>, Error>, "Result<Error> is ambiguous");

public:
    /// An error ("No result") until assigned; explicit, see the class comment.
    explicit Result()
        : m_data(std::in_place_index<1>, detail::noResultError())
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

    /// The value; on an error, stops the program with the error's text (see the class comment).
    T &value() &
    {
        check("Result::value()");
        return *std::get_if<0>(&m_data);
    }
    const T &value() const &
    {
        check("Result::value()");
        return *std::get_if<0>(&m_data);
    }
    T &&value() &&
    {
        check("Result::value()");
        return std::move(*std::get_if<0>(&m_data));
    }
    T &operator*() &
    {
        check("Result::operator*");
        return *std::get_if<0>(&m_data);
    }
    const T &operator*() const &
    {
        check("Result::operator*");
        return *std::get_if<0>(&m_data);
    }
    T &&operator*() &&
    {
        check("Result::operator*");
        return std::move(*std::get_if<0>(&m_data));
    }
    T *operator->()
    {
        check("Result::operator->");
        return std::get_if<0>(&m_data);
    }
    const T *operator->() const
    {
        check("Result::operator->");
        return std::get_if<0>(&m_data);
    }

    /// The value, or `fallback` on error.
    T valueOr(T fallback) const & { return hasValue() ? *std::get_if<0>(&m_data) : std::move(fallback); }

    /// The error; a default Error (`isError()` false) when there is a value.
    Error error() const { return hasValue() ? Error() : *std::get_if<1>(&m_data); }

private:
    void check(const char *what) const
    {
        if (!hasValue()) [[unlikely]]
            detail::resultMisused(what, *std::get_if<1>(&m_data));
    }

    std::variant<T, Error> m_data;
};

/// Result of an operation that yields nothing but may fail. Default-constructed: success.
template<>
class [[nodiscard]] Result<void>
{
public:
    /// Success.
    Result() = default;
    Result(Error error)
    {
        if (error.isError())
            m_error = std::move(error);
    }
    bool hasValue() const { return !m_error.has_value(); }
    explicit operator bool() const { return hasValue(); }
    Error error() const { return m_error.value_or(Error()); }
    /// Nothing to return; on an error, stops the program with the error's text (an assertion
    /// that prints why, as Result<T>::value()).
    void value() const
    {
        if (m_error) [[unlikely]]
            detail::resultMisused("Result<void>::value()", *m_error);
    }

private:
    std::optional<Error> m_error;
};

/// Propagates an error out of a function that returns a Result: `MAS_TRY(x, parse(...));`
/// declares `x` with the value, or returns the error. In a coroutine use MAS_CO_TRY.
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

/// MAS_TRY for coroutines returning `QCoro::Task<Result<U>>`: `expr` may be a `co_await`;
/// declares `var` with the value, or `co_return`s the error.
/// \code
/// MAS_CO_TRY(client, co_await mas::rpc::openConnection(address));
/// \endcode
#define MAS_CO_TRY(var, expr)                                                                      \
    auto var##_result = (expr);                                                                    \
    if (!var##_result)                                                                             \
        co_return var##_result.error();                                                            \
    auto var = std::move(var##_result).value()

/// MAS_TRY_VOID for coroutines: `co_return`s the error of a Result<void> expression, if any.
#define MAS_CO_TRY_VOID(expr)                                                                      \
    do {                                                                                           \
        if (auto mas_try_r = (expr); !mas_try_r)                                                   \
            co_return mas_try_r.error();                                                           \
    } while (false)

} // namespace mas
