// SPDX-License-Identifier: MIT
#include "statecondition.h"

#include "logging_p.h"
#include "systemagent.h"

#include <QCoreApplication>
#include <QPointer>

#include <cmath>
#include <algorithm>
#include <functional>
#include <limits>
#include <optional>

namespace mas::system {

namespace {

struct StateConditionText
{
    Q_DECLARE_TR_FUNCTIONS(mas::system::StateCondition)
};

constexpr int kMaxLength = 2000; // characters of a condition
constexpr int kMaxDepth = 64;    // nested parentheses, calls, not
constexpr int kMaxNames = 8;     // agents named in a sentence

} // namespace

struct StateCondition::Node
{
    enum class Kind { Literal, Field, Member, Agent, Has, Aggregate, Not, And, Or, Compare, Add, Sub, Neg };
    enum class Aggregate { Count, Any, All, None, Sum, Min, Max };
    enum class Comparison { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };
    Kind kind = Kind::Literal;
    Aggregate aggregate = Aggregate::Count;
    Comparison comparison = Comparison::Equal;
    Value literal;  // Literal; Agent: the selector (a string or an index)
    QString name;   // Field, Member, Has: the field's name
    std::shared_ptr<const Node> a, b;
    int begin = 0; // offsets into the text: [begin, end)
    int end = 0;
};

namespace {

using Node = StateCondition::Node;
using NodePtr = std::shared_ptr<const Node>;

// ---- tokens ----

struct Token
{
    enum class Kind { End, Identifier, Number, String, Symbol };
    Kind kind = Kind::End;
    QString text; // Identifier, Symbol: as written; String: the value
    Value number;
    int begin = 0;
    int end = 0;
};

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

QString quoted(const QString &text)
{
    return QStringLiteral("\"%1\"").arg(text);
}

// ---- the parser ----

class Parser
{
public:
    explicit Parser(const QString &text) : m_text(text) {}

    Result<NodePtr> parse()
    {
        if (m_text.size() > kMaxLength)
            return fail(kMaxLength, StateConditionText::tr("the condition is longer than %1 characters").arg(kMaxLength));
        if (m_text.trimmed().isEmpty())
            return fail(0, StateConditionText::tr("the condition is empty"));
        if (!next())
            return *m_error;
        Result<NodePtr> root = parseOr();
        if (!root)
            return root;
        if (m_token.kind != Token::Kind::End)
            return fail(m_token.begin, StateConditionText::tr("unexpected %1; expected and, or or the end").arg(describe(m_token)));
        return root;
    }

    int errorColumn() const { return m_errorColumn; }

private:
    Error fail(int offset, const QString &what)
    {
        m_errorColumn = offset + 1;
        return Error(ErrorCode::InvalidArgument, StateConditionText::tr("column %1: %2").arg(m_errorColumn).arg(what));
    }

    static QString describe(const Token &t)
    {
        switch (t.kind) {
        case Token::Kind::End:
            return StateConditionText::tr("end of the condition");
        case Token::Kind::String:
            return StateConditionText::tr("the string %1").arg(quoted(t.text));
        case Token::Kind::Number:
            return StateConditionText::tr("the number %1").arg(t.number.toDisplayString());
        case Token::Kind::Identifier:
        case Token::Kind::Symbol:
            break;
        }
        return QStringLiteral("\"%1\"").arg(t.text);
    }

