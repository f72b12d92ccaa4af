<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ExploreCommand</name>
    <message numerus="yes">
        <source>%1: %n program(s), seed %2; %3</source>
        <translation>
            <numerusform>%1: %n program, seed %2; %3</numerusform>
            <numerusform>%1: %n programs, seed %2; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>merged from %n file(s)</source>
        <translation>
            <numerusform>merged from %n file</numerusform>
            <numerusform>merged from %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n of them handed off by busy parts to idle workers</source>
        <translation>
            <numerusform>; %n of them handed off by busy parts to idle workers</numerusform>
            <numerusform>; %n of them handed off by busy parts to idle workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>      (%n plumbing step(s) not listed: lookups, acknowledgements, messages to itself, connections; --show-plumbing lists them)</source>
        <translation>
            <numerusform>      (%n plumbing step not listed: lookups, acknowledgements, messages to itself, connections; --show-plumbing lists them)</numerusform>
            <numerusform>      (%n plumbing steps not listed: lookups, acknowledgements, messages to itself, connections; --show-plumbing lists them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>split: %n part(s), %1 explored; %2</source>
        <translation>
            <numerusform>split: %n part, %1 explored; %2</numerusform>
            <numerusform>split: %n parts, %1 explored; %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExploreParallel</name>
    <message numerus="yes">
        <source>%n shard(s) of %1 missing (%2): merge the results of every shard</source>
        <translation>
            <numerusform>%n shard of %1 missing (%2): merge the results of every shard</numerusform>
            <numerusform>%n shards of %1 missing (%2): merge the results of every shard</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message numerus="yes">
        <source>stopped after %n step(s)</source>
        <translation>
            <numerusform>stopped after %n step</numerusform>
            <numerusform>stopped after %n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s), virtual time %1</source>
        <translation>
            <numerusform>%n step, virtual time %1</numerusform>
            <numerusform>%n steps, virtual time %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas</name>
    <message numerus="yes">
        <source>raw bytes (%n byte(s))</source>
        <translation>
            <numerusform>raw bytes (%n byte)</numerusform>
            <numerusform>raw bytes (%n bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delayed %1 by %n place(s)</source>
        <translation>
            <numerusform>delayed %1 by %n place</numerusform>
            <numerusform>delayed %1 by %n places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The runs make the same %n choice(s).</source>
        <translation>
            <numerusform>The runs make the same %n choice.</numerusform>
            <numerusform>The runs make the same %n choices.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::LocalNetwork</name>
    <message numerus="yes">
        <source>The replay was cancelled after %n action(s)</source>
        <translation>
            <numerusform>The replay was cancelled after %n action</numerusform>
            <numerusform>The replay was cancelled after %n actions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::MosaikSession</name>
    <message numerus="yes">
        <source>%1 stopped by mosaik after %n step(s)</source>
        <translation>
            <numerusform>%1 stopped by mosaik after %n step</numerusform>
            <numerusform>%1 stopped by mosaik after %n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::system::NecessityAnalysis</name>
    <message numerus="yes">
        <source>Why &quot;%1&quot; breaks (%n re-execution(s)%2):</source>
        <translation>
            <numerusform>Why &quot;%1&quot; breaks (%n re-execution%2):</numerusform>
            <numerusform>Why &quot;%1&quot; breaks (%n re-executions%2):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>       (%n plumbing step(s) not listed, %1 of them necessary)</source>
        <translation>
            <numerusform>       (%n plumbing step not listed, %1 of them necessary)</numerusform>
            <numerusform>       (%n plumbing steps not listed, %1 of them necessary)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::system::StateCondition</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::AgentGraphView</name>
    <message numerus="yes">
        <source>%n message(s) sent or received</source>
        <translation>
            <numerusform>%n message sent or received</numerusform>
            <numerusform>%n messages sent or received</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::CausalActions</name>
    <message numerus="yes">
        <source>Causal slice of event %1: %n event(s) before it, %2 after it</source>
        <translation>
            <numerusform>Causal slice of event %1: %n event before it, %2 after it</numerusform>
            <numerusform>Causal slice of event %1: %n events before it, %2 after it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::EventTableModel</name>
    <message numerus="yes">
        <source>%n round(s) of %1 each; double-click to fold them into this row</source>
        <translation>
            <numerusform>%n round of %1 each; double-click to fold them into this row</numerusform>
            <numerusform>%n rounds of %1 each; double-click to fold them into this row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n round(s) of %1 each, folded into this row; double-click to show them</source>
        <translation>
            <numerusform>%n round of %1 each, folded into this row; double-click to show them</numerusform>
            <numerusform>%n rounds of %1 each, folded into this row; double-click to show them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::InspectorSession</name>
    <message numerus="yes">
        <source>Opened %1: %n agent(s), stepped</source>
        <translation>
            <numerusform>Opened %1: %n agent, stepped</numerusform>
            <numerusform>Opened %1: %n agents, stepped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reloaded %n plug-in(s): the recorded run replays identically</source>
        <translation>
            <numerusform>Reloaded %n plug-in: the recorded run replays identically</numerusform>
            <numerusform>Reloaded %n plug-ins: the recorded run replays identically</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reloaded %n plug-in(s): the new run differs from the recorded one at event %1 (%2 of %3 recorded steps replayed); was: %4</source>
        <translation>
            <numerusform>Reloaded %n plug-in: the new run differs from the recorded one at event %1 (%2 of %3 recorded steps replayed); was: %4</numerusform>
            <numerusform>Reloaded %n plug-ins: the new run differs from the recorded one at event %1 (%2 of %3 recorded steps replayed); was: %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n schedule(s), %2</source>
        <translation>
            <numerusform>%1: %n schedule, %2</numerusform>
            <numerusform>%1: %n schedules, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n distinct state(s), %1 ms</source>
        <translation>
            <numerusform>%n distinct state, %1 ms</numerusform>
            <numerusform>%n distinct states, %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Violation of &quot;%1&quot; in %n step(s) (shrunk from %2)</source>
        <translation>
            <numerusform>Violation of &quot;%1&quot; in %n step (shrunk from %2)</numerusform>
            <numerusform>Violation of &quot;%1&quot; in %n steps (shrunk from %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n schedule(s) explored</source>
        <translation>
            <numerusform>%1; %n schedule explored</numerusform>
            <numerusform>%1; %n schedules explored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counterexample to &quot;%1&quot; in %n step(s): F10 plays the next step, F5 plays it to its end</source>
        <translation>
            <numerusform>Counterexample to &quot;%1&quot; in %n step: F10 plays the next step, F5 plays it to its end</numerusform>
            <numerusform>Counterexample to &quot;%1&quot; in %n steps: F10 plays the next step, F5 plays it to its end</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) before step %1, which broke &quot;%2&quot;: F10 plays the next step toward it</source>
        <translation>
            <numerusform>%n step before step %1, which broke &quot;%2&quot;: F10 plays the next step toward it</numerusform>
            <numerusform>%n steps before step %1, which broke &quot;%2&quot;: F10 plays the next step toward it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) after step %1, which broke &quot;%2&quot; (the Violation tab keeps it)</source>
        <translation>
            <numerusform>%n step after step %1, which broke &quot;%2&quot; (the Violation tab keeps it)</numerusform>
            <numerusform>%n steps after step %1, which broke &quot;%2&quot; (the Violation tab keeps it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event %1 is no longer kept (only the last %n event(s) are): stepped back to event %2, as far back as the kept events reach</source>
        <translation>
            <numerusform>Event %1 is no longer kept (only the last %n event are): stepped back to event %2, as far back as the kept events reach</numerusform>
            <numerusform>Event %1 is no longer kept (only the last %n events are): stepped back to event %2, as far back as the kept events reach</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replaying %n event(s)…</source>
        <translation>
            <numerusform>Replaying %n event…</numerusform>
            <numerusform>Replaying %n events…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replayed %n action(s)</source>
        <translation>
            <numerusform>Replayed %n action</numerusform>
            <numerusform>Replayed %n actions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::InspectorWindow</name>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n hidden)</source>
        <translation>
            <numerusform>%1 (%n hidden)</numerusform>
            <numerusform>%1 (%n hidden)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them plumbing, hidden (View → Show Plumbing)</source>
        <translation>
            <numerusform>%n of them plumbing, hidden (View → Show Plumbing)</numerusform>
            <numerusform>%n of them plumbing, hidden (View → Show Plumbing)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tapping %1 → %2: %n connection(s)</source>
        <translation>
            <numerusform>Tapping %1 → %2: %n connection</numerusform>
            <numerusform>Tapping %1 → %2: %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n agent(s)</source>
        <translation>
            <numerusform> — %n agent</numerusform>
            <numerusform> — %n agents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n event(s) missed</source>
        <translation>
            <numerusform> — %n event missed</numerusform>
            <numerusform> — %n events missed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::LookAheadActions</name>
    <message numerus="yes">
        <source>searching… %n marked</source>
        <translation>
            <numerusform>searching… %n marked</numerusform>
            <numerusform>searching… %n marked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) to a violation</source>
        <translation>
            <numerusform>%n lead to a violation</numerusform>
            <numerusform>%n leads to a violation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Safe: no order of the next %n step(s) breaks an invariant</source>
        <translation>
            <numerusform>Safe: no order of the next %n step breaks an invariant</numerusform>
            <numerusform>Safe: no order of the next %n steps breaks an invariant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Leads to a violation of &quot;%1&quot; within %n step(s). The shortest continuation:</source>
        <translation>
            <numerusform>Leads to a violation of &quot;%1&quot; within %n step. The shortest continuation:</numerusform>
            <numerusform>Leads to a violation of &quot;%1&quot; within %n steps. The shortest continuation:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %n reply or lookup deliveries between them)</source>
        <translation>
            <numerusform>(and %n reply or lookup deliveries between them)</numerusform>
            <numerusform>(and %n reply or lookup deliveries between them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Played %n step(s) towards &quot;%1&quot;</source>
        <translation>
            <numerusform>Played %n step towards &quot;%1&quot;</numerusform>
            <numerusform>Played %n steps towards &quot;%1&quot;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::ProcessesPanel</name>
    <message numerus="yes">
        <source>%n process(es), %1 running</source>
        <translation>
            <numerusform>%n process, %1 running</numerusform>
            <numerusform>%n processes, %1 running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::SearchBar</name>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::SequenceDiagramView</name>
    <message numerus="yes">
        <source>%n in flight</source>
        <translation>
            <numerusform>%n in flight</numerusform>
            <numerusform>%n in flight</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::ViolationPanel</name>
    <message numerus="yes">
        <source>Step %1 of %2 breaks &quot;%3&quot;: %4. The states of its agents before and after it appear here when it is played (%n step(s) to go).</source>
        <translation>
            <numerusform>Step %1 of %2 breaks &quot;%3&quot;: %4. The states of its agents before and after it appear here when it is played (%n step to go).</numerusform>
            <numerusform>Step %1 of %2 breaks &quot;%3&quot;: %4. The states of its agents before and after it appear here when it is played (%n steps to go).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::WhyPanel</name>
    <message numerus="yes">
        <source>Counterexample to &quot;%1&quot; in %n step(s). Analyse finds which of its steps matter by re-executing variants of it.</source>
        <translation>
            <numerusform>Counterexample to &quot;%1&quot; in %n step. Analyse finds which of its steps matter by re-executing variants of it.</numerusform>
            <numerusform>Counterexample to &quot;%1&quot; in %n steps. Analyse finds which of its steps matter by re-executing variants of it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plumbing step(s) not listed, %1 of them necessary (View → Show Plumbing lists them)</source>
        <translation>
            <numerusform>%n plumbing step not listed, %1 of them necessary (View → Show Plumbing lists them)</numerusform>
            <numerusform>%n plumbing steps not listed, %1 of them necessary (View → Show Plumbing lists them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot;: %2 of %n step(s) necessary; %3</source>
        <translation>
            <numerusform>&quot;%1&quot;: %2 of %n step necessary; %3</numerusform>
            <numerusform>&quot;%1&quot;: %2 of %n steps necessary; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n re-execution(s)%1</source>
        <translation>
            <numerusform>%n re-execution%1</numerusform>
            <numerusform>%n re-executions%1</numerusform>
        </translation>
    </message>
</context>
</TS>
