// SPDX-License-Identifier: MIT
// The state condition language (mas::system::StateCondition): parsing, evaluation over agents'
// structured states, the sentence saying which agents made it true, errors with their column,
// and bad input that must not crash (a fuzz loop with a fixed seed).
#include <mas/system/statecondition.h>

#include <QtTest>

#include <random>

using mas::Value;
using mas::system::AgentState;
using mas::system::StateCondition;

namespace {

AgentState agent(int index, const QString &name, Value::Map fields)
{
    AgentState s;
    s.index = index;
    s.name = name;
    s.address = QStringLiteral("local://demo-%1/0").arg(index);
    s.fields = std::move(fields);
    return s;
}

/// Three nodes of a leader election, two of them leaders (node 1 and node 3), node 2 without a
/// "round" field.
QList<AgentState> ring()
{
    return {agent(0, QStringLiteral("node 1 (id 25)"),
                  {{Value("ring_id"), Value(25)}, {Value("leader"), Value(25)}, {Value("is_leader"), Value(true)},
                   {Value("round"), Value(3)}, {Value("decided"), Value(true)}, {Value("phase"), Value("done")},
                   {Value("info"), Value(Value::Map{{Value("epoch"), Value(2)}})}}),
            agent(1, QStringLiteral("node 2 (id 46)"),
                  {{Value("ring_id"), Value(46)}, {Value("leader"), Value()}, {Value("is_leader"), Value(false)},
                   {Value("decided"), Value(true)}, {Value("phase"), Value("wait")}}),
            agent(2, QStringLiteral("node 3 (id 97)"),
                  {{Value("ring_id"), Value(97)}, {Value("leader"), Value(97)}, {Value("is_leader"), Value(true)},
                   {Value("round"), Value(1)}, {Value("decided"), Value(false)}, {Value("phase"), Value("done")}})};
}

} // namespace