    /// Reads the next token into m_token; false (m_error set) for bad input.
    bool next()
    {
        m_previousEnd = m_token.end;
        int i = m_pos;
        while (i < m_text.size() && m_text[i].isSpace())
            ++i;
        Token t;
        t.begin = i;
        if (i >= m_text.size()) {
            t.kind = Token::Kind::End;
            t.end = i;
            m_token = t;
            m_pos = i;
            return true;
        }
        const QChar c = m_text[i];
        if (isIdentifierStart(c)) {
            int j = i + 1;
            while (j < m_text.size() && isIdentifierPart(m_text[j]))
                ++j;
            t.kind = Token::Kind::Identifier;
            t.text = m_text.mid(i, j - i);
            t.end = j;
        } else if (c.isDigit()) {
            int j = i;
            while (j < m_text.size() && m_text[j].isDigit())
                ++j;
            bool isDouble = false;
            if (j + 1 < m_text.size() && m_text[j] == u'.' && m_text[j + 1].isDigit()) {
                isDouble = true;
                ++j;
                while (j < m_text.size() && m_text[j].isDigit())
                    ++j;
            }
            const QString digits = m_text.mid(i, j - i);
            bool ok = false;
            if (isDouble) {
                const double d = digits.toDouble(&ok);
                t.number = Value(d);
            } else {
                const qint64 n = digits.toLongLong(&ok);
                t.number = Value(n);
            }
            if (!ok) {
                m_error = fail(i, StateConditionText::tr("the number %1 is too large").arg(digits));
                return false;
            }
            if (j < m_text.size() && isIdentifierStart(m_text[j])) {
                m_error = fail(j, StateConditionText::tr("a number runs into a name; put a space or an operator between them"));
                return false;
            }
            t.kind = Token::Kind::Number;
            t.end = j;
        } else if (c == u'"' || c == u'\'') {
            QString value;
            int j = i + 1;
            bool closed = false;
            while (j < m_text.size()) {
                const QChar d = m_text[j];
                if (d == c) {
                    closed = true;
                    ++j;
                    break;
                }
                if (d == u'\\' && j + 1 < m_text.size()) {
                    value += m_text[j + 1];
                    j += 2;
                    continue;
                }
                value += d;
                ++j;
            }
            if (!closed) {
                m_error = fail(i, StateConditionText::tr("the string has no closing quote"));
                return false;
            }
            t.kind = Token::Kind::String;
            t.text = value;
            t.end = j;
        } else {
            static const QStringList symbols{QStringLiteral("=="), QStringLiteral("!="), QStringLiteral("<="),
                                             QStringLiteral(">="), QStringLiteral("&&"), QStringLiteral("||"),
                                             QStringLiteral("<"),  QStringLiteral(">"),  QStringLiteral("!"),
                                             QStringLiteral("("),  QStringLiteral(")"),  QStringLiteral("."),
                                             QStringLiteral("+"),  QStringLiteral("-")};
            for (const QString &symbol : symbols) {
                if (QStringView(m_text).mid(i).startsWith(symbol)) {
                    t.kind = Token::Kind::Symbol;
                    t.text = symbol;
                    t.end = i + int(symbol.size());
                    break;
                }
            }
            if (t.kind != Token::Kind::Symbol) {
                if (c == u'=') {
                    m_error = fail(i, StateConditionText::tr("\"=\" is no comparison; write \"==\""));
                    return false;
                }
                m_error = fail(i, StateConditionText::tr("unexpected character \"%1\"").arg(c));
                return false;
            }
        }
        m_token = t;
        m_pos = t.end;
        return true;
    }

    bool isSymbol(QStringView symbol) const { return m_token.kind == Token::Kind::Symbol && m_token.text == symbol; }
    bool isWord(QStringView word) const { return m_token.kind == Token::Kind::Identifier && m_token.text == word; }

    std::shared_ptr<Node> make(Node::Kind kind, int begin)
    {
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->begin = begin;
        node->end = m_previousEnd;
        return node;
    }

    NodePtr binary(Node::Kind kind, NodePtr a, NodePtr b)
    {
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->begin = a->begin;
        node->end = b->end;
        node->a = std::move(a);
        node->b = std::move(b);
        return node;
    }

    Result<NodePtr> parseOr()
    {
        MAS_TRY(left, parseAnd());
        NodePtr node = left;
        while (isWord(u"or") || isSymbol(u"||")) {
            if (!next())
                return *m_error;
            MAS_TRY(right, parseAnd());
            node = binary(Node::Kind::Or, node, right);
        }
        return node;
    }

    Result<NodePtr> parseAnd()
    {
        MAS_TRY(left, parseNot());
        NodePtr node = left;
        while (isWord(u"and") || isSymbol(u"&&")) {
            if (!next())
                return *m_error;
            MAS_TRY(right, parseNot());
            node = binary(Node::Kind::And, node, right);
        }
        return node;
    }

    Result<NodePtr> parseNot()
    {
        if (isWord(u"not") || isSymbol(u"!")) {
            const int begin = m_token.begin;
            if (++m_depth > kMaxDepth)
                return fail(begin, StateConditionText::tr("nested too deeply"));
            if (!next())
                return *m_error;
            MAS_TRY(operand, parseNot());
            --m_depth;
            auto node = make(Node::Kind::Not, begin);
            node->a = operand;
            return NodePtr(node);
        }
        return parseComparison();
    }

    std::optional<Node::Comparison> comparison() const
    {
        if (m_token.kind != Token::Kind::Symbol)
            return std::nullopt;
        if (m_token.text == u"==")
            return Node::Comparison::Equal;
        if (m_token.text == u"!=")
            return Node::Comparison::NotEqual;
        if (m_token.text == u"<")
            return Node::Comparison::Less;
        if (m_token.text == u"<=")
            return Node::Comparison::LessEqual;
        if (m_token.text == u">")
            return Node::Comparison::Greater;
        if (m_token.text == u">=")
            return Node::Comparison::GreaterEqual;
        return std::nullopt;
    }

    Result<NodePtr> parseComparison()
    {
        MAS_TRY(left, parseSum());
        const std::optional<Node::Comparison> op = comparison();
        if (!op)
            return left;
        if (!next())
            return *m_error;
        MAS_TRY(right, parseSum());
        if (comparison())
            return fail(m_token.begin, StateConditionText::tr("comparisons do not chain; join them with and"));
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Compare;
        node->comparison = *op;
        node->begin = left->begin;
        node->end = right->end;
        node->a = left;
        node->b = right;
        return NodePtr(node);
    }

    Result<NodePtr> parseSum()
    {
        MAS_TRY(left, parseUnary());
        NodePtr node = left;
        while (isSymbol(u"+") || isSymbol(u"-")) {
            const Node::Kind kind = isSymbol(u"+") ? Node::Kind::Add : Node::Kind::Sub;
            if (!next())
                return *m_error;
            MAS_TRY(right, parseUnary());
            node = binary(kind, node, right);
        }
        return node;
    }

    Result<NodePtr> parseUnary()
    {
        if (isSymbol(u"-")) {
            const int begin = m_token.begin;
            if (++m_depth > kMaxDepth)
                return fail(begin, StateConditionText::tr("nested too deeply"));
            if (!next())
                return *m_error;
            MAS_TRY(operand, parseUnary());
            --m_depth;
            auto node = make(Node::Kind::Neg, begin);
            node->a = operand;
            return NodePtr(node);
        }
        return parsePostfix();
    }

    Result<NodePtr> parsePostfix()
    {
        MAS_TRY(base, parsePrimary());
        NodePtr node = base;
        while (isSymbol(u".")) {
            if (!next())
                return *m_error;
            if (m_token.kind != Token::Kind::Identifier)
                return fail(m_token.begin, StateConditionText::tr("expected a field name after \".\", found %1").arg(describe(m_token)));
            auto member = std::make_shared<Node>();
            member->kind = Node::Kind::Member;
            member->name = m_token.text;
            member->begin = node->begin;
            member->end = m_token.end;
            member->a = node;
            if (!next())
                return *m_error;
            node = member;
        }
        return node;
    }

    Result<void> expect(QStringView symbol)
    {
        if (!isSymbol(symbol))
            return fail(m_token.begin, StateConditionText::tr("expected \"%1\", found %2").arg(symbol.toString(), describe(m_token)));
        if (!next())
            return *m_error;
        return {};
    }