class TestStateCondition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("holds");
        QTest::newRow("count") << "count(leader) > 1" << true;
        QTest::newRow("count is_leader") << "count(is_leader) == 2" << true;
        QTest::newRow("count not") << "count(not is_leader) == 1" << true;
        QTest::newRow("any") << "any(round >= 3)" << true;
        QTest::newRow("any false") << "any(round >= 4)" << false;
        QTest::newRow("all") << "all(decided)" << false;
        QTest::newRow("all ring ids") << "all(ring_id > 20)" << true;
        QTest::newRow("none") << "none(ring_id > 100)" << true;
        QTest::newRow("agent by name") << "agent(\"node 1\").round > 2" << true;
        QTest::newRow("agent by full name") << "agent(\"node 3 (id 97)\").round == 1" << true;
        QTest::newRow("agent by address") << "agent(\"local://demo-1/0\").ring_id == 46" << true;
        QTest::newRow("agent by index") << "agent(2).ring_id == 97" << true;
        QTest::newRow("agent any case") << "agent('NODE 2').phase == 'wait'" << true;
        QTest::newRow("nested field") << "agent(0).info.epoch == 2" << true;
        QTest::newRow("field of a missing field") << "agent(1).info.epoch == null" << true;
        QTest::newRow("and or") << "any(is_leader) and (all(decided) or count(decided) == 2)" << true;
        QTest::newRow("&& || !") << "!all(decided) && (false || true)" << true;
        QTest::newRow("missing is null") << "agent(1).round == null" << true;
        QTest::newRow("missing orders never") << "agent(1).round < 5 or agent(1).round >= 5" << false;
        QTest::newRow("missing not counted") << "count(round) == 2" << true;
        QTest::newRow("has") << "count(has(round)) == 2 and count(has(leader)) == 3" << true;
        QTest::newRow("null is unset") << "count(leader) == 2" << true;
        QTest::newRow("zero is set") << "count(0) == 3" << true;
        QTest::newRow("sum") << "sum(ring_id) == 168" << true;
        QTest::newRow("min max") << "max(round) - min(round) == 2" << true;
        QTest::newRow("max of nothing") << "max(nothing) == null" << true;
        QTest::newRow("numbers") << "1 == 1.0 and 2 > 1.5 and -3 < 0 and 10 - 3 + 1 == 8" << true;
        QTest::newRow("strings") << "'abc' < 'abd' and \"a\\\"b\" == 'a\"b'" << true;
        QTest::newRow("bool is no number") << "true == 1" << false;
        QTest::newRow("mixed kinds order never") << "'3' < 4 or '3' > 4" << false;
        QTest::newRow("nested aggregates") << "count(any(is_leader)) == 3" << true;
        QTest::newRow("string compare in agents") << "count(phase == \"done\") == 2" << true;
    }

    void evaluates()
    {
        QFETCH(QString, text);
        QFETCH(bool, holds);
        auto condition = StateCondition::parse(text);
        QVERIFY2(condition, qPrintable(condition ? QString() : condition.error().message()));
        auto e = condition->evaluate(ring());
        QVERIFY2(e, qPrintable(e ? QString() : e.error().message()));
        QCOMPARE(e->holds, holds);
    }

    void sentenceNamesTheAgents()
    {
        auto e = StateCondition::parse(QStringLiteral("count(leader) > 1"))->evaluate(ring());
        QVERIFY(e && e->holds);
        QCOMPARE(e->sentence, QStringLiteral("count(leader) = 2: node 1 (id 25), node 3 (id 97)"));
        QCOMPARE(e->agents, (QStringList{QStringLiteral("node 1 (id 25)"), QStringLiteral("node 3 (id 97)")}));

        e = StateCondition::parse(QStringLiteral("agent(\"node 1\").round > 2"))->evaluate(ring());
        QVERIFY(e && e->holds);
        QCOMPARE(e->sentence, QStringLiteral("agent(\"node 1\").round = 3"));
        QCOMPARE(e->agents, QStringList{QStringLiteral("node 1 (id 25)")});

        e = StateCondition::parse(QStringLiteral("any(round >= 3)"))->evaluate(ring());
        QVERIFY(e && e->holds);
        QCOMPARE(e->sentence, QStringLiteral("any(round >= 3) = true: node 1 (id 25)"));

        e = StateCondition::parse(QStringLiteral("max(ring_id) > 90"))->evaluate(ring());
        QVERIFY(e && e->holds);
        QCOMPARE(e->sentence, QStringLiteral("max(ring_id) = 97: node 3 (id 97)"));

        e = StateCondition::parse(QStringLiteral("1 < 2"))->evaluate(ring());
        QVERIFY(e && e->holds);
        QCOMPARE(e->sentence, QStringLiteral("1 < 2 holds"));
        QVERIFY(e->agents.isEmpty());
    }

    void noAgents()
    {
        // Vacuous truth: all() of no agents holds, any() does not, count() is 0.
        auto e = StateCondition::parse(QStringLiteral("all(x) and not any(x) and count(x) == 0"))->evaluate({});
        QVERIFY(e);
        QVERIFY(e->holds);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << "" << 1 << "column 1: the condition is empty";
        QTest::newRow("blank") << "   " << 1 << "column 1: the condition is empty";
        QTest::newRow("dot without field") << "agent(1). > 2" << 11
                                           << "column 11: expected a field name after \".\", found \">\"";
        QTest::newRow("field outside") << "leader > 1" << 1
                                       << "column 1: the field \"leader\" needs its agents: write count(leader), "
                                          "any(leader), all(leader) or agent(\"name\").leader";
        QTest::newRow("single =") << "count(leader) = 1" << 15 << "column 15: \"=\" is no comparison; write \"==\"";
        QTest::newRow("unknown function") << "cnt(leader)" << 1
                                          << "column 1: unknown function \"cnt\"; the functions are count, any, all, "
                                             "none, sum, min, max, has and agent";
        QTest::newRow("missing paren") << "count(leader > 1" << 17 << "column 17: expected \")\", found end of the condition";
        QTest::newRow("trailing") << "any(x) any(y)" << 8
                                  << "column 8: unexpected \"any\"; expected and, or or the end";
        QTest::newRow("chained") << "1 < 2 < 3" << 7 << "column 7: comparisons do not chain; join them with and";
        QTest::newRow("unclosed string") << "agent(\"node 1).x" << 7 << "column 7: the string has no closing quote";
        QTest::newRow("bad character") << "any(x) # y" << 8 << "column 8: unexpected character \"#\"";
        QTest::newRow("agent selector") << "agent(x).y" << 7
                                        << "column 7: agent() takes a name or address in quotes, or an index from 0; "
                                           "found \"x\"";
        QTest::newRow("has needs a field") << "count(has(1))" << 11 << "column 11: expected a field name, found the number 1";
        QTest::newRow("end") << "count(x) >" << 11 << "column 11: unexpected end; expected a field name or a value";
        QTest::newRow("keyword as value") << "any(and)" << 5 << "column 5: expected a field name or a value, found \"and\"";
        QTest::newRow("number into name") << "any(3x)" << 6
                                          << "column 6: a number runs into a name; put a space or an operator between them";
        QTest::newRow("too large") << "any(x > 99999999999999999999)" << 9
                                   << "column 9: the number 99999999999999999999 is too large";
        QTest::newRow("deep") << QString(100, u'(') + QStringLiteral("1") + QString(100, u')') << 65
                              << "column 65: nested too deeply";
        QTest::newRow("long") << QStringLiteral("1 == ") + QString(3000, u'1') << 2001
                              << "column 2001: the condition is longer than 2000 characters";
    }

    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, column);
        QFETCH(QString, message);
        int errorColumn = -1;
        auto condition = StateCondition::parse(text, &errorColumn);
        QVERIFY(!condition);
        QCOMPARE(condition.error().message(), message);
        QCOMPARE(errorColumn, column);
    }

    void evaluationErrors()
    {
        auto e = StateCondition::parse(QStringLiteral("agent(\"node 9\").x == 1"))->evaluate(ring());
        QVERIFY(!e);
        QCOMPARE(e.error().message(), QStringLiteral("column 1: there is no agent \"node 9\"; the agents are \"node 1 "
                                                     "(id 25)\", \"node 2 (id 46)\", \"node 3 (id 97)\""));
        e = StateCondition::parse(QStringLiteral("agent(5).x == 1"))->evaluate(ring());
        QVERIFY(!e);
        QCOMPARE(e.error().message(), QStringLiteral("column 1: there is no agent 5: the indices go from 0 to 2"));
        e = StateCondition::parse(QStringLiteral("sum(phase) > 1"))->evaluate(ring());
        QVERIFY(!e);
        QCOMPARE(e.error().message(), QStringLiteral("column 1: sum() needs numbers, but node 1 (id 25) has a string"));
        e = StateCondition::parse(QStringLiteral("agent(0).phase.x == 1"))->evaluate(ring());
        QVERIFY(!e);
        QCOMPARE(e.error().message(), QStringLiteral("column 1: agent(0).phase is a string, which has no fields"));
        e = StateCondition::parse(QStringLiteral("any(phase + 1 > 2)"))->evaluate(ring());
        QVERIFY(!e);
        QCOMPARE(e.error().message(), QStringLiteral("column 5: + needs numbers, not: string and number"));
    }

    void textIsKept()
    {
        auto condition = StateCondition::parse(QStringLiteral("count(leader) > 1"));
        QVERIFY(condition);
        QCOMPARE(condition->text(), QStringLiteral("count(leader) > 1"));
        QVERIFY(condition->isValid());
        QVERIFY(!StateCondition().isValid());
        QVERIFY(!StateCondition().evaluate(ring()));
    }

    void fuzz()
    {
        // Random texts from the language's pieces and random characters: parse and evaluate
        // without a crash; every error names a column inside the text (or one past its end).
        const QStringList pieces{QStringLiteral("count("), QStringLiteral("any("), QStringLiteral("all("),
                                 QStringLiteral("none("), QStringLiteral("sum("), QStringLiteral("min("),
                                 QStringLiteral("max("), QStringLiteral("has("), QStringLiteral("agent("),
                                 QStringLiteral(")"), QStringLiteral("("), QStringLiteral("."), QStringLiteral(" and "),
                                 QStringLiteral(" or "), QStringLiteral("not "), QStringLiteral("!"),
                                 QStringLiteral("&&"), QStringLiteral("||"), QStringLiteral("=="), QStringLiteral("!="),
                                 QStringLiteral("<"), QStringLiteral(">="), QStringLiteral("+"), QStringLiteral("-"),
                                 QStringLiteral("leader"), QStringLiteral("round"), QStringLiteral("info"),
                                 QStringLiteral("epoch"), QStringLiteral("1"), QStringLiteral("2.5"),
                                 QStringLiteral("\"node 1\""), QStringLiteral("'"), QStringLiteral("\""),
                                 QStringLiteral("null"), QStringLiteral("true"), QStringLiteral(" "),
                                 QStringLiteral("99999999999999999999"), QStringLiteral("\\"), QStringLiteral("=")};
        std::mt19937 random(24);
        const QList<AgentState> states = ring();
        int parsed = 0;
        for (int i = 0; i < 20000; ++i) {
            QString text;
            const int length = int(random() % 12);
            for (int k = 0; k < length; ++k) {
                if (random() % 8 == 0)
                    text += QChar(char16_t(random() % 0x250));
                else
                    text += pieces[int(random() % pieces.size())];
            }
            int column = -1;
            auto condition = StateCondition::parse(text, &column);
            if (!condition) {
                QVERIFY2(column >= 1 && column <= text.size() + 1, qPrintable(text));
                QVERIFY(condition.error().message().startsWith(QStringLiteral("column %1: ").arg(column)));
                continue;
            }
            ++parsed;
            QCOMPARE(column, 0);
            auto e = condition->evaluate(states);
            if (e)
                QVERIFY(!e->sentence.isEmpty());
            else
                QVERIFY(e.error().message().startsWith(QStringLiteral("column ")));
        }
        QVERIFY(parsed > 100); // the loop reached the evaluator, too
    }
};

QTEST_GUILESS_MAIN(TestStateCondition)
#include "tst_statecondition.moc"