    Result<NodePtr> parsePrimary()
    {
        const Token t = m_token;
        switch (t.kind) {
        case Token::Kind::End:
            return fail(t.begin, StateConditionText::tr("unexpected end; expected a field name or a value"));
        case Token::Kind::Number:
        case Token::Kind::String: {
            if (!next())
                return *m_error;
            auto node = make(Node::Kind::Literal, t.begin);
            node->literal = t.kind == Token::Kind::Number ? t.number : Value(t.text);
            return NodePtr(node);
        }
        case Token::Kind::Symbol: {
            if (t.text != u"(")
                return fail(t.begin, StateConditionText::tr("expected a field name or a value, found %1").arg(describe(t)));
            if (++m_depth > kMaxDepth)
                return fail(t.begin, StateConditionText::tr("nested too deeply"));
            if (!next())
                return *m_error;
            MAS_TRY(inner, parseOr());
            MAS_TRY_VOID(expect(u")"));
            --m_depth;
            return inner;
        }
        case Token::Kind::Identifier:
            break;
        }
        if (t.text == u"true" || t.text == u"false" || t.text == u"null") {
            if (!next())
                return *m_error;
            auto node = make(Node::Kind::Literal, t.begin);
            node->literal = t.text == u"null" ? Value() : Value(t.text == u"true");
            return NodePtr(node);
        }
        if (t.text == u"and" || t.text == u"or" || t.text == u"not")
            return fail(t.begin, StateConditionText::tr("expected a field name or a value, found \"%1\"").arg(t.text));
        if (!next())
            return *m_error;
        if (!isSymbol(u"(")) {
            // A field: the current agent's, inside an aggregate.
            if (m_aggregates == 0)
                return fail(t.begin, StateConditionText::tr("the field \"%1\" needs its agents: write count(%1), any(%1), "
                                                            "all(%1) or agent(\"name\").%1")
                                         .arg(t.text));
            auto node = make(Node::Kind::Field, t.begin);
            node->name = t.text;
            return NodePtr(node);
        }
        // A function.
        static const QList<std::pair<QString, Node::Aggregate>> aggregates{
            {QStringLiteral("count"), Node::Aggregate::Count}, {QStringLiteral("any"), Node::Aggregate::Any},
            {QStringLiteral("all"), Node::Aggregate::All},     {QStringLiteral("none"), Node::Aggregate::None},
            {QStringLiteral("sum"), Node::Aggregate::Sum},     {QStringLiteral("min"), Node::Aggregate::Min},
            {QStringLiteral("max"), Node::Aggregate::Max}};
        if (++m_depth > kMaxDepth)
            return fail(t.begin, StateConditionText::tr("nested too deeply"));
        if (!next()) // the "("
            return *m_error;
        std::shared_ptr<Node> node;
        if (t.text == u"agent") {
            if (m_token.kind != Token::Kind::String
                && !(m_token.kind == Token::Kind::Number && m_token.number.isInteger()))
                return fail(m_token.begin, StateConditionText::tr("agent() takes a name or address in quotes, or an "
                                                                  "index from 0; found %1")
                                               .arg(describe(m_token)));
            const Value selector = m_token.kind == Token::Kind::String ? Value(m_token.text) : m_token.number;
            if (!next())
                return *m_error;
            MAS_TRY_VOID(expect(u")"));
            node = make(Node::Kind::Agent, t.begin);
            node->literal = selector;
        } else if (t.text == u"has") {
            if (m_aggregates == 0)
                return fail(t.begin, StateConditionText::tr("has() needs its agents: write count(has(field)) or "
                                                            "all(has(field))"));
            if (m_token.kind != Token::Kind::Identifier)
                return fail(m_token.begin, StateConditionText::tr("expected a field name, found %1").arg(describe(m_token)));
            const QString field = m_token.text;
            if (!next())
                return *m_error;
            MAS_TRY_VOID(expect(u")"));
            node = make(Node::Kind::Has, t.begin);
            node->name = field;
        } else {
            const auto it = std::find_if(aggregates.begin(), aggregates.end(),
                                         [&t](const auto &entry) { return entry.first == t.text; });
            if (it == aggregates.end())
                return fail(t.begin, StateConditionText::tr("unknown function \"%1\"; the functions are count, any, "
                                                            "all, none, sum, min, max, has and agent")
                                         .arg(t.text));
            ++m_aggregates;
            Result<NodePtr> inner = parseOr();
            --m_aggregates;
            if (!inner)
                return inner;
            MAS_TRY_VOID(expect(u")"));
            node = make(Node::Kind::Aggregate, t.begin);
            node->aggregate = it->second;
            node->name = t.text;
            node->a = *inner;
        }
        --m_depth;
        return NodePtr(node);
    }

    const QString &m_text;
    int m_pos = 0;
    int m_previousEnd = 0;
    Token m_token;
    std::optional<Error> m_error;
    int m_errorColumn = 0;
    int m_depth = 0;
    int m_aggregates = 0;
};

// ---- evaluation ----

bool isNumber(const Value &v)
{
    return v.isInteger() || v.isDouble();
}

/// What kind of value `v` is, for people.
QString kindName(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null:
        return StateConditionText::tr("null");
    case Value::Type::Bool:
        return StateConditionText::tr("true or false");
    case Value::Type::Int:
    case Value::Type::UInt:
    case Value::Type::BigInt:
    case Value::Type::Double:
        return StateConditionText::tr("number");
    case Value::Type::String:
        return StateConditionText::tr("string");
    case Value::Type::Bytes:
        return StateConditionText::tr("bytes");
    case Value::Type::List:
        return StateConditionText::tr("list");
    case Value::Type::Map:
        return StateConditionText::tr("map");
    case Value::Type::Object:
        break;
    }
    return StateConditionText::tr("object");
}

bool isSet(const Value &v)
{
    return !(v.isNull() || (v.isBool() && !v.toBool()));
}

bool equal(const Value &a, const Value &b)
{
    if (a.type() == Value::Type::Int && b.type() == Value::Type::Int)
        return a.toInt() == b.toInt();
    if (isNumber(a) && isNumber(b))
        return a.toDouble() == b.toDouble();
    return a == b;
}

/// -1, 0, 1, or nullopt when the two do not order (not both numbers, not both strings).
std::optional<int> order(const Value &a, const Value &b)
{
    if (a.type() == Value::Type::Int && b.type() == Value::Type::Int)
        return a.toInt() < b.toInt() ? -1 : (a.toInt() > b.toInt() ? 1 : 0);
    if (isNumber(a) && isNumber(b)) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        if (std::isnan(x) || std::isnan(y))
            return std::nullopt;
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.isString() && b.isString()) {
        const int c = a.stringRef().compare(b.stringRef());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    return std::nullopt;
}

class Evaluator
{
public:
    Evaluator(const QString &text, const QList<AgentState> &states) : m_text(text), m_states(states) {}

    Result<Value> eval(const Node &n, const AgentState *agent, int nesting)
    {
        switch (n.kind) {
        case Node::Kind::Literal:
            return n.literal;
        case Node::Kind::Field:
            return field(*agent, n.name);
        case Node::Kind::Has: {
            const auto &fields = agent->fields;
            return Value(std::any_of(fields.begin(), fields.end(), [&n](const Value::Entry &e) {
                return e.first.isString() && e.first.stringRef() == n.name;
            }));
        }
        case Node::Kind::Agent: {
            MAS_TRY(found, findAgent(n));
            if (nesting == 0)
                note(n, Value(), {found});
            return Value(found->fields);
        }
        case Node::Kind::Member: {
            MAS_TRY(base, eval(*n.a, agent, nesting));
            if (base.isNull())
                return Value();
            if (!base.isMap())
                return fail(n, StateConditionText::tr("%1 is a %2, which has no fields").arg(source(*n.a), kindName(base)));
            Value v = base.value(n.name);
            if (nesting == 0 && n.a->kind == Node::Kind::Agent)
                replaceNote(n, v);
            return v;
        }
        case Node::Kind::Not: {
            MAS_TRY(v, eval(*n.a, agent, nesting));
            return Value(!isSet(v));
        }
        case Node::Kind::And: {
            MAS_TRY(a, eval(*n.a, agent, nesting));
            if (!isSet(a))
                return Value(false);
            MAS_TRY(b, eval(*n.b, agent, nesting));
            return Value(isSet(b));
        }
        case Node::Kind::Or: {
            MAS_TRY(a, eval(*n.a, agent, nesting));
            if (isSet(a))
                return Value(true);
            MAS_TRY(b, eval(*n.b, agent, nesting));
            return Value(isSet(b));
        }
        case Node::Kind::Compare: {
            MAS_TRY(a, eval(*n.a, agent, nesting));
            MAS_TRY(b, eval(*n.b, agent, nesting));
            switch (n.comparison) {
            case Node::Comparison::Equal:
                return Value(equal(a, b));
            case Node::Comparison::NotEqual:
                return Value(!equal(a, b));
            default:
                break;
            }
            const std::optional<int> o = order(a, b);
            if (!o)
                return Value(false);
            switch (n.comparison) {
            case Node::Comparison::Less:
                return Value(*o < 0);
            case Node::Comparison::LessEqual:
                return Value(*o <= 0);
            case Node::Comparison::Greater:
                return Value(*o > 0);
            default:
                return Value(*o >= 0);
            }
        }
        case Node::Kind::Neg: {
            MAS_TRY(v, eval(*n.a, agent, nesting));
            if (v.isNull())
                return Value();
            if (v.type() == Value::Type::Int && v.toInt() != std::numeric_limits<qint64>::min())
                return Value(-v.toInt());
            if (!isNumber(v))
                return fail(n, StateConditionText::tr("- needs a number, not: %1").arg(kindName(v)));
            return Value(-v.toDouble());
        }
        case Node::Kind::Add:
        case Node::Kind::Sub: {
            MAS_TRY(a, eval(*n.a, agent, nesting));
            MAS_TRY(b, eval(*n.b, agent, nesting));
            if (a.isNull() || b.isNull())
                return Value();
            if (!isNumber(a) || !isNumber(b))
                return fail(n, StateConditionText::tr("%1 needs numbers, not: %2 and %3")
                                   .arg(n.kind == Node::Kind::Add ? QStringLiteral("+") : QStringLiteral("-"),
                                        kindName(a), kindName(b)));
            if (a.type() == Value::Type::Int && b.type() == Value::Type::Int) {
                qint64 r = 0;
                const bool overflow = n.kind == Node::Kind::Add ? __builtin_add_overflow(a.toInt(), b.toInt(), &r)
                                                                : __builtin_sub_overflow(a.toInt(), b.toInt(), &r);
                if (!overflow)
                    return Value(r);
            }
            return Value(n.kind == Node::Kind::Add ? a.toDouble() + b.toDouble() : a.toDouble() - b.toDouble());
        }
        case Node::Kind::Aggregate:
            return aggregate(n, nesting);
        }
        return Value();
    }

    struct Note
    {
        const Node *node = nullptr;
        Value value;
        QList<const AgentState *> agents;
    };
    QList<Note> notes;

private:
    Error fail(const Node &n, const QString &what) const
    {
        return Error(ErrorCode::InvalidArgument, StateConditionText::tr("column %1: %2").arg(n.begin + 1).arg(what));
    }

    QString source(const Node &n) const { return m_text.mid(n.begin, n.end - n.begin); }

    static Value field(const AgentState &agent, const QString &name)
    {
        for (const Value::Entry &e : agent.fields) {
            if (e.first.isString() && e.first.stringRef() == name)
                return e.second;
        }
        return Value();
    }

    Result<const AgentState *> findAgent(const Node &n) const
    {
        const Value &selector = n.literal;
        if (selector.isInteger()) {
            const qint64 index = selector.toInt();
            if (index >= 0 && index < m_states.size())
                return &m_states[qsizetype(index)];
            return fail(n, StateConditionText::tr("there is no agent %1: the indices go from 0 to %2")
                               .arg(index)
                               .arg(m_states.size() - 1));
        }
        const QString text = selector.toString();
        for (const AgentState &s : m_states) {
            if (s.address == text || s.name == text)
                return &s;
        }
        // "node 2" names "node 2 (id 46)"; any case.
        for (const AgentState &s : m_states) {
            if (s.name.compare(text, Qt::CaseInsensitive) == 0
                || s.name.startsWith(text + QStringLiteral(" ("), Qt::CaseInsensitive))
                return &s;
        }
        QStringList names;
        for (const AgentState &s : m_states)
            names.append(quoted(s.name));
        return fail(n, StateConditionText::tr("there is no agent %1; the agents are %2")
                           .arg(quoted(text), names.join(QStringLiteral(", "))));
    }

    void note(const Node &n, const Value &value, QList<const AgentState *> agents)
    {
        notes.append(Note{&n, value, std::move(agents)});
    }

    void replaceNote(const Node &member, const Value &value)
    {
        if (!notes.isEmpty() && notes.back().node == member.a.get())
            notes.back() = Note{&member, value, notes.back().agents};
    }

    Result<Value> aggregate(const Node &n, int nesting)
    {
        QList<const AgentState *> matched;
        Value result;
        qint64 count = 0;
        std::optional<Value> extreme;
        qint64 intSum = 0;
        double doubleSum = 0;
        bool isDoubleSum = false;
        for (const AgentState &s : m_states) {
            MAS_TRY(v, eval(*n.a, &s, nesting + 1));
            switch (n.aggregate) {
            case Node::Aggregate::Count:
            case Node::Aggregate::Any:
            case Node::Aggregate::All:
            case Node::Aggregate::None:
                if (isSet(v)) {
                    ++count;
                    matched.append(&s);
                }
                break;
            case Node::Aggregate::Sum:
            case Node::Aggregate::Min:
            case Node::Aggregate::Max:
                if (v.isNull())
                    break;
                if (!isNumber(v))
                    return fail(n, StateConditionText::tr("%1() needs numbers, but %2 has a %3")
                                       .arg(n.name, s.name, kindName(v)));
                matched.append(&s);
                if (n.aggregate == Node::Aggregate::Sum) {
                    if (!isDoubleSum && v.type() == Value::Type::Int
                        && !__builtin_add_overflow(intSum, v.toInt(), &intSum))
                        break;
                    if (!isDoubleSum) {
                        isDoubleSum = true;
                        doubleSum = double(intSum);
                    }
                    doubleSum += v.toDouble();
                } else if (!extreme || (n.aggregate == Node::Aggregate::Min ? order(v, *extreme).value_or(0) < 0
                                                                             : order(v, *extreme).value_or(0) > 0)) {
                    extreme = v;
                }
                break;
            }
        }
        switch (n.aggregate) {
        case Node::Aggregate::Count:
            result = Value(count);
            break;
        case Node::Aggregate::Any:
            result = Value(count > 0);
            break;
        case Node::Aggregate::All:
            result = Value(count == m_states.size());
            break;
        case Node::Aggregate::None:
            result = Value(count == 0);
            break;
        case Node::Aggregate::Sum:
            result = isDoubleSum ? Value(doubleSum) : Value(intSum);
            break;
        case Node::Aggregate::Min:
        case Node::Aggregate::Max:
            result = extreme.value_or(Value());
            if (extreme) {
                // The agents that have the extreme value.
                QList<const AgentState *> at;
                for (const AgentState *s : matched) {
                    Result<Value> v = eval(*n.a, s, nesting + 1);
                    if (v && equal(*v, *extreme))
                        at.append(s);
                }
                matched = at;
            }
            break;
        }
        if (nesting == 0)
            note(n, result, matched);
        return result;
    }

    const QString &m_text;
    const QList<AgentState> &m_states;
};

} // namespace

QList<AgentState> agentStates(const System &system)
{
    QList<AgentState> states;
    for (const SystemAgent *agent : system.agents()) {
        if (!agent)
            continue;
        AgentState s;
        s.address = agent->address();
        s.name = agent->displayName();
        s.index = int(states.size());
        s.fields = agent->stateFields();
        states.append(std::move(s));
    }
    return states;
}

Result<StateCondition> StateCondition::parse(const QString &text, int *errorColumn)
{
    Parser parser(text);
    Result<NodePtr> root = parser.parse();
    if (errorColumn)
        *errorColumn = root ? 0 : parser.errorColumn();
    if (!root) {
        qCDebug(lcSystem).noquote() << "state condition" << quoted(text) << root.error().message();
        return root.error();
    }
    StateCondition condition;
    condition.m_text = text;
    condition.m_root = *root;
    return condition;
}

Result<StateCondition::Evaluation> StateCondition::evaluate(const QList<AgentState> &states) const
{
    if (!m_root)
        return Error(ErrorCode::InvalidArgument, StateConditionText::tr("no condition"));
    Evaluator evaluator(m_text, states);
    MAS_TRY(value, evaluator.eval(*m_root, nullptr, 0));
    Evaluation e;
    e.holds = isSet(value);
    QStringList parts;
    QList<const AgentState *> involved;
    for (const Evaluator::Note &n : std::as_const(evaluator.notes)) {
        QString part = m_text.mid(n.node->begin, n.node->end - n.node->begin);
        if (n.node->kind != Node::Kind::Agent)
            part += QStringLiteral(" = ") + n.value.toDisplayString(60);
        if (n.node->kind == Node::Kind::Aggregate && !n.agents.isEmpty()) {
            QStringList names;
            for (const AgentState *s : n.agents) {
                if (names.size() == kMaxNames) {
                    names.append(StateConditionText::tr("%n more", nullptr, int(n.agents.size()) - kMaxNames));
                    break;
                }
                names.append(s->name);
            }
            part += QStringLiteral(": ") + names.join(QStringLiteral(", "));
        }
        parts.append(part);
        for (const AgentState *s : n.agents) {
            if (!involved.contains(s))
                involved.append(s);
        }
    }
    std::sort(involved.begin(), involved.end(), [](const AgentState *a, const AgentState *b) { return a->index < b->index; });
    for (const AgentState *s : involved)
        e.agents.append(s->name);
    e.sentence = parts.isEmpty() ? (e.holds ? StateConditionText::tr("%1 holds").arg(m_text)
                                            : StateConditionText::tr("%1 does not hold").arg(m_text))
                                 : parts.join(QStringLiteral("; "));
    return e;
}

Result<StateCondition::Evaluation> StateCondition::evaluate(const System &system) const
{
    return evaluate(agentStates(system));
}

bool StateCondition::holds(const System &system) const
{
    Result<Evaluation> e = evaluate(system);
    return e && e->holds;
}

Invariant StateCondition::invariant(System *system) const
{
    QPointer<System> guarded(system);
    const StateCondition condition = *this;
    Invariant invariant;
    invariant.id = m_text;
    invariant.name = m_text;
    invariant.description = StateConditionText::tr("The state condition %1 never holds.").arg(m_text);
    invariant.holds = [guarded, condition] { return !guarded || !condition.holds(*guarded); };
    invariant.explain = [guarded, condition]() -> QString {
        if (!guarded)
            return {};
        Result<Evaluation> e = condition.evaluate(*guarded);
        return e ? e->sentence : e.error().message();
    };
    return invariant;
}

} // namespace mas::system
