<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CallCommand</name>
    <message>
        <location filename="../app/mas/callcommand.cpp" line="+35"/>
        <source>%1 is not a JSON literal: %2 (write text in quotes: &apos;&quot;text&quot;&apos;)</source>
        <translation>%1 ist kein JSON-Literal: %2 (Text in Anführungszeichen schreiben: &apos;&quot;Text&quot;&apos;)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Calls a method of an aiomas RPC service or agent and prints the result as JSON.

ADDRESS is tcp://HOST:PORT or ipc://PATH for a service, or an agent URL
tcp://HOST:PORT/AID (or ipc://[PATH]/AID): then mas checks that the agent exists
and calls agents/AID/PATH in its container.
Arguments are JSON literals: 3, 2.5, true, null, &apos;&quot;text&quot;&apos;, &apos;[1, 2]&apos;, &apos;{&quot;a&quot;: 1}&apos;.

Examples:
  mas call tcp://127.0.0.1:5555 add 3 4
  mas call tcp://127.0.0.1:5555 calc/mul 6 7 --codec msgpack
  mas call tcp://127.0.0.1:5555 add --kw a=40 --kw b=2
  mas call tcp://127.0.0.1:5555/0 hello &apos;&quot;world&quot;&apos;
  mas call ipc:///tmp/math.sock add 1 2 --timeout 5

Exit status: 0 success; 1 the remote side failed (its traceback is printed on
stderr); 2 bad usage or arguments; 3 connection, TLS or timeout error.</source>
        <translation>Ruft eine Methode eines aiomas-RPC-Dienstes oder -Agenten auf und gibt das
Ergebnis als JSON aus.

ADDRESS ist tcp://HOST:PORT oder ipc://PATH für einen Dienst oder eine
Agenten-URL tcp://HOST:PORT/AID (oder ipc://[PATH]/AID): dann prüft mas, ob es
den Agenten gibt, und ruft agents/AID/PATH in seinem Container auf. Argumente
sind JSON-Literale: 3, 2.5, true, null, &apos;&quot;text&quot;&apos;, &apos;[1, 2]&apos;, &apos;{&quot;a&quot;: 1}&apos;.

Beispiele:
  mas call tcp://127.0.0.1:5555 add 3 4
  mas call tcp://127.0.0.1:5555 calc/mul 6 7 --codec msgpack
  mas call tcp://127.0.0.1:5555 add --kw a=40 --kw b=2
  mas call tcp://127.0.0.1:5555/0 hello &apos;&quot;world&quot;&apos;
  mas call ipc:///tmp/math.sock add 1 2 --timeout 5

Rückgabewert: 0 Erfolg; 1 die Gegenseite ist gescheitert (ihr Traceback steht
auf stderr); 2 falsche Verwendung oder Argumente; 3 Verbindungs-, TLS- oder
Zeitüberschreitungsfehler.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Service address or agent URL.</source>
        <translation>Dienstadresse oder Agenten-URL.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method path, e.g. add or calc/mul.</source>
        <translation>Methodenpfad, z. B. add oder calc/mul.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positional arguments as JSON literals.</source>
        <translation>Positionsargumente als JSON-Literale.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A keyword argument NAME=VALUE, VALUE a JSON literal (repeatable).</source>
        <translation>Ein Schlüsselwortargument NAME=VALUE, VALUE ein JSON-Literal (wiederholbar).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Codec: json (default), msgpack or msgpack-blosc; must match the peer.</source>
        <translation>Codec: json (Standard), msgpack oder msgpack-blosc; muss zur Gegenseite passen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use TLS; PEM file of the CA the peer&apos;s certificate must be signed by.</source>
        <translation>TLS verwenden; PEM-Datei der Zertifizierungsstelle, die das Zertifikat der Gegenseite signiert haben muss.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM file with our certificate (TLS).</source>
        <translation>PEM-Datei mit unserem Zertifikat (TLS).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM file with our private key (TLS).</source>
        <translation>PEM-Datei mit unserem privaten Schlüssel (TLS).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seconds to keep trying to connect and to wait for the reply (default 10).</source>
        <translation>Wie viele Sekunden Verbindungsversuche wiederholt und auf die Antwort gewartet wird (Standard 10).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>ADDRESS and PATH are required; see mas call --help</source>
        <translation>ADDRESS und PATH sind erforderlich; siehe mas call --help</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Argument %1</source>
        <translation>Argument %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--kw takes NAME=VALUE, got &quot;%1&quot;</source>
        <translation>--kw erwartet NAME=VALUE, erhalten: „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keyword %1</source>
        <translation>Schlüsselwort %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--timeout takes a positive number of seconds</source>
        <translation>--timeout erwartet eine positive Anzahl Sekunden</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Agent &quot;%1&quot; does not exist in the container at %2</source>
        <translation>Agent „%1“ existiert nicht im Container unter %2</translation>
    </message>
</context>
<context>
    <name>DemoRunner</name>
    <message>
        <location filename="../examples/demos/runner/main.cpp" line="+45"/>
        <source>Runs a libmas teaching demo.</source>
        <translation>Führt eine Lehr-Demo von libmas aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo&apos;s id (see --list).</source>
        <translation>Die Kennung der Demo (siehe --list).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the demos.</source>
        <translation>Listet die Demos auf.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many agents (default 5).</source>
        <translation>Wie viele Agenten (Standard 5).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The seed (default 1).</source>
        <translation>Der Seed (Standard 1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Builds the faulty variant.</source>
        <translation>Baut die fehlerhafte Variante.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leader election: how many nodes wake up (0: all).</source>
        <translation>Anführerwahl: wie viele Knoten aufwachen (0: alle).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ping-pong: how many rounds (default 3).</source>
        <translation>Ping-Pong: wie viele Runden (Standard 3).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>json, msgpack or msgpackblosc.</source>
        <translation>json, msgpack oder msgpackblosc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>local (default), tcp or unix.</source>
        <translation>local (Standard), tcp oder unix.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps the queue (local transport only).</source>
        <translation>Schaltet die Warteschlange schrittweise weiter (nur mit dem Transport local).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints every queue event.</source>
        <translation>Gibt jedes Ereignis der Warteschlange aus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saves the event log (JSON Lines).</source>
        <translation>Speichert das Ereignisprotokoll (JSON Lines).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unknown demo; try --list</source>
        <translation>Unbekannte Demo; versuchen Sie --list</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--stepped, --trace and --log need the local transport</source>
        <translation>--stepped, --trace und --log brauchen den Transport local</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>outcome: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
</context>
<context>
    <name>ExploreCommand</name>
    <message>
        <location filename="../app/mas/explorecommand.cpp" line="+155"/>
        <source>--%1 expects a whole number of at least %2, not &quot;%3&quot;</source>
        <translation>--%1 erwartet eine ganze Zahl von mindestens %2, nicht „%3“</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Searches the delivery orders of a teaching demo on the in-process network for a run
that breaks one of its invariants, shrinks the run to as few steps as it can, and
writes it as an event log (JSON Lines) that the Inspector&apos;s replay opens.

Properties: the demo&apos;s invariants (all by default), and the goals &quot;stuck&quot; (quiet
but not finished) and, for two-phase-commit, &quot;blocked&quot; (a participant left
uncertain), checked only when named with --invariant.

Python programs: with --python PROGRAM.py [ARGS...] (repeatable; the arguments end at the
next option of mas explore), or a --system FILE with &quot;processes&quot;, every run starts the
programs again under the masstep runner and stops them at its end; after each step it waits
for them to answer. A program that exits with a status other than 0 or crashes breaks
&quot;no program failed&quot; (checked by default; one that does not start is an error); the goal
&quot;every program exited&quot; is checked when named. Random walks are the default there (--walks, --seed; the seed also
seeds the programs&apos; random and PYTHONHASHSEED); --mode dfs tries every order within the
budget, without reductions (what a program keeps in memory is not seen).

Examples:
  mas explore leader-election --faulty --invariant &quot;at most one leader&quot; --out two.jsonl
  mas explore two-phase-commit --faulty --invariant blocked --out blocked.jsonl
  mas explore leader-election --faulty --break &quot;count(is_leader) &gt; 1&quot; --out two.jsonl
  mas explore ping-pong --agents 2 --rounds 1 --faulty --faults 1 --out pong.jsonl
  mas explore echo --agents 4 --mode random --walks 500 --seed 3 --out echo.jsonl
  mas explore --python ring.py 0 --python ring.py 1 --python ring.py 2 --walks 20 --out ring.jsonl

Exit status: 0 no violation found; 1 a violation (written to --out if given); 2 bad usage,
an unknown demo or property, a system that cannot be built, or a program that does not
start or answer.</source>
        <translation>Durchsucht die Zustellreihenfolgen einer Lehr-Demo im prozessinternen Netz nach einem Lauf,
der eine ihrer Invarianten verletzt, verkürzt den Lauf auf so wenige Schritte wie möglich und
schreibt ihn als Ereignisprotokoll (JSON Lines), das die Wiedergabe des Inspectors öffnet.

Eigenschaften: die Invarianten der Demo (standardmäßig alle) und die Ziele „stuck“ (ruhig,
aber nicht fertig) und, bei two-phase-commit, „blocked“ (ein Teilnehmer bleibt unsicher);
die Ziele werden nur geprüft, wenn sie mit --invariant genannt werden.

Python-Programme: mit --python PROGRAM.py [ARGS...] (wiederholbar; die Argumente enden bei der
nächsten Option von mas explore) oder --system FILE mit „processes“ startet jeder Lauf die
Programme unter dem masstep-Runner neu und beendet sie an seinem Ende; nach jedem Schritt wartet
er auf ihre Antwort. Ein Programm, das mit einem anderen Rückgabewert als 0 endet oder abstürzt,
verletzt „no program failed“ (standardmäßig geprüft; startet eines nicht, ist das ein Fehler); das Ziel
„every program exited“ wird geprüft, wenn es genannt wird. Dort sind Zufallsläufe der Standard (--walks, --seed; der Seed
gilt auch für random und PYTHONHASHSEED der Programme); --mode dfs probiert jede Reihenfolge
innerhalb des Budgets, ohne Reduktionen (was ein Programm im Speicher hält, bleibt unsichtbar).

Beispiele:
  mas explore leader-election --faulty --invariant &quot;at most one leader&quot; --out two.jsonl
  mas explore two-phase-commit --faulty --invariant blocked --out blocked.jsonl
  mas explore leader-election --faulty --break &quot;count(is_leader) &gt; 1&quot; --out two.jsonl
  mas explore ping-pong --agents 2 --rounds 1 --faulty --faults 1 --out pong.jsonl
  mas explore echo --agents 4 --mode random --walks 500 --seed 3 --out echo.jsonl
  mas explore --python ring.py 0 --python ring.py 1 --python ring.py 2 --walks 20 --out ring.jsonl

Rückgabewert: 0 keine Verletzung gefunden; 1 eine Verletzung (in --out geschrieben, falls angegeben);
2 falsche Verwendung, eine unbekannte Demo oder Eigenschaft, ein System, das sich nicht bauen lässt,
oder ein Programm, das nicht startet oder nicht antwortet.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>leader-election, echo, ping-pong, contract-net or two-phase-commit.</source>
        <translation>leader-election, echo, ping-pong, contract-net oder two-phase-commit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many agents (default 3).</source>
        <translation>Wie viele Agenten (Standard 3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seeds the demo (ids, votes, bids) and the random walks (default 1).</source>
        <translation>Seed für die Demo (Kennungen, Stimmen, Gebote) und die Zufallsläufe (Standard 1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The demo&apos;s variant with a known bug.</source>
        <translation>Die Variante der Demo mit einem bekannten Fehler.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ping-pong: rounds (default 3).</source>
        <translation>Ping-Pong: Runden (Standard 3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leader election: nodes that wake by themselves (default: all).</source>
        <translation>Anführerwahl: Knoten, die von selbst aufwachen (Standard: alle).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A property to check, by name (repeatable; default: every invariant).</source>
        <translation>Eine zu prüfende Eigenschaft, nach Namen (wiederholbar; Standard: jede Invariante).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A state condition that must never hold, e.g. &quot;count(is_leader) &gt; 1&quot; (repeatable; the language is in docs/explorer.md). Without --invariant only the conditions are checked.</source>
        <translation>Eine Zustandsbedingung, die nie gelten darf, z. B. &quot;count(is_leader) &gt; 1&quot; (wiederholbar; die Sprache ist in docs/explorer.md beschrieben). Ohne --invariant werden nur die Bedingungen geprüft.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How dfs gets back to a choice point: replay (re-run the path on a fresh system; the default) or fork (keep it in a forked process; Linux).</source>
        <translation>Wie dfs zu einem Entscheidungspunkt zurückkehrt: replay (den Pfad auf einem frischen System erneut ausführen; Standard) oder fork (ihn in einem per fork abgespaltenen Prozess vorhalten; Linux).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop after N runs (default 10000).</source>
        <translation>Nach N Läufen aufhören (Standard 10000).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most N steps per run (default 400).</source>
        <translation>Höchstens N Schritte pro Lauf (Standard 400).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop after S seconds (default 60).</source>
        <translation>Nach S Sekunden aufhören (Standard 60).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random walks (default 100).</source>
        <translation>Zufallsläufe (Standard 100).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No partial-order reduction.</source>
        <translation>Keine Halbordnungsreduktion.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No state caching.</source>
        <translation>Kein Zwischenspeichern von Zuständen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Frames on one connection may overtake each other (default: sent order).</source>
        <translation>Frames auf einer Verbindung dürfen einander überholen (Standard: in Sendereihenfolge).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up to N faults per run (default 0).</source>
        <translation>Bis zu N Fehler pro Lauf (Standard 0).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which faults: drop, duplicate, delay, clock, comma-separated (default drop).</source>
        <translation>Welche Fehler: drop, duplicate, delay, clock, durch Kommas getrennt (Standard drop).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request timeout in ms of simulated time while drops are possible (default 300).</source>
        <translation>Zeitlimit für Anfragen in ms simulierter Zeit, solange Nachrichten verloren gehen können (Standard 300).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start from this recorded run (an event log of the same demo and parameters).</source>
        <translation>Von diesem aufgezeichneten Lauf aus beginnen (ein Ereignisprotokoll derselben Demo mit denselben Parametern).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The LocalQueue id the systems run on (default explore; a prefix needs its own).</source>
        <translation>Die Kennung der LocalQueue, auf der die Systeme laufen (Standard explore; ein Präfix braucht eine eigene).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the first violating run as found.</source>
        <translation>Den ersten verletzenden Lauf so behalten, wie er gefunden wurde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the counts every second on stderr.</source>
        <translation>Die Zähler jede Sekunde auf stderr ausgeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Explore the system FILE describes (containers, agents of your plug-ins, invariants) instead of a demo.</source>
        <translation>Das System erkunden, das FILE beschreibt (Container, Agenten Ihrer Plug-ins, Invarianten), statt einer Demo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load the system plug-ins in DIR (repeatable); the installed ones, with the demos, are loaded too.</source>
        <translation>Die System-Plug-ins in DIR laden (wiederholbar); die installierten, mit den Demos, werden auch geladen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List every step of the counterexample, the plumbing too (lookups, acknowledgements, messages to itself, connections), as View → Show Plumbing does in MAS Inspector.</source>
        <translation>Jeden Schritt des Gegenbeispiels auflisten, auch die Infrastruktur (Nachschlagen, Bestätigungen, Nachrichten an sich selbst, Verbindungen), wie Ansicht → Infrastruktur zeigen in MAS Inspector.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Explore on N worker processes (default: one per core, here %1); the results do not depend on N.</source>
        <translation>Auf N Worker-Prozessen erkunden (Standard: einer je Kern, hier %1); die Ergebnisse hängen nicht von N ab.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dfs: split the search into at least N parts where it can (default: 2 per worker, at least 4, as busy parts hand work off to idle workers; with --shard 16, more for many shards; 0: one part, the search unsplit, fastest on one core).</source>
        <translation>dfs: die Suche wo möglich in mindestens N Teile aufteilen (Vorgabe: 2 je Worker, mindestens 4, da beschäftigte Teile Arbeit an freie Worker abgeben; mit --shard 16, mehr bei vielen Shards; 0: ein Teil, die Suche ungeteilt, am schnellsten auf einem Kern).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Explore only shard I of N of the search, for an array job (default: from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX and --shard-count); needs --result.</source>
        <translation>Nur Shard I von N der Suche erkunden, für einen Array-Job (Standard: aus SLURM_ARRAY_TASK_ID und SLURM_ARRAY_TASK_COUNT oder JOB_COMPLETION_INDEX und --shard-count); erfordert --result.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With JOB_COMPLETION_INDEX (a Kubernetes indexed Job): how many shards.</source>
        <translation>Mit JOB_COMPLETION_INDEX (ein indizierter Kubernetes-Job): wie viele Shards.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the search&apos;s (or shard&apos;s) result as JSON to FILE, for --merge.</source>
        <translation>Das Ergebnis der Suche (oder des Shards) als JSON nach FILE schreiben, für --merge.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Combine the --result FILES of a search&apos;s shards into one verdict and counterexample (the files instead of DEMO).</source>
        <translation>Die --result-Dateien FILES der Shards einer Suche zu einem Urteil und einem Gegenbeispiel zusammenführen (die Dateien statt DEMO).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Compare two runs&apos; logs A and B (event logs or sessions) instead of exploring: align them by message identity and print the first choice where they diverge (exit status 0 identical, 1 they diverge, 2 bad input).</source>
        <translation>Statt zu erkunden, die Protokolle A und B zweier Läufe (Ereignisprotokolle oder Sitzungen) vergleichen: sie nach Nachrichtenidentität abgleichen und die erste Entscheidung ausgeben, bei der sie voneinander abweichen (Rückgabewert 0 identisch, 1 sie weichen ab, 2 ungültige Eingabe).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Explore a Python asyncio program run by the masstep runner, with its arguments (repeatable: the programs start one after the other).</source>
        <translation>Ein Python-asyncio-Programm erkunden, das der masstep-Runner ausführt, mit seinen Argumenten (wiederholbar: die Programme starten nacheinander).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How long a Python program may take to answer a step, in seconds (default 30).</source>
        <translation>Wie lange ein Python-Programm für die Antwort auf einen Schritt brauchen darf, in Sekunden (Standard 30).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After a counterexample: which of its steps are necessary (left out or moved later, the run passes) and which deliveries had to overtake which, found by re-executing variants of it.</source>
        <translation>Nach einem Gegenbeispiel: welche seiner Schritte notwendig sind (weggelassen oder später ausgeführt, besteht der Lauf) und welche Zustellungen welche überholen mussten, ermittelt durch erneutes Ausführen von Varianten davon.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where to write the counterexample, for MAS Inspector (without it the result is only printed).</source>
        <translation>Wohin das Gegenbeispiel für MAS Inspector geschrieben wird (ohne diese Option wird das Ergebnis nur ausgegeben).</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>unknown demo &quot;%1&quot;; the demos are: %2</source>
        <translation>unbekannte Demo „%1“; die Demos sind: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--budget-seconds expects a positive number, not &quot;%1&quot;</source>
        <translation>--budget-seconds erwartet eine positive Zahl, nicht „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--timeout expects a positive number of seconds, not &quot;%1&quot;</source>
        <translation>--timeout erwartet eine positive Anzahl Sekunden, nicht „%1“</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>--mode is dfs or random, not &quot;%1&quot;</source>
        <translation>--mode ist dfs oder random, nicht „%1“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--strategy fork is not available on this platform; use replay</source>
        <translation>--strategy fork ist auf dieser Plattform nicht verfügbar; verwenden Sie replay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--strategy is fork, replay or auto, not &quot;%1&quot;</source>
        <translation>--strategy ist fork, replay oder auto, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--break &quot;%1&quot;: %2</source>
        <translation>--break „%1“: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unknown fault kind &quot;%1&quot;: drop, duplicate, delay or clock</source>
        <translation>unbekannte Fehlerart „%1“: drop, duplicate, delay oder clock</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--queue expects an id without &quot;/&quot;</source>
        <translation>--queue erwartet eine Kennung ohne „/“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--strategy fork does not work with Python programs (a forked explorer cannot take its programs along); use replay</source>
        <translation>--strategy fork funktioniert nicht mit Python-Programmen (ein per fork abgespaltener Explorer kann seine Programme nicht mitnehmen); verwenden Sie replay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--prefix does not work with Python programs yet</source>
        <translation>--prefix funktioniert mit Python-Programmen noch nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--workers, --shard and --result do not work with Python programs yet: their runs are explored in this process</source>
        <translation>--workers, --shard und --result funktionieren mit Python-Programmen noch nicht: ihre Läufe werden in diesem Prozess erkundet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot read the prefix: %1</source>
        <translation>das Präfix kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>shard %1 of %2 explores only part of the search: write its result with --result FILE and combine the shards&apos; files with --merge</source>
        <translation>Shard %1 von %2 erkundet nur einen Teil der Suche: schreiben Sie sein Ergebnis mit --result FILE und führen Sie die Dateien der Shards mit --merge zusammen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>schedules: %1 (%2 complete, %3 sleep-blocked, %4 cached, %5 depth-limited)
transitions: %6, states: %7, distinct states: %8, deepest run: %9 steps
search: %10 ms (%11 schedules/s, %12 distinct states/s); in all %13 ms, %14 shrink runs</source>
        <translation>Abläufe: %1 (%2 vollständig, %3 schlafblockiert, %4 aus dem Cache, %5 tiefenbegrenzt)
Übergänge: %6, Zustände: %7, verschiedene Zustände: %8, längster Lauf: %9 Schritte
Suche: %10 ms (%11 Abläufe/s, %12 verschiedene Zustände/s);
insgesamt %13 ms, %14 Verkürzungsläufe</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>deliver</source>
        <translation>zustellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>drop</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>duplicate</source>
        <translation>duplizieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>delay</source>
        <translation>zurückstellen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(close)</source>
        <translation>(Schließen)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A: %1
B: %2</source>
        <translation>A: %1
B: %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>explored %1 schedules, %2 distinct states, %3 ms</source>
        <translation>%1 Abläufe erkundet, %2 verschiedene Zustände, %3 ms</translation>
    </message>
    <message numerus="yes">
        <location line="+94"/>
        <source>%1: %n program(s), seed %2; %3</source>
        <translation>
            <numerusform>%1: %n Programm, Seed %2; %3</numerusform>
            <numerusform>%1: %n Programme, Seed %2; %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 agents, seed %3%4; %5</source>
        <translation>%1: %2 Agenten, Seed %3%4; %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, faulty</source>
        <translation>, fehlerhaft</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n Worker-Prozess</numerusform>
            <numerusform>%n Worker-Prozesse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>merged from %n file(s)</source>
        <translation>
            <numerusform>aus %n Datei zusammengeführt</numerusform>
            <numerusform>aus %n Dateien zusammengeführt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>split: %1 parts at depth %2 (found in %3 runs), %4 explored; %5; states are counted per part</source>
        <translation>aufgeteilt: %1 Teile in Tiefe %2 (gefunden in %3 Läufen), %4 erkundet; %5; Zustände werden je Teil gezählt</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>; %n of them handed off by busy parts to idle workers</source>
        <translation>
            <numerusform>; %n davon von beschäftigten Teilen an freie Worker abgegeben</numerusform>
            <numerusform>; %n davon von beschäftigten Teilen an freie Worker abgegeben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>shard %1 of %2: its result is in %3; combine the shards&apos; results with mas explore --merge</source>
        <translation>Shard %1 von %2: sein Ergebnis steht in %3; führen Sie die Ergebnisse der Shards mit mas explore --merge zusammen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>strategy: %1</source>
        <translation>Strategie: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>violated: &quot;%1&quot; after %2 deliveries and %3 faults (first found: %4 steps)</source>
        <translation>verletzt: „%1“ nach %2 Zustellungen und %3 Fehlern (zuerst gefunden: %4 Schritte)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>involved: %1</source>
        <translation>beteiligt: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>      (%n plumbing step(s) not listed: lookups, acknowledgements, messages to itself, connections; --show-plumbing lists them)</source>
        <translation>
            <numerusform>      (%n Infrastrukturschritt nicht aufgeführt: Nachschlagen, Bestätigungen, Nachrichten an sich selbst, Verbindungen; --show-plumbing listet ihn auf)</numerusform>
            <numerusform>      (%n Infrastrukturschritte nicht aufgeführt: Nachschlagen, Bestätigungen, Nachrichten an sich selbst, Verbindungen; --show-plumbing listet sie auf)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>why: %1 of %2 re-executions</source>
        <translation>warum: %1 von %2 erneuten Ausführungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--why: %1</source>
        <translation>--why: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not written: add --out FILE to open the run in MAS Inspector</source>
        <translation>nicht geschrieben: mit --out DATEI lässt sich der Lauf in MAS Inspector öffnen</translation>
    </message>
    <message>
        <location line="-135"/>
        <location line="+152"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-845"/>
        <source>--shard expects I/N with 0 &lt;= I &lt; N, not &quot;%1&quot;</source>
        <translation>--shard erwartet I/N mit 0 &lt;= I &lt; N, nicht „%1“</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>SLURM_ARRAY_TASK_ID (%1) is not one of SLURM_ARRAY_TASK_COUNT (%2) tasks</source>
        <translation>SLURM_ARRAY_TASK_ID (%1) bezeichnet keine der SLURM_ARRAY_TASK_COUNT (%2) Aufgaben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JOB_COMPLETION_INDEX is set: give the Job&apos;s completions with --shard-count N</source>
        <translation>JOB_COMPLETION_INDEX ist gesetzt: geben Sie die Anzahl der Completions des Jobs mit --shard-count N an</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JOB_COMPLETION_INDEX (%1) is not one of --shard-count (%2) shards</source>
        <translation>JOB_COMPLETION_INDEX (%1) bezeichnet keinen der --shard-count (%2) Shards</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--shard-count goes with JOB_COMPLETION_INDEX (a Kubernetes indexed Job); elsewhere use --shard I/N</source>
        <translation>--shard-count gehört zu JOB_COMPLETION_INDEX (ein indizierter Kubernetes-Job); verwenden Sie sonst --shard I/N</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Python programs</source>
        <translation>Python-Programme</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>dfs (every order, depth first; default) or random (random walks; the default for Python programs).</source>
        <translation>dfs (jede Reihenfolge, Tiefensuche; Standard) oder random (Zufallsläufe; Standard für Python-Programme).</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>--merge needs the shards&apos; result files</source>
        <translation>--merge braucht die Ergebnisdateien der Shards</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--compare takes two logs: mas explore --compare A B</source>
        <translation>--compare erwartet zwei Protokolle: mas explore --compare A B</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--system and --python do not go together: list the programs in the system file&apos;s &quot;processes&quot;</source>
        <translation>--system und --python passen nicht zusammen: führen Sie die Programme unter &quot;processes&quot; der Systemdatei auf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected argument &quot;%1&quot;: a program&apos;s arguments follow --python PROGRAM</source>
        <translation>unerwartetes Argument „%1“: die Argumente eines Programms folgen auf --python PROGRAM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exactly one DEMO, --system FILE or --python PROGRAM.py is required; see mas explore --help</source>
        <translation>genau eines von DEMO, --system FILE oder --python PROGRAM.py ist erforderlich; siehe mas explore --help</translation>
    </message>
    <message numerus="yes">
        <location line="+418"/>
        <source>split: %n part(s), %1 explored; %2</source>
        <translation>
            <numerusform>aufgeteilt: %n Teil, %1 erkundet; %2</numerusform>
            <numerusform>aufgeteilt: %n Teile, %1 erkundet; %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+116"/>
        <source>written to %1 (%2 events): open it in MAS Inspector, or replay it with the same parameters%3</source>
        <translation>geschrieben nach %1 (%2 Ereignisse): öffnen Sie es in MAS Inspector oder spielen Sie es mit denselben Parametern erneut ab%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> and a request timeout of %1 ms</source>
        <translation> und einem Zeitlimit für Anfragen von %1 ms</translation>
    </message>
</context>
<context>
    <name>ExploreParallel</name>
    <message>
        <location filename="../app/mas/exploreparallel.cpp" line="+246"/>
        <source>a part without an index or a verdict</source>
        <translation>ein Teil ohne Index oder Urteil</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exited with status %1</source>
        <translation>mit Rückgabewert %1 beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>worker %1 %2 while exploring part %3</source>
        <translation>Worker-Prozess %1: %2 beim Erkunden von Teil %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>worker %1 %2</source>
        <translation>Worker-Prozess %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot start worker %1: %2</source>
        <translation>Worker-Prozess %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>worker %1 wrote something that is not a result: %2</source>
        <translation>Worker-Prozess %1 hat etwas geschrieben, das kein Ergebnis ist: %2</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>part %1&apos;s violation did not repeat: %2</source>
        <translation>die Verletzung von Teil %1 ließ sich nicht wiederholen: %2</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>explored %1 of %2 parts, %3 ms</source>
        <translation>%1 von %2 Teilen erkundet, %3 ms</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>cannot make a temporary directory for the workers: %1</source>
        <translation>für die Worker-Prozesse kann kein temporäres Verzeichnis angelegt werden: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>part %1 handed off parts out of order</source>
        <translation>Teil %1 hat Teile in falscher Reihenfolge abgegeben</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>worker %1 handed off parts it could not hand off</source>
        <translation>Worker %1 hat Teile abgegeben, die er nicht abgeben konnte</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>worker %1 sent a broken result: %2</source>
        <translation>Worker-Prozess %1 hat ein fehlerhaftes Ergebnis gesendet: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>worker %1 answered for part %2, which it was not given</source>
        <translation>Worker-Prozess %1 hat für Teil %2 geantwortet, den er nicht erhalten hatte</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>worker %1 did not finish part %2 within %3 s and was stopped</source>
        <translation>Worker-Prozess %1 hat Teil %2 nicht innerhalb von %3 s abgeschlossen und wurde beendet</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the search failed: %1</source>
        <translation>die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>worker: not a part: %1</source>
        <translation>Worker-Prozess: kein Teil: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>--merge needs the shards&apos; result files</source>
        <translation>--merge braucht die Ergebnisdateien der Shards</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a result of mas explore --result</source>
        <translation>%1 ist kein Ergebnis von mas explore --result</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 and %2 are results of different searches (the system, its parameters, the properties or the options differ); merge the shards of one search</source>
        <translation>%1 und %2 sind Ergebnisse verschiedener Suchen (System, Parameter, Eigenschaften oder Optionen unterscheiden sich); führen Sie die Shards einer einzigen Suche zusammen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is one of %2 shards, %3 one of %4</source>
        <translation>%1 ist einer von %2 Shards, %3 einer von %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 and %2 are both shard %3</source>
        <translation>%1 und %2 sind beide Shard %3</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n shard(s) of %1 missing (%2): merge the results of every shard</source>
        <translation>
            <numerusform>%n Shard von %1 fehlt (%2): führen Sie die Ergebnisse aller Shards zusammen</numerusform>
            <numerusform>%n Shards von %1 fehlen (%2): führen Sie die Ergebnisse aller Shards zusammen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostCommand</name>
    <message>
        <location filename="../app/mas/hostconfig.cpp" line="+161"/>
        <source>null</source>
        <comment>the JSON type a value has</comment>
        <extracomment>The JSON value null, ending &quot;... must be an object, not null&quot;</extracomment>
        <translation>null</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a boolean</source>
        <comment>the JSON type a value has</comment>
        <extracomment>A JSON type, ending &quot;... must be an object, not a boolean&quot;</extracomment>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a string</source>
        <comment>the JSON type a value has</comment>
        <extracomment>A JSON type, ending &quot;... must be an object, not a string&quot;</extracomment>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an array</source>
        <comment>the JSON type a value has</comment>
        <extracomment>A JSON type, ending &quot;... must be an object, not an array&quot;</extracomment>
        <translation>ein Array</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an object</source>
        <comment>the JSON type a value has</comment>
        <extracomment>A JSON type, ending &quot;... must be an array, not an object&quot;</extracomment>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a number</source>
        <comment>the JSON type a value has</comment>
        <extracomment>A JSON type, ending &quot;... must be a non-empty string, not a number&quot;</extracomment>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the config file %1: %2</source>
        <translation>Die Konfigurationsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1:%2: invalid JSON: %3</source>
        <translation>%1:%2: ungültiges JSON: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1:%2: key &quot;%3&quot; appears twice in one object</source>
        <translation>%1:%2: Schlüssel „%3“ kommt in einem Objekt zweimal vor</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the config must be a JSON object, not %1</source>
        <translation>die Konfiguration muss ein JSON-Objekt sein, nicht %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the config</source>
        <translation>die Konfiguration</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Expected an object {&quot;ca&quot;, &quot;cert&quot;, &quot;key&quot;}, not %1</source>
        <translation>Erwartet wird ein Objekt {&quot;ca&quot;, &quot;cert&quot;, &quot;key&quot;}, nicht %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown key (known: ca, cert, key)</source>
        <translation>Unbekannter Schlüssel (bekannt: ca, cert, key)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected the name of a PEM file, not %1</source>
        <translation>Erwartet wird der Name einer PEM-Datei, nicht %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Expected true or false, not %1</source>
        <translation>Erwartet wird true oder false, nicht %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;%1&quot; must be %2, not %3</source>
        <extracomment>%1 a key, %2 the type it must have (&quot;an array&quot;, ...), %3 the JSON type it has</extracomment>
        <translation>„%1“ muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown key &quot;%1&quot; in %2 (known keys: %3)</source>
        <translation>unbekannter Schlüssel „%1“ in %2 (bekannte Schlüssel: %3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a non-empty string</source>
        <translation>eine nicht leere Zeichenkette</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;realtime&quot;, &quot;external&quot; or an object</source>
        <translation>&quot;realtime&quot;, &quot;external&quot; oder ein Objekt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>an object {&quot;ca&quot;, &quot;cert&quot;, &quot;key&quot;}</source>
        <translation>ein Objekt {&quot;ca&quot;, &quot;cert&quot;, &quot;key&quot;}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>a string or an array of strings</source>
        <translation>eine Zeichenkette oder ein Array von Zeichenketten</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&quot;limits.%1&quot; must be an integer of at least %2, not %3</source>
        <extracomment>%1 a key such as limits.max_connections, %2 0 or 1, %3 the value or its JSON type</extracomment>
        <translation>&quot;limits.%1&quot; muss eine ganze Zahl von mindestens %2 sein, nicht %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+21"/>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>an object {&quot;type&quot;, &quot;args&quot;, &quot;kwargs&quot;, &quot;count&quot;}</source>
        <translation>ein Objekt {&quot;type&quot;, &quot;args&quot;, &quot;kwargs&quot;, &quot;count&quot;}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no &quot;type&quot; (an agent type such as &quot;pkg.module:Class&quot;)</source>
        <translation>%1 hat keinen &quot;type&quot; (einen Agententyp wie &quot;pkg.module:Class&quot;)</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+53"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="-323"/>
        <source>Unknown profile &quot;%1&quot;: use trusted (the default) or public</source>
        <translation>Unbekanntes Profil „%1“: verwenden Sie trusted (Standard) oder public</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--%1 takes an integer of at least %2, not &quot;%3&quot;</source>
        <extracomment>%1 an option such as --max-connections, %2 0 or 1, %3 what was given</extracomment>
        <translation>--%1 erwartet eine ganze Zahl von mindestens %2, nicht „%3“</translation>
    </message>
    <message>
        <location line="+307"/>
        <source>&quot;%1.count&quot; must be a positive integer, not %2</source>
        <translation>„%1.count“ muss eine positive ganze Zahl sein, nicht %2</translation>
    </message>
    <message>
        <location filename="../app/mas/hostcommand.cpp" line="+90"/>
        <source>Runs a container of agents without a display: listens on ADDRESS, creates the agents
of the config file, prints one line &quot;URL TYPE&quot; per agent on stdout once they are
reachable and serves until SIGINT or SIGTERM; then it closes every connection (calls
in flight fail with a connection error) and exits with status 0. Logs go to stderr
(category mas.host; more with QT_LOGGING_RULES=&quot;mas.*.debug=true&quot;).

ADDRESS is tcp://HOST:PORT (HOST an IP address, 0.0.0.0 for all interfaces or
localhost; port 0 picks a free one) or ipc://PATH for a Unix socket.

Config file (JSON; every key is optional; command-line options win):
  {
    &quot;listen&quot;: &quot;tcp://0.0.0.0:5555&quot;,
    &quot;codec&quot;: &quot;json&quot;,                 json, msgpack or msgpackblosc
    &quot;clock&quot;: {&quot;type&quot;: &quot;external&quot;, &quot;start&quot;: &quot;2016-01-01T00:00:00Z&quot;},
                                     or &quot;realtime&quot; (the default)
    &quot;tls&quot;: {&quot;ca&quot;: &quot;ca.pem&quot;, &quot;cert&quot;: &quot;host.pem&quot;, &quot;key&quot;: &quot;host.key&quot;},
    &quot;plugin_path&quot;: [&quot;/usr/lib/mas/plugins&quot;],
    &quot;monitor&quot;: false,
    &quot;agents&quot;: [
      {&quot;type&quot;: &quot;greeter.agents:Greeter&quot;, &quot;args&quot;: [&quot;Hi&quot;], &quot;kwargs&quot;: {}, &quot;count&quot;: 2}
    ]
  }
Agents are created in this order, &quot;count&quot; times each (default 1), with ids 0, 1, ...
Relative paths are relative to the config file; plug-in directories of the config
and of --plugin-path are all loaded. Unknown keys are errors.

Examples:
  mas host --listen tcp://127.0.0.1:5555 --config greeters.json --plugin-path plugins
  mas host --config /etc/mas/node1.json --monitor
  mas host --list-agent-types --plugin-path plugins

Exit status: 0 after SIGINT/SIGTERM or --list-agent-types; 2 bad usage or config
(invalid JSON, unknown key, wrong type, unknown agent type, bad constructor arguments);
3 the address is busy or the TLS files cannot be loaded.</source>
        <translation>Betreibt einen Container mit Agenten ohne Anzeige: lauscht auf ADDRESS, erzeugt
die Agenten aus der Konfigurationsdatei, gibt auf stdout je Agent eine Zeile
&quot;URL TYPE&quot; aus, sobald sie erreichbar sind, und dient bis SIGINT oder SIGTERM;
dann schließt er jede Verbindung (laufende Aufrufe scheitern mit einem
Verbindungsfehler) und endet mit Rückgabewert 0. Protokolle gehen nach stderr
(Kategorie mas.host; mehr mit QT_LOGGING_RULES=&quot;mas.*.debug=true&quot;).

ADDRESS ist tcp://HOST:PORT (HOST eine IP-Adresse, 0.0.0.0 für alle
Schnittstellen oder localhost; Port 0 wählt einen freien) oder ipc://PATH für
einen Unix-Socket.

Konfigurationsdatei (JSON; jeder Schlüssel ist optional; Kommandozeilenoptionen
haben Vorrang):
  {
    &quot;listen&quot;: &quot;tcp://0.0.0.0:5555&quot;,
    &quot;codec&quot;: &quot;json&quot;,                 json, msgpack oder msgpackblosc
    &quot;clock&quot;: {&quot;type&quot;: &quot;external&quot;, &quot;start&quot;: &quot;2016-01-01T00:00:00Z&quot;},
                                     oder &quot;realtime&quot; (Standard)
    &quot;tls&quot;: {&quot;ca&quot;: &quot;ca.pem&quot;, &quot;cert&quot;: &quot;host.pem&quot;, &quot;key&quot;: &quot;host.key&quot;},
    &quot;plugin_path&quot;: [&quot;/usr/lib/mas/plugins&quot;],
    &quot;monitor&quot;: false,
    &quot;agents&quot;: [
      {&quot;type&quot;: &quot;greeter.agents:Greeter&quot;, &quot;args&quot;: [&quot;Hi&quot;], &quot;kwargs&quot;: {}, &quot;count&quot;: 2}
    ]
  }
Die Agenten werden in dieser Reihenfolge erzeugt, jeweils &quot;count&quot;-mal (Standard
1), mit den Kennungen 0, 1, ... Relative Pfade beziehen sich auf die
Konfigurationsdatei; die Plug-in-Verzeichnisse der Konfiguration und von
--plugin-path werden alle geladen. Unbekannte Schlüssel sind Fehler.

Beispiele:
  mas host --listen tcp://127.0.0.1:5555 --config greeters.json --plugin-path plugins
  mas host --config /etc/mas/node1.json --monitor
  mas host --list-agent-types --plugin-path plugins

Rückgabewert: 0 nach SIGINT/SIGTERM oder --list-agent-types; 2 falsche
Verwendung oder Konfiguration (ungültiges JSON, unbekannter Schlüssel, falscher
Typ, unbekannter Agententyp, falsche Konstruktorargumente); 3 die Adresse ist
belegt oder die TLS-Dateien lassen sich nicht laden.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>System files: a config with &quot;containers&quot; is a system file (as mas explore --system and
mas-inspector --system read it) and runs for real on sockets. With --container NAME this
host runs that container of the file, on its &quot;listen&quot; address (--listen wins); without
it, every container of the file in this process, each on its &quot;listen&quot; address, else
container k (from 0, in file order) on PORT+k of --listen tcp://HOST:PORT. An argument
&quot;@NAME&quot; becomes the URL of the agent called NAME, on whichever container it lives (ids
0, 1, ... in file order in each container); a container that another host runs must have
its &quot;listen&quot; address. Once every agent of the file exists (the host waits until those
of the other hosts answer, so hosts may start in any order), each agent that is a
mas::system::SystemAgent begins (its begin(): the nodes of a ring wake up), so the system
starts by itself. The file&apos;s invariants are not checked (mas explore and MAS Inspector
check them); &quot;tls&quot; and &quot;monitor&quot; apply as above; &quot;request_timeout_ms&quot; is the calls&apos;
timeout; the clock start is the external clock&apos;s (with --clock external). Errors name
the file and the key (FILE: KEY: reason), with exit status 2.
  mas host --config ring.json --container a --plugin-path plugins
  mas host --config ring.json --listen tcp://127.0.0.1:5601 --plugin-path plugins</source>
        <translation>Systemdateien: eine Konfiguration mit &quot;containers&quot; ist eine Systemdatei (wie sie
mas explore --system und mas-inspector --system lesen) und läuft wirklich über Sockets. Mit
--container NAME betreibt dieser Host den Container der Datei auf seiner &quot;listen&quot;-Adresse
(--listen hat Vorrang); ohne sie jeden Container der Datei in diesem Prozess, jeden auf seiner
&quot;listen&quot;-Adresse, sonst Container k (ab 0, in Dateireihenfolge) auf PORT+k von --listen
tcp://HOST:PORT. Ein Argument &quot;@NAME&quot; wird zur URL des Agenten namens NAME, egal in welchem
Container (Kennungen 0, 1, ... in Dateireihenfolge je Container); ein Container, den ein
anderer Host betreibt, braucht seine &quot;listen&quot;-Adresse. Sobald jeder Agent der Datei existiert
(der Host wartet, bis die der anderen Hosts antworten, Hosts dürfen also in beliebiger
Reihenfolge starten), beginnt jeder mas::system::SystemAgent (sein begin(): die Knoten eines
Rings wachen auf), das System startet also von selbst. Die Invarianten der Datei werden nicht
geprüft (das tun mas explore und MAS Inspector); &quot;tls&quot; und &quot;monitor&quot; gelten wie oben;
&quot;request_timeout_ms&quot; ist das Zeitlimit der Aufrufe; der Uhrstart gilt für die externe Uhr
(--clock external). Fehler nennen Datei und Schlüssel (FILE: KEY: Grund), mit Rückgabewert 2.
  mas host --config ring.json --container a --plugin-path plugins
  mas host --config ring.json --listen tcp://127.0.0.1:5601 --plugin-path plugins</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Address to listen on: tcp://HOST:PORT or ipc://PATH.</source>
        <translation>Adresse, auf der gelauscht wird: tcp://HOST:PORT oder ipc://PATH.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON config file with the agents to start (see above).</source>
        <translation>JSON-Konfigurationsdatei mit den zu startenden Agenten (siehe oben).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run only the container NAME of a system file (see above).</source>
        <translation>Nur den Container NAME einer Systemdatei betreiben (siehe oben).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codec: json (default), msgpack or msgpackblosc; must match the peers.</source>
        <translation>Codec: json (Standard), msgpack oder msgpackblosc; muss zu den Gegenstellen passen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>realtime (default) or external (moves only when told; needs --start).</source>
        <translation>realtime (Standard) oder external (läuft nur auf Anweisung weiter; braucht --start).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The external clock&apos;s start date, ISO 8601 (2016-01-01T00:00:00Z).</source>
        <translation>Das Startdatum der externen Uhr, ISO 8601 (2016-01-01T00:00:00Z).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mutual TLS: PEM file of the CA that peers&apos; certificates must be signed by.</source>
        <translation>Gegenseitiges TLS: PEM-Datei der Zertifizierungsstelle, die die Zertifikate der Gegenstellen signiert haben muss.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mutual TLS: PEM file with this host&apos;s certificate.</source>
        <translation>Gegenseitiges TLS: PEM-Datei mit dem Zertifikat dieses Hosts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mutual TLS: PEM file with this host&apos;s private key.</source>
        <translation>Gegenseitiges TLS: PEM-Datei mit dem privaten Schlüssel dieses Hosts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Directory of agent plug-ins to load (repeatable).</source>
        <translation>Verzeichnis mit zu ladenden Agenten-Plug-ins (wiederholbar).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offer _monitor/info and _monitor/events so MAS Inspector can attach; anyone who can
connect can then read all traffic: use it with TLS.</source>
        <translation>_monitor/info und _monitor/events anbieten, damit sich MAS Inspector anhängen
kann; dann kann jeder, der sich verbinden kann, den gesamten Verkehr mitlesen:
nur mit TLS verwenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the known agent types (after loading plug-ins) and exit.</source>
        <translation>Die bekannten Agententypen ausgeben (nach dem Laden der Plug-ins) und beenden.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The plug-in directory &quot;%1&quot; does not exist</source>
        <translation>Das Plug-in-Verzeichnis „%1“ existiert nicht</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+57"/>
        <source>No agent types are known; load plug-ins with --plugin-path DIR</source>
        <translation>Es sind keine Agententypen bekannt; laden Sie Plug-ins mit --plugin-path DIR</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>No address to listen on: give --listen ADDRESS or &quot;listen&quot; in the config</source>
        <translation>Keine Adresse zum Lauschen: geben Sie --listen ADDRESS oder &quot;listen&quot; in der Konfiguration an</translation>
    </message>
    <message>
        <location line="+552"/>
        <source>%1: processes: Python programs run stepped, under mas run --system or MAS Inspector, not under mas host</source>
        <translation>%1: processes: Python-Programme laufen schrittweise, unter mas run --system oder MAS Inspector, nicht unter mas host</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--container NAME picks a container of a system file (a config with &quot;containers&quot;); give one with --config FILE</source>
        <translation>--container NAME wählt einen Container einer Systemdatei (einer Konfiguration mit &quot;containers&quot;); geben Sie eine mit --config FILE an</translation>
    </message>
    <message>
        <location line="-577"/>
        <source>mas host listens on tcp://HOST:PORT or ipc://PATH, not %1</source>
        <translation>mas host lauscht auf tcp://HOST:PORT oder ipc://PATH, nicht auf %1</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>Limits (docs/security.md): --profile public sets values safe for an untrusted network
(256 connections, 16 per peer, 60 s idle, frames of 4 MiB at 64 KiB/s, a 256 MiB memory
budget, ...); trusted, the default, keeps the library&apos;s defaults. Each limit option
below overrides the profile, and so does its config key, e.g.
  &quot;profile&quot;: &quot;public&quot;, &quot;limits&quot;: {&quot;max_connections&quot;: 100, &quot;idle_timeout_ms&quot;: 30000}
(the option&apos;s name with _ for -). 0 turns a limit off where its text says so.</source>
        <translation>Limits (docs/security.md): --profile public setzt Werte, die für ein nicht
vertrauenswürdiges Netz sicher sind (256 Verbindungen, 16 je Gegenstelle, 60 s Leerlauf,
Frames von 4 MiB mit 64 KiB/s, ein Speicherbudget von 256 MiB, ...); trusted, der Standard,
behält die Standardwerte der Bibliothek bei. Jede Limit-Option unten hat Vorrang vor dem
Profil, ebenso ihr Konfigurationsschlüssel, z. B.
  &quot;profile&quot;: &quot;public&quot;, &quot;limits&quot;: {&quot;max_connections&quot;: 100, &quot;idle_timeout_ms&quot;: 30000}
(der Name der Option mit _ statt -). 0 schaltet ein Limit ab, wo sein Text das sagt.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Limits for a trusted network (default) or public: safe values for an untrusted network (see above).</source>
        <translation>Limits für ein vertrauenswürdiges Netz (trusted, Standard) oder public: sichere Werte für ein nicht vertrauenswürdiges Netz (siehe oben).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Most open connections (trusted 1000, public 256).</source>
        <translation>Höchstzahl offener Verbindungen (trusted 1000, public 256).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most connections from one IP address, or one user id on ipc:// (trusted 0 = no such limit, public 16).</source>
        <translation>Höchstzahl der Verbindungen von einer IP-Adresse bzw. einer Benutzer-ID auf ipc:// (trusted 0 = kein solches Limit, public 16).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close a connection with nothing sent or received for MS ms (trusted 0 = never, public 60000).</source>
        <translation>Eine Verbindung schließen, über die MS ms lang nichts gesendet oder empfangen wurde (trusted 0 = nie, public 60000).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close a connection whose frame in progress got no byte for MS ms (trusted 30000, public 10000).</source>
        <translation>Eine Verbindung schließen, deren laufender Frame MS ms lang kein Byte erhalten hat (trusted 30000, public 10000).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes per second a frame in progress must average after 2 s (trusted 0 = off, public 65536).</source>
        <translation>Bytes pro Sekunde, die ein laufender Frame nach 2 s im Mittel erreichen muss (trusted 0 = aus, public 65536).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest frame in bytes (trusted 67108864, public 4194304).</source>
        <translation>Größter Frame in Bytes (trusted 67108864, public 4194304).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes all connections may hold in partial frames and unsent replies (trusted 0 = no budget, public 268435456).</source>
        <translation>Bytes, die alle Verbindungen zusammen in unvollständigen Frames und ungesendeten Antworten halten dürfen (trusted 0 = kein Budget, public 268435456).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes queued for a peer before reading from it pauses (trusted 8388608, public 1048576).</source>
        <translation>Bytes in der Warteschlange für eine Gegenstelle, ab denen das Lesen von ihr pausiert (trusted 8388608, public 1048576).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most unanswered requests per connection (trusted 10000, public 100).</source>
        <translation>Höchstzahl unbeantworteter Anfragen je Verbindung (trusted 10000, public 100).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>msgpackblosc: most times a frame may inflate, checked before decompressing (trusted 0 = off, public 32).</source>
        <translation>msgpackblosc: wie oft ein Frame höchstens anwachsen darf, vor dem Entpacken geprüft (trusted 0 = aus, public 32).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>msgpackblosc: largest decompressed frame in bytes (trusted 268435456, public 16777216).</source>
        <translation>msgpackblosc: größter entpackter Frame in Bytes (trusted 268435456, public 16777216).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most values one message may hold, counted while decoding (trusted 4194304, public 100000).</source>
        <translation>Höchstzahl der Werte in einer Nachricht, beim Dekodieren gezählt (trusted 4194304, public 100000).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decode frames of at least N bytes off the event loop, so that they do not hold up other connections (0 = never; trusted and public 65536).</source>
        <translation>Frames ab N Bytes außerhalb der Ereignisschleife dekodieren, damit sie andere Verbindungen nicht aufhalten (0 = nie; trusted und public 65536).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS handshake time-out in ms (trusted 10000, public 5000).</source>
        <translation>Zeitlimit des TLS-Handshakes in ms (trusted 10000, public 5000).</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Unknown clock &quot;%1&quot;: use realtime or external</source>
        <translation>Unbekannte Uhr „%1“: verwenden Sie realtime oder external</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The external clock needs a start date: --start DATE or &quot;clock&quot;: {&quot;start&quot;: DATE}</source>
        <translation>Die externe Uhr braucht ein Startdatum: --start DATE oder &quot;clock&quot;: {&quot;start&quot;: DATE}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A start date is for the external clock: add --clock external</source>
        <translation>Ein Startdatum gilt für die externe Uhr: fügen Sie --clock external hinzu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS needs all of --tls-ca, --tls-cert and --tls-key (mutual authentication)</source>
        <translation>TLS braucht --tls-ca, --tls-cert und --tls-key zusammen (gegenseitige Authentifizierung)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>TLS is for tcp:// addresses; a Unix socket is protected by its file permissions</source>
        <translation>TLS ist für tcp://-Adressen; ein Unix-Socket ist durch seine Dateirechte geschützt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: %2. %3</source>
        <translation>%1: %2. %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Known types: %1</source>
        <translation>Bekannte Typen: %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>the constructor threw an exception</source>
        <translation>der Konstruktor hat eine Ausnahme geworfen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Missing: give the container &quot;%1&quot; the address it listens on, or use --listen ADDRESS</source>
        <translation>Fehlt: geben Sie dem Container „%1“ die Adresse, auf der er lauscht, oder verwenden Sie --listen ADDRESS</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No container is called &quot;%1&quot; (--container names one of: %2)</source>
        <translation>Kein Container heißt „%1“ (--container nennt einen von: %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Without --container, --listen gives the first of consecutive ports (container k listens on PORT+k): use tcp://HOST:PORT, not %1</source>
        <translation>Ohne --container gibt --listen den ersten von aufeinanderfolgenden Ports an (Container k lauscht auf PORT+k): verwenden Sie tcp://HOST:PORT, nicht %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Missing: give every container the address it listens on, or give --listen tcp://HOST:PORT (container k listens on PORT+k), or run one container with --container NAME</source>
        <translation>Fehlt: geben Sie jedem Container die Adresse, auf der er lauscht, oder geben Sie --listen tcp://HOST:PORT an (Container k lauscht auf PORT+k), oder betreiben Sie einen einzelnen Container mit --container NAME</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--listen %1: the port of container &quot;%2&quot; would be %3</source>
        <translation>--listen %1: der Port des Containers „%2“ wäre %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Missing: %1 refers to an agent of the container &quot;%2&quot;, which this host does not run; give &quot;%2&quot; the address it listens on</source>
        <translation>Fehlt: %1 verweist auf einen Agenten des Containers „%2“, den dieser Host nicht betreibt; geben Sie „%2“ die Adresse, auf der er lauscht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 refers to an agent of the container &quot;%2&quot;, which this host does not run, but %3 does not say where other hosts reach it: give its host&apos;s address and port</source>
        <translation>%1 verweist auf einen Agenten des Containers „%2“, den dieser Host nicht betreibt, aber %3 sagt nicht, wo andere Hosts ihn erreichen: geben Sie Adresse und Port seines Hosts an</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>No agent types are known; load plug-ins with --plugin-path DIR or &quot;plugin_path&quot;</source>
        <translation>Es sind keine Agententypen bekannt; laden Sie Plug-ins mit --plugin-path DIR oder &quot;plugin_path&quot;</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The agent got the URL %1 instead of %2: did a constructor create further agents?</source>
        <translation>Der Agent hat die URL %1 statt %2 erhalten: hat ein Konstruktor weitere Agenten erzeugt?</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Unexpected argument &quot;%1&quot;; see mas host --help</source>
        <translation>Unerwartetes Argument „%1“; siehe mas host --help</translation>
    </message>
</context>
<context>
    <name>LookAheadCommand</name>
    <message>
        <location filename="../app/mas/lookaheadcommand.cpp" line="+69"/>
        <location line="+10"/>
        <source>The look-ahead cannot search Python programs</source>
        <translation>Die Vorausschau kann keine Python-Programme durchsuchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown system &quot;%1&quot;</source>
        <translation>Unbekanntes System „%1“</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>the look-ahead expects &quot;REQUEST K SESSION-FILE&quot; lines, not &quot;%1&quot;</source>
        <translation>die Vorausschau erwartet Zeilen der Form „REQUEST K SESSION-FILE“, nicht „%1“</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The look-ahead of MAS Inspector: for every message pending where a run ends, whether delivering it
next leads to a violation of an invariant within K steps (with the shortest such continuation),
is safe for every order within K steps, or is not known. One JSON line per message, then an end line.

  mas explore --lookahead 6 --session run.massession
  mas explore --lookahead-serve     (reads &quot;REQUEST K SESSION-FILE&quot; lines; a new one cancels the search)</source>
        <translation>Die Vorausschau von MAS Inspector: für jede Nachricht, die am Ende eines Laufs wartet, ob ihre Zustellung als
Nächstes innerhalb von K Schritten zu einer Verletzung einer Invariante führt (mit der kürzesten solchen Fortsetzung),
für jede Reihenfolge innerhalb von K Schritten sicher ist oder nicht bekannt ist. Eine JSON-Zeile je Nachricht, dann eine Endzeile.

  mas explore --lookahead 6 --session run.massession
  mas explore --lookahead-serve     (liest Zeilen „REQUEST K SESSION-FILE“; eine neue bricht die Suche ab)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Look K steps ahead (the first delivery included).</source>
        <translation>K Schritte vorausschauen (die erste Zustellung eingeschlossen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search each request read on standard input.</source>
        <translation>Jede auf der Standardeingabe gelesene Anfrage durchsuchen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run to look ahead from (a session file).</source>
        <translation>Der Lauf, von dem aus vorausgeschaut wird (eine Sitzungsdatei).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load the system plug-ins in DIR (repeatable).</source>
        <translation>Die System-Plug-ins in DIR laden (wiederholbar).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>--lookahead expects K &gt;= 1 and --session FILE, e.g. --lookahead 6 --session run.massession</source>
        <translation>--lookahead erwartet K &gt;= 1 und --session FILE, z. B. --lookahead 6 --session run.massession</translation>
    </message>
</context>
<context>
    <name>NewCommand</name>
    <message>
        <location filename="../app/mas/newcommand.cpp" line="+59"/>
        <source>Starts a project of your own. &quot;mas new plugin NAME [DIR]&quot; writes a CMake project in DIR
(default: ./NAME) for an agent plug-in: one agent type with a seeded bug, one invariant,
a system file that puts two agents on the steppable network, and a QtTest. Build it with
cmake against an installed MAS (-DCMAKE_PREFIX_PATH) or a build tree (-DMas_DIR), then
step it with &quot;mas-inspector --system DIR/system.json&quot; and search it with
&quot;mas explore --system DIR/system.json --out bug.jsonl&quot;. See docs/your-own-system.md.

NAME: lower-case letters, digits and _, starting with a letter (it names the plug-in,
its C++ namespace and its agent type NAME.agents:Node).

Exit status: 0 written; 2 bad usage (a bad name, DIR exists and is not empty); 3 a file
could not be written.</source>
        <translation>Legt ein eigenes Projekt an. &quot;mas new plugin NAME [DIR]&quot; schreibt ein CMake-Projekt nach DIR
(Standard: ./NAME) für ein Agenten-Plug-in: ein Agententyp mit absichtlichem Fehler, eine
Invariante, eine Systemdatei mit zwei Agenten im schrittweisen Netz und ein QtTest. Bauen Sie
es mit cmake gegen ein installiertes MAS (-DCMAKE_PREFIX_PATH) oder einen Build-Baum (-DMas_DIR),
steuern Sie es dann schrittweise mit &quot;mas-inspector --system DIR/system.json&quot; und durchsuchen
Sie es mit &quot;mas explore --system DIR/system.json --out bug.jsonl&quot;. Siehe docs/your-own-system.md.

NAME: Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben (er benennt das Plug-in,
seinen C++-Namensraum und seinen Agententyp NAME.agents:Node).

Rückgabewert: 0 geschrieben; 2 falsche Verwendung (ein ungültiger Name, DIR existiert und ist
nicht leer); 3 eine Datei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What to start: plugin.</source>
        <translation>Was angelegt wird: plugin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plug-in&apos;s name, e.g. mutex.</source>
        <translation>Der Name des Plug-ins, z. B. mutex.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where to write it (default: ./NAME).</source>
        <translation>Wohin es geschrieben wird (Standard: ./NAME).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected &quot;plugin NAME [DIR]&quot;; see mas new --help</source>
        <translation>erwartet &quot;plugin NAME [DIR]&quot;; siehe mas new --help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown kind &quot;%1&quot;: mas new knows &quot;plugin&quot;</source>
        <translation>unbekannte Art „%1“: mas new kennt „plugin“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a plug-in name: use lower-case letters, digits and _, starting with a letter</source>
        <translation>„%1“ ist kein Plug-in-Name: verwenden Sie Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 exists and is not empty</source>
        <translation>%1 existiert und ist nicht leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the template %1 is missing</source>
        <translation>die Vorlage %1 fehlt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot create the directory %1</source>
        <translation>das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrote the plug-in project %1 in %2. Next:
  cmake -S %2 -B %2/build -DCMAKE_PREFIX_PATH=&lt;where MAS is installed&gt;
  cmake --build %2/build &amp;&amp; ctest --test-dir %2/build
  mas-inspector --system %2/system.json
  mas explore --system %2/system.json --out bug.jsonl</source>
        <translation>Das Plug-in-Projekt %1 wurde in %2 geschrieben. Als Nächstes:
  cmake -S %2 -B %2/build -DCMAKE_PREFIX_PATH=&lt;where MAS is installed&gt;
  cmake --build %2/build &amp;&amp; ctest --test-dir %2/build
  mas-inspector --system %2/system.json
  mas explore --system %2/system.json --out bug.jsonl</translation>
    </message>
</context>
<context>
    <name>PythonPrograms</name>
    <message>
        <location filename="../app/mas/pythonprograms.cpp" line="+53"/>
        <source>--python expects a program</source>
        <translation>--python erwartet ein Programm</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no such program: %1</source>
        <translation>Programm nicht gefunden: %1</translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message>
        <location filename="../app/mas/runcommand.cpp" line="+140"/>
        <source>unexpected argument &quot;%1&quot;: a program&apos;s arguments follow --python PROGRAM</source>
        <translation>unerwartetes Argument „%1“: die Argumente eines Programms folgen auf --python PROGRAM</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--order is fifo or random, not &quot;%1&quot;</source>
        <translation>--order ist fifo oder random, nicht „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--seed expects a whole number of at least 0, not &quot;%1&quot;</source>
        <translation>--seed erwartet eine ganze Zahl von mindestens 0, nicht „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--steps expects a whole number of at least 0, not &quot;%1&quot;</source>
        <translation>--steps erwartet eine ganze Zahl von mindestens 0, nicht „%1“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--timeout expects a positive number of seconds, not &quot;%1&quot;</source>
        <translation>--timeout erwartet eine positive Anzahl Sekunden, nicht „%1“</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>warning from %1: %2: %3</source>
        <translation>Warnung von %1: %2: %3</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Usage: mas run --python PROGRAM.py [ARGS...] [--python ...] [OPTIONS]
       mas run --system FILE.json [OPTIONS]

Runs Python asyncio programs (aiomas included) under the masstep runner on the stepped
in-process network, without a display: every frame they send waits as a pending message
and is delivered in the chosen order; whenever nothing else can happen (no pending frame,
every program idle) the virtual clock moves to the next timer. The run stops when no frame
and no timer is left, after N steps, or when every program has exited.

Options:
  --python PROGRAM.py [ARGS...]  a program and its arguments (repeatable: the programs start
                                 one after the other, each once the others are idle); the
                                 arguments end at the next option of mas run
  --system FILE.json             a system file: its &quot;processes&quot; (Python programs) and its
                                 C++ agents from plug-ins, on the same stepped network
  --order fifo|random            the oldest frame first (default), or a seeded random one
                                 (frames may overtake others, a close waits for its frames)
  --seed S                       seeds the random order and the programs&apos; random and
                                 PYTHONHASHSEED (default 1); same seed, same run
  --steps N                      stop after N steps (a step is a delivery or a clock move)
  --log FILE.jsonl               write the event log as a session file MAS Inspector opens
  --timeout SECONDS              how long a program may take to answer (default 30)
  -q, --quiet                    no line per step and no program output
  -h, --help                     this help

The runner (python3 -m masstep) must be where python3 finds it: installed, or the source
tree&apos;s python/ directory on PYTHONPATH.

Examples:
  mas run --python echo.py both 5555 hello world
  mas run --python ring.py 0 --python ring.py 1 --python ring.py 2 --order random --seed 2

Exit status: 0 every program exited 0 (or --steps stopped a run without failures); 1 a
program exited non-zero, or the programs wait with nothing pending and no timer; 2 bad
usage; 3 a program did not start, hung or lost its runner, or the hub failed.
</source>
        <translation>Aufruf: mas run --python PROGRAM.py [ARGS...] [--python ...] [OPTIONEN]
        mas run --system FILE.json [OPTIONEN]

Führt Python-asyncio-Programme (auch aiomas) ohne Anzeige unter dem masstep-Runner im
schrittweise gesteuerten prozessinternen Netz aus: jeder gesendete Frame wird zur wartenden
Nachricht und in der gewählten Reihenfolge zugestellt; kann nichts anderes geschehen (kein
Frame wartet, alle Programme ruhen), rückt die virtuelle Uhr zum nächsten Timer vor. Der Lauf
endet, wenn Frames und Timer ausgehen, nach N Schritten oder wenn alle Programme beendet sind.

Optionen:
  --python PROGRAM.py [ARGS...]  ein Programm und seine Argumente (wiederholbar: die Programme
                                 starten nacheinander, jedes, sobald die anderen ruhen); die
                                 Argumente enden bei der nächsten Option von mas run
  --system FILE.json             eine Systemdatei: ihre &quot;processes&quot; (Python-Programme) und ihre
                                 Plug-in-C++-Agenten, im selben schrittweise gesteuerten Netz
  --order fifo|random            ältester Frame zuerst (Standard) oder ein zufälliger per Seed
                                 (Überholen möglich; ein Schließen wartet auf seine Frames)
  --seed S                       Seed der Zufallsreihenfolge, von random und PYTHONHASHSEED der
                                 Programme (Standard 1); gleicher Seed, gleicher Lauf
  --steps N                      nach N Schritten anhalten (Zustellung oder Vorrücken der Uhr)
  --log FILE.jsonl               Ereignisprotokoll als MAS-Inspector-Sitzungsdatei schreiben
  --timeout SECONDS              wie lange ein Programm zum Antworten haben darf (Standard 30)
  -q, --quiet                    keine Zeile je Schritt und keine Programmausgabe
  -h, --help                     diese Hilfe

Der Runner (python3 -m masstep) muss dort liegen, wo python3 ihn findet: installiert oder das
Verzeichnis python/ des Quellbaums im PYTHONPATH.

Beispiele:
  mas run --python echo.py both 5555 hello world
  mas run --python ring.py 0 --python ring.py 1 --python ring.py 2 --order random --seed 2

Rückgabewert: 0 alle Programme endeten mit 0 (oder --steps hielt fehlerfrei an); 1 ein Programm
endete nicht mit 0, oder alle warten, obwohl nichts wartet und kein Timer bleibt; 2 falscher
Aufruf; 3 ein Programm startete nicht, hing oder verlor seinen Runner, oder der Hub fiel aus.
</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>--system and --python do not go together: list the programs in the system file&apos;s &quot;processes&quot;</source>
        <translation>--system und --python passen nicht zusammen: führen Sie die Programme unter &quot;processes&quot; der Systemdatei auf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no such system file: %1</source>
        <translation>Systemdatei nicht gefunden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at least one --python PROGRAM.py or a --system FILE is required; see mas run --help</source>
        <translation>mindestens ein --python PROGRAM.py oder ein --system FILE ist erforderlich; siehe mas run --help</translation>
    </message>
    <message numerus="yes">
        <location line="+131"/>
        <source>stopped after %n step(s)</source>
        <translation>
            <numerusform>nach %n Schritt angehalten</numerusform>
            <numerusform>nach %n Schritten angehalten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>nothing to deliver and no timer left, but the programs still run</source>
        <translation>nichts zuzustellen und kein Timer übrig, aber die Programme laufen noch</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: still running at t=%2 (stopped)</source>
        <translation>%1: läuft bei t=%2 noch (angehalten)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: exited 0 at t=%2</source>
        <translation>%1: bei t=%2 mit 0 beendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 exited with status %2</source>
        <translation>%1 wurde mit Rückgabewert %2 beendet</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n step(s), virtual time %1</source>
        <translation>
            <numerusform>%n Schritt, virtuelle Zeit %1</numerusform>
            <numerusform>%n Schritte, virtuelle Zeit %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>event log written to %1 (%2 events)</source>
        <translation>Ereignisprotokoll nach %1 geschrieben (%2 Ereignisse)</translation>
    </message>
</context>
<context>
    <name>SharedStateCache</name>
    <message>
        <location filename="../libmas/mas/system/sharedstatecache.cpp" line="+91"/>
        <source>cannot map the shared state cache %1: %2</source>
        <translation>der gemeinsame Zustands-Cache %1 kann nicht in den Speicher abgebildet werden: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not a shared state cache</source>
        <translation>%1 ist kein gemeinsamer Zustands-Cache</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no shared state cache on this platform (%1)</source>
        <translation>kein gemeinsamer Zustands-Cache auf dieser Plattform (%1)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+7"/>
        <source>cannot make the shared state cache %1: %2</source>
        <translation>der gemeinsame Zustands-Cache %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>too small</source>
        <translation>zu klein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot open the shared state cache %1: %2</source>
        <translation>der gemeinsame Zustands-Cache %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(anonymous memory)</source>
        <translation>(anonymer Speicher)</translation>
    </message>
</context>
<context>
    <name>SubprocCommand</name>
    <message>
        <location filename="../app/mas/subproccommand.cpp" line="+194"/>
        <source>Runs a sub-process container (aiomas&apos;s subproc): a container at ADDRESS whose agent 0
is a Manager with spawn(qualname, *args, **kwargs) -&gt; [agent, url], set_time(t) and
stop(). Prints the Manager&apos;s URL as the first line on stdout, then serves until stop(),
SIGINT or SIGTERM, or until the parent process dies, and exits 0 after a clean shutdown.

ADDRESS is tcp://HOST:PORT (port 0 picks a free one) or ipc://PATH.

Parent death: when stdin is a pipe (as a parent&apos;s QProcess or subprocess module sets it
up), EOF on it stops the container: keep the writing end open and never close it. On
Linux the process also asks for SIGTERM when its parent dies (PR_SET_PDEATHSIG).

Agent types: those of the plug-ins in --plugin-path directories, and the built-in
  mas.subproc:EchoAgent(name=&quot;&quot;)  echo(value), name(), whoami(), pid(), time(), now(),
                                  sleep(seconds) -&gt; time after, call(url, method, *args)

Exit status: 0 stopped cleanly; 2 bad usage, codec, date or plug-in; 3 cannot listen.</source>
        <translation>Betreibt einen Unterprozess-Container (subproc von aiomas): einen Container
unter ADDRESS, dessen Agent 0 ein Manager ist, mit
spawn(qualname, *args, **kwargs) -&gt; [agent, url], set_time(t) und stop().
Gibt die URL des Managers als erste Zeile auf stdout aus, dient dann bis
stop(), SIGINT oder SIGTERM oder bis der Elternprozess endet, und endet nach
sauberem Herunterfahren mit 0.

ADDRESS ist tcp://HOST:PORT (Port 0 wählt einen freien) oder ipc://PATH.

Ende des Elternprozesses: Ist stdin eine Pipe (wie sie QProcess oder das
subprocess-Modul eines Elternprozesses einrichtet), beendet EOF darauf den
Container: halten Sie das schreibende Ende offen und schließen Sie es nie. Unter
Linux bittet der Prozess außerdem um SIGTERM, wenn sein Elternprozess endet
(PR_SET_PDEATHSIG).

Agententypen: die der Plug-ins in den --plugin-path-Verzeichnissen und der
eingebaute
  mas.subproc:EchoAgent(name=&quot;&quot;)  echo(value), name(), whoami(), pid(), time(), now(),
                                  sleep(seconds) -&gt; time after, call(url, method, *args)

Rückgabewert: 0 sauber beendet; 2 falsche Verwendung, Codec, Datum oder Plug-in;
3 kann nicht lauschen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Where to listen: tcp://HOST:PORT or ipc://PATH.</source>
        <translation>Wo gelauscht wird: tcp://HOST:PORT oder ipc://PATH.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codec: json (default), msgpack or msgpackblosc.</source>
        <translation>Codec: json (Standard), msgpack oder msgpackblosc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>realtime (default) or external (moved only by set_time).</source>
        <translation>realtime (Standard) oder external (läuft nur per set_time weiter).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The external clock&apos;s date at time 0, ISO 8601 (default: now).</source>
        <translation>Das Datum der externen Uhr zur Zeit 0, ISO 8601 (Standard: jetzt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the agent plug-ins in DIR (repeatable).</source>
        <translation>Die Agenten-Plug-ins in DIR laden (wiederholbar).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serve _monitor/... so a MAS Inspector can watch the traffic.</source>
        <translation>_monitor/... anbieten, damit ein MAS Inspector den Verkehr beobachten kann.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>exactly one ADDRESS is required; see mas subproc --help</source>
        <translation>genau eine ADDRESS ist erforderlich; siehe mas subproc --help</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--clock takes realtime or external, not &quot;%1&quot;</source>
        <translation>--clock erwartet realtime oder external, nicht „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--start needs --clock external</source>
        <translation>--start braucht --clock external</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Echoes values, tells its clock&apos;s time and calls other agents (for trying out sub-processes)</source>
        <translation>Gibt Werte zurück, nennt die Zeit seiner Uhr und ruft andere Agenten auf (zum Ausprobieren von Unterprozessen)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/inspector/main.cpp" line="+91"/>
        <source>MAS Inspector: run, step and watch multi-agent systems on an in-process network.</source>
        <translation>MAS Inspector: Multiagentensysteme in einem prozessinternen Netz ausführen, schrittweise steuern und beobachten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The demo system to open (default: leader-election).</source>
        <translation>Das zu öffnende Demosystem (Standard: leader-election).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of agents.</source>
        <translation>Anzahl der Agenten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo&apos;s random seed.</source>
        <translation>Der Zufalls-Seed der Demo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build the demo&apos;s variant with a known fault.</source>
        <translation>Die Variante der Demo mit einem bekannten Fehler bauen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Render the window into FILE (PNG) and exit, without user input.</source>
        <translation>Das Fenster in FILE (PNG) zeichnen und beenden, ohne Benutzereingabe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How the demo&apos;s containers talk: local (steppable, default), tcp or unix.</source>
        <translation>Wie die Container der Demo kommunizieren: local (schrittweise, Standard), tcp oder unix.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Watch a running container instead of a demo (tcp://host:port or ipc://path).</source>
        <translation>Einen laufenden Container statt einer Demo beobachten (tcp://host:port oder ipc://path).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The codec of --attach: json (default), msgpack, msgpackblosc.</source>
        <translation>Der Codec von --attach: json (Standard), msgpack, msgpackblosc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --attach: mutual TLS, the CA certificate (PEM).</source>
        <translation>Mit --attach: gegenseitiges TLS, das Zertifikat der Zertifizierungsstelle (PEM).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --attach: the Inspector&apos;s certificate (PEM).</source>
        <translation>Mit --attach: das Zertifikat des Inspectors (PEM).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --attach: the certificate&apos;s private key (PEM).</source>
        <translation>Mit --attach: der private Schlüssel des Zertifikats (PEM).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host the Counter simulator and wait for mosaik on HOST:PORT (sim_config &quot;connect&quot;).</source>
        <translation>Den Counter-Simulator bereitstellen und auf HOST:PORT auf mosaik warten (sim_config &quot;connect&quot;).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host the Counter simulator and connect to mosaik at HOST:PORT (sim_config &quot;cmd&quot;: &quot;mas-inspector --mosaik-connect %(addr)s&quot;).</source>
        <translation>Den Counter-Simulator bereitstellen und sich mit mosaik unter HOST:PORT verbinden (sim_config &quot;cmd&quot;: &quot;mas-inspector --mosaik-connect %(addr)s&quot;).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --mosaik-*: hold the co-simulation at step T.</source>
        <translation>Mit --mosaik-*: die Co-Simulation bei Schritt T anhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the demos and exit.</source>
        <translation>Die Demos auflisten und beenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the system FILE describes (JSON: containers, agents of your plug-ins, invariants) instead of a demo.</source>
        <translation>Das System öffnen, das FILE beschreibt (JSON: Container, Agenten Ihrer Plug-ins, Invarianten), statt einer Demo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run the Python asyncio PROGRAM (aiomas too) under the masstep runner, stepped; the arguments after it, up to the next --python, are the program&apos;s. Repeat it for several programs on one network (give the Inspector&apos;s options before the first --python).</source>
        <translation>Das Python-asyncio-PROGRAM (auch aiomas) schrittweise unter dem masstep-Runner ausführen; die Argumente danach, bis zum nächsten --python, gehören dem Programm. Für mehrere Programme in einem Netz wiederholen (die Optionen des Inspectors vor dem ersten --python angeben).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a saved session (replayed to its end) or a counterexample of mas explore (at its start).</source>
        <translation>Eine gespeicherte Sitzung (bis zum Ende wiedergegeben) oder ein Gegenbeispiel von mas explore (an seinem Anfang) öffnen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load the system and agent plug-ins in DIR (repeatable); the installed ones are loaded too.</source>
        <translation>Die System- und Agenten-Plug-ins in DIR laden (wiederholbar); die installierten werden auch geladen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the message table as the window shows it to FILE (CSV) and exit, without a display (after --steps).</source>
        <translation>Die Nachrichtentabelle, wie das Fenster sie zeigt, nach FILE (CSV) schreiben und beenden, ohne Anzeige (nach --steps).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the sequence diagram as the window shows it to FILE (SVG) and exit, without a display (after --steps).</source>
        <translation>Das Sequenzdiagramm, wie das Fenster es zeigt, nach FILE (SVG) schreiben und beenden, ohne Anzeige (nach --steps).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start in presentation mode: larger text, high contrast (View → Presentation).</source>
        <translation>Im Präsentationsmodus starten: größere Schrift, hoher Kontrast (Ansicht → Präsentation).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep only the last N events in memory, for long free-running runs (0: every event; Step Back reaches back as far as the kept events). Overrides the setting events/keep.</source>
        <translation>Nur die letzten N Ereignisse im Speicher behalten, für lange, frei laufende Läufe (0: alle Ereignisse; Zurückgehen reicht so weit zurück wie die behaltenen Ereignisse). Überschreibt die Einstellung events/keep.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A file to open: a saved session (replayed to its end), a counterexample of mas explore --out (at its start) or a system file (JSON).</source>
        <translation>Eine zu öffnende Datei: eine gespeicherte Sitzung (bis zum Ende wiedergegeben), ein Gegenbeispiel von mas explore --out (an seinem Anfang) oder eine Systemdatei (JSON).</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>--steps, --agents and --seed take numbers</source>
        <translation>--steps, --agents und --seed erwarten Zahlen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown demo &quot;%1&quot;; --list-demos lists them</source>
        <translation>Unbekannte Demo „%1“; --list-demos listet sie auf</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Waiting for mosaik on %1:%2</source>
        <translation>Warte auf mosaik unter %1:%2</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+103"/>
        <source>MAS Inspector</source>
        <translation>MAS Inspector</translation>
    </message>
    <message>
        <location line="-308"/>
        <source>--python expects a program: --python PROGRAM.py [ARGS...]</source>
        <translation>--python erwartet ein Programm: --python PROGRAM.py [ARGS...]</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Take N steps (as F10 does) before showing the window.</source>
        <translation>N Schritte gehen (wie mit F10), bevor das Fenster erscheint.</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Give one file to open (FILE, --session, --system or --python)</source>
        <translation>Geben Sie nur eine zu öffnende Datei an (FILE, --session, --system oder --python)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--keep-events needs a number of events (0: all), not &quot;%1&quot;</source>
        <translation>--keep-events erwartet eine Anzahl von Ereignissen (0: alle), nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+219"/>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../examples/mosaik_counter/main.cpp" line="+16"/>
        <source>The reference Counter simulator for mosaik, written with libmas.</source>
        <translation>Der Referenz-Counter-Simulator für mosaik, geschrieben mit libmas.</translation>
    </message>
</context>
<context>
    <name>mas</name>
    <message>
        <location filename="../libmas/mas/agent/agentregistry.cpp" line="+48"/>
        <source>Cannot load agent plug-in &quot;%1&quot;: %2</source>
        <translation>Das Agenten-Plug-in „%1“ kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>it is not a Qt plug-in (%1)</source>
        <translation>es ist kein Qt-Plug-in (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it was built for version %1 of the agent plug-in interface (IID &quot;%2&quot;), this program supports version %3</source>
        <translation>es wurde für Version %1 der Agenten-Plug-in-Schnittstelle gebaut (IID &quot;%2&quot;), dieses Programm unterstützt Version %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is a Qt plug-in with IID &quot;%1&quot;, not an agent plug-in (IID &quot;%2&quot;)</source>
        <translation>es ist ein Qt-Plug-in mit der IID &quot;%1&quot;, kein Agenten-Plug-in (IID &quot;%2&quot;)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>An agent type&apos;s name is a qualname like &quot;pkg.module:Class&quot;, not &quot;%1&quot;</source>
        <translation>Der Name eines Agententyps ist ein qualname wie &quot;pkg.module:Class&quot;, nicht „%1“</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Agent type &quot;%1&quot; has no factory</source>
        <translation>Der Agententyp „%1“ hat keine Fabrik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent type &quot;%1&quot; is already registered</source>
        <translation>Der Agententyp „%1“ ist bereits registriert</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No agent type &quot;%1&quot; is registered</source>
        <translation>Es ist kein Agententyp „%1“ registriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (did you mean %1?)</source>
        <translation> (meinten Sie %1?)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No container to create &quot;%1&quot; in</source>
        <translation>Kein Container, in dem „%1“ erzeugt werden kann</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the file does not exist</source>
        <translation>die Datei existiert nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a file</source>
        <translation>es ist keine Datei</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its plug-in class %1 does not implement mas::AgentPlugin, although its IID says so</source>
        <translation>seine Plug-in-Klasse %1 implementiert mas::AgentPlugin nicht, obwohl ihre IID es angibt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>agent type &quot;%1&quot; has no factory</source>
        <translation>der Agententyp „%1“ hat keine Fabrik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>agent type &quot;%1&quot; is registered already by plug-in &quot;%2&quot;</source>
        <translation>der Agententyp „%1“ ist bereits vom Plug-in „%2“ registriert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>agent type &quot;%1&quot; is registered already</source>
        <translation>der Agententyp „%1“ ist bereits registriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it offers agent type &quot;%1&quot; twice</source>
        <translation>es bietet den Agententyp „%1“ zweimal an</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it offers no agent types</source>
        <translation>es bietet keine Agententypen an</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot load agent plug-ins from &quot;%1&quot;: no such directory</source>
        <translation>Agenten-Plug-ins aus „%1“ können nicht geladen werden: das Verzeichnis existiert nicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot load agent plug-ins from &quot;%1&quot;: the directory is not readable</source>
        <translation>Agenten-Plug-ins aus „%1“ können nicht geladen werden: das Verzeichnis ist nicht lesbar</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1() got an unexpected keyword argument %2</source>
        <translation>%1() hat ein unerwartetes Schlüsselwortargument %2 erhalten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1() got multiple values for argument %2</source>
        <translation>%1() hat mehrere Werte für das Argument %2 erhalten</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1() missing 1 required positional argument: %2</source>
        <translation>%1() fehlt 1 erforderliches Positionsargument: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1() argument %2: %3</source>
        <translation>%1(), Argument %2: %3</translation>
    </message>
    <message>
        <location filename="../libmas/mas/agent/manager.cpp" line="+118"/>
        <source>The factory of &quot;%1&quot; returned no agent</source>
        <translation>Die Fabrik von „%1“ hat keinen Agenten geliefert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The factory of &quot;%1&quot; created its agent in another container</source>
        <translation>Die Fabrik von „%1“ hat ihren Agenten in einem anderen Container erzeugt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>set_time() needs an external clock, but %1 runs on a %2</source>
        <translation>set_time() braucht eine externe Uhr, aber %1 läuft mit %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/agent/subprocess.cpp" line="+71"/>
        <source>sub-process container %1 (pid %2)</source>
        <translation>Unterprozess-Container %1 (PID %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+317"/>
        <source>sub-process container %1</source>
        <translation>Unterprozess-Container %1</translation>
    </message>
    <message>
        <location line="-272"/>
        <source>No mas executable found for sub-process containers (set MAS_EXECUTABLE)</source>
        <translation>Kein mas-Programm für Unterprozess-Container gefunden (setzen Sie MAS_EXECUTABLE)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot start sub-process container %1 (%2): %3</source>
        <translation>Der Unterprozess-Container %1 (%2) kann nicht gestartet werden: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 did not print its address within %2 ms</source>
        <translation>%1 hat seine Adresse nicht innerhalb von %2 ms ausgegeben</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 printed no address line but %2 bytes</source>
        <translation>%1 hat keine Adresszeile ausgegeben, sondern %2 Bytes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>exited with code %1</source>
        <translation>wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>was killed or crashed</source>
        <translation>wurde abgebrochen oder ist abgestürzt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sub-process container %1 %2 before it printed its address (see its messages above)</source>
        <translation>Unterprozess-Container %1 %2, bevor er seine Adresse ausgab (siehe seine Meldungen oben)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sub-process container %1 at %2 %3 unexpectedly</source>
        <translation>Unterprozess-Container %1 unter %2 %3 (unerwartet)</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+61"/>
        <location line="+19"/>
        <location line="+81"/>
        <source>The sub-process containers were destroyed</source>
        <translation>Die Unterprozess-Container wurden zerstört</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Sub-process containers need a container to reach them</source>
        <translation>Unterprozess-Container brauchen einen Container, der sie erreicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sub-process containers use no TLS and no extra serializers; %1 does</source>
        <translation>Unterprozess-Container verwenden kein TLS und keine zusätzlichen Serialisierer; %1 schon</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot start %1 sub-process containers</source>
        <translation>%1 Unterprozess-Container können nicht gestartet werden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The sub-process containers or their container were destroyed</source>
        <translation>Die Unterprozess-Container oder ihr Container wurden zerstört</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Agent 0 at %1 is a %2, not a Manager</source>
        <translation>Agent 0 unter %1 ist ein %2, kein Manager</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>There is no sub-process container %1</source>
        <translation>Es gibt keinen Unterprozess-Container %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: spawn() answered %2, not [agent, url]</source>
        <translation>%1: spawn() hat %2 geantwortet, nicht [agent, url]</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/sockettransport.cpp" line="+50"/>
        <source>%1 is not a directory. An agent on a Unix socket is written ipc://[SOCKET PATH]/AGENT ID, e.g. ipc://[%1]/%2</source>
        <translation>%1 ist kein Verzeichnis. Ein Agent auf einem Unix-Socket wird ipc://[SOCKET-PFAD]/AGENTEN-ID geschrieben, z. B. ipc://[%1]/%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>TLS is not available (no TLS backend could be loaded)</source>
        <translation>TLS ist nicht verfügbar (kein TLS-Backend konnte geladen werden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read a CA certificate from &quot;%1&quot;</source>
        <translation>Aus „%1“ kann kein CA-Zertifikat gelesen werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read a certificate from &quot;%1&quot;</source>
        <translation>Aus „%1“ kann kein Zertifikat gelesen werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read the private key &quot;%1&quot;</source>
        <translation>Der private Schlüssel „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; holds no usable private key</source>
        <translation>„%1“ enthält keinen verwendbaren privaten Schlüssel</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connection to %1 refused</source>
        <translation>Verbindung zu %1 abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host of %1 not found</source>
        <translation>Host von %1 nicht gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+65"/>
        <source>Connecting to %1 timed out</source>
        <translation>Zeitüberschreitung beim Verbinden mit %1</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 closed the connection while connecting</source>
        <translation>%1 hat die Verbindung während des Verbindungsaufbaus geschlossen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+71"/>
        <source>Cannot connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>TLS verification of %1 failed: %2</source>
        <translation>TLS-Prüfung von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The TLS handshake with %1 did not finish within %2 ms</source>
        <translation>Der TLS-Handshake mit %1 wurde nicht innerhalb von %2 ms abgeschlossen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 closed the connection during the TLS handshake (its log says why: no TLS there, our certificate refused, or too many connections)</source>
        <translation>%1 hat die Verbindung während des TLS-Handshakes geschlossen (sein Protokoll nennt den Grund: dort kein TLS, unser Zertifikat abgelehnt oder zu viele Verbindungen)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cannot connect to &quot;%1&quot;: only tcp:// and ipc:// addresses</source>
        <translation>Verbindung zu „%1“ nicht möglich: nur tcp://- und ipc://-Adressen</translation>
    </message>
    <message>
        <location filename="../libmas/mas/channel/connection.cpp" line="+42"/>
        <location filename="../libmas/mas/transport/sockettransport.cpp" line="-111"/>
        <source>No address to connect to</source>
        <translation>Keine Adresse zum Verbinden</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/sockettransport.cpp" line="-26"/>
        <location filename="../libmas/mas/transport/streamsocket.cpp" line="+133"/>
        <source>TLS failed on the connection to %1: %2</source>
        <translation>TLS ist auf der Verbindung zu %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection reset by peer %1 right after connecting</source>
        <translation>Verbindung von der Gegenstelle %1 direkt nach dem Verbinden zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../libmas/mas/channel/connection.cpp" line="+36"/>
        <location line="+15"/>
        <source>The clock was destroyed while connecting to %1</source>
        <translation>Die Uhr wurde gelöscht, während die Verbindung zu %1 aufgebaut wurde</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>connect to %1 again</source>
        <translation>erneut mit %1 verbinden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Refused a connection from %1: it has %2 connections to the server on %3, the limit per peer (maxConnectionsPerPeer)</source>
        <translation>Verbindung von %1 abgelehnt: die Gegenstelle hat %2 Verbindungen zum Server auf %3, das Limit je Gegenstelle (maxConnectionsPerPeer)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refused a connection from %1: the server on %2 has %3 connections, the limit (maxConnections)</source>
        <translation>Verbindung von %1 abgelehnt: der Server auf %2 hat %3 Verbindungen, das Limit (maxConnections)</translation>
    </message>
    <message>
        <location filename="../libmas/mas/channel/request.cpp" line="+59"/>
        <source>This request was never received</source>
        <translation>Diese Anfrage wurde nie empfangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was already answered</source>
        <translation>Die Anfrage wurde bereits beantwortet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection closed before the request was answered</source>
        <translation>Die Verbindung wurde geschlossen, bevor die Anfrage beantwortet war</translation>
    </message>
    <message>
        <location filename="../libmas/mas/clock/clock.cpp" line="+376"/>
        <source>A clock time must be a number, not NaN</source>
        <translation>Eine Uhrzeit muss eine Zahl sein, nicht NaN</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>The clock of this deadline was destroyed</source>
        <translation>Die Uhr dieser Frist wurde zerstört</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/dateserializer.cpp" line="+40"/>
        <source>&quot;%1&quot; is not an ISO 8601 date</source>
        <translation>„%1“ ist kein Datum nach ISO 8601</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;%1&quot; is not an ISO 8601 date: the UTC offset %2 is out of range (at most 23:59 either way)</source>
        <translation>„%1“ ist kein Datum nach ISO 8601: der UTC-Versatz %2 liegt außerhalb des Bereichs (höchstens 23:59 in jede Richtung)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A date must be sent as text, got %1</source>
        <translation>Ein Datum muss als Text gesendet werden, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../libmas/mas/observe/taprelay.cpp" line="+199"/>
        <source>Cannot connect to %1 for %2: %3</source>
        <translation>Verbindung zu %1 für %2 nicht möglich: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Connecting to %1 for %2 timed out after %3 ms</source>
        <translation>Zeitüberschreitung beim Verbinden mit %1 für %2 nach %3 ms</translation>
    </message>
    <message>
        <location line="+348"/>
        <source>A tap relay listens on tcp:// or ipc:// addresses, not &quot;%1&quot;</source>
        <translation>Ein Abhör-Relay lauscht auf tcp://- oder ipc://-Adressen, nicht auf „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A tap relay relays to tcp:// or ipc:// addresses, not &quot;%1&quot;</source>
        <translation>Ein Abhör-Relay leitet an tcp://- oder ipc://-Adressen weiter, nicht an „%1“</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/framing.cpp" line="+17"/>
        <source>Serialized message is too long: %1 bytes, the limit is 2^32 - 1</source>
        <translation>Die serialisierte Nachricht ist zu lang: %1 Bytes, das Limit ist 2^32 - 1</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Frame of %1 bytes exceeds the maximum frame size of %2 bytes</source>
        <translation>Ein Frame von %1 Bytes überschreitet die maximale Frame-Größe von %2 Bytes</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The connection ended inside a frame header (%1 of 4 bytes)</source>
        <translation>Die Verbindung endete innerhalb eines Frame-Headers (%1 von 4 Bytes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection ended inside a frame (%1 of %2 payload bytes)</source>
        <translation>Die Verbindung endete innerhalb eines Frames (%1 von %2 Nutzdaten-Bytes)</translation>
    </message>
    <message>
        <location filename="../libmas/mas/agent/agenturl.cpp" line="+16"/>
        <source>Cannot parse agent URL &quot;%1&quot;: %2</source>
        <translation>Die Agenten-URL „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected ipc://[socket path]/agent id</source>
        <translation>erwartet ipc://[Socket-Pfad]/Agenten-ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../libmas/mas/transport/address.cpp" line="+40"/>
        <source>the socket path is missing</source>
        <translation>der Socket-Pfad fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the agent id is missing</source>
        <translation>die Agenten-ID fehlt</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>the agent id is missing (expected tcp://host:port/agent id)</source>
        <translation>die Agenten-ID fehlt (erwartet tcp://host:port/Agenten-ID)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected tcp://host:port/agent id</source>
        <translation>erwartet tcp://host:port/Agenten-ID</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not host:port</source>
        <translation>„%1“ ist nicht host:port</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected local://queue id/agent id</source>
        <translation>erwartet local://Warteschlangen-ID/Agenten-ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the agent id is missing (expected local://queue id/agent id)</source>
        <translation>die Agenten-ID fehlt (erwartet local://Warteschlangen-ID/Agenten-ID)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown scheme (expected tcp://, ipc:// or local://)</source>
        <translation>unbekanntes Schema (erwartet tcp://, ipc:// oder local://)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot parse agent URL &quot;%1&quot;: expected ipc://[path]/AID</source>
        <translation>Die Agenten-URL „%1“ kann nicht gelesen werden: erwartet ipc://[path]/AID</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot parse agent URL &quot;%1&quot;: the agent id may not contain &quot;/&quot;</source>
        <translation>Die Agenten-URL „%1“ kann nicht gelesen werden: die Agenten-ID darf kein „/“ enthalten</translation>
    </message>
    <message>
        <location filename="../libmas/mas/agent/container.cpp" line="+148"/>
        <source>The container was destroyed while connecting</source>
        <translation>Der Container wurde während des Verbindungsaufbaus zerstört</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is shut down</source>
        <translation>%1 ist heruntergefahren</translation>
    </message>
    <message>
        <location filename="../libmas/mas/channel/channel.cpp" line="+83"/>
        <source>The timeout %1 must not be negative (it is %2 ms)</source>
        <translation>Die Zeitüberschreitung %1 darf nicht negativ sein (sie beträgt %2 ms)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The timeout %1 is too large: %2 ms (at most %3 ms)</source>
        <translation>Die Zeitüberschreitung %1 ist zu groß: %2 ms (höchstens %3 ms)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The limit %1 must not be negative (it is %2)</source>
        <translation>Das Limit %1 darf nicht negativ sein (es ist %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The timeouts should run on a given clock (TimeoutClock::GivenClock), but no clock was given</source>
        <translation>Die Zeitüberschreitungen sollen auf einer vorgegebenen Uhr laufen (TimeoutClock::GivenClock), aber es wurde keine Uhr angegeben</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Unknown limit &quot;%1&quot;</source>
        <translation>Unbekanntes Limit „%1“</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No codec to decode the frame with</source>
        <translation>Kein Codec, mit dem sich der Frame dekodieren lässt</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>The clock of the connection to %1 was destroyed</source>
        <translation>Die Uhr der Verbindung zu %1 wurde gelöscht</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>a frame it is sending</source>
        <translation>einen Frame, den die Gegenstelle sendet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 speaks TLS, but this connection does not use TLS</source>
        <translation>%1 spricht TLS, aber diese Verbindung verwendet kein TLS</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Received a bad frame</source>
        <translation>Fehlerhaften Frame empfangen</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+312"/>
        <source>frame timeout of the connection to %1</source>
        <translation>Frame-Zeitüberschreitung der Verbindung zu %1</translation>
    </message>
    <message>
        <location line="-270"/>
        <source>Received an invalid message</source>
        <translation>Ungültige Nachricht empfangen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Received a reply to unknown request id %1</source>
        <translation>Antwort auf unbekannte Anfrage-ID %1 empfangen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a message to it</source>
        <translation>eine Nachricht an die Gegenstelle</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Too many pending requests: %1 requests on this connection are not answered yet (the limit is %2); request %3 was refused</source>
        <translation>Zu viele offene Anfragen: %1 Anfragen auf dieser Verbindung sind noch nicht beantwortet (das Limit ist %2); Anfrage %3 wurde abgelehnt</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>idle timeout of the connection to %1</source>
        <translation>Leerlauf-Zeitüberschreitung der Verbindung zu %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was sent to or received from %1 for %2 ms (idle timeout)</source>
        <translation>Seit %2 ms wurde nichts an %1 gesendet oder von dort empfangen (Leerlauf-Zeitlimit)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 more bytes for %2 would take the server&apos;s buffered bytes over its memory budget of %3 bytes (memoryBudget): %4 are in use by all its connections, %5 by this one</source>
        <translation>%1 weitere Bytes für %2 würden die gepufferten Bytes des Servers über sein Speicherbudget von %3 Bytes bringen (memoryBudget): %4 belegen alle seine Verbindungen, %5 diese eine</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>minimum frame rate of the connection to %1</source>
        <translation>Mindest-Frame-Rate der Verbindung zu %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 sent %2 bytes of a frame in %3 ms, less than the minimum rate of %4 bytes/s (minFrameByteRate)</source>
        <translation>%1 hat in %3 ms %2 Bytes eines Frames gesendet, weniger als die Mindestrate von %4 Bytes/s (minFrameByteRate)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 of the 4 bytes of a frame header</source>
        <translation>%1 der 4 Bytes eines Frame-Headers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes of a frame</source>
        <translation>%1 Bytes eines Frames</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 sent %2 and then nothing more for %3 ms (frame timeout)</source>
        <translation>%1 hat %2 gesendet und dann %3 ms lang nichts mehr (Frame-Zeitlimit)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Connection reset by peer %1</source>
        <translation>Verbindung von der Gegenstelle %1 zurückgesetzt</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>No reply from %1 to request %2 in time</source>
        <translation>Keine rechtzeitige Antwort von %1 auf Anfrage %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/codec.cpp" line="+138"/>
        <source>Unknown codec &quot;%1&quot; (known: %2)</source>
        <translation>Unbekannter Codec „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A codec named &quot;%1&quot; is already registered</source>
        <translation>Ein Codec namens „%1“ ist bereits registriert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A codec needs a name and a factory</source>
        <translation>Ein Codec braucht einen Namen und eine Fabrik</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/codecfailure_p.h" line="+26"/>
        <source>The value nests deeper than %1 levels</source>
        <translation>Der Wert ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/jsoncodec.cpp" line="+185"/>
        <location filename="../libmas/mas/codec/msgpackcodec.cpp" line="+158"/>
        <location filename="../libmas/mas/codec/serializerregistry.cpp" line="+109"/>
        <source>No serializer found for type &quot;%1&quot;</source>
        <translation>Kein Serialisierer für den Typ „%1“ gefunden</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>JSON keys must be str, int, float, bool or None, not %1</source>
        <translation>JSON-Schlüssel müssen str, int, float, bool oder None sein, nicht %1</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>extra data after the value</source>
        <translation>zusätzliche Daten nach dem Wert</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Invalid JSON at byte %1: %2</source>
        <translation>Ungültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../libmas/mas/codec/msgpackcodec.cpp" line="+165"/>
        <source>The payload holds more than %1 elements</source>
        <translation>Die Nutzdaten enthalten mehr als %1 Elemente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected end of data, expected a value</source>
        <translation>unerwartetes Datenende, ein Wert wurde erwartet</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+55"/>
        <location filename="../libmas/mas/codec/msgpackcodec.cpp" line="+37"/>
        <source>The payload nests deeper than %1 levels</source>
        <translation>Die Nutzdaten sind tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>unexpected end of data in a list</source>
        <translation>unerwartetes Datenende in einer Liste</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>&apos;,&apos; oder &apos;]&apos; erwartet</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>expected a string key</source>
        <translation>ein Zeichenketten-Schlüssel wurde erwartet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected &apos;:&apos; after a key</source>
        <translation>&apos;:&apos; nach einem Schlüssel erwartet</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>unexpected end of data in an object</source>
        <translation>unerwartetes Datenende in einem Objekt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>&apos;,&apos; oder &apos;}&apos; erwartet</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+22"/>
        <source>unterminated string</source>
        <translation>nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>invalid control character in a string</source>
        <translation>ungültiges Steuerzeichen in einer Zeichenkette</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>invalid UTF-8</source>
        <translation>ungültiges UTF-8</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>truncated \u escape</source>
        <translation>abgeschnittene \u-Escape-Sequenz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>invalid \u escape</source>
        <translation>ungültige \u-Escape-Sequenz</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid escape</source>
        <translation>ungültige Escape-Sequenz</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+18"/>
        <location line="+12"/>
        <location line="+15"/>
        <source>invalid number</source>
        <translation>ungültige Zahl</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/message.cpp" line="+17"/>
        <source>A message must be a list of three items [type, id, content], got %1</source>
        <translation>Eine Nachricht muss eine Liste aus drei Elementen [type, id, content] sein, erhalten: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown message type %1 (expected 0, 1 or 2)</source>
        <translation>Unbekannter Nachrichtentyp %1 (erwartet 0, 1 oder 2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invalid message id %1 (expected a non-negative integer)</source>
        <translation>Ungültige Nachrichten-ID %1 (erwartet eine nicht negative ganze Zahl)</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/msgpackblosccodec.cpp" line="+22"/>
        <source>The message is too large for blosc (%1 bytes)</source>
        <translation>Die Nachricht ist zu groß für blosc (%1 Bytes)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>blosc could not compress the message (code %1)</source>
        <translation>blosc konnte die Nachricht nicht komprimieren (Code %1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Invalid blosc frame: %1 bytes is shorter than the 16-byte header</source>
        <translation>Ungültiger blosc-Frame: %1 Bytes sind kürzer als der 16-Byte-Header</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Invalid blosc frame: the header does not match the %1 bytes received</source>
        <translation>Ungültiger blosc-Frame: der Header passt nicht zu den %1 empfangenen Bytes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid blosc frame: it would decompress to %1 bytes, more than the limit of %2</source>
        <translation>Ungültiger blosc-Frame: er würde auf %1 Bytes entpacken, mehr als das Limit von %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invalid blosc frame: %1 bytes would decompress to %2 bytes, more than %3 times as many (maxDecompressionRatio)</source>
        <translation>Ungültiger blosc-Frame: %1 Bytes würden auf %2 Bytes entpacken, mehr als das %3-Fache (maxDecompressionRatio)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid blosc frame: decompression failed (code %1)</source>
        <translation>Ungültiger blosc-Frame: das Entpacken ist fehlgeschlagen (Code %1)</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/msgpackcodec.cpp" line="-275"/>
        <source>The integer %1 does not fit into 64 bits, which MsgPack cannot encode</source>
        <translation>Die ganze Zahl %1 passt nicht in 64 Bit, MsgPack kann sie nicht kodieren</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The text %1 holds a lone UTF-16 surrogate, which MsgPack (UTF-8) cannot encode</source>
        <translation>Der Text %1 enthält ein einzelnes UTF-16-Surrogat, das MsgPack (UTF-8) nicht kodieren kann</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>A string, bytes, list or map is too long for MsgPack (over 2^32 - 1)</source>
        <translation>Eine Zeichenkette, Bytefolge, Liste oder Map ist zu lang für MsgPack (über 2^32 - 1)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Invalid MsgPack: a str holds invalid UTF-8 (byte %1 of the string)</source>
        <translation>Ungültiges MsgPack: ein str enthält ungültiges UTF-8 (Byte %1 der Zeichenkette)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Invalid MsgPack: ext types are not used by aiomas and not supported</source>
        <translation>Ungültiges MsgPack: ext-Typen verwendet aiomas nicht, sie werden nicht unterstützt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Invalid MsgPack at byte %1: not a valid type byte</source>
        <translation>Ungültiges MsgPack bei Byte %1: kein gültiges Typ-Byte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid MsgPack: the data ends in the middle of a value</source>
        <translation>Ungültiges MsgPack: die Daten enden mitten in einem Wert</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Invalid MsgPack: no data</source>
        <translation>Ungültiges MsgPack: keine Daten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invalid MsgPack data</source>
        <translation>Ungültige MsgPack-Daten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Invalid MsgPack: %1 extra bytes after the value</source>
        <translation>Ungültiges MsgPack: %1 zusätzliche Bytes nach dem Wert</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/serializerregistry.cpp" line="-58"/>
        <location line="+16"/>
        <source>There is already a serializer for type &quot;%1&quot;</source>
        <translation>Für den Typ „%1“ gibt es bereits einen Serialisierer</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>There is no type id %1</source>
        <translation>Es gibt keine Typ-ID %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is already a fallback serializer (&quot;%1&quot;)</source>
        <translation>Es gibt bereits einen Ersatz-Serialisierer („%1“)</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+4"/>
        <source>Could not serialize object of type &quot;%1&quot;: %2</source>
        <translation>Objekt vom Typ „%1“ konnte nicht serialisiert werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not serialize object of type &quot;%1&quot;</source>
        <translation>Objekt vom Typ „%1“ konnte nicht serialisiert werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown type id %1 in a &quot;__type__&quot; tag (%2 serializers registered)</source>
        <translation>Unbekannte Typ-ID %1 in einem &quot;__type__&quot;-Tag (%2 Serialisierer registriert)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Could not deserialize &quot;%1&quot; (type id %2): %3</source>
        <translation>„%1“ (Typ-ID %2) konnte nicht deserialisiert werden: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not deserialize &quot;%1&quot; (type id %2)</source>
        <translation>„%1“ (Typ-ID %2) konnte nicht deserialisiert werden</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Malformed &quot;__type__&quot; tag (expected [type id, value]): %1</source>
        <translation>Fehlerhaftes &quot;__type__&quot;-Tag (erwartet [Typ-ID, Wert]): %1</translation>
    </message>
    <message>
        <location filename="../libmas/mas/core/error.cpp" line="+29"/>
        <source>The peer reported a failure</source>
        <translation>Die Gegenstelle hat einen Fehlschlag gemeldet</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>No result: a default-constructed mas::Result</source>
        <translation>Kein Ergebnis: ein standardkonstruiertes mas::Result</translation>
    </message>
    <message>
        <location filename="../libmas/mas/core/value.cpp" line="+326"/>
        <source>expected %1, got %2 (%3)</source>
        <translation>%1 erwartet, erhalten: %2 (%3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is out of range for the expected %2</source>
        <translation>%1 liegt außerhalb des Bereichs des erwarteten %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/core/valueconvert.h" line="+391"/>
        <source>expected a list of %1 items, got %2</source>
        <translation>eine Liste mit %1 Elementen erwartet, erhalten: %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/trace/trafficlog.cpp" line="+503"/>
        <source>An event must be a JSON object</source>
        <translation>Ein Ereignis muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown event kind &quot;%1&quot;</source>
        <translation>Unbekannte Ereignisart „%1“</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cannot write the event log: %1</source>
        <translation>Das Ereignisprotokoll kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/rpc/rpcclient.cpp" line="+42"/>
        <source>The reply of %1</source>
        <translation>Die Antwort von %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The RPC connection is gone</source>
        <translation>Die RPC-Verbindung besteht nicht mehr</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/address.cpp" line="-5"/>
        <source>Cannot parse address &quot;%1&quot;: %2</source>
        <translation>Die Adresse „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected local://queue id</source>
        <translation>erwartet local://Warteschlangen-ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected tcp://host:port, ipc://path or local://queue id</source>
        <translation>erwartet tcp://host:port, ipc://path oder local://Warteschlangen-ID</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>an IPv6 host must be written as [host]:port</source>
        <translation>ein IPv6-Host muss als [host]:port geschrieben werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the port is missing</source>
        <translation>der Port fehlt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an IPv6 host must be written in brackets</source>
        <translation>ein IPv6-Host muss in eckigen Klammern stehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the host is missing</source>
        <translation>der Host fehlt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a port number</source>
        <translation>„%1“ ist keine Portnummer</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/localnetwork.cpp" line="+45"/>
        <source>Only a tcp:// or ipc:// address can stand for a local queue, not &quot;%1&quot;</source>
        <translation>Nur eine tcp://- oder ipc://-Adresse kann für eine lokale Warteschlange stehen, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No message %1 is pending</source>
        <translation>Es wartet keine Nachricht %1</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/localrecorder.cpp" line="+40"/>
        <source>Not a [type, id, content] message</source>
        <translation>Keine Nachricht der Form [type, id, content]</translation>
    </message>
    <message>
        <location filename="../app/mas/main.cpp" line="+61"/>
        <source>Usage: mas COMMAND [OPTIONS]

Commands:
  call     call a method of an aiomas RPC service or agent
  host     run a container of agents without a display
  subproc  run a sub-process container (aiomas subproc: a Manager as agent 0)
  explore  search a demo&apos;s delivery orders for a run that breaks an invariant
  new      start a plug-in of your own agents (a CMake project)

Run &quot;mas COMMAND --help&quot; for the options of a command.</source>
        <translation>Aufruf: mas BEFEHL [OPTIONEN]

Befehle:
  call     eine Methode eines aiomas-RPC-Dienstes oder -Agenten aufrufen
  host     einen Container mit Agenten ohne Anzeige betreiben
  subproc  Unterprozess-Container betreiben (aiomas subproc: Manager als Agent 0)
  explore  eine Demo nach einem Lauf durchsuchen, der eine Invariante verletzt
  new      ein Plug-in mit eigenen Agenten anlegen (ein CMake-Projekt)

Mit &quot;mas BEFEHL --help&quot; erhalten Sie die Optionen eines Befehls.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  run      step Python asyncio programs without a display (--python PROGRAM.py)</source>
        <translation>  run      Python-asyncio-Programme schrittweise ohne Anzeige ausführen (--python PROGRAM.py)</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/socketpath.cpp" line="+79"/>
        <source>Cannot listen on %1: another process serves this socket</source>
        <translation>Auf %1 kann nicht gelauscht werden: ein anderer Prozess bedient diesen Socket</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot listen on %1: &quot;%2&quot; exists and is not a socket</source>
        <translation>Auf %1 kann nicht gelauscht werden: „%2“ existiert und ist kein Socket</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot listen on %1: the stale socket file &quot;%2&quot; cannot be removed: %3</source>
        <translation>Auf %1 kann nicht gelauscht werden: die veraltete Socket-Datei „%2“ kann nicht entfernt werden: %3</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/streamsocket.cpp" line="-8"/>
        <location line="+11"/>
        <location line="+69"/>
        <source>The connection to %1 failed: %2</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/session/inspectorsession.cpp" line="+658"/>
        <location filename="../libmas/mas/trace/messagelabel.cpp" line="+275"/>
        <source>close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../libmas/mas/system/systemagent.cpp" line="+143"/>
        <location line="+1"/>
        <source>agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <location filename="../libmas/mas/trace/messagelabel.cpp" line="-53"/>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>raw bytes (%n byte(s))</source>
        <translation>
            <numerusform>rohe Bytes (%n Byte)</numerusform>
            <numerusform>rohe Bytes (%n Bytes)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>raw bytes: %1</source>
        <translation>rohe Bytes: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>end of stream</source>
        <translation>Ende des Datenstroms</translation>
    </message>
    <message>
        <location filename="../libmas/mas/trace/runcompare.cpp" line="+191"/>
        <source>moved the clock to %1</source>
        <translation>Vorrücken der Uhr auf %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>delivered %1</source>
        <translation>Zustellung von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dropped %1</source>
        <translation>Verwerfen von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicated %1</source>
        <translation>Duplizieren von %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>delayed %1 by %n place(s)</source>
        <translation>
            <numerusform>Zurückstellen von %1 um %n Platz</numerusform>
            <numerusform>Zurückstellen von %1 um %n Plätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>The runs make the same %n choice(s).</source>
        <translation>
            <numerusform>Die Läufe treffen dieselbe Entscheidung (%n).</numerusform>
            <numerusform>Die Läufe treffen dieselben %n Entscheidungen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The runs diverge at choice %1 (of %2 in run A, %3 in run B):</source>
        <translation>Die Läufe weichen bei Entscheidung %1 voneinander ab (von %2 in Lauf A, %3 in Lauf B):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  run A %1 (event %2)</source>
        <translation>  Lauf A: %1 (Ereignis %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run A makes no more choices</source>
        <translation>  Lauf A trifft keine weiteren Entscheidungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run B %1 (event %2)</source>
        <translation>  Lauf B: %1 (Ereignis %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run B makes no more choices</source>
        <translation>  Lauf B trifft keine weiteren Entscheidungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  run B makes run A&apos;s choice later (event %1)</source>
        <translation>  Lauf B trifft die Entscheidung von Lauf A später (Ereignis %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run B never makes run A&apos;s choice</source>
        <translation>  Lauf B trifft die Entscheidung von Lauf A nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run A makes run B&apos;s choice later (event %1)</source>
        <translation>  Lauf A trifft die Entscheidung von Lauf B später (Ereignis %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run A never makes run B&apos;s choice</source>
        <translation>  Lauf A trifft die Entscheidung von Lauf B nie</translation>
    </message>
</context>
<context>
    <name>mas::AttachSession</name>
    <message>
        <location filename="../libmas/mas/observe/attachsession.cpp" line="+35"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watching %1</source>
        <translation>Beobachte %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to %1 (no traffic monitor: only your calls are shown)</source>
        <translation>Verbunden mit %1 (kein Verkehrsmonitor: nur Ihre Aufrufe werden gezeigt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected from %1: %2</source>
        <translation>Getrennt von %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not attached</source>
        <translation>Nicht angehängt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>clients of %1</source>
        <translation>Clients von %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+18"/>
        <source>Detached while connecting</source>
        <translation>Während des Verbindens getrennt</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The container closed the connection</source>
        <translation>Der Container hat die Verbindung geschlossen</translation>
    </message>
</context>
<context>
    <name>mas::Channel</name>
    <message>
        <location filename="../libmas/mas/channel/channel.cpp" line="+48"/>
        <source>idle timeout of the connection to %1</source>
        <translation>Leerlauf-Zeitüberschreitung der Verbindung zu %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+48"/>
        <source>The channel was destroyed</source>
        <translation>Der Kanal wurde zerstört</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>%1 did not read what was sent to it for %2 ms; the request was not sent</source>
        <translation>%1 hat %2 ms lang nicht gelesen, was an ihn gesendet wurde; die Anfrage wurde nicht gesendet</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Too many pending requests: %1 requests to %2 wait for their replies (the limit is %3)</source>
        <translation>Zu viele offene Anfragen: %1 Anfragen an %2 warten auf ihre Antworten (das Limit ist %3)</translation>
    </message>
    <message>
        <location line="-705"/>
        <source>reply to request %1 from %2 due</source>
        <translation>Antwort auf Anfrage %1 von %2 fällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reply to request %1 (%2) from %3 due</source>
        <translation>Antwort auf Anfrage %1 (%2) von %3 fällig</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Cannot set the deadline of request %1</source>
        <translation>Die Frist von Anfrage %1 kann nicht gesetzt werden</translation>
    </message>
    <message>
        <location line="+779"/>
        <source>No request arrived within %1 ms</source>
        <translation>Innerhalb von %1 ms ist keine Anfrage eingetroffen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a request from %1 due (recv)</source>
        <translation>eine Anfrage von %1 fällig (recv)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
</context>
<context>
    <name>mas::Clock</name>
    <message>
        <location filename="../libmas/mas/clock/clock.cpp" line="+114"/>
        <source>The clock was destroyed while a coroutine slept on it</source>
        <translation>Die Uhr wurde zerstört, während eine Koroutine auf ihr schlief</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Date &quot;%1&quot; is in the past</source>
        <translation>Das Datum „%1“ liegt in der Vergangenheit</translation>
    </message>
</context>
<context>
    <name>mas::Container</name>
    <message>
        <location filename="../libmas/mas/agent/container.cpp" line="+137"/>
        <source>Cannot parse address &quot;%1&quot;: expected ipc://[socket path]/</source>
        <translation>Die Adresse „%1“ kann nicht gelesen werden: erwartet ipc://[Socket-Pfad]/</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>%1 is shut down</source>
        <translation>%1 ist heruntergefahren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The container was destroyed while connecting</source>
        <translation>Der Container wurde während des Verbindungsaufbaus zerstört</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The connection to %1 closed</source>
        <translation>Die Verbindung zu %1 wurde geschlossen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent &quot;%1&quot; does not exist in Container(%2)</source>
        <translation>Agent „%1“ existiert nicht in Container(%2)</translation>
    </message>
</context>
<context>
    <name>mas::ExternalClock</name>
    <message>
        <location filename="../libmas/mas/clock/clock.cpp" line="+227"/>
        <source>Time must be &gt; %1 but is %2</source>
        <translation>Die Zeit muss &gt; %1 sein, ist aber %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No timer is pending</source>
        <translation>Es wartet kein Timer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delay must be &gt; 0 but is %1</source>
        <translation>Die Verzögerung muss &gt; 0 sein, ist aber %1</translation>
    </message>
</context>
<context>
    <name>mas::Listener</name>
    <message>
        <location filename="../libmas/mas/transport/sockettransport.cpp" line="+278"/>
        <source>Only a Unix socket can be restored</source>
        <translation>Nur ein Unix-Socket kann wiederhergestellt werden</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cannot listen on ipc://%1: the path is longer than %2 bytes</source>
        <translation>Auf ipc://%1 kann nicht gelauscht werden: der Pfad ist länger als %2 Bytes</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+11"/>
        <source>Cannot listen on ipc://%1: %2</source>
        <translation>Auf ipc://%1 kann nicht gelauscht werden: %2</translation>
    </message>
</context>
<context>
    <name>mas::LocalNetwork</name>
    <message>
        <location filename="../libmas/mas/transport/localnetwork.cpp" line="+319"/>
        <source>Nothing is pending</source>
        <translation>Nichts wartet</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Invalid queue id &quot;%1&quot;</source>
        <translation>Ungültige Warteschlangen-ID „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 already stands for local://%2</source>
        <translation>%1 steht bereits für local://%2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/localreplay.cpp" line="+36"/>
        <location line="+47"/>
        <source>The recording moves a clock, but the queue has none</source>
        <translation>Die Aufzeichnung verstellt eine Uhr, aber die Warteschlange hat keine</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Event %1 is not an action that can be done again</source>
        <translation>Ereignis %1 ist keine Aktion, die wiederholt werden kann</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>The replay was cancelled after %n action(s)</source>
        <translation>
            <numerusform>Die Wiedergabe wurde nach %n Aktion abgebrochen</numerusform>
            <numerusform>Die Wiedergabe wurde nach %n Aktionen abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+8"/>
        <location line="+27"/>
        <source>The replay stopped at event %1: no answer</source>
        <translation>Die Wiedergabe hat bei Ereignis %1 angehalten: keine Antwort</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+8"/>
        <location line="+19"/>
        <source>The queue was destroyed during the replay</source>
        <translation>Die Warteschlange wurde während der Wiedergabe zerstört</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The replay diverged at event %1: message %2 never became pending</source>
        <translation>Die Wiedergabe ist bei Ereignis %1 abgewichen: Nachricht %2 kam nie in die Warteschlange</translation>
    </message>
</context>
<context>
    <name>mas::LocalQueue</name>
    <message>
        <location filename="../libmas/mas/transport/localqueue.cpp" line="+67"/>
        <source>LocalQueue(&apos;%1&apos;) already has a server</source>
        <translation>LocalQueue(&apos;%1&apos;) hat bereits einen Server</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot connect to local://%1: no container serves this queue</source>
        <translation>Verbindung zu local://%1 nicht möglich: kein Container bedient diese Warteschlange</translation>
    </message>
</context>
<context>
    <name>mas::MonitorService</name>
    <message>
        <location filename="../libmas/mas/observe/monitorservice.cpp" line="+76"/>
        <source>The monitor was removed</source>
        <translation>Der Monitor wurde entfernt</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>TypeError: events() takes an integer since and max and a number wait</source>
        <translation>TypeError: events() erwartet ganze Zahlen für since und max und eine Zahl für wait</translation>
    </message>
</context>
<context>
    <name>mas::MosaikSession</name>
    <message>
        <location filename="../libmas/mas/observe/mosaiksession.cpp" line="+23"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mosaik</source>
        <translation>mosaik</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>No mosaik simulator is hosted.</source>
        <translation>Es ist kein mosaik-Simulator bereitgestellt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for mosaik on %1 (sim_config {&quot;connect&quot;: &quot;%1&quot;})</source>
        <translation>Warte auf mosaik unter %1 (sim_config {&quot;connect&quot;: &quot;%1&quot;})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting to mosaik at %1…</source>
        <translation>Verbinde mit mosaik unter %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: mosaik (%2) is setting up the scenario</source>
        <translation>%1: mosaik (%2) baut das Szenario auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: step %2 done, next step at %3</source>
        <translation>%1: Schritt %2 fertig, nächster Schritt bei %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: at step %2</source>
        <translation>%1: bei Schritt %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: held at step %2 (mosaik waits)</source>
        <translation>%1: bei Schritt %2 angehalten (mosaik wartet)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 ended: %2</source>
        <translation>%1 beendet: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 stopped by mosaik after %n step(s)</source>
        <translation>
            <numerusform>%1 von mosaik nach %n Schritt gestoppt</numerusform>
            <numerusform>%1 von mosaik nach %n Schritten gestoppt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::PythonHub</name>
    <message>
        <location filename="../libmas/mas/transport/pythonhub.cpp" line="+596"/>
        <source>Cannot create a directory for the Python hub: %1</source>
        <translation>Für den Python-Hub kann kein Verzeichnis angelegt werden: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Python hub cannot listen on %1: %2</source>
        <translation>Der Python-Hub kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 did not start: %2</source>
        <translation>%1 ist nicht gestartet: %2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The Python hub was closed while waiting for its programs</source>
        <translation>Der Python-Hub wurde geschlossen, während er auf seine Programme wartete</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(none: the hub still has messages for them)</source>
        <translation>(keines: der Hub hat noch Nachrichten für sie)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No answer from the Python program(s) %1 within %2 s: blocked outside the event loop (time.sleep, a thread, a real socket) or hanging</source>
        <translation>Keine Antwort von Python-Programm(en) %1 innerhalb von %2 s: außerhalb der Ereignisschleife blockiert (time.sleep, ein Thread, ein echter Socket) oder hängen geblieben</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Time must be &gt;= %1 but is %2</source>
        <translation>Die Zeit muss &gt;= %1 sein, ist aber %2</translation>
    </message>
</context>
<context>
    <name>mas::StreamServer</name>
    <message>
        <location filename="../libmas/mas/transport/sockettransport.cpp" line="+145"/>
        <location line="+5"/>
        <source>Cannot listen on %1: %2</source>
        <translation>Auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Cannot listen on %1: the host must be an IP address or localhost</source>
        <translation>Auf %1 kann nicht gelauscht werden: der Host muss eine IP-Adresse oder localhost sein</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>a local client</source>
        <translation>ein lokaler Client</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a local client (user id %1, process %2)</source>
        <translation>ein lokaler Client (Benutzer-ID %1, Prozess %2)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>No address to listen on</source>
        <translation>Keine Adresse zum Lauschen</translation>
    </message>
</context>
<context>
    <name>mas::TlsServer</name>
    <message>
        <location line="-311"/>
        <source>A TLS connection from %1 failed: %2</source>
        <translation>Eine TLS-Verbindung von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the peer closed the connection during the handshake</source>
        <translation>die Gegenstelle hat die Verbindung während des Handshakes geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the handshake did not finish within %1 ms</source>
        <translation>der Handshake wurde nicht innerhalb von %1 ms abgeschlossen</translation>
    </message>
</context>
<context>
    <name>mas::app</name>
    <message>
        <location filename="../app/pluginpaths.h" line="+47"/>
        <source>The plug-in directory &quot;%1&quot; does not exist</source>
        <translation>Das Plug-in-Verzeichnis „%1“ existiert nicht</translation>
    </message>
</context>
<context>
    <name>mas::demos</name>
    <message>
        <location filename="../examples/demos/mas/demos/pingpong.cpp" line="+261"/>
        <source>Ping-pong needs 1 to %1 rounds, not %2</source>
        <translation>Ping-Pong braucht 1 bis %1 Runden, nicht %2</translation>
    </message>
    <message>
        <location filename="../examples/demos/mas/demos/twophasecommit.cpp" line="+413"/>
        <location line="+17"/>
        <source>Still uncertain: %1</source>
        <translation>Noch unsicher: %1</translation>
    </message>
</context>
<context>
    <name>mas::demos::AgentTypes</name>
    <message>
        <location filename="../examples/demos/mas/demos/agenttypes.cpp" line="+150"/>
        <source>PingerAgent(): rounds must be at least 1, not %1</source>
        <translation>PingerAgent(): rounds muss mindestens 1 sein, nicht %1</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Only the initiator starts the echo (this EchoAgent was created with initiator=False)</source>
        <translation>Nur der Initiator startet das Echo (dieser EchoAgent wurde mit initiator=False erzeugt)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Answers ping(round, sender=None) with its answer, and with pong(round, own address) to the sender when there is one.</source>
        <translation>Beantwortet ping(round, sender=None) mit seiner Antwort und mit pong(round, eigene Adresse) an den Absender, falls es einen gibt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pings the pongers at the given URLs for some rounds, one clock second apart, after start().</source>
        <translation>Pingt die Ponger unter den angegebenen URLs über einige Runden, eine Uhrsekunde auseinander, nach start().</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A Contract Net contractor: bids a seeded cost for a call for proposals.</source>
        <translation>Ein Auftragnehmer im Contract Net: bietet auf eine Ausschreibung mit zufälligen (per Seed festgelegten) Kosten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Contract Net manager: after start() awards its task to the lowest bid of the contractors at the given URLs.</source>
        <translation>Ein Manager im Contract Net: vergibt nach start() seine Aufgabe an das niedrigste Gebot der Auftragnehmer unter den angegebenen URLs.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A two-phase commit participant: votes yes or no (seeded) on PREPARE.</source>
        <translation>Ein Teilnehmer am Zwei-Phasen-Commit: stimmt bei PREPARE mit Ja oder Nein (per Seed festgelegt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A two-phase commit coordinator: after start() asks the participants at the given URLs and commits or aborts.</source>
        <translation>Ein Koordinator des Zwei-Phasen-Commits: befragt nach start() die Teilnehmer unter den angegebenen URLs und schreibt fest oder bricht ab.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A node of the echo (wave) algorithm; the initiator starts the wave with start().</source>
        <translation>Ein Knoten des Echo-(Wellen-)Algorithmus; der Initiator startet die Welle mit start().</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A node of the Chang-Roberts ring election; start() wakes it up.</source>
        <translation>Ein Knoten der Ringwahl nach Chang-Roberts; start() weckt ihn auf.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Agent type &quot;%1&quot; is already registered</source>
        <translation>Der Agententyp „%1“ ist bereits registriert</translation>
    </message>
</context>
<context>
    <name>mas::demos::ContractNet</name>
    <message>
        <location filename="../examples/demos/mas/demos/contractnet.cpp" line="+283"/>
        <source>Contract Net</source>
        <translation>Contract Net</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A manager sends a call for proposals to every contractor. Each bids a cost or refuses; when all have answered, the lowest bid gets the award and the other bidders a rejection. The winner performs the task and reports back.</source>
        <translation>Ein Manager schickt eine Ausschreibung an jeden Auftragnehmer. Jeder bietet Kosten oder lehnt ab; wenn alle geantwortet haben, erhält das niedrigste Gebot den Zuschlag und die anderen Bieter eine Absage. Der Gewinner erledigt die Aufgabe und meldet sich zurück.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Call for proposals: the manager asks a contractor to bid for the task.</source>
        <translation>Ausschreibung: der Manager bittet einen Auftragnehmer um ein Gebot für die Aufgabe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contractor&apos;s bid: what the task would cost it.</source>
        <translation>Das Gebot eines Auftragnehmers: was ihn die Aufgabe kosten würde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contractor will not bid for the task.</source>
        <translation>Ein Auftragnehmer bietet nicht für die Aufgabe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The award: the lowest bidder is to perform the task.</source>
        <translation>Der Zuschlag: der niedrigste Bieter soll die Aufgabe erledigen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The other bidders lost.</source>
        <translation>Die anderen Bieter haben verloren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The winner reports that the task is done.</source>
        <translation>Der Gewinner meldet, dass die Aufgabe erledigt ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The acknowledgement of a message: it arrived.</source>
        <translation>Die Bestätigung einer Nachricht: sie ist angekommen.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>the manager is gone</source>
        <translation>der Manager ist weg</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>collecting bids: %1 of %2 contractors answered</source>
        <translation>Gebote werden gesammelt: %1 von %2 Auftragnehmern haben geantwortet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>awarded %1 to %2 for %3; waiting for the report</source>
        <translation>%1 an %2 für %3 vergeben; warte auf die Rückmeldung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 awarded to %2 for %3 (lowest of %4 bids) and done</source>
        <translation>%1 an %2 für %3 vergeben (niedrigstes von %4 Geboten) und erledigt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nobody bid for %1</source>
        <translation>niemand hat für %1 geboten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 awarded to %2, who could not be reached</source>
        <translation>%1 an %2 vergeben, der nicht erreichbar war</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>at most one contractor works</source>
        <translation>höchstens ein Auftragnehmer arbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only one contractor performs the task.</source>
        <translation>Nur ein Auftragnehmer erledigt die Aufgabe.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 all performed the task</source>
        <translation>%1 haben alle die Aufgabe erledigt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only the winner works</source>
        <translation>nur der Gewinner arbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contractor performs the task only if the manager awarded it.</source>
        <translation>Ein Auftragnehmer erledigt die Aufgabe nur, wenn der Manager sie ihm zugeschlagen hat.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 performed the task, but the manager did not award it to it</source>
        <translation>%1 hat die Aufgabe erledigt, aber der Manager hat sie ihm nicht zugeschlagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the lowest bid wins</source>
        <translation>das niedrigste Gebot gewinnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The award goes to the lowest bid the manager received.</source>
        <translation>Der Zuschlag geht an das niedrigste Gebot, das der Manager erhalten hat.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 awarded the task for %2, but a lower bid had arrived</source>
        <translation>%1 hat die Aufgabe für %2 vergeben, aber ein niedrigeres Gebot war eingegangen</translation>
    </message>
</context>
<context>
    <name>mas::demos::ContractorAgent</name>
    <message>
        <location line="-422"/>
        <source>contractor %1</source>
        <translation>Auftragnehmer %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bid %1</source>
        <translation>Gebot %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bid %1, rejected</source>
        <translation>Gebot %1, abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bid %1, won and done</source>
        <translation>Gebot %1, gewonnen und erledigt</translation>
    </message>
</context>
<context>
    <name>mas::demos::CoordinatorAgent</name>
    <message>
        <location filename="../examples/demos/mas/demos/twophasecommit.cpp" line="-287"/>
        <source>coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1/%2 votes, %3 yes</source>
        <translation>%1/%2 Stimmen, %3 Ja</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>preparing %1, %2</source>
        <translation>bereite %1 vor, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed %1, %2</source>
        <translation>%1 festgeschrieben, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aborted %1, %2</source>
        <translation>%1 abgebrochen, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The coordinator has crashed</source>
        <translation>Der Koordinator ist abgestürzt</translation>
    </message>
</context>
<context>
    <name>mas::demos::Echo</name>
    <message>
        <location filename="../examples/demos/mas/demos/echo.cpp" line="+112"/>
        <source>Echo (wave) algorithm</source>
        <translation>Echo-(Wellen-)Algorithmus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The initiator sends a token to its neighbours on a connected graph. A node adopts the sender of its first token as its parent and passes the token on to its other neighbours; once it has a token from every neighbour it echoes to its parent. When every neighbour of the initiator has answered, it decides: the parents form a spanning tree.</source>
        <translation>Der Initiator schickt in einem zusammenhängenden Graphen ein Token an seine Nachbarn. Ein Knoten übernimmt den Absender seines ersten Tokens als Elternknoten und gibt das Token an seine übrigen Nachbarn weiter; sobald er von jedem Nachbarn ein Token hat, sendet er das Echo an seinen Elternknoten. Wenn jeder Nachbar des Initiators geantwortet hat, entscheidet dieser: die Elternknoten bilden einen Spannbaum.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The wave. A node&apos;s first token makes its sender the node&apos;s parent and is passed on to its other neighbours; when a node has a token from every neighbour, it sends one back to its parent (the echo).</source>
        <translation>Die Welle. Das erste Token eines Knotens macht dessen Absender zum Elternknoten des Knotens und wird an seine übrigen Nachbarn weitergegeben; hat ein Knoten von jedem Nachbarn ein Token, schickt er eines an seinen Elternknoten zurück (das Echo).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The acknowledgement of a token: it arrived.</source>
        <translation>Die Bestätigung eines Tokens: es ist angekommen.</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>wave running: %1 of %2 nodes reached</source>
        <translation>Welle läuft: %1 von %2 Knoten erreicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 decided; spanning tree of %2 nodes (%3 edges in the graph): %4</source>
        <translation>%1 hat entschieden; Spannbaum mit %2 Knoten (%3 Kanten im Graphen): %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>only the initiator decides</source>
        <translation>nur der Initiator entscheidet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No node but the initiator decides.</source>
        <translation>Kein Knoten außer dem Initiator entscheidet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 decided, but it is not the initiator</source>
        <translation>%1 hat entschieden, ist aber nicht der Initiator</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>parents form a tree</source>
        <translation>Elternknoten bilden einen Baum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Following parents from any reached node leads to the initiator without a cycle.</source>
        <translation>Wer von einem erreichten Knoten aus den Elternknoten folgt, gelangt ohne Zyklus zum Initiator.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Following the parents from %1 does not lead to the initiator %2</source>
        <translation>Wer von %1 aus den Elternknoten folgt, gelangt nicht zum Initiator %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>decide after the wave</source>
        <translation>Entscheidung nach der Welle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The initiator decides only when every node has echoed.</source>
        <translation>Der Initiator entscheidet erst, wenn jeder Knoten sein Echo gesendet hat.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 decided before %2 echoed</source>
        <translation>%1 hat entschieden, bevor das Echo von %2 eintraf</translation>
    </message>
</context>
<context>
    <name>mas::demos::EchoAgent</name>
    <message>
        <location line="-301"/>
        <source>node %1 (initiator)</source>
        <translation>Knoten %1 (Initiator)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>initiator, decided</source>
        <translation>Initiator, entschieden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>initiator, waiting</source>
        <translation>Initiator, wartet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>initiator, idle</source>
        <translation>Initiator, untätig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>echoed to %1</source>
        <translation>Echo an %1 gesendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>parent %1</source>
        <translation>Elternknoten %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, heard %1/%2</source>
        <translation>, %1/%2 gehört</translation>
    </message>
</context>
<context>
    <name>mas::demos::LeaderElection</name>
    <message>
        <location filename="../examples/demos/mas/demos/leaderelection.cpp" line="+123"/>
        <source>Ring leader election (Chang–Roberts)</source>
        <translation>Anführerwahl im Ring (Chang–Roberts)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes with distinct ids sit on a one-way ring. A node that wakes up sends its id to its neighbour; a node forwards larger ids, swallows smaller ones (waking up if it slept) and, when its own id comes back, declares itself leader and sends elected() round the ring. The largest id wins in every delivery order.</source>
        <translation>Knoten mit verschiedenen Kennungen sitzen auf einem Ring mit einer Richtung. Ein Knoten, der aufwacht, schickt seine Kennung an seinen Nachbarn; ein Knoten leitet größere Kennungen weiter, verschluckt kleinere (und wacht dabei auf, falls er schlief) und erklärt sich, wenn seine eigene Kennung zurückkommt, zum Anführer und schickt elected() um den Ring. Die größte Kennung gewinnt in jeder Zustellreihenfolge.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A sleeping node relays every id without comparing. Deliver one node&apos;s messages before the others wake up: its id comes home, and later the largest id does too — two leaders.</source>
        <translation>Ein schlafender Knoten leitet jede Kennung ungeprüft weiter. Stellen Sie die Nachrichten eines Knotens zu, bevor die anderen aufwachen: seine Kennung kommt zurück, und später auch die größte – zwei Anführer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A node&apos;s alarm to itself: it wakes up and sends its own id to its successor.</source>
        <translation>Der Wecker eines Knotens an sich selbst: er wacht auf und schickt seine eigene Kennung an seinen Nachfolger.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A candidate&apos;s id on its way round the ring. The receiver passes it on if it is larger than its own id, swallows it if it is smaller, and becomes the leader if it is its own.</source>
        <translation>Die Kennung eines Kandidaten auf dem Weg um den Ring. Der Empfänger gibt sie weiter, wenn sie größer als seine eigene Kennung ist, verschluckt sie, wenn sie kleiner ist, und wird Anführer, wenn es seine eigene ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent once round the ring by the new leader, so that every node learns who leads.</source>
        <translation>Vom neuen Anführer einmal um den Ring geschickt, damit jeder Knoten erfährt, wer führt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The acknowledgement of a message: it arrived. A message without one is sent again when its deadline passes.</source>
        <translation>Die Bestätigung einer Nachricht: sie ist angekommen. Eine Nachricht ohne Bestätigung wird erneut gesendet, wenn ihre Frist abläuft.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>electing: %1 of %2 nodes know a leader</source>
        <translation>Wahl läuft: %1 von %2 Knoten kennen einen Anführer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>leader: %1, known to all %2 nodes</source>
        <translation>Anführer: %1, allen %2 Knoten bekannt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 leaders: %2</source>
        <translation>%1 Anführer: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../examples/demos/mas/demos/registry.cpp" line="+53"/>
        <source>at most one leader</source>
        <translation>höchstens ein Anführer</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../examples/demos/mas/demos/registry.cpp" line="+1"/>
        <source>No two nodes declare themselves leader.</source>
        <translation>Keine zwei Knoten erklären sich zum Anführer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the largest id leads</source>
        <translation>die größte Kennung führt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the node with the largest id declares itself leader.</source>
        <translation>Nur der Knoten mit der größten Kennung erklärt sich zum Anführer.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 declared itself leader, but %2 has the largest id</source>
        <translation>%1 hat sich zum Anführer erklärt, aber %2 hat die größte Kennung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>one known leader</source>
        <translation>ein bekannter Anführer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All nodes that know a leader know the same one.</source>
        <translation>Alle Knoten, die einen Anführer kennen, kennen denselben.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 knows %2</source>
        <translation>%1 kennt %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The nodes know different leaders: %1</source>
        <translation>Die Knoten kennen verschiedene Anführer: %1</translation>
    </message>
    <message>
        <location line="-53"/>
        <location filename="../examples/demos/mas/demos/registry.cpp" line="+22"/>
        <source>%1 all declared themselves leader</source>
        <translation>%1 haben sich alle zum Anführer erklärt</translation>
    </message>
</context>
<context>
    <name>mas::demos::LeaderElectionAgent</name>
    <message>
        <location line="-242"/>
        <source>node %1 (id %2)</source>
        <translation>Knoten %1 (ID %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>id %1</source>
        <translation>Kennung %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, leader (announced)</source>
        <translation>, Anführer (verkündet)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, leader (announcing)</source>
        <translation>, Anführer (verkündet gerade)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, awake</source>
        <translation>, wach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, asleep</source>
        <translation>, schläft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, knows leader %1</source>
        <translation>, kennt Anführer %1</translation>
    </message>
</context>
<context>
    <name>mas::demos::ManagerAgent</name>
    <message>
        <location filename="../examples/demos/mas/demos/contractnet.cpp" line="+99"/>
        <source>manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1/%2 answers, %3 bids</source>
        <translation>%1/%2 Antworten, %3 Gebote</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>announced %1, %2</source>
        <translation>%1 ausgeschrieben, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>awarded %1 to %2 for %3, %4</source>
        <translation>%1 an %2 für %3 vergeben, %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 done by %2 for %3, %4</source>
        <translation>%1 von %2 für %3 erledigt, %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no bids for %1, %2</source>
        <translation>keine Gebote für %1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>award of %1 to %2 failed, %3</source>
        <translation>Vergabe von %1 an %2 fehlgeschlagen, %3</translation>
    </message>
</context>
<context>
    <name>mas::demos::ParticipantAgent</name>
    <message>
        <location filename="../examples/demos/mas/demos/twophasecommit.cpp" line="-167"/>
        <source>participant %1</source>
        <translation>Teilnehmer %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>voted yes, </source>
        <translation>Ja gestimmt, </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>voted no, </source>
        <translation>Nein gestimmt, </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>working</source>
        <translation>arbeitet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>blocked (coordinator unreachable)</source>
        <translation>blockiert (Koordinator nicht erreichbar)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>uncertain</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed</source>
        <translation>festgeschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>mas::demos::PingPong</name>
    <message>
        <location filename="../examples/demos/mas/demos/pingpong.cpp" line="-29"/>
        <source>Ping-pong (request/reply and the clock)</source>
        <translation>Ping-Pong (Anfrage/Antwort und die Uhr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pinger (agent 0) sends ping(round) to every other agent; each ponger answers with pong(round). When every ponger has answered, the pinger sleeps one second on the clock and starts the next round, until all rounds are done. Watch the requests and their acknowledgements, the pongs that answer them, and the pinger&apos;s timer in the clock panel: time moves only when no message is on its way.</source>
        <translation>Der Pinger (Agent 0) schickt ping(round) an jeden anderen Agenten; jeder Ponger antwortet mit pong(round). Wenn alle Ponger geantwortet haben, schläft der Pinger eine Sekunde auf der Uhr und beginnt die nächste Runde, bis alle Runden fertig sind. Beobachten Sie die Anfragen und ihre Bestätigungen, die Pongs, die darauf antworten, und den Timer des Pingers im Uhr-Bereich: die Zeit läuft nur weiter, wenn keine Nachricht unterwegs ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The pongers number their pongs themselves (1, 2, 3, …) instead of echoing the round of the ping. In FIFO order nobody notices; deliver one ping twice (a copy, as after a lost acknowledgement) and that ponger answers rounds the pinger never sent.</source>
        <translation>Die Ponger nummerieren ihre Pongs selbst (1, 2, 3, …), statt die Runde des Pings zurückzugeben. In FIFO-Reihenfolge bemerkt das niemand; stellen Sie einen Ping zweimal zu (eine Kopie, wie nach einer verlorenen Bestätigung), und dieser Ponger antwortet auf Runden, die der Pinger nie gesendet hat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The pinger asks a ponger to answer this round.</source>
        <translation>Der Pinger bittet einen Ponger, diese Runde zu beantworten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ponger&apos;s answer. It must carry the round of the ping it answers.</source>
        <translation>Die Antwort des Pongers. Sie muss die Runde des Pings tragen, den sie beantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The acknowledgement of a ping or pong: it arrived. Without one, the message is sent again when its deadline passes, so a ponger may see the same ping twice.</source>
        <translation>Die Bestätigung eines Pings oder Pongs: er ist angekommen. Ohne sie wird die Nachricht erneut gesendet, wenn ihre Frist abläuft, sodass ein Ponger denselben Ping zweimal sehen kann.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>the pinger is gone</source>
        <translation>der Pinger ist weg</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>round %1 of %2 (t = %3 s): %4 pongs so far</source>
        <translation>Runde %1 von %2 (t = %3 s): bisher %4 Pongs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 rounds done: %2 pongers answered every ping (%3 pongs), rounds started at t = %4 s</source>
        <translation>%1 Runden fertig: %2 Ponger haben jeden Ping beantwortet (%3 Pongs), Rundenbeginn bei t = %4 s</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>every pong answers a ping sent earlier</source>
        <translation>jeder Pong beantwortet einen früher gesendeten Ping</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A pong names a round in which its ponger was pinged before.</source>
        <translation>Ein Pong nennt eine Runde, in der sein Ponger vorher gepingt wurde.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 answered round %2, in which it was not pinged before</source>
        <translation>%1 hat Runde %2 beantwortet, in der er vorher nicht gepingt wurde</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>rounds never exceed the configured count</source>
        <translation>Runden überschreiten nie die eingestellte Anzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No ping, pong or round of the pinger names a round beyond the configured count.</source>
        <translation>Kein Ping, Pong und keine Runde des Pingers nennt eine Runde jenseits der eingestellten Anzahl.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is in round %2 of %3</source>
        <translation>%1 ist in Runde %2 von %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 answered round %2 of %3</source>
        <translation>%1 hat Runde %2 von %3 beantwortet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was pinged in a round beyond %2</source>
        <translation>%1 wurde in einer Runde jenseits von %2 gepingt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>one round at a time</source>
        <translation>eine Runde nach der anderen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pinger starts a round only after every ponger answered the one before.</source>
        <translation>Der Pinger beginnt eine Runde erst, wenn jeder Ponger die vorige beantwortet hat.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 started round %2 before every ponger answered round %3</source>
        <translation>%1 hat Runde %2 begonnen, bevor jeder Ponger Runde %3 beantwortet hatte</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was pinged in round %2, ahead of the pinger&apos;s round %3</source>
        <translation>%1 wurde in Runde %2 gepingt, der Runde %3 des Pingers voraus</translation>
    </message>
</context>
<context>
    <name>mas::demos::PingerAgent</name>
    <message>
        <location line="-392"/>
        <source>pinger</source>
        <translation>Pinger</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>pinger, idle</source>
        <translation>Pinger, untätig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pinger, round %1 of %2, %3/%4 answered</source>
        <translation>Pinger, Runde %1 von %2, %3/%4 beantwortet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, done</source>
        <translation>, fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, sleeping</source>
        <translation>, schläft</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>, pongs for unsent rounds %1</source>
        <translation>, Pongs für nie gesendete Runden %1</translation>
    </message>
</context>
<context>
    <name>mas::demos::PongerAgent</name>
    <message>
        <location line="+30"/>
        <source>ponger %1</source>
        <translation>Ponger %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ponger, not pinged yet</source>
        <translation>Ponger, noch nicht gepingt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ponger, pinged in rounds %1 (%2 pings), answered %3</source>
        <translation>Ponger, gepingt in Runden %1 (%2 Pings), beantwortet %3</translation>
    </message>
</context>
<context>
    <name>mas::demos::TwoPhaseCommit</name>
    <message>
        <location filename="../examples/demos/mas/demos/twophasecommit.cpp" line="+199"/>
        <source>Two-phase commit</source>
        <translation>Zwei-Phasen-Commit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The coordinator asks every participant to prepare. A participant votes no and aborts, or votes yes and waits: from then on only the coordinator may decide. When all votes are in, the coordinator sends COMMIT if every vote was yes, else ABORT.</source>
        <translation>Der Koordinator bittet jeden Teilnehmer, sich vorzubereiten. Ein Teilnehmer stimmt mit Nein und bricht ab, oder er stimmt mit Ja und wartet: von da an darf nur noch der Koordinator entscheiden. Wenn alle Stimmen vorliegen, sendet der Koordinator COMMIT, falls jede Stimme Ja war, sonst ABORT.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The coordinator crashes right after sending PREPARE. The participants that voted yes can neither commit nor abort: they are blocked.</source>
        <translation>Der Koordinator stürzt direkt nach dem Senden von PREPARE ab. Die Teilnehmer, die mit Ja gestimmt haben, können weder festschreiben noch abbrechen: sie sind blockiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phase 1: the coordinator asks a participant whether it can commit.</source>
        <translation>Phase 1: der Koordinator fragt einen Teilnehmer, ob er festschreiben kann.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A participant&apos;s answer. After voting yes it may no longer decide by itself.</source>
        <translation>Die Antwort eines Teilnehmers. Nachdem er mit Ja gestimmt hat, darf er nicht mehr selbst entscheiden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase 2, every vote was yes: the participant makes the transaction permanent.</source>
        <translation>Phase 2, jede Stimme war Ja: der Teilnehmer schreibt die Transaktion dauerhaft fest.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase 2, some vote was no: the participant undoes the transaction.</source>
        <translation>Phase 2, eine Stimme war Nein: der Teilnehmer macht die Transaktion rückgängig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The acknowledgement of a message: it arrived.</source>
        <translation>Die Bestätigung einer Nachricht: sie ist angekommen.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>the coordinator is gone</source>
        <translation>der Koordinator ist weg</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>running: %1 of %2 participants decided</source>
        <translation>läuft: %1 von %2 Teilnehmern haben entschieden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the coordinator crashed after PREPARE: %1 blocked (voted yes, cannot decide)%2</source>
        <translation>der Koordinator ist nach PREPARE abgestürzt: blockiert (Ja gestimmt, keine Entscheidung möglich): %1%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no participant is</source>
        <translation>kein Teilnehmer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; %1 aborted (voted no)</source>
        <translation>; abgebrochen (Nein gestimmt): %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed: all %1 participants voted yes and committed</source>
        <translation>festgeschrieben: alle %1 Teilnehmer haben mit Ja gestimmt und festgeschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aborted: %1 voted no; %2 of %3 participants aborted</source>
        <translation>abgebrochen: %1 hat mit Nein gestimmt; %2 von %3 Teilnehmern haben abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a participant that could not be reached</source>
        <translation>ein Teilnehmer, der nicht erreichbar war</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>all decide the same</source>
        <translation>alle entscheiden gleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No participant commits while another aborts.</source>
        <translation>Kein Teilnehmer schreibt fest, während ein anderer abbricht.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 committed while %2 aborted</source>
        <translation>Festgeschrieben von %1, abgebrochen von %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>commit needs every yes</source>
        <translation>Commit braucht jedes Ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A participant commits only if every participant voted yes.</source>
        <translation>Ein Teilnehmer schreibt nur fest, wenn jeder Teilnehmer mit Ja gestimmt hat.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 committed, but %2 did not vote yes</source>
        <translation>Festgeschrieben von %1, aber ohne Ja-Stimme von %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only the coordinator decides commit</source>
        <translation>nur der Koordinator entscheidet über Commit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A participant commits only after the coordinator decided to commit.</source>
        <translation>Ein Teilnehmer schreibt erst fest, nachdem der Koordinator das Festschreiben beschlossen hat.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 committed, but the coordinator did not decide to commit</source>
        <translation>Festgeschrieben von %1, aber der Koordinator hat das Festschreiben nicht beschlossen</translation>
    </message>
</context>
<context>
    <name>mas::mosaik</name>
    <message>
        <location filename="../libmas/mas/mosaik/startsimulation.cpp" line="+49"/>
        <source>&quot;%1&quot; is not HOST:PORT</source>
        <translation>„%1“ ist nicht HOST:PORT</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A mosaik simulator. Started by mosaik&apos;s &quot;cmd&quot; starter with the address mosaik listens on, or with --remote for mosaik&apos;s &quot;connect&quot; starter.</source>
        <translation>Ein mosaik-Simulator. Wird von mosaiks &quot;cmd&quot;-Starter mit der Adresse gestartet, auf der mosaik lauscht, oder mit --remote für mosaiks &quot;connect&quot;-Starter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HOST:PORT of mosaik (connect there), or with --remote the address to listen on</source>
        <translation>HOST:PORT von mosaik (dorthin verbinden) oder mit --remote die Adresse, auf der gelauscht wird</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listen on ADDR and wait for mosaik to connect (sim_config &quot;connect&quot;).</source>
        <translation>Auf ADDR lauschen und warten, bis sich mosaik verbindet (sim_config &quot;connect&quot;).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds to wait for mosaik (default 60).</source>
        <translation>Wie viele Sekunden auf mosaik gewartet wird (Standard 60).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>debug, info, warning (default) or error.</source>
        <translation>debug, info, warning (Standard) oder error.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LEVEL</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Give exactly one address (HOST:PORT); see --help.</source>
        <translation>Geben Sie genau eine Adresse an (HOST:PORT); siehe --help.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--timeout needs a positive number of seconds</source>
        <translation>--timeout braucht eine positive Anzahl Sekunden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown log level &quot;%1&quot;</source>
        <translation>Unbekannte Protokollstufe „%1“</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Simulator stopped: %1</source>
        <translation>Simulator gestoppt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot listen on %1: %2</source>
        <translation>Auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening on %1:%2</source>
        <translation>Lausche auf %1:%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot connect to mosaik at %1: %2</source>
        <translation>Verbindung zu mosaik unter %1 nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>mas::mosaik::CounterSimulator</name>
    <message>
        <location filename="../libmas/mas/mosaik/counter.cpp" line="+51"/>
        <source>step_size must be a positive integer, got %1</source>
        <translation>step_size muss eine positive ganze Zahl sein, erhalten: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>callbacks must be true or false</source>
        <translation>callbacks muss true oder false sein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>fail_at must be an integer time or null</source>
        <translation>fail_at muss eine ganzzahlige Zeit oder null sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>init() got an unexpected keyword argument &apos;%1&apos;</source>
        <translation>init() hat ein unerwartetes Schlüsselwortargument &apos;%1&apos; erhalten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>init must be a number, got %1</source>
        <translation>init muss eine Zahl sein, erhalten: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>requested failure at time %1</source>
        <translation>angeforderter Fehlschlag zur Zeit %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>delta from %1 is not a number: %2</source>
        <translation>delta von %1 ist keine Zahl: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown entity &quot;%1&quot;</source>
        <translation>Unbekannte Entität „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attributes of %1 must be a list</source>
        <translation>Die Attribute von %1 müssen eine Liste sein</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counter has no attribute &quot;%1&quot;</source>
        <translation>Counter hat kein Attribut „%1“</translation>
    </message>
</context>
<context>
    <name>mas::mosaik::Meta</name>
    <message>
        <location filename="../libmas/mas/mosaik/meta.cpp" line="+99"/>
        <source>api_version &quot;%1&quot; is not a version mosaik 3 accepts (use &quot;3.0&quot;)</source>
        <translation>api_version &quot;%1&quot; ist keine Version, die mosaik 3 akzeptiert (verwenden Sie &quot;3.0&quot;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A model has no name</source>
        <translation>Ein Modell hat keinen Namen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model name &quot;%1&quot; is reserved by mosaik</source>
        <translation>Der Modellname „%1“ ist für mosaik reserviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model &quot;%1&quot; is declared twice</source>
        <translation>Das Modell „%1“ ist zweimal deklariert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model &quot;%1&quot;: &quot;%2&quot; in %3 is not one of its attrs</source>
        <translation>Modell „%1“: „%2“ in %3 ist keines seiner attrs</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model &quot;%1&quot;: a time-based simulator cannot have trigger inputs</source>
        <translation>Modell „%1“: ein zeitbasierter Simulator kann keine auslösenden Eingänge haben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model &quot;%1&quot;: every output of a time-based simulator is persistent</source>
        <translation>Modell „%1“: jeder Ausgang eines zeitbasierten Simulators ist persistent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model &quot;%1&quot;: an event-based simulator cannot have persistent outputs</source>
        <translation>Modell „%1“: ein ereignisbasierter Simulator kann keine persistenten Ausgänge haben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model &quot;%1&quot;: every input of an event-based simulator triggers</source>
        <translation>Modell „%1“: jeder Eingang eines ereignisbasierten Simulators löst aus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The extra method name &quot;%1&quot; is reserved by mosaik</source>
        <translation>Der Name „%1“ für eine zusätzliche Methode ist für mosaik reserviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extra method &quot;%1&quot; has the name of a model</source>
        <translation>Die zusätzliche Methode „%1“ trägt den Namen eines Modells</translation>
    </message>
</context>
<context>
    <name>mas::mosaik::Simulator</name>
    <message>
        <location filename="../libmas/mas/mosaik/simulator.cpp" line="+57"/>
        <source>%1() takes %2 positional arguments but %3 were given</source>
        <translation>%1() erwartet %2 Positionsargumente, aber %3 wurden übergeben</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>In the libmas simulator &quot;%1&quot;, %2</source>
        <translation>Im libmas-Simulator „%1“, %2</translation>
    </message>
    <message>
        <location line="+427"/>
        <source>A mosaik request must be [name, args, kwargs], got %1</source>
        <translation>Eine mosaik-Anfrage muss [name, args, kwargs] sein, erhalten: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 failed: %2: %3</source>
        <translation>%1 fehlgeschlagen: %2: %3</translation>
    </message>
    <message>
        <location line="-365"/>
        <source>init() takes the simulator id as its one positional argument</source>
        <translation>init() erwartet die Simulator-ID als einziges Positionsargument</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>time_resolution must be a positive number, got %1</source>
        <translation>time_resolution muss eine positive Zahl sein, erhalten: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>create() takes a number of entities and a model name, got %1, %2</source>
        <translation>create() erwartet eine Anzahl Entitäten und einen Modellnamen, erhalten: %1, %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The simulator has no public model &quot;%1&quot;</source>
        <translation>Der Simulator hat kein öffentliches Modell „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 got an unexpected keyword argument &apos;%2&apos;</source>
        <translation>%1 hat ein unerwartetes Schlüsselwortargument &apos;%2&apos; erhalten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>create() made %1 entities, but %2 were asked for</source>
        <translation>create() hat %1 Entitäten erzeugt, aber %2 wurden verlangt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>create() made entity &quot;%1&quot; of model &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>create() hat die Entität „%1“ des Modells „%2“ erzeugt, nicht „%3“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The entity id &quot;%1&quot; is empty or not unique</source>
        <translation>Die Entitäts-ID „%1“ ist leer oder nicht eindeutig</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>step() takes no keyword arguments</source>
        <translation>step() nimmt keine Schlüsselwortargumente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>step() needs an integer time and max_advance, got %1</source>
        <translation>step() braucht eine ganzzahlige Zeit und max_advance, erhalten: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step() inputs must be an object, got %1</source>
        <translation>Die Eingaben von step() müssen ein Objekt sein, erhalten: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>step(%1) goes back in time: the last step was at %2</source>
        <translation>step(%1) geht in der Zeit zurück: der letzte Schritt war bei %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The clock did not move to step %1: %2</source>
        <translation>Die Uhr ist nicht auf Schritt %1 weitergegangen: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+14"/>
        <location line="+9"/>
        <source>The simulator was destroyed</source>
        <translation>Der Simulator wurde zerstört</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Step %1 held: mosaik waits until it is continued</source>
        <translation>Schritt %1 angehalten: mosaik wartet, bis er fortgesetzt wird</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The simulator stopped while step %1 was held</source>
        <translation>Der Simulator wurde gestoppt, während Schritt %1 angehalten war</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A time-based simulator must return the time of its next step</source>
        <translation>Ein zeitbasierter Simulator muss die Zeit seines nächsten Schritts zurückgeben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>step() returned %1, which is not later than the step&apos;s time %2</source>
        <translation>step() hat %1 zurückgegeben, was nicht später als die Zeit des Schritts %2 ist</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>get_data() takes one object {eid: [attr, ...]}, got %1</source>
        <translation>get_data() erwartet ein Objekt {eid: [attr, ...]}, erhalten: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>getData() must return an object, got %1</source>
        <translation>getData() muss ein Objekt zurückgeben, erhalten: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The &quot;time&quot; of getData() must be an integer, got %1</source>
        <translation>Die &quot;time&quot; von getData() muss eine ganze Zahl sein, erhalten: %1</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>The simulator has no method &quot;%1&quot;</source>
        <translation>Der Simulator hat keine Methode „%1“</translation>
    </message>
    <message>
        <location line="+227"/>
        <source>mosaik closed the connection without sending stop</source>
        <translation>mosaik hat die Verbindung geschlossen, ohne stop zu senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection to mosaik ended: %1</source>
        <translation>Die Verbindung zu mosaik ist beendet: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>mosaik did not connect in time</source>
        <translation>mosaik hat sich nicht rechtzeitig verbunden</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+22"/>
        <location line="+16"/>
        <source>The simulator is already serving mosaik</source>
        <translation>Der Simulator bedient bereits mosaik</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>The simulator already serves a mosaik</source>
        <translation>Der Simulator bedient bereits ein mosaik</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No channel to serve</source>
        <translation>Kein Kanal zu bedienen</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>init() got an unexpected keyword argument &apos;%1&apos;</source>
        <translation>init() hat ein unerwartetes Schlüsselwortargument &apos;%1&apos; erhalten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The simulator is not connected to mosaik</source>
        <translation>Der Simulator ist nicht mit mosaik verbunden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 can only be called while a step is open (mosaik serves it then)</source>
        <translation>%1 kann nur aufgerufen werden, während ein Schritt offen ist (dann bedient ihn mosaik)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>get_progress returned %1, not a number</source>
        <translation>get_progress hat %1 zurückgegeben, keine Zahl</translation>
    </message>
</context>
<context>
    <name>mas::rpc::RpcClient</name>
    <message>
        <location filename="../libmas/mas/rpc/rpcclient.cpp" line="+37"/>
        <source>A proxy can only be passed back over its own connection</source>
        <translation>Ein Proxy kann nur über seine eigene Verbindung zurückgegeben werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The service is not part of the service this connection serves</source>
        <translation>Der Dienst gehört nicht zu dem Dienst, den diese Verbindung bedient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No serializer found for type &quot;%1&quot;</source>
        <translation>Kein Serialisierer für den Typ „%1“ gefunden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A proxy&apos;s path must be text</source>
        <translation>Der Pfad eines Proxys muss Text sein</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The RPC connection is gone</source>
        <translation>Die RPC-Verbindung besteht nicht mehr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot call the root of a service; name a method</source>
        <translation>Die Wurzel eines Dienstes kann nicht aufgerufen werden; nennen Sie eine Methode</translation>
    </message>
</context>
<context>
    <name>mas::system</name>
    <message>
        <location filename="../libmas/mas/system/system.cpp" line="+66"/>
        <source>Unknown transport &quot;%1&quot;: expected local, tcp or unix</source>
        <translation>Unbekannter Transport „%1“: erwartet local, tcp oder unix</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>A demo needs %1 to %2 agents, not %3</source>
        <translation>Eine Demo braucht %1 bis %2 Agenten, nicht %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The request timeout must be positive</source>
        <translation>Das Zeitlimit für Anfragen muss positiv sein</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot create a directory for the sockets: %1</source>
        <translation>Für die Sockets kann kein Verzeichnis angelegt werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The socket path &quot;%1&quot; is too long</source>
        <translation>Der Socket-Pfad „%1“ ist zu lang</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Invalid queue id &quot;%1&quot;</source>
        <translation>Ungültige Warteschlangen-ID „%1“</translation>
    </message>
    <message>
        <location line="+326"/>
        <location line="+14"/>
        <source>A system type needs an id and a build function</source>
        <translation>Ein Systemtyp braucht eine ID und eine Baufunktion</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+14"/>
        <source>There is a system type &quot;%1&quot; already</source>
        <translation>Es gibt bereits einen Systemtyp „%1“</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Cannot make a directory for plug-in copies: %1</source>
        <translation>Für Kopien der Plug-ins kann kein Verzeichnis angelegt werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot copy the plug-in %1 to %2</source>
        <translation>Das Plug-in %1 kann nicht nach %2 kopiert werden</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>An invariant type needs an id and a make function</source>
        <translation>Ein Invariantentyp braucht eine ID und eine make-Funktion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is an invariant &quot;%1&quot; already</source>
        <translation>Es gibt bereits eine Invariante „%1“</translation>
    </message>
</context>
<context>
    <name>mas::system::Explorer</name>
    <message>
        <location filename="../libmas/mas/system/explorer.cpp" line="+439"/>
        <source>No system to explore</source>
        <translation>Kein System zu erkunden</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&quot;%1&quot; has no property &quot;%2&quot;; it has: %3</source>
        <translation>„%1“ hat keine Eigenschaft „%2“; es gibt: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the state condition &quot;%1&quot;: %2</source>
        <translation>die Zustandsbedingung „%1“: %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The prefix diverged at event %1: message %2 never became pending</source>
        <translation>Das Präfix ist bei Ereignis %1 abgewichen: Nachricht %2 kam nie in die Warteschlange</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>The system has no clock</source>
        <translation>Das System hat keine Uhr</translation>
    </message>
    <message>
        <location line="+492"/>
        <location line="+10"/>
        <source>The system is not deterministic: a schedule did not repeat (%1)</source>
        <translation>Das System ist nicht deterministisch: ein Ablauf ließ sich nicht wiederholen (%1)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The fork strategy is not available on this platform</source>
        <translation>Die Strategie fork ist auf dieser Plattform nicht verfügbar</translation>
    </message>
    <message>
        <location line="+240"/>
        <source>Cannot make a pipe for the fork strategy: %1</source>
        <translation>Für die Strategie fork kann keine Pipe angelegt werden: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot fork the explorer: %1</source>
        <translation>Der Erkundungsprozess kann nicht per fork abgespalten werden: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>A forked explorer process did not answer within %1 s and was stopped</source>
        <translation>Ein per fork abgespaltener Erkundungsprozess hat nicht innerhalb von %1 s geantwortet und wurde beendet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>signal %1 (%2)</source>
        <translation>Signal %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exit status %1</source>
        <translation>Rückgabewert %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A forked explorer process crashed: %1</source>
        <translation>Ein per fork abgespaltener Erkundungsprozess ist abgestürzt: %1</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>The system is not deterministic: the counterexample ended with &quot;%1&quot; instead of &quot;%2&quot;</source>
        <translation>Das System ist nicht deterministisch: das Gegenbeispiel endete mit „%1“ statt „%2“</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+60"/>
        <source>Unknown system &quot;%1&quot;</source>
        <translation>Unbekanntes System „%1“</translation>
    </message>
    <message>
        <location filename="../libmas/mas/system/system.cpp" line="-256"/>
        <source>The system is quiet but has not finished: nothing more will happen.</source>
        <translation>Das System ist ruhig, aber nicht fertig: es wird nichts mehr geschehen.</translation>
    </message>
    <message>
        <location filename="../examples/demos/mas/demos/twophasecommit.cpp" line="-124"/>
        <source>The system is quiet and a participant is still uncertain: it voted yes and can neither commit nor abort.</source>
        <translation>Das System ist ruhig und ein Teilnehmer ist noch unsicher: er hat mit Ja gestimmt und kann weder festschreiben noch abbrechen.</translation>
    </message>
</context>
<context>
    <name>mas::system::LookAhead</name>
    <message>
        <location filename="../libmas/mas/system/lookahead.cpp" line="+87"/>
        <source>Unknown step kind &quot;%1&quot;</source>
        <translation>Unbekannte Schrittart „%1“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown message type %1</source>
        <translation>Unbekannter Nachrichtentyp %1</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Not a look-ahead mark: %1</source>
        <translation>Keine Vorausschau-Markierung: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not a look-ahead mark: no message or mark</source>
        <translation>Keine Vorausschau-Markierung: weder Nachricht noch Markierung</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>There is no system to look ahead in.</source>
        <translation>Es gibt kein System für die Vorausschau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The look-ahead needs a system of C++ agents: the explorer cannot branch the states of programs in other processes in time.</source>
        <translation>Die Vorausschau braucht ein System aus C++-Agenten: der Explorer kann die Zustände von Programmen in anderen Prozessen nicht rechtzeitig verzweigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The look-ahead needs a system on the LocalQueue (stepped); this one runs on sockets.</source>
        <translation>Die Vorausschau braucht ein System auf der LocalQueue (schrittweise); dieses läuft über Sockets.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A look-ahead runs once</source>
        <translation>Eine Vorausschau läuft nur einmal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The look-ahead depth must be at least 1, not %1</source>
        <translation>Die Tiefe der Vorausschau muss mindestens 1 sein, nicht %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No system to look ahead in</source>
        <translation>Kein System für die Vorausschau</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The run does not replay: %1</source>
        <translation>Der Lauf lässt sich nicht wiedergeben: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The run already breaks %1</source>
        <translation>Der Lauf verletzt bereits %1</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>The search ran out of its budget (%1 runs, %2 ms)</source>
        <translation>Die Suche hat ihr Budget aufgebraucht (%1 Läufe, %2 ms)</translation>
    </message>
</context>
<context>
    <name>mas::system::LookAheadClient</name>
    <message>
        <location line="+61"/>
        <source>The look-ahead process %1 stopped: %2</source>
        <translation>Der Vorausschau-Prozess %1 wurde angehalten: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The look-ahead process %1 exited with status %2</source>
        <translation>Der Vorausschau-Prozess %1 wurde mit Status %2 beendet</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The look-ahead depth must be at least 1, not %1</source>
        <translation>Die Tiefe der Vorausschau muss mindestens 1 sein, nicht %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot make a directory for the look-ahead: %1</source>
        <translation>Für die Vorausschau kann kein Verzeichnis angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>mas::system::NecessityAnalysis</name>
    <message numerus="yes">
        <location filename="../libmas/mas/system/necessity.cpp" line="+75"/>
        <source>Why &quot;%1&quot; breaks (%n re-execution(s)%2):</source>
        <translation>
            <numerusform>Warum „%1“ verletzt wird (%n erneute Ausführung%2):</numerusform>
            <numerusform>Warum „%1“ verletzt wird (%n erneute Ausführungen%2):</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, incomplete: cancelled or out of runs</source>
        <translation>, unvollständig: abgebrochen oder Laufbudget erschöpft</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>necessary</source>
        <translation>notwendig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incidental</source>
        <translation>nebensächlich</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>       (%n plumbing step(s) not listed, %1 of them necessary)</source>
        <translation>
            <numerusform>       (%n Infrastrukturschritt nicht aufgeführt, davon %1 notwendig)</numerusform>
            <numerusform>       (%n Infrastrukturschritte nicht aufgeführt, davon %1 notwendig)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No single swap of two deliveries makes the run pass.</source>
        <translation>Keine einzelne Vertauschung zweier Zustellungen lässt den Lauf bestehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The choices that matter (each swapped order passes):</source>
        <translation>Die Entscheidungen, auf die es ankommt (jede vertauschte Reihenfolge besteht):</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1&apos;s %2</source>
        <extracomment>&quot;node 3&apos;s election(25)&quot;: a message and who sent it</extracomment>
        <translation>%2 von %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deliver %1 to %2</source>
        <translation>%1 an %2 zustellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drop %1 to %2</source>
        <translation>%1 an %2 verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate %1 to %2</source>
        <translation>%1 an %2 duplizieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delay %1 to %2</source>
        <translation>%1 an %2 zurückstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the clock moves to %1 (all quiet)</source>
        <translation>die Uhr rückt auf %1 vor (alles ruhig)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the clock moves to %1 (messages pending)</source>
        <translation>die Uhr rückt auf %1 vor (Nachrichten warten)</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The counterexample names no property</source>
        <translation>Das Gegenbeispiel nennt keine Eigenschaft</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot re-execute the counterexample: %1</source>
        <translation>Das Gegenbeispiel kann nicht erneut ausgeführt werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Re-executed, the counterexample does not break &quot;%1&quot;</source>
        <translation>Erneut ausgeführt verletzt das Gegenbeispiel „%1“ nicht</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 must arrive at %2 before %3</source>
        <extracomment>&quot;node 3&apos;s election(25) must arrive at node 1 before node 2&apos;s election(46)&quot;</extracomment>
        <translation>%1 muss vor %3 bei %2 ankommen</translation>
    </message>
</context>
<context>
    <name>mas::system::ProcessSystem</name>
    <message>
        <location filename="../libmas/mas/system/processsystem.cpp" line="+94"/>
        <source>A process needs a command: the interpreter and a program (&quot;python3&quot;, &quot;agents.py&quot;)</source>
        <translation>Ein Prozess braucht einen Befehl: den Interpreter und ein Programm (&quot;python3&quot;, &quot;agents.py&quot;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The command&apos;s program is a file, not the option &quot;%1&quot;</source>
        <translation>Das Programm des Befehls ist eine Datei, nicht die Option &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No such program: %1</source>
        <translation>Programm nicht gefunden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No such working directory: %1</source>
        <translation>Arbeitsverzeichnis nicht gefunden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exited with status %1</source>
        <translation>mit Rückgabewert %1 beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed to start</source>
        <translation>Start fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Processes run on the stepped network only (transport &quot;local&quot;)</source>
        <translation>Prozesse laufen nur im schrittweise gesteuerten Netz (Transport &quot;local&quot;)</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Python: %1</source>
        <translation>Python: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 running, %2 exited, %3 failed</source>
        <translation>%1 laufend, %2 beendet, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>The system was closed while waiting for its programs</source>
        <translation>Das System wurde geschlossen, während es auf seine Programme wartete</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 did not start</source>
        <translation>%1 ist nicht gestartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+58"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>%1 lost its runner (no exit status)</source>
        <translation>%1 hat seinen Runner verloren (kein Rückgabewert)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>no program failed</source>
        <translation>kein Programm ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every program that ended exited with status 0: none exited with another status, crashed or failed to start.</source>
        <translation>Jedes beendete Programm endete mit Rückgabewert 0: keines endete mit einem anderen Rückgabewert, stürzte ab oder ließ sich nicht starten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>every program exited</source>
        <translation>jedes Programm ist beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system is quiet (no frame pending, no timer left) and every program has exited: none waits for what will never come.</source>
        <translation>Das System ist ruhig (kein Frame wartet, kein Timer übrig) und jedes Programm ist beendet: keines wartet auf etwas, das nie kommen wird.</translation>
    </message>
</context>
<context>
    <name>mas::system::Session</name>
    <message>
        <location filename="../libmas/mas/system/session.cpp" line="+100"/>
        <location line="+7"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a MAS session</source>
        <translation>%1 ist keine MAS-Sitzung</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: a process without a command</source>
        <translation>%1: ein Prozess ohne Befehl</translation>
    </message>
</context>
<context>
    <name>mas::system::StateCondition</name>
    <message>
        <location filename="../libmas/mas/system/statecondition.cpp" line="+88"/>
        <source>the condition is longer than %1 characters</source>
        <translation>die Bedingung ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the condition is empty</source>
        <translation>die Bedingung ist leer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected %1; expected and, or or the end</source>
        <translation>unerwartet: %1; erwartet: and, or oder das Ende</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+603"/>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <location line="-596"/>
        <source>end of the condition</source>
        <translation>Ende der Bedingung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the string %1</source>
        <translation>die Zeichenkette %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number %1</source>
        <translation>die Zahl %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>the number %1 is too large</source>
        <translation>die Zahl %1 ist zu groß</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a number runs into a name; put a space or an operator between them</source>
        <translation>eine Zahl geht direkt in einen Namen über; setzen Sie ein Leerzeichen oder einen Operator dazwischen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the string has no closing quote</source>
        <translation>der Zeichenkette fehlt das schließende Anführungszeichen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;=&quot; is no comparison; write &quot;==&quot;</source>
        <translation>„=“ ist kein Vergleich; schreiben Sie „==“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected character &quot;%1&quot;</source>
        <translation>unerwartetes Zeichen „%1“</translation>
    </message>
    <message>
        <location line="+63"/>
        <location line="+71"/>
        <location line="+61"/>
        <location line="+39"/>
        <source>nested too deeply</source>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>comparisons do not chain; join them with and</source>
        <translation>Vergleiche lassen sich nicht verketten; verbinden Sie sie mit and</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>expected a field name after &quot;.&quot;, found %1</source>
        <translation>erwartet nach „.“: ein Feldname, gefunden: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>expected &quot;%1&quot;, found %2</source>
        <translation>erwartet: „%1“, gefunden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unexpected end; expected a field name or a value</source>
        <translation>unerwartetes Ende; erwartet: ein Feldname oder ein Wert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected a field name or a value, found %1</source>
        <translation>erwartet: ein Feldname oder ein Wert, gefunden: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>expected a field name or a value, found &quot;%1&quot;</source>
        <translation>erwartet: ein Feldname oder ein Wert, gefunden: „%1“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the field &quot;%1&quot; needs its agents: write count(%1), any(%1), all(%1) or agent(&quot;name&quot;).%1</source>
        <translation>das Feld „%1“ braucht seine Agenten: schreiben Sie count(%1), any(%1), all(%1) oder agent(&quot;name&quot;).%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>agent() takes a name or address in quotes, or an index from 0; found %1</source>
        <translation>agent() erwartet einen Namen oder eine Adresse in Anführungszeichen oder einen Index ab 0; gefunden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>has() needs its agents: write count(has(field)) or all(has(field))</source>
        <translation>has() braucht seine Agenten: schreiben Sie count(has(field)) oder all(has(field))</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a field name, found %1</source>
        <translation>erwartet: ein Feldname, gefunden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown function &quot;%1&quot;; the functions are count, any, all, none, sum, min, max, has and agent</source>
        <translation>unbekannte Funktion „%1“; die Funktionen sind count, any, all, none, sum, min, max, has und agent</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 is a %2, which has no fields</source>
        <translation>%1 ist vom Typ %2 und hat keine Felder</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>- needs a number, not: %1</source>
        <translation>- braucht eine Zahl, nicht: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 needs numbers, not: %2 and %3</source>
        <translation>%1 braucht Zahlen, nicht: %2 und %3</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>there is no agent %1: the indices go from 0 to %2</source>
        <translation>es gibt keinen Agenten %1: die Indizes reichen von 0 bis %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>there is no agent %1; the agents are %2</source>
        <translation>es gibt keinen Agenten %1; die Agenten sind %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1() needs numbers, but %2 has a %3</source>
        <translation>%1() braucht Zahlen, aber %2 hat einen Wert vom Typ %3</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>no condition</source>
        <translation>keine Bedingung</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n weiterer</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 holds</source>
        <translation>%1 gilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not hold</source>
        <translation>%1 gilt nicht</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The state condition %1 never holds.</source>
        <translation>Die Zustandsbedingung %1 gilt nie.</translation>
    </message>
</context>
<context>
    <name>mas::system::SystemFile</name>
    <message>
        <location filename="../libmas/mas/system/systemfile.cpp" line="+35"/>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+170"/>
        <location line="+8"/>
        <location line="+9"/>
        <location line="+10"/>
        <location line="+6"/>
        <location line="+7"/>
        <location line="+63"/>
        <location line="+100"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location line="-371"/>
        <location line="+353"/>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <location line="-351"/>
        <location line="+303"/>
        <location line="+53"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="-355"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Processes run on the stepped network only (transport &quot;local&quot;)</source>
        <translation>Prozesse laufen nur im schrittweise gesteuerten Netz (Transport &quot;local&quot;)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Unknown invariant &quot;%1&quot;</source>
        <translation>Unbekannte Invariante „%1“</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2 agent(s) in %3 container(s)</source>
        <translation>%1: %2 Agent(en) in %3 Container(n)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1; processes: %2</source>
        <translation>%1; Prozesse: %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not valid JSON: %1</source>
        <translation>Kein gültiges JSON: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected an object, not %1</source>
        <translation>Erwartet wird ein Objekt, nicht %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected %1, not %2</source>
        <translation>Erwartet wird %1, nicht %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown key (known: %1)</source>
        <translation>Unbekannter Schlüssel (bekannt: %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A system file lists its agents under &quot;containers&quot;; &quot;%1&quot; belongs to a single host&apos;s config</source>
        <translation>Eine Systemdatei führt ihre Agenten unter &quot;containers&quot; auf; „%1“ gehört in die Konfiguration eines einzelnen Hosts</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>an object (message: what it means)</source>
        <translation>ein Objekt (Nachricht: was sie bedeutet)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a string or an array of strings</source>
        <translation>eine Zeichenkette oder ein Array von Zeichenketten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown codec &quot;%1&quot;: use json, msgpack or msgpackblosc</source>
        <translation>Unbekannter Codec „%1“: verwenden Sie json, msgpack oder msgpackblosc</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>an object {&quot;start&quot;: DATE}</source>
        <translation>ein Objekt {&quot;start&quot;: DATE}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an ISO 8601 date</source>
        <translation>ein Datum nach ISO 8601</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Expected a positive number of milliseconds</source>
        <translation>Erwartet wird eine positive Anzahl Millisekunden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an array of processes</source>
        <translation>ein Array von Prozessen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an object {&quot;command&quot;, &quot;cwd&quot;, &quot;name&quot;, &quot;env&quot;}</source>
        <translation>ein Objekt {&quot;command&quot;, &quot;cwd&quot;, &quot;name&quot;, &quot;env&quot;}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected the interpreter, the program and its arguments: [&quot;python3&quot;, &quot;agents.py&quot;, ...]</source>
        <translation>Erwartet werden der Interpreter, das Programm und seine Argumente: [&quot;python3&quot;, &quot;agents.py&quot;, ...]</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>a non-empty string</source>
        <translation>eine nicht leere Zeichenkette</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>a directory</source>
        <translation>ein Verzeichnis</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an object of strings</source>
        <translation>ein Objekt aus Zeichenketten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Two processes are called &quot;%1&quot;</source>
        <translation>Zwei Prozesse heißen &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Missing: a system file lists its containers and their agents, or its processes</source>
        <translation>Fehlt: eine Systemdatei führt ihre Container und deren Agenten oder ihre Prozesse auf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expected a non-empty array of containers</source>
        <translation>Erwartet wird ein nicht leeres Array von Containern</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Expected a name without &quot;/&quot;</source>
        <translation>Erwartet wird ein Name ohne „/“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Two containers are called &quot;%1&quot;</source>
        <translation>Zwei Container heißen „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an address (tcp://HOST:PORT or ipc://PATH)</source>
        <translation>eine Adresse (tcp://HOST:PORT oder ipc://PATH)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected an array of agents</source>
        <translation>Erwartet wird ein Array von Agenten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an object {&quot;type&quot;, &quot;args&quot;, &quot;kwargs&quot;, &quot;name&quot;}</source>
        <translation>ein Objekt {&quot;type&quot;, &quot;args&quot;, &quot;kwargs&quot;, &quot;name&quot;}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected an agent type such as &quot;pkg.module:Class&quot;</source>
        <translation>Erwartet wird ein Agententyp wie &quot;pkg.module:Class&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected a name (not starting with &quot;@&quot;)</source>
        <translation>Erwartet wird ein Name (der nicht mit „@“ beginnt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Two agents are called &quot;%1&quot;</source>
        <translation>Zwei Agenten heißen „%1“</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>an array of invariant ids</source>
        <translation>ein Array von Invarianten-IDs</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No agent is called &quot;%1&quot;</source>
        <translation>Kein Agent heißt „%1“</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The plug-in directory &quot;%1&quot; does not exist</source>
        <translation>Das Plug-in-Verzeichnis „%1“ existiert nicht</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unknown agent type &quot;%1&quot;</source>
        <translation>Unbekannter Agententyp „%1“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown invariant &quot;%1&quot; (no plug-in offers invariants)</source>
        <translation>Unbekannte Invariante „%1“ (kein Plug-in bietet Invarianten an)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown invariant &quot;%1&quot; (known: %2)</source>
        <translation>Unbekannte Invariante „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The system described by %1</source>
        <translation>Das von %1 beschriebene System</translation>
    </message>
</context>
<context>
    <name>mas::ui::AgentGraphView</name>
    <message>
        <location filename="../ui/views/agentgraphview.cpp" line="+448"/>
        <source>No agents yet.
They appear here as soon as they exchange messages.</source>
        <translation>Noch keine Agenten.
Sie erscheinen hier, sobald sie Nachrichten austauschen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No event store.</source>
        <translation>Kein Ereignisspeicher.</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>participants: %1</source>
        <translation>Teilnehmer: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>links: %1</source>
        <translation>Verbindungen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in flight: %1</source>
        <translation>unterwegs: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>selected: %1 → %2</source>
        <translation>ausgewählt: %1 → %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+200"/>
        <source>Agent graph</source>
        <translation>Agentengraph</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>The agents and containers as nodes, with a line between each pair that exchanged messages; messages on their way move along the lines.</source>
        <translation>Die Agenten und Container als Knoten, mit einer Linie zwischen jedem Paar, das Nachrichten ausgetauscht hat; Nachrichten auf dem Weg wandern die Linien entlang.</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Agents and the messages between them, exported from MAS Inspector</source>
        <translation>Agenten und die Nachrichten zwischen ihnen, exportiert aus MAS Inspector</translation>
    </message>
    <message numerus="yes">
        <location line="+99"/>
        <source>%n message(s) sent or received</source>
        <translation>
            <numerusform>%n Nachricht gesendet oder empfangen</numerusform>
            <numerusform>%n Nachrichten gesendet oder empfangen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 → itself: %2</source>
        <translation>%1 → sich selbst: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 → %2: %3
%2 → %1: %4</source>
        <translation>%1 → %2: %3
%2 → %1: %4</translation>
    </message>
</context>
<context>
    <name>mas::ui::AgentTreeModel</name>
    <message>
        <location filename="../ui/models/agenttreemodel.cpp" line="+93"/>
        <source>Container(%1) in another process</source>
        <translation>Container(%1) in einem anderen Prozess</translation>
    </message>
    <message>
        <location line="+287"/>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agents: %1, connections: %2</source>
        <translation>Agenten: %1, Verbindungen: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agents: %1
Outgoing connections: %2
Incoming connections: %3</source>
        <translation>Agenten: %1
Ausgehende Verbindungen: %2
Eingehende Verbindungen: %3</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A container&apos;s base address, or an agent&apos;s id in its container</source>
        <translation>Die Basisadresse eines Containers oder die Kennung eines Agenten in seinem Container</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agent&apos;s class</source>
        <translation>Die Klasse des Agenten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A container&apos;s agents and open connections, or an agent&apos;s address</source>
        <translation>Die Agenten und offenen Verbindungen eines Containers oder die Adresse eines Agenten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agent&apos;s protocol state, as its demo describes it</source>
        <translation>Der Protokollzustand des Agenten, wie seine Demo ihn beschreibt</translation>
    </message>
</context>
<context>
    <name>mas::ui::AttachDialog</name>
    <message>
        <location filename="../ui/widgets/attachdialog.cpp" line="+19"/>
        <source>Attach to Container</source>
        <translation>An Container anhängen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tcp://127.0.0.1:5555 or ipc:///tmp/agents.sock</source>
        <translation>tcp://127.0.0.1:5555 oder ipc:///tmp/agents.sock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The container&apos;s address, or one of its agents&apos; URLs</source>
        <translation>Die Adresse des Containers oder die URL eines seiner Agenten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PEM file (optional)</source>
        <translation>PEM-Datei (optional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS: the CA certificate the container&apos;s certificate must be signed by</source>
        <translation>TLS: das CA-Zertifikat, mit dem das Zertifikat des Containers signiert sein muss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS: the Inspector&apos;s own certificate (mutual TLS)</source>
        <translation>TLS: das eigene Zertifikat des Inspectors (gegenseitiges TLS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS: the private key of that certificate</source>
        <translation>TLS: der private Schlüssel dieses Zertifikats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A libmas container started with --monitor shows all its traffic. Any other aiomas container shows the calls you make from the Call panel; to watch its traffic, tap it instead (Connect → Tap a Connection).</source>
        <translation>Ein libmas-Container, der mit --monitor gestartet wurde, zeigt seinen gesamten Verkehr. Jeder andere aiomas-Container zeigt die Aufrufe, die Sie im Aufruf-Bereich machen; um seinen Verkehr zu beobachten, hören Sie ihn stattdessen ab (Verbinden → Verbindung abhören).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach</source>
        <translation>Anhängen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Codec:</source>
        <translation>Co&amp;dec:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS C&amp;A:</source>
        <translation>TLS-&amp;CA:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS ce&amp;rtificate:</source>
        <translation>TLS-&amp;Zertifikat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS &amp;key:</source>
        <translation>TLS-&amp;Schlüssel:</translation>
    </message>
</context>
<context>
    <name>mas::ui::CallPanel</name>
    <message>
        <location filename="../ui/widgets/callpanel.cpp" line="+32"/>
        <source>The %1 are not valid JSON: %2</source>
        <translation>Die %1 sind kein gültiges JSON: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>tcp://127.0.0.1:5555/0 or tcp://127.0.0.1:5555</source>
        <translation>tcp://127.0.0.1:5555/0 oder tcp://127.0.0.1:5555</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An agent URL (the method is called on that agent) or a service address</source>
        <translation>Eine Agenten-URL (die Methode wird auf diesem Agenten aufgerufen) oder eine Dienstadresse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The codec the service speaks (aiomas&apos;s default is JSON)</source>
        <translation>Der Codec, den der Dienst spricht (Standard bei aiomas ist JSON)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The method&apos;s path, e.g. service or calc/mul; paths seen in the traffic are offered</source>
        <translation>Der Pfad der Methode, z. B. service oder calc/mul; im Verkehr gesehene Pfade werden angeboten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>42, &quot;text&quot;, [1, 2]</source>
        <translation>42, &quot;text&quot;, [1, 2]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positional arguments as JSON values, separated by commas</source>
        <translation>Positionsargumente als JSON-Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;name&quot;: value, …</source>
        <translation>&quot;name&quot;: value, …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyword arguments as JSON &quot;name&quot;: value pairs, separated by commas</source>
        <translation>Schlüsselwortargumente als JSON-Paare &quot;name&quot;: value, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long to wait for the connection and the reply</source>
        <translation>Wie lange auf die Verbindung und die Antwort gewartet wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Call</source>
        <translation>&amp;Aufrufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call the method and show the result below (Ctrl+Return)</source>
        <translation>Die Methode aufrufen und das Ergebnis unten zeigen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the result pane</source>
        <translation>Den Ergebnisbereich leeren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Call results</source>
        <translation>Aufrufergebnisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results and errors of your calls appear here.</source>
        <translation>Ergebnisse und Fehler Ihrer Aufrufe erscheinen hier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arguments:</source>
        <translation>A&amp;rgumente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keywords:</source>
        <translation>&amp;Schlüsselwörter:</translation>
    </message>
    <message>
        <location line="+104"/>
        <location line="+10"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A call is already running</source>
        <translation>Es läuft bereits ein Aufruf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter an address to call, e.g. tcp://127.0.0.1:5555/0</source>
        <translation>Geben Sie eine Adresse für den Aufruf ein, z. B. tcp://127.0.0.1:5555/0</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the method&apos;s path, e.g. service</source>
        <translation>Geben Sie den Pfad der Methode ein, z. B. service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keywords</source>
        <translation>Schlüsselwörter</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The call was not made</source>
        <translation>Der Aufruf wurde nicht ausgeführt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Agent &quot;%1&quot; does not exist at %2</source>
        <translation>Agent „%1“ existiert nicht unter %2</translation>
    </message>
</context>
<context>
    <name>mas::ui::CausalActions</name>
    <message>
        <location filename="../ui/widgets/causalactions.cpp" line="+31"/>
        <source>Causal &amp;Slice</source>
        <translation>Kausaler A&amp;usschnitt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highlight what the selected event depends on (its past, blue) and what depends on it (its future, orange); everything else is dimmed</source>
        <translation>Hervorheben, wovon das ausgewählte Ereignis abhängt (seine Vergangenheit, blau) und was von ihm abhängt (seine Zukunft, orange); alles andere wird abgeblendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show &amp;Only the Slice</source>
        <translation>&amp;Nur den Ausschnitt zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>While a causal slice is shown, the table lists only its events</source>
        <translation>Solange ein kausaler Ausschnitt angezeigt wird, listet die Tabelle nur seine Ereignisse auf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;End Causal Slice</source>
        <translation>Kausalen Ausschnitt &amp;beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fold Repeated &amp;Rounds</source>
        <translation>Wiederholte &amp;Runden zusammenfassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show each run of repeated rounds (the same messages between the same agents, again and again) as one row; double-click it to expand</source>
        <translation>Jede Folge wiederholter Runden (dieselben Nachrichten zwischen denselben Agenten, immer wieder) als eine Zeile zeigen; Doppelklick klappt sie auf</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Select an event to see its causal slice</source>
        <translation>Wählen Sie ein Ereignis aus, um seinen kausalen Ausschnitt zu sehen</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Causal slice of event %1: %n event(s) before it, %2 after it</source>
        <translation>
            <numerusform>Kausaler Ausschnitt von Ereignis %1: %n Ereignis davor, %2 danach</numerusform>
            <numerusform>Kausaler Ausschnitt von Ereignis %1: %n Ereignisse davor, %2 danach</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::ClockPanel</name>
    <message>
        <location filename="../ui/widgets/clockpanel.cpp" line="+42"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The simulated time: seconds on the clock&apos;s scale</source>
        <translation>Die simulierte Zeit: Sekunden auf der Skala der Uhr</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The simulated time as a date (UTC): what the agents see as &quot;now&quot;</source>
        <translation>Die simulierte Zeit als Datum (UTC): was die Agenten als „jetzt“ sehen</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+14"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>How far &quot;Advance&quot; moves the clock, in simulated seconds</source>
        <translation>Wie weit „Vorstellen“ die Uhr bewegt, in simulierten Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advance</source>
        <translation>Vorstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the clock forward by the step; timers that become due run</source>
        <translation>Die Uhr um den Schritt vorstellen; fällig werdende Timer laufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next timer</source>
        <translation>Nächster Timer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A simulated time to jump to; it must be later than the current time</source>
        <translation>Eine simulierte Zeit, zu der gesprungen wird; sie muss nach der aktuellen Zeit liegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the clock to the time on the left; every timer due by then runs</source>
        <translation>Die Uhr auf die Zeit links setzen; jeder bis dahin fällige Timer läuft</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How fast &quot;Run&quot; moves the clock, relative to real time</source>
        <translation>Wie schnell „Laufen“ die Uhr bewegt, relativ zur Echtzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>Laufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the clock continuously at the chosen speed until &quot;Stop&quot;</source>
        <translation>Die Uhr mit der gewählten Geschwindigkeit laufen lassen, bis „Stopp“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop moving the clock</source>
        <translation>Die Uhr anhalten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Step:</source>
        <translation>&amp;Schritt:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Time:</source>
        <translation>&amp;Zeit:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;peed:</source>
        <translation>&amp;Tempo:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due in</source>
        <translation>Fällig in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Timers waiting on the clock, in the order they will fire: sleeping agents and scheduled calls</source>
        <translation>Timer, die auf der Uhr warten, in der Reihenfolge, in der sie auslösen: schlafende Agenten und geplante Aufrufe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The outcome of the last action</source>
        <translation>Das Ergebnis der letzten Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulated time</source>
        <translation>Simulierte Zeit</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+106"/>
        <source>Running at %1 real time</source>
        <translation>Läuft mit %1 Echtzeit</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>No simulated clock: the system runs in real time.</source>
        <translation>Keine simulierte Uhr: das System läuft in Echtzeit.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The clock is gone: the system runs in real time.</source>
        <translation>Die Uhr ist weg: das System läuft in Echtzeit.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>There is no simulated clock to set</source>
        <translation>Es gibt keine simulierte Uhr zum Setzen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>There is no simulated clock to advance</source>
        <translation>Es gibt keine simulierte Uhr zum Vorstellen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stopped at %1 s</source>
        <translation>Angehalten bei %1 s</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Real time</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+45"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Pending timers</source>
        <translation>Wartende Timer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pending timers (%1)</source>
        <translation>Wartende Timer (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>+%1 s</source>
        <translation>+%1 s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(callback)</source>
        <translation>(Rückruf)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timer %1: a coroutine sleeping until %2 s</source>
        <translation>Timer %1: eine Koroutine, die bis %2 s schläft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timer %1: a callback scheduled for %2 s</source>
        <translation>Timer %1: ein Rückruf, geplant für %2 s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Move the clock to the next timer&apos;s deadline (%1 s)</source>
        <translation>Die Uhr auf die Frist des nächsten Timers stellen (%1 s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the clock to the next timer&apos;s deadline (no timer is pending)</source>
        <translation>Die Uhr auf die Frist des nächsten Timers stellen (es wartet kein Timer)</translation>
    </message>
</context>
<context>
    <name>mas::ui::CoSimulationPanel</name>
    <message>
        <location filename="../ui/widgets/cosimulationpanel.cpp" line="+28"/>
        <source>Hold at step</source>
        <translation>Bei Schritt anhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause the co-simulation before the first step at this time or later: the simulator does not answer mosaik until you continue</source>
        <translation>Die Co-Simulation vor dem ersten Schritt zu dieser Zeit oder später anhalten: der Simulator antwortet mosaik erst, wenn Sie fortsetzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step time to hold at</source>
        <translation>Schrittzeit, bei der angehalten wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold every step</source>
        <translation>Jeden Schritt anhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Single-step the co-simulation: every step waits for Continue</source>
        <translation>Die Co-Simulation in Einzelschritten ausführen: jeder Schritt wartet auf „Weiter“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let the held step run and answer mosaik (F8)</source>
        <translation>Den angehaltenen Schritt laufen lassen und mosaik antworten (F8)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tep</source>
        <translation>&amp;Einzelschritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let the held step run, then hold the next one (Shift+F8)</source>
        <translation>Den angehaltenen Schritt laufen lassen, dann den nächsten anhalten (Umschalt+F8)</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Host a mosaik simulator with Connect → Host a mosaik Simulator.</source>
        <translation>Stellen Sie einen mosaik-Simulator mit Verbinden → mosaik-Simulator bereitstellen bereit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simulated time: step %1 = %2 s (%3)</source>
        <translation>Simulierte Zeit: Schritt %1 = %2 s (%3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Simulated time: before the first step</source>
        <translation>Simulierte Zeit: vor dem ersten Schritt</translation>
    </message>
</context>
<context>
    <name>mas::ui::EventFilterModel</name>
    <message>
        <location filename="../ui/models/eventtablemodel.cpp" line="+719"/>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sends</source>
        <translation>Gesendete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deliveries</source>
        <translation>Zugestellte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drops</source>
        <translation>Verworfene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faults (drops, duplicates, delays)</source>
        <translation>Fehler (verworfen, dupliziert, zurückgestellt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message events</source>
        <translation>Nachrichtenereignisse</translation>
    </message>
</context>
<context>
    <name>mas::ui::EventTableModel</name>
    <message>
        <location line="-514"/>
        <source>▾ ×%1 %2</source>
        <translation>▾ ×%1 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>▸ ×%1 %2</source>
        <translation>▸ ×%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n round(s) of %1 each; double-click to fold them into this row</source>
        <translation>
            <numerusform>%n Runde mit je %1; Doppelklick fasst sie in dieser Zeile zusammen</numerusform>
            <numerusform>%n Runden mit je %1; Doppelklick fasst sie in dieser Zeile zusammen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n round(s) of %1 each, folded into this row; double-click to show them</source>
        <translation>
            <numerusform>%n Runde mit je %1, in dieser Zeile zusammengefasst; Doppelklick zeigt sie</numerusform>
            <numerusform>%n Runden mit je %1, in dieser Zeile zusammengefasst; Doppelklick zeigt sie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This step breaks &quot;%1&quot;</source>
        <translation>Dieser Schritt verletzt „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This message&apos;s delivery breaks &quot;%1&quot;</source>
        <translation>Die Zustellung dieser Nachricht verletzt „%1“</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Event %1 of the run</source>
        <translation>Ereignis %1 des Laufs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simulated time %1 s, wall clock %2</source>
        <translation>Simulierte Zeit %1 s, Uhrzeit %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message %1 entered the queue</source>
        <translation>Nachricht %1 kam in die Warteschlange</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message %1 reached its receiver</source>
        <translation>Nachricht %1 hat ihren Empfänger erreicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message %1 was discarded (fault injection)</source>
        <translation>Nachricht %1 wurde verworfen (Fehlerinjektion)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message %1 is a copy of message %2</source>
        <translation>Nachricht %1 ist eine Kopie von Nachricht %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message %1 was moved back in the delivery order (by %2)</source>
        <translation>Nachricht %1 wurde in der Zustellreihenfolge nach hinten verschoben (um %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection %1 opened</source>
        <translation>Verbindung %1 geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One end of connection %1 closed</source>
        <translation>Ein Ende der Verbindung %1 wurde geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The clock was set to %1 s</source>
        <translation>Die Uhr wurde auf %1 s gesetzt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (request id %2)</source>
        <translation>%1 (Anfrage-ID %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 bytes, frame header included</source>
        <translation>%1 Bytes, einschließlich Frame-Header</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sim time</source>
        <translation>Sim.-Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The event&apos;s number in the run (#, as in the diagram&apos;s margin); a message&apos;s own id, which its events share, is the Message id of its details and the pending list&apos;s Id</source>
        <translation>Die Nummer des Ereignisses im Lauf (#, wie am Rand des Diagramms); die eigene ID einer Nachricht, die ihre Ereignisse teilen, ist die Nachrichten-ID in ihren Details und die Spalte ID der Warteliste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simulated clock time in seconds when the event happened</source>
        <translation>Simulierte Uhrzeit in Sekunden, zu der das Ereignis geschah</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What happened: sent, delivered, dropped, duplicated, delayed, a connection or the clock</source>
        <translation>Was geschah: gesendet, zugestellt, verworfen, dupliziert, zurückgestellt, eine Verbindung oder die Uhr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the message says: the method and its arguments, &quot;election(25)&quot;; a reply shows the method it answers and its value, &quot;→ cfp: 7&quot;</source>
        <translation>Was die Nachricht besagt: die Methode und ihre Argumente, „election(25)“; eine Antwort zeigt die Methode, auf die sie antwortet, und ihren Wert, „→ cfp: 7“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request, result or failure</source>
        <translation>Anfrage, Ergebnis oder Fehlschlag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender, by the name its system gives it (its address in the status bar)</source>
        <translation>Der Absender, mit dem Namen, den sein System ihm gibt (seine Adresse in der Statusleiste)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receiver, by the name its system gives it (its address in the status bar)</source>
        <translation>Der Empfänger, mit dem Namen, den sein System ihm gibt (seine Adresse in der Statusleiste)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The RPC path of the request (or of the request a reply answers)</source>
        <translation>Der RPC-Pfad der Anfrage (oder der Anfrage, die eine Antwort beantwortet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The frame&apos;s size, header included</source>
        <translation>Die Größe des Frames, einschließlich Header</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The decoded message content (hover a cell for all of it)</source>
        <translation>Der dekodierte Nachrichteninhalt (für den vollständigen Inhalt den Mauszeiger über die Zelle halten)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicated</source>
        <translation>Dupliziert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delayed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock set</source>
        <translation>Uhr gesetzt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failure</source>
        <translation>Fehlschlag</translation>
    </message>
</context>
<context>
    <name>mas::ui::ExploreDialog</name>
    <message>
        <location filename="../ui/widgets/exploredialog.cpp" line="+21"/>
        <source>Explore Interleavings</source>
        <translation>Verzahnungen erkunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every invariant</source>
        <translation>Jede Invariante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The invariant (or goal, checked when nothing is pending) that must hold</source>
        <translation>Die Invariante (oder das Ziel, geprüft, wenn nichts wartet), die gelten muss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every order (depth first)</source>
        <translation>Jede Reihenfolge (Tiefensuche)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random walks</source>
        <translation>Zufallsläufe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most this many runs (depth first) or walks (random)</source>
        <translation>Höchstens so viele Läufe (Tiefensuche) oder Zufallsläufe (zufällig)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many messages a run may drop (0: deliveries only)</source>
        <translation>Wie viele Nachrichten ein Lauf verwerfen darf (0: nur Zustellungen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional, e.g. %1</source>
        <translation>optional, z. B. %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A state condition that must never hold (the language of the State breakpoints tab); with &quot;Every invariant&quot; only the condition is checked</source>
        <translation>Eine Zustandsbedingung, die nie gelten darf (die Sprache des Tabs „Zustands-Haltepunkte“); mit „Jede Invariante“ wird nur die Bedingung geprüft</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Explore</source>
        <translation>Erkunden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Property:</source>
        <translation>&amp;Eigenschaft:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Budget:</source>
        <translation>&amp;Budget:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time limit:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dropped messages:</source>
        <translation>&amp;Verworfene Nachrichten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Never:</source>
        <translation>&amp;Nie:</translation>
    </message>
</context>
<context>
    <name>mas::ui::FileReader</name>
    <message>
        <location filename="../ui/session/fileloader.cpp" line="+135"/>
        <source>Reading %1 took too long</source>
        <translation>Das Lesen von %1 hat zu lange gedauert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading %1 was cancelled</source>
        <translation>Das Lesen von %1 wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>mas::ui::InspectorSession</name>
    <message numerus="yes">
        <location filename="../ui/session/inspectorsession.cpp" line="-418"/>
        <source>Opened %1: %n agent(s), stepped</source>
        <translation>
            <numerusform>%1 geöffnet: %n Agent, schrittweise</numerusform>
            <numerusform>%1 geöffnet: %n Agenten, schrittweise</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reload Plug-ins works on a stepped system opened from a file (File → Open System…)</source>
        <translation>„Plug-ins neu laden“ funktioniert bei einem schrittweise ausgeführten System, das aus einer Datei geöffnet wurde (Datei → System öffnen…)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+559"/>
        <location line="+77"/>
        <source>Another run or exploration is going on</source>
        <translation>Es läuft bereits ein anderer Lauf oder eine Erkundung</translation>
    </message>
    <message>
        <location line="-613"/>
        <source>%1 names no plug-in to reload (&quot;plugin_path&quot;)</source>
        <translation>%1 nennt kein Plug-in zum Neuladen (&quot;plugin_path&quot;)</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Reloaded %n plug-in(s): the recorded run replays identically</source>
        <translation>
            <numerusform>%n Plug-in neu geladen: der aufgezeichnete Lauf wird identisch wiedergegeben</numerusform>
            <numerusform>%n Plug-ins neu geladen: der aufgezeichnete Lauf wird identisch wiedergegeben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Reloaded %n plug-in(s): the new run differs from the recorded one at event %1 (%2 of %3 recorded steps replayed); was: %4</source>
        <translation>
            <numerusform>%n Plug-in neu geladen: der neue Lauf weicht bei Ereignis %1 vom aufgezeichneten ab (%2 von %3 aufgezeichneten Schritten wiedergegeben); vorher: %4</numerusform>
            <numerusform>%n Plug-ins neu geladen: der neue Lauf weicht bei Ereignis %1 vom aufgezeichneten ab (%2 von %3 aufgezeichneten Schritten wiedergegeben); vorher: %4</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the end of the recording</source>
        <translation>das Ende der Aufzeichnung</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+496"/>
        <location line="+63"/>
        <source>There is no demo called &quot;%1&quot;</source>
        <translation>Es gibt keine Demo namens „%1“</translation>
    </message>
    <message>
        <location line="-488"/>
        <location line="+300"/>
        <location line="+764"/>
        <location line="+26"/>
        <location line="+12"/>
        <source>%1 — MAS Inspector</source>
        <translation>%1 — MAS Inspector</translation>
    </message>
    <message>
        <location line="-1094"/>
        <location line="+533"/>
        <location line="+25"/>
        <location line="+76"/>
        <source>No system is running</source>
        <translation>Es läuft kein System</translation>
    </message>
    <message>
        <location line="-551"/>
        <source>State breakpoint %1 hit: %2</source>
        <translation>Zustands-Haltepunkt %1 ausgelöst: %2</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>Removed %1: calls to it now fail</source>
        <translation>%1 entfernt: Aufrufe an ihn scheitern jetzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no agent %1 in this system</source>
        <translation>In diesem System gibt es keinen Agenten %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Tap %1 → %2 — MAS Inspector</source>
        <translation>Abhören %1 → %2 — MAS Inspector</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+11"/>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>mosaik co-simulation — MAS Inspector</source>
        <translation>mosaik-Co-Simulation — MAS Inspector</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exploring needs a demo system on the LocalQueue</source>
        <translation>Zum Erkunden braucht es ein Demosystem auf der LocalQueue</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>No counterexample is open</source>
        <translation>Kein Gegenbeispiel geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explaining a counterexample needs a system on the LocalQueue</source>
        <translation>Zum Erklären eines Gegenbeispiels braucht es ein System auf der LocalQueue</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The programs have not answered the last step yet</source>
        <translation>Die Programme haben auf den letzten Schritt noch nicht geantwortet</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select a pending message first</source>
        <translation>Wählen Sie zuerst eine wartende Nachricht aus</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+81"/>
        <location line="+21"/>
        <location line="+538"/>
        <source>Another run or step is going on</source>
        <translation>Es läuft bereits ein anderer Lauf oder Schritt</translation>
    </message>
    <message>
        <location line="-1109"/>
        <source>You left the counterexample after step %1 of %2: F10 now delivers the oldest pending message, and the Violation tab keeps the counterexample</source>
        <translation>Sie haben das Gegenbeispiel nach Schritt %1 von %2 verlassen: F10 stellt jetzt die älteste wartende Nachricht zu, und der Reiter Verletzung behält das Gegenbeispiel</translation>
    </message>
    <message numerus="yes">
        <location line="+345"/>
        <source>%1: %n schedule(s), %2</source>
        <translation>
            <numerusform>%1: %n Ablauf, %2</numerusform>
            <numerusform>%1: %n Abläufe, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n distinct state(s), %1 ms</source>
        <translation>
            <numerusform>%n verschiedener Zustand, %1 ms</numerusform>
            <numerusform>%n verschiedene Zustände, %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Violation of &quot;%1&quot; in %n step(s) (shrunk from %2)</source>
        <translation>
            <numerusform>Verletzung von „%1“ in %n Schritt (verkürzt von %2)</numerusform>
            <numerusform>Verletzung von „%1“ in %n Schritten (verkürzt von %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1; %n schedule(s) explored</source>
        <translation>
            <numerusform>%1; %n Ablauf erkundet</numerusform>
            <numerusform>%1; %n Abläufe erkundet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+86"/>
        <source>A replay is going on: wait for its end, or press Cancel in the status bar</source>
        <translation>Eine Wiedergabe läuft: warten Sie ihr Ende ab oder drücken Sie „Abbrechen“ in der Statusleiste</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>Nothing is pending and no timer is due</source>
        <translation>Nichts wartet und kein Timer ist fällig</translation>
    </message>
    <message>
        <location line="+696"/>
        <source>End of the counterexample: &quot;%1&quot; is violated</source>
        <translation>Ende des Gegenbeispiels: „%1“ ist verletzt</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>End of the recorded run</source>
        <translation>Ende des aufgezeichneten Laufs</translation>
    </message>
    <message>
        <location line="-608"/>
        <source>The system no longer follows the recorded run: %1</source>
        <translation>Das System folgt dem aufgezeichneten Lauf nicht mehr: %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Breakpoint: %1 → %2 %3</source>
        <translation>Haltepunkt: %1 → %2 %3</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>There is no system to save</source>
        <translation>Es gibt kein System zum Speichern</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Reading %1… %2%</source>
        <translation>%1 wird gelesen… %2 %</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+145"/>
        <source>Opening %1 was cancelled: nothing changed</source>
        <translation>Das Öffnen von %1 wurde abgebrochen: nichts hat sich geändert</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Another file is being opened</source>
        <translation>Es wird gerade eine andere Datei geöffnet</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+23"/>
        <source>Reading %1 took too long</source>
        <translation>Das Lesen von %1 hat zu lange gedauert</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This session ran over sockets: its messages are shown, not replayed</source>
        <translation>Diese Sitzung lief über Sockets: ihre Nachrichten werden gezeigt, nicht wiedergegeben</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Counterexample to &quot;%1&quot; in %n step(s): F10 plays the next step, F5 plays it to its end</source>
        <translation>
            <numerusform>Gegenbeispiel zu „%1“ in %n Schritt: F10 spielt den nächsten Schritt ab, F5 spielt es bis zum Ende ab</numerusform>
            <numerusform>Gegenbeispiel zu „%1“ in %n Schritten: F10 spielt den nächsten Schritt ab, F5 spielt es bis zum Ende ab</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Adding the events of %1… %2%</source>
        <translation>Die Ereignisse von %1 werden hinzugefügt… %2 %</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>There is no event %1 to step back to</source>
        <translation>Es gibt kein Ereignis %1, zu dem zurückgegangen werden kann</translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>%n step(s) before step %1, which broke &quot;%2&quot;: F10 plays the next step toward it</source>
        <translation>
            <numerusform>%n Schritt vor Schritt %1, der „%2“ verletzt hat: F10 spielt den nächsten Schritt dorthin ab</numerusform>
            <numerusform>%n Schritte vor Schritt %1, der „%2“ verletzt hat: F10 spielt den nächsten Schritt dorthin ab</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>step %1 of %2 of the counterexample: F10 plays its next step</source>
        <translation>Schritt %1 von %2 des Gegenbeispiels: F10 spielt seinen nächsten Schritt ab</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n step(s) after step %1, which broke &quot;%2&quot; (the Violation tab keeps it)</source>
        <translation>
            <numerusform>%n Schritt nach Schritt %1, der „%2“ verletzt hat (der Reiter Verletzung behält sie)</numerusform>
            <numerusform>%n Schritte nach Schritt %1, der „%2“ verletzt hat (der Reiter Verletzung behält sie)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at step %1, which broke &quot;%2&quot; (the Violation tab shows it)</source>
        <translation>bei Schritt %1, der „%2“ verletzt hat (der Reiter Verletzung zeigt sie)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this run left the counterexample after step %1 of %2 (the Violation tab keeps it)</source>
        <translation>dieser Lauf hat das Gegenbeispiel nach Schritt %1 von %2 verlassen (der Reiter Verletzung behält es)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Stepping back to event %1 ended at event %2 instead of %3</source>
        <translation>Der Schritt zurück zu Ereignis %1 endete bei Ereignis %2 statt %3</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Event %1 is no longer kept (only the last %n event(s) are): stepped back to event %2, as far back as the kept events reach</source>
        <translation>
            <numerusform>Ereignis %1 wird nicht mehr aufbewahrt (aufbewahrt wird nur %n Ereignis, das letzte): zurück zu Ereignis %2, so weit die aufbewahrten Ereignisse zurückreichen</numerusform>
            <numerusform>Ereignis %1 wird nicht mehr aufbewahrt (aufbewahrt werden nur die letzten %n Ereignisse): zurück zu Ereignis %2, so weit die aufbewahrten Ereignisse zurückreichen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stepped back to event %1</source>
        <translation>Zurück zu Ereignis %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stepped back to event %1 (the end of the step that produced event %2)</source>
        <translation>Zurück zu Ereignis %1 (dem Ende des Schritts, der Ereignis %2 erzeugt hat)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The system no longer follows the recorded run at step %1: %2</source>
        <translation>Das System folgt dem aufgezeichneten Lauf ab Schritt %1 nicht mehr: %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Step %1 broke &quot;%2&quot; again, as when the violation was found</source>
        <translation>Schritt %1 hat „%2“ wieder verletzt, wie beim Finden der Verletzung</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Replaying %n event(s)…</source>
        <translation>
            <numerusform>Gebe %n Ereignis wieder…</numerusform>
            <numerusform>Gebe %n Ereignisse wieder…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Replayed %n action(s)</source>
        <translation>
            <numerusform>%n Aktion wiedergegeben</numerusform>
            <numerusform>%n Aktionen wiedergegeben</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1730"/>
        <location line="+1758"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="-1743"/>
        <source>%1 is not a session, a counterexample of mas explore or a system file</source>
        <translation>%1 ist weder eine Sitzung noch ein Gegenbeispiel von mas explore noch eine Systemdatei</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Python: %1</source>
        <translation>Python: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python programs run by the masstep runner: their frames wait on the stepped network, their timers on its clock.</source>
        <translation>Python-Programme, ausgeführt vom masstep-Runner: ihre Frames warten im schrittweise gesteuerten Netz, ihre Timer auf dessen Uhr.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No Python program to open</source>
        <translation>Kein Python-Programm zum Öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opened %1: stepped</source>
        <translation>%1 geöffnet: schrittweise</translation>
    </message>
    <message>
        <location line="+1229"/>
        <location line="+94"/>
        <location line="+9"/>
        <source>Reading %1 was cancelled</source>
        <translation>Das Lesen von %1 wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+333"/>
        <source>Replay cancelled at event %1 of %2: stepping goes on from there</source>
        <translation>Wiedergabe bei Ereignis %1 von %2 abgebrochen: das schrittweise Ausführen geht von dort weiter</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+21"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>mas::ui::InspectorWindow</name>
    <message>
        <location filename="../ui/widgets/inspectorwindow.cpp" line="+89"/>
        <source>MAS Inspector</source>
        <translation>MAS Inspector</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Message table</source>
        <translation>Nachrichtentabelle</translation>
    </message>
    <message>
        <location line="+220"/>
        <source>Containers and agents</source>
        <translation>Container und Agenten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The containers and their agents; right-click an agent to call or remove it</source>
        <translation>Die Container und ihre Agenten; klicken Sie mit der rechten Maustaste auf einen Agenten, um ihn aufzurufen oder zu entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+235"/>
        <location line="+145"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="-363"/>
        <location line="+14"/>
        <source>Pending messages</source>
        <translation>Wartende Nachrichten</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Messages sent but not yet delivered. Pick one and deliver it to try another interleaving, or drop, duplicate or delay it.</source>
        <translation>Gesendete, aber noch nicht zugestellte Nachrichten. Wählen Sie eine aus und stellen Sie sie zu, um eine andere Verzahnung auszuprobieren, oder verwerfen, duplizieren oder zurückstellen Sie sie.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Clock</source>
        <translation>Uhr</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Call</source>
        <translation>Aufruf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call any exposed method of an agent or service, like mas call</source>
        <translation>Eine beliebige angebotene Methode eines Agenten oder Dienstes aufrufen, wie mas call</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>&amp;New System</source>
        <translation>&amp;Neues System</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Build a fresh demo system with the parameters in the tool bar</source>
        <translation>Ein frisches Demosystem mit den Parametern aus der Werkzeugleiste bauen</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seconds since the Inspector attached to the container</source>
        <translation>Sekunden, seit sich der Inspector mit dem Container verbunden hat</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Violation</source>
        <translation>Verletzung</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a saved session (replayed), a counterexample of mas explore (at its start) or a system file</source>
        <translation>Eine gespeicherte Sitzung (wiedergegeben), ein Gegenbeispiel von mas explore (an seinem Anfang) oder eine Systemdatei öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open S&amp;ystem…</source>
        <translation>S&amp;ystem öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a system file (JSON: containers, agents of your plug-ins, invariants) and step it</source>
        <translation>Eine Systemdatei öffnen (JSON: Container, Agenten Ihrer Plug-ins, Invarianten) und schrittweise ausführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open System</source>
        <translation>System öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System files (*.json);;All files (*)</source>
        <translation>Systemdateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Python Program…</source>
        <translation>&amp;Python-Programm öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run a Python asyncio program (aiomas too) under the masstep runner and step its messages</source>
        <translation>Ein Python-asyncio-Programm (auch aiomas) unter dem masstep-Runner ausführen und seine Nachrichten schrittweise zustellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Open Python Program</source>
        <translation>Python-Programm öffnen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Python programs (*.py);;All files (*)</source>
        <translation>Python-Programme (*.py);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Arguments of %1:</source>
        <translation>Argumente von %1:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;load Plug-ins</source>
        <translation>Plug-ins neu &amp;laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After a rebuild: load the system file&apos;s plug-ins again and replay the recorded delivery order against the new code, showing the first event where the run differs</source>
        <translation>Nach einem Neubau: die Plug-ins der Systemdatei erneut laden und die aufgezeichnete Zustellreihenfolge mit dem neuen Code wiedergeben; gezeigt wird das erste Ereignis, an dem sich der Lauf unterscheidet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save Session…</source>
        <translation>Sitzung &amp;speichern…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the system&apos;s set-up and its event log</source>
        <translation>Den Aufbau des Systems und sein Ereignisprotokoll speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAS sessions (*.massession)</source>
        <translation>MAS-Sitzungen (*.massession)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Step</source>
        <translation>&amp;Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+712"/>
        <source>Deliver the oldest pending message (F10)</source>
        <translation>Die älteste wartende Nachricht zustellen (F10)</translation>
    </message>
    <message>
        <location line="-708"/>
        <location line="+189"/>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>Deliver messages until a breakpoint hits or the system is idle; moves the clock to the next timer when nothing is pending (F5)</source>
        <translation>Nachrichten zustellen, bis ein Haltepunkt greift oder das System ruht; stellt die Uhr auf den nächsten Timer, wenn nichts wartet (F5)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop running at the next message (Shift+F5)</source>
        <translation>Bei der nächsten Nachricht anhalten (Umschalt+F5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run Until &amp;Idle</source>
        <translation>Bis &amp;Leerlauf ausführen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deliver messages until none is pending, without moving the clock</source>
        <translation>Nachrichten zustellen, bis keine mehr wartet, ohne die Uhr weiterzustellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Deliver Selected</source>
        <translation>Auswahl &amp;zustellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deliver the message selected in the pending list now, ahead of older ones</source>
        <translation>Die in der Warteliste ausgewählte Nachricht jetzt zustellen, vor älteren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;rop</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discard the selected pending message (a lost message)</source>
        <translation>Die ausgewählte wartende Nachricht verwerfen (eine verlorene Nachricht)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deliver the selected pending message twice</source>
        <translation>Die ausgewählte wartende Nachricht zweimal zustellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>De&amp;lay</source>
        <translation>Zu&amp;rückstellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected pending message behind all others</source>
        <translation>Die ausgewählte wartende Nachricht hinter alle anderen stellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step &amp;Back to Selected</source>
        <translation>&amp;Bis zur Auswahl zurückgehen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rebuild the system and replay the log up to the selected message</source>
        <translation>Das System neu bauen und das Protokoll bis zur ausgewählten Nachricht wiedergeben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select the event to step back to in the message table (or click it in the sequence diagram), then press Ctrl+B</source>
        <translation>Wählen Sie das Ereignis, zu dem Sie zurückgehen wollen, in der Nachrichtentabelle (oder klicken Sie es im Sequenzdiagramm an) und drücken Sie dann Strg+B</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Explore Interleavings…</source>
        <translation>Verzahnungen &amp;erkunden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the demo&apos;s delivery orders (and faults) for a run that breaks one of its properties, then open the shortest such run found</source>
        <translation>Die Zustellreihenfolgen (und Fehler) der Demo nach einem Lauf durchsuchen, der eine ihrer Eigenschaften verletzt, und dann den kürzesten solchen Lauf öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Attach to Container…</source>
        <translation>An Container &amp;anhängen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to a running container (libmas or Python aiomas) and watch its traffic</source>
        <translation>Mit einem laufenden Container verbinden (libmas oder Python-aiomas) und seinen Verkehr beobachten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tap a Connection…</source>
        <translation>Verbindung ab&amp;hören…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay between clients and an aiomas server on a port of your choice and show their frames</source>
        <translation>Zwischen Clients und einem aiomas-Server auf einem Port Ihrer Wahl vermitteln und ihre Frames zeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Detach</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop watching; the recorded messages stay</source>
        <translation>Beobachten beenden; die aufgezeichneten Nachrichten bleiben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo system</source>
        <translation>Demosystem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The built-in demo system to build</source>
        <translation>Das eingebaute Demosystem, das gebaut wird</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>agents: </source>
        <translation>Agenten: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many agents the demo has</source>
        <translation>Wie viele Agenten die Demo hat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seed: </source>
        <translation>Seed: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds everything random in the demo (ids, graphs, bids, votes)</source>
        <translation>Legt alles Zufällige in der Demo fest (Kennungen, Graphen, Gebote, Stimmen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>faulty</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build the variant with a known fault (a teaching bug or a crash)</source>
        <translation>Die Variante mit einem bekannten Fehler bauen (ein Lehrfehler oder ein Absturz)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LocalQueue (steppable)</source>
        <translation>LocalQueue (schrittweise)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP on 127.0.0.1</source>
        <translation>TCP auf 127.0.0.1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unix sockets</source>
        <translation>Unix-Sockets</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How the containers talk: the in-process LocalQueue can be stepped message by message; TCP and Unix sockets run free over real sockets and are watched</source>
        <translation>Wie die Container kommunizieren: die prozessinterne LocalQueue lässt sich Nachricht für Nachricht steuern; TCP und Unix-Sockets laufen frei über echte Sockets und werden beobachtet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stepping</source>
        <translation>Schrittbetrieb</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run speed</source>
        <translation>Ablaufgeschwindigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full speed</source>
        <translation>Volle Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 msg/s</source>
        <translation>%1 Nachr./s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How fast Run delivers messages, so that you can watch them go</source>
        <translation>Wie schnell „Ausführen“ Nachrichten zustellt, damit Sie ihnen zusehen können</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Break on method, argument, sender or receiver…</source>
        <translation>Halt bei Methode, Argument, Absender oder Empfänger…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run stops before delivering a shown message whose label (method and arguments), sender or receiver contains this text</source>
        <translation>Ausführen hält vor der Zustellung einer angezeigten Nachricht an, deren Beschriftung (Methode und Argumente), Absender oder Empfänger diesen Text enthält</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Compare With Log…</source>
        <translation>Mit Protokoll &amp;vergleichen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load another run&apos;s event log and jump to the first event where the runs part</source>
        <translation>Das Ereignisprotokoll eines anderen Laufs laden und zum ersten Ereignis springen, an dem sich die Läufe unterscheiden</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>Compare With Log</source>
        <translation>Mit Protokoll vergleichen</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Event logs (*.jsonl *.massession);;All files (*)</source>
        <translation>Ereignisprotokolle (*.jsonl *.massession);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sequence Diagram…</source>
        <translation>Sequenzdiagramm…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Sequence Diagram</source>
        <translation>Sequenzdiagramm exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Agent Graph…</source>
        <translation>Agentengraph…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Agent Graph</source>
        <translation>Agentengraph exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message Table (CSV)…</source>
        <translation>Nachrichtentabelle (CSV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Message Table</source>
        <translation>Nachrichtentabelle exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/widgets/inspectorwindow_present.cpp" line="+24"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the system does: its rules, its messages, what must always hold</source>
        <translation>Was das System tut: seine Regeln, seine Nachrichten, was immer gelten muss</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Larger text in every view and panel</source>
        <translation>Größere Schrift in jeder Ansicht und jedem Bereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Smaller text in every view and panel</source>
        <translation>Kleinere Schrift in jeder Ansicht und jedem Bereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text at its normal size again</source>
        <translation>Schrift wieder in normaler Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Presentation</source>
        <translation>&amp;Präsentation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For a projector: larger text, high contrast, the pending list and the diagram first (again to leave)</source>
        <translation>Für einen Beamer: größere Schrift, hoher Kontrast, Warteliste und Diagramm zuerst (erneut wählen zum Verlassen)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/inspectorwindow.cpp" line="+7"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System Default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About MAS Inspector</source>
        <translation>Ü&amp;ber MAS Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About MAS Inspector</source>
        <translation>Über MAS Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;MAS Inspector %1&lt;/h3&gt;&lt;p&gt;Runs, steps and shows multi-agent systems built with libmas, the C++/Qt port of aiomas.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3). MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MAS Inspector %1&lt;/h3&gt;&lt;p&gt;Führt Multiagentensysteme aus, die mit libmas gebaut sind, der C++/Qt-Portierung von aiomas, und zeigt sie Schritt für Schritt.&lt;/p&gt;&lt;p&gt;Qt %2 (gebaut mit %3). MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>&amp;Call This Agent…</source>
        <translation>Diesen Agenten auf&amp;rufen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the agent&apos;s URL into the Call panel</source>
        <translation>Die URL des Agenten in den Aufruf-Bereich übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove Agent</source>
        <translation>Agenten &amp;entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the agent out of its container, as if it crashed</source>
        <translation>Den Agenten aus seinem Container nehmen, als wäre er abgestürzt</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Exploring delivery orders…</source>
        <translation>Zustellreihenfolgen werden erkundet…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explore</source>
        <translation>Erkunden</translation>
    </message>
    <message>
        <location line="-695"/>
        <source>Schedules: %1 · states: %2 (%3 distinct) · deepest run: %4 steps</source>
        <translation>Abläufe: %1 · Zustände: %2 (%3 verschieden) · längster Lauf: %4 Schritte</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>The step that breaks an invariant (stepped, run, replayed or opened), and the states of its agents before and after it</source>
        <translation>Der Schritt, der eine Invariante verletzt (schrittweise, ausgeführt, wiedergegeben oder geöffnet), und die Zustände seiner Agenten davor und danach</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>State breakpoints</source>
        <translation>Zustands-Haltepunkte</translation>
    </message>
    <message>
        <location line="+435"/>
        <source>Listens on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Tapping: point the clients at %1</source>
        <translation>Abhören: richten Sie die Clients auf %1</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>All Inspector files (*.massession *.jsonl *.json)</source>
        <translation>Alle Inspector-Dateien (*.massession *.jsonl *.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions (*.massession)</source>
        <translation>Sitzungen (*.massession)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterexamples of mas explore (*.jsonl)</source>
        <translation>Gegenbeispiele von mas explore (*.jsonl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System files (*.json)</source>
        <translation>Systemdateien (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Play the counterexample&apos;s next step (F10)</source>
        <translation>Den nächsten Schritt des Gegenbeispiels abspielen (F10)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>t = %1 s</source>
        <translation>t = %1 s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>real time</source>
        <translation>Echtzeit</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 (%n hidden)</source>
        <translation>
            <numerusform>%1 (%n ausgeblendet)</numerusform>
            <numerusform>%1 (%n ausgeblendet)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of them plumbing, hidden (View → Show Plumbing)</source>
        <translation>
            <numerusform>davon %n Infrastrukturnachricht ausgeblendet (Ansicht → Infrastruktur zeigen)</numerusform>
            <numerusform>davon %n Infrastrukturnachrichten ausgeblendet (Ansicht → Infrastruktur zeigen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Tapping %1 → %2: %n connection(s)</source>
        <translation>
            <numerusform>Abhören %1 → %2: %n Verbindung</numerusform>
            <numerusform>Abhören %1 → %2: %n Verbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source> — %n agent(s)</source>
        <translation>
            <numerusform> — %n Agent</numerusform>
            <numerusform> — %n Agenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> — %n event(s) missed</source>
        <translation>
            <numerusform> — %n Ereignis verpasst</numerusform>
            <numerusform> — %n Ereignisse verpasst</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a demo and press New System, or attach to a running container.</source>
        <translation>Wählen Sie eine Demo und klicken Sie auf „Neues System“ oder hängen Sie sich an einen laufenden Container an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VIOLATED: %1 — %2</source>
        <translation>VERLETZT: %1 — %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Toward the violation: step %1 of %2 — %3</source>
        <translation>Auf dem Weg zur Verletzung: Schritt %1 von %2 — %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counterexample: step %1 of %2 — %3</source>
        <translation>Gegenbeispiel: Schritt %1 von %2 — %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running… %1</source>
        <translation>Läuft… %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The new language applies when MAS Inspector starts next time</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von MAS Inspector</translation>
    </message>
    <message>
        <location filename="../ui/widgets/inspectorwindow_mosaik.cpp" line="+35"/>
        <source>Co-simulation</source>
        <translation>Co-Simulation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A mosaik simulator hosted by the Inspector: hold the co-simulation at a step</source>
        <translation>Ein vom Inspector bereitgestellter mosaik-Simulator: die Co-Simulation bei einem Schritt anhalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host a &amp;mosaik Simulator…</source>
        <translation>&amp;mosaik-Simulator bereitstellen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the Counter simulator for a mosaik co-simulation, watch its messages and hold it at a step</source>
        <translation>Den Counter-Simulator für eine mosaik-Co-Simulation betreiben, seine Nachrichten beobachten und ihn bei einem Schritt anhalten</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>mosaik drives this clock: each step sets it to step × time_resolution.</source>
        <translation>mosaik steuert diese Uhr: jeder Schritt setzt sie auf Schritt × time_resolution.</translation>
    </message>
</context>
<context>
    <name>mas::ui::LoadProgress</name>
    <message>
        <location filename="../ui/widgets/loadprogress.cpp" line="+14"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening progress</source>
        <translation>Fortschritt beim Öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop opening the file: the window stays as it was</source>
        <translation>Das Öffnen der Datei abbrechen: das Fenster bleibt, wie es war</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the file</source>
        <translation>Datei wird gelesen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adding its events</source>
        <translation>Ereignisse werden hinzugefügt</translation>
    </message>
</context>
<context>
    <name>mas::ui::LookAheadActions</name>
    <message>
        <location filename="../ui/widgets/lookaheadactions.cpp" line="+107"/>
        <source>Look &amp;Ahead</source>
        <translation>V&amp;orausschau</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look-ahead depth</source>
        <translation>Vorausschau-Tiefe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many steps the look-ahead searches from the current state (the next delivery included)</source>
        <translation>Wie viele Schritte die Vorausschau vom aktuellen Zustand aus durchsucht (die nächste Zustellung eingeschlossen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play &amp;Continuation</source>
        <translation>Fortse&amp;tzung abspielen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivers the shortest continuation that leads the selected message to a violation</source>
        <translation>Stellt die kürzeste Fortsetzung zu, die die ausgewählte Nachricht zu einer Verletzung führt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show Continuation</source>
        <translation>Fortsetzung &amp;zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the shortest continuation that leads the selected message to a violation</source>
        <translation>Zeigt die kürzeste Fortsetzung, mit der die gewählte Nachricht zu einer Verletzung führt</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Look Ahead</source>
        <translation>Vorausschau</translation>
    </message>
    <message>
        <location line="+102"/>
        <location line="+96"/>
        <source>Look-ahead: %1</source>
        <translation>Vorausschau: %1</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>The look-ahead needs the mas program beside MAS Inspector.</source>
        <translation>Die Vorausschau braucht das Programm mas neben MAS Inspector.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The look-ahead cannot search this system.</source>
        <translation>Die Vorausschau kann dieses System nicht durchsuchen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Searches every order of the next k steps in the background after each step and marks the pending messages: a violation ahead (red), safe for every order (green), or not known yet (grey)</source>
        <translation>Durchsucht nach jedem Schritt im Hintergrund jede Reihenfolge der nächsten k Schritte und markiert die wartenden Nachrichten: eine Verletzung voraus (rot), sicher für jede Reihenfolge (grün) oder noch nicht bekannt (grau)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The look-ahead is off: %1</source>
        <translation>Die Vorausschau ist aus: %1</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>the search did not finish</source>
        <translation>die Suche wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>searching… %n marked</source>
        <translation>
            <numerusform>suche… %n markiert</numerusform>
            <numerusform>suche… %n markiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Show Continuation in the context menu (or Alt+click) shows this; Play Continuation delivers it.</source>
        <translation>„Fortsetzung zeigen“ im Kontextmenü (oder Alt+Klick) zeigt sie; „Fortsetzung abspielen“ stellt sie zu.</translation>
    </message>
    <message numerus="yes">
        <location line="-330"/>
        <location line="+264"/>
        <source>%n lead(s) to a violation</source>
        <translation>
            <numerusform>%n führt zu einer Verletzung</numerusform>
            <numerusform>%n führen zu einer Verletzung</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the clock moves to %1</source>
        <translation>die Uhr rückt auf %1 vor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Safe: no order of the next %n step(s) breaks an invariant</source>
        <translation>
            <numerusform>Sicher: im nächsten %n Schritt verletzt keine Reihenfolge eine Invariante</numerusform>
            <numerusform>Sicher: in den nächsten %n Schritten verletzt keine Reihenfolge eine Invariante</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not known: %1</source>
        <translation>Nicht bekannt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known yet: the look-ahead (k = %1) is searching</source>
        <translation>Noch nicht bekannt: die Vorausschau (k = %1) sucht</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Leads to a violation of &quot;%1&quot; within %n step(s). The shortest continuation:</source>
        <translation>
            <numerusform>Führt innerhalb von %n Schritt zu einer Verletzung von „%1“. Die kürzeste Fortsetzung:</numerusform>
            <numerusform>Führt innerhalb von %n Schritten zu einer Verletzung von „%1“. Die kürzeste Fortsetzung:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>(and %n reply or lookup deliveries between them)</source>
        <translation>
            <numerusform>(und dazwischen %n Zustellung einer Antwort oder Abfrage)</numerusform>
            <numerusform>(und dazwischen %n Zustellungen von Antworten oder Abfragen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The selected message has no violating continuation to play</source>
        <translation>Die ausgewählte Nachricht hat keine verletzende Fortsetzung zum Abspielen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The window went</source>
        <translation>Das Fenster wurde geschlossen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The continuation does not repeat: step %1 cannot be taken</source>
        <translation>Die Fortsetzung lässt sich nicht wiederholen: Schritt %1 kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The clock has no timer to move to</source>
        <translation>Die Uhr hat keinen Timer, auf den sie vorrücken könnte</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Played %n step(s) towards &quot;%1&quot;</source>
        <translation>
            <numerusform>%n Schritt in Richtung „%1“ abgespielt</numerusform>
            <numerusform>%n Schritte in Richtung „%1“ abgespielt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::MessageDetailsWidget</name>
    <message>
        <location filename="../ui/widgets/messagedetailswidget.cpp" line="+38"/>
        <source>Message id:</source>
        <translation>Nachrichten-ID:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event:</source>
        <translation>Ereignis:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path:</source>
        <translation>Pfad:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request id:</source>
        <translation>Anfrage-ID:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sim time:</source>
        <translation>Sim.-Zeit:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The message&apos;s content, decoded: lists and maps open up, strings are quoted, and the last column gives each value&apos;s type</source>
        <translation>Der Inhalt der Nachricht, dekodiert: Listen und Maps klappen auf, Zeichenketten stehen in Anführungszeichen, und die letzte Spalte nennt den Typ jedes Werts</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The frame&apos;s bytes exactly as sent: offset, bytes in hex, and the same bytes as ASCII (dots for other bytes). The first 4 bytes are the frame header: the payload length, big-endian.</source>
        <translation>Die Bytes des Frames genau wie gesendet: Offset, Bytes in Hex und dieselben Bytes als ASCII (Punkte für andere Bytes). Die ersten 4 Bytes sind der Frame-Header: die Länge der Nutzdaten, Big-Endian.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw bytes</source>
        <translation>Rohe Bytes</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No message selected</source>
        <translation>Keine Nachricht ausgewählt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a message to see its content and bytes.</source>
        <translation>Wählen Sie eine Nachricht aus, um ihren Inhalt und ihre Bytes zu sehen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (copy of message %2)</source>
        <translation>%1 (Kopie von Nachricht %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (moved back by %2)</source>
        <translation>%1 (um %2 zurückgestellt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message id %1: %2</source>
        <translation>Nachrichten-ID %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message id %1: %2 %3</source>
        <translation>Nachrichten-ID %1: %2 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event #%1: the clock was set</source>
        <translation>Ereignis #%1: die Uhr wurde gestellt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event #%1: connection %2 %3</source>
        <translation>Ereignis #%1: Verbindung %2 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The message&apos;s id: its sending, delivery and any copy share it (the pending list&apos;s Id). Not the event&apos;s number, #%1 in the table and the diagram</source>
        <translation>Die ID der Nachricht: ihr Senden, ihre Zustellung und jede Kopie teilen sie (die Spalte ID der Warteliste). Nicht die Nummer des Ereignisses, #%1 in der Tabelle und im Diagramm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, event #%2</source>
        <translation>%1, Ereignis #%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event #%1 of the run: the table&apos;s # column and the diagram&apos;s margin count events, not messages</source>
        <translation>Ereignis #%1 des Laufs: die Spalte # der Tabelle und der Rand des Diagramms zählen Ereignisse, nicht Nachrichten</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Pending message id %1: %2</source>
        <translation>Wartende Nachricht mit ID %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending message id %1: %2 %3</source>
        <translation>Wartende Nachricht mit ID %1: %2 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message&apos;s id (the pending list&apos;s Id); its events get their numbers (#) when they happen</source>
        <translation>Die ID der Nachricht (die Spalte ID der Warteliste); ihre Ereignisse erhalten ihre Nummern (#), wenn sie eintreten</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>opened</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The raw bytes of this event were not recorded.</source>
        <translation>Die rohen Bytes dieses Ereignisses wurden nicht aufgezeichnet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This event carries no message.</source>
        <translation>Dieses Ereignis trägt keine Nachricht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting in the queue on connection %1</source>
        <translation>Wartet in der Warteschlange auf Verbindung %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This frame has no bytes.</source>
        <translation>Dieser Frame hat keine Bytes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+29"/>
        <source>content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>args</source>
        <translation>args</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kwargs</source>
        <translation>kwargs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Element %1 of the request</source>
        <translation>Element %1 der Anfrage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1&apos;s content</source>
        <translation>Inhalt dieser Nachricht vom Typ %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot decode: %1</source>
        <translation>Kann nicht dekodiert werden: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>int (big)</source>
        <translation>int (groß)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>bytes (%1)</source>
        <translation>bytes (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>list (%1)</source>
        <translation>list (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+17"/>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>dict (%1)</source>
        <translation>dict (%1)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1: %2-byte header + %3-byte payload</source>
        <translation>%1: %2-Byte-Header + %3-Byte-Nutzdaten</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>… %1 of %2 bytes shown</source>
        <translation>… %1 von %2 Bytes gezeigt</translation>
    </message>
</context>
<context>
    <name>mas::ui::MosaikDialog</name>
    <message>
        <location filename="../ui/widgets/mosaikdialog.cpp" line="+19"/>
        <source>Host a mosaik Simulator</source>
        <translation>mosaik-Simulator bereitstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for mosaik to connect</source>
        <translation>Warten, bis sich mosaik verbindet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to mosaik</source>
        <translation>Mit mosaik verbinden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In the scenario: sim_config = {&quot;Counter&quot;: {&quot;connect&quot;: &quot;%1&quot;}}</source>
        <translation>Im Szenario: sim_config = {&quot;Counter&quot;: {&quot;connect&quot;: &quot;%1&quot;}}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mosaik must already listen there: the address its &quot;cmd&quot; starter passes as %(addr)s.</source>
        <translation>mosaik muss dort bereits lauschen: die Adresse, die sein &quot;cmd&quot;-Starter als %(addr)s übergibt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Host</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simulator:</source>
        <translation>Simulator:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counter (the reference simulator of the mosaik recordings)</source>
        <translation>Counter (der Referenzsimulator der mosaik-Aufzeichnungen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
</context>
<context>
    <name>mas::ui::PendingMessagesModel</name>
    <message>
        <location filename="../ui/models/pendingmodel.cpp" line="+87"/>
        <location line="+202"/>
        <source>close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>end of stream</source>
        <translation>Ende des Datenstroms</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>The counterexample&apos;s last step: this message breaks &quot;%1&quot;</source>
        <translation>Der letzte Schritt des Gegenbeispiels: diese Nachricht verletzt „%1“</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Message %1 on connection %2</source>
        <translation>Nachricht %1 auf Verbindung %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not a message: one end closed connection %1</source>
        <translation>Keine Nachricht: ein Ende hat die Verbindung %1 geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (request id %2)</source>
        <translation>%1 (Anfrage-ID %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 bytes, frame header included</source>
        <translation>%1 Bytes, einschließlich Frame-Header</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undecodable content: %1</source>
        <translation>Nicht dekodierbarer Inhalt: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The queue&apos;s id of the waiting frame (the Message id of its details, not an event&apos;s number #); the top row is delivered next</source>
        <translation>Die ID des wartenden Frames in der Warteschlange (die Nachrichten-ID in seinen Details, nicht die Nummer # eines Ereignisses); die oberste Zeile wird als Nächstes zugestellt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the message says: the method and its arguments, or the value a reply carries</source>
        <translation>Was die Nachricht besagt: die Methode und ihre Argumente oder der Wert, den eine Antwort trägt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender</source>
        <translation>Der Absender</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receiver</source>
        <translation>Der Empfänger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request, result or failure</source>
        <translation>Anfrage, Ergebnis oder Fehlschlag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The RPC path of the request (or of the request a reply answers)</source>
        <translation>Der RPC-Pfad der Anfrage (oder der Anfrage, die eine Antwort beantwortet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The frame&apos;s size, header included</source>
        <translation>Die Größe des Frames, einschließlich Header</translation>
    </message>
</context>
<context>
    <name>mas::ui::PlumbingActions</name>
    <message>
        <location filename="../ui/widgets/plumbingactions.cpp" line="+25"/>
        <source>Show &amp;Plumbing</source>
        <translation>&amp;Infrastruktur zeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show every event: connection set-up, validate_aid lookups, bare acknowledgements and messages an agent sends itself, besides the protocol&apos;s messages</source>
        <translation>Jedes Ereignis zeigen: Verbindungsaufbau, validate_aid-Abfragen, bloße Bestätigungen und Nachrichten, die ein Agent sich selbst schickt, neben den Nachrichten des Protokolls</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Fold Away</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lookups (validate_aid)</source>
        <translation>Abfragen (validate_aid)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledgements</source>
        <translation>Bestätigungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages to Itself (wake-ups)</source>
        <translation>Nachrichten an sich selbst (Wecker)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol messages</source>
        <translation>Protokollnachrichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock changes</source>
        <translation>Uhränderungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connections opening and closing</source>
        <translation>Verbindungen, die geöffnet und geschlossen werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validate_aid: a connection&apos;s check that the agent exists, and its reply (the agent&apos;s type)</source>
        <translation>validate_aid: die Prüfung einer Verbindung, ob der Agent existiert, und ihre Antwort (der Typ des Agenten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replies that say only &quot;done&quot; (true or null), such as the answer to every one-way message</source>
        <translation>Antworten, die nur „erledigt“ sagen (true oder null), etwa die Antwort auf jede Einweg-Nachricht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages an agent sends to itself, such as a node&apos;s wakeup() when it starts, and their replies</source>
        <translation>Nachrichten, die ein Agent sich selbst schickt, etwa das wakeup() eines Knotens beim Start, und ihre Antworten</translation>
    </message>
</context>
<context>
    <name>mas::ui::ProcessesPanel</name>
    <message>
        <location filename="../ui/widgets/processespanel.cpp" line="+27"/>
        <location line="+76"/>
        <source>No processes</source>
        <translation>Keine Prozesse</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exit status</source>
        <translation>Rückgabewert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The programs of the system and how they are; select one to see its last lines of stderr</source>
        <translation>Die Programme des Systems und ihr Zustand; wählen Sie eines aus, um seine letzten stderr-Zeilen zu sehen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Last lines of stderr</source>
        <translation>Letzte stderr-Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected program&apos;s last lines of stderr</source>
        <translation>Die letzten stderr-Zeilen des ausgewählten Programms</translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>%n process(es), %1 running</source>
        <translation>
            <numerusform>%n Prozess, %1 laufend</numerusform>
            <numerusform>%n Prozesse, %1 laufend</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::ReplayProgress</name>
    <message>
        <location filename="../ui/widgets/replayprogress.cpp" line="+17"/>
        <source>Replaying</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replay progress</source>
        <translation>Fortschritt der Wiedergabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the replay: the system stays as far as it was replayed, and stepping goes on from there</source>
        <translation>Die Wiedergabe anhalten: das System bleibt, so weit es wiedergegeben wurde, und das schrittweise Ausführen geht von dort weiter</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Event %1 of %2</source>
        <translation>Ereignis %1 von %2</translation>
    </message>
</context>
<context>
    <name>mas::ui::SearchBar</name>
    <message>
        <location filename="../ui/widgets/searchbar.cpp" line="+24"/>
        <source>Search messages (method, arguments, sender, receiver)…</source>
        <translation>Nachrichten durchsuchen (Methode, Argumente, Absender, Empfänger)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the messages whose label (method and arguments), sender or receiver contains this text; F3 and Shift+F3 go to the next and previous one</source>
        <translation>Zeigt die Nachrichten, deren Beschriftung (Methode und Argumente), Absender oder Empfänger diesen Text enthält; F3 und Umschalt+F3 gehen zur nächsten und vorigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search hits</source>
        <translation>Suchtreffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous Hit</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the previous message found (Shift+F3)</source>
        <translation>Zur vorigen gefundenen Nachricht gehen (Umschalt+F3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next Hit</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the next message found (F3)</source>
        <translation>Zur nächsten gefundenen Nachricht gehen (F3)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>no hits</source>
        <translation>keine Treffer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::SequenceDiagramView</name>
    <message>
        <location filename="../ui/views/sequencediagramview.cpp" line="+520"/>
        <source>Events %1 to %2 of %3: exports are limited to %4 pixels in height</source>
        <translation>Ereignisse %1 bis %2 von %3: Exporte sind auf %4 Pixel Höhe begrenzt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>lifelines not shown: %1</source>
        <translation>nicht gezeigte Lebenslinien: %1</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>%1 (copy of #%2)</source>
        <translation>%1 (Kopie von #%2)</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>No messages yet.
Start or step the system to see them here.</source>
        <translation>Noch keine Nachrichten.
Starten Sie das System oder gehen Sie schrittweise vor, um sie hier zu sehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No event store.</source>
        <translation>Kein Ereignisspeicher.</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>connection %1 opened</source>
        <translation>Verbindung %1 geöffnet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>connection %1 closed</source>
        <translation>Verbindung %1 geschlossen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>clock → t = %1</source>
        <translation>Uhr → t = %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>↻ #%1 delayed (moved back %2)</source>
        <translation>↻ #%1 zurückgestellt (um %2 nach hinten)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>close dropped</source>
        <translation>Schließen verworfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message %1 dropped</source>
        <translation>Nachricht %1 verworfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close received</source>
        <translation>Schließen empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message %1 received</source>
        <translation>Nachricht %1 empfangen</translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%n in flight</source>
        <translation>
            <numerusform>%n unterwegs</numerusform>
            <numerusform>%n unterwegs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+469"/>
        <source>Message id %1</source>
        <translation>Nachrichten-ID %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ This step breaks &quot;%1&quot;</source>
        <translation>⚠ Dieser Schritt verletzt „%1“</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Event #%1 of the run</source>
        <translation>Ereignis #%1 des Laufs</translation>
    </message>
    <message>
        <location line="-1253"/>
        <location line="+795"/>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="-793"/>
        <location line="+795"/>
        <source>event</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+216"/>
        <source>Sequence diagram</source>
        <translation>Sequenzdiagramm</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>Messages between agents over time: one column per agent, one row per event, an arrow per message. Up and Down select the previous or next message; Ctrl and the mouse wheel zoom.</source>
        <translation>Nachrichten zwischen Agenten über die Zeit: eine Spalte je Agent, eine Zeile je Ereignis, ein Pfeil je Nachricht. Pfeil auf und Pfeil ab wählen die vorige oder nächste Nachricht; Strg und das Mausrad zoomen.</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>Messages between agents, exported from MAS Inspector</source>
        <translation>Nachrichten zwischen Agenten, exportiert aus MAS Inspector</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>still in flight</source>
        <translation>noch unterwegs</translation>
    </message>
</context>
<context>
    <name>mas::ui::StateBreakpointsPanel</name>
    <message>
        <location filename="../ui/widgets/statebreakpointspanel.cpp" line="+28"/>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A condition over the agents&apos; state fields: count(field), any(…), all(…), none(…), sum/min/max(field), agent(&quot;name&quot;).field, comparisons (== != &lt; &lt;= &gt; &gt;=), and, or, not. Return adds it; a run or a step stops when it becomes true.</source>
        <translation>Eine Bedingung über die Zustandsfelder der Agenten: count(field), any(…), all(…), none(…), sum/min/max(field), agent(&quot;name&quot;).field, Vergleiche (== != &lt; &lt;= &gt; &gt;=), and, or, not. Die Eingabetaste fügt sie hinzu; ein Lauf oder ein Schritt hält an, wenn sie wahr wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checked conditions stop a run or a step when they become true</source>
        <translation>Angehakte Bedingungen halten einen Lauf oder einen Schritt an, wenn sie wahr werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Cannot be evaluated here: %1</source>
        <translation>Hier nicht auswertbar: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holds now; it stops a run when it becomes true again</source>
        <translation>Gilt jetzt; hält einen Lauf an, wenn sie erneut wahr wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does not hold now</source>
        <translation>Gilt jetzt nicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hit: %1 — %2</source>
        <translation>Ausgelöst: %1 — %2</translation>
    </message>
</context>
<context>
    <name>mas::ui::SystemDescriptionPanel</name>
    <message>
        <location filename="../ui/widgets/systemdescriptionpanel.cpp" line="+19"/>
        <source>System description</source>
        <translation>Systembeschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal the bug</source>
        <translation>Fehler aufdecken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show what is wrong with this variant (try to find it first)</source>
        <translation>Zeigen, was an dieser Variante falsch ist (versuchen Sie zuerst, es selbst zu finden)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Open a demo or a system file to read what it does.</source>
        <translation>Öffnen Sie eine Demo oder eine Systemdatei, um zu lesen, was sie tut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How it works</source>
        <translation>So funktioniert es</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What must always hold</source>
        <translation>Was immer gelten muss</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The bug</source>
        <translation>Der Fehler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This variant has a bug. Try to find it first: choose the delivery order yourself, or let Run → Explore Interleavings search. Then reveal it.</source>
        <translation>Diese Variante hat einen Fehler. Versuchen Sie zuerst, ihn zu finden: wählen Sie die Zustellreihenfolge selbst, oder lassen Sie Ausführen → Verzahnungen erkunden suchen. Dann decken Sie ihn auf.</translation>
    </message>
</context>
<context>
    <name>mas::ui::TapDialog</name>
    <message>
        <location filename="../ui/widgets/tapdialog.cpp" line="+18"/>
        <source>Tap a Connection</source>
        <translation>Verbindung abhören</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the Inspector listens; point the clients here (port 0: any free port)</source>
        <translation>Wo der Inspector lauscht; richten Sie die Clients hierhin (Port 0: ein beliebiger freier Port)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tcp://127.0.0.1:5555</source>
        <translation>tcp://127.0.0.1:5555</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The aiomas server the Inspector relays to</source>
        <translation>Der aiomas-Server, an den der Inspector weiterleitet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The codec client and server speak, to decode their frames (they are relayed unchanged)</source>
        <translation>Der Codec, den Client und Server sprechen, um ihre Frames zu dekodieren (sie werden unverändert weitergeleitet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start Tap</source>
        <translation>Abhören starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Listen on:</source>
        <translation>&amp;Lauschen auf:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Relay to:</source>
        <translation>&amp;Weiterleiten an:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Codec:</source>
        <translation>Co&amp;dec:</translation>
    </message>
</context>
<context>
    <name>mas::ui::ViolationPanel</name>
    <message>
        <location filename="../ui/widgets/violationpanel.cpp" line="+56"/>
        <source>Why the invariant fails</source>
        <translation>Warum die Invariante verletzt ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bold on colour: changed by the step. Underlined, with ◆: named by the explanation.</source>
        <translation>Fett auf Farbe: durch den Schritt geändert. Unterstrichen, mit ◆: in der Erklärung genannt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Agent / field</source>
        <translation>Agent / Feld</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agent states before and after the violating step</source>
        <translation>Agentenzustände vor und nach dem verletzenden Schritt</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>the clock moved to %1 s</source>
        <translation>die Uhr wurde auf %1 s gestellt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a message</source>
        <translation>eine Nachricht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 from %2 was delivered to %3</source>
        <translation>%1 von %2 wurde an %3 zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from %2 to %3 was dropped</source>
        <translation>%1 von %2 an %3 wurde verworfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from %2 to %3 was duplicated</source>
        <translation>%1 von %2 an %3 wurde dupliziert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from %2 to %3 was delayed</source>
        <translation>%1 von %2 an %3 wurde zurückgestellt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 from %2 to %3</source>
        <translation>%1 von %2 an %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>You left the counterexample to &quot;%1&quot; after step %2 of %3: this run no longer follows it. Select an event up to that step in the message table and press Ctrl+B (Step Back to Selected) to follow it again.</source>
        <translation>Sie haben das Gegenbeispiel zu „%1“ nach Schritt %2 von %3 verlassen: dieser Lauf folgt ihm nicht mehr. Wählen Sie in der Nachrichtentabelle ein Ereignis bis zu diesem Schritt und drücken Sie Strg+B (Bis zur Auswahl zurückgehen), um ihm wieder zu folgen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No invariant is broken. When a step breaks one (stepping, running, replaying, or in a counterexample that mas explore --out wrote), it is described here with the states before and after it.</source>
        <translation>Keine Invariante ist verletzt. Wenn ein Schritt eine verletzt (schrittweise, beim Ausführen, bei der Wiedergabe oder in einem Gegenbeispiel, das mas explore --out geschrieben hat), wird er hier mit den Zuständen davor und danach beschrieben.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Its id (for mas explore --invariant): %1</source>
        <translation>Seine Kennung (für mas explore --invariant): %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Why: %1</source>
        <translation>Warum: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>involved in the step</source>
        <translation>am Schritt beteiligt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>named by the explanation</source>
        <translation>in der Erklärung genannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed by the step</source>
        <translation>durch den Schritt geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Named by the explanation of &quot;%1&quot;</source>
        <translation>In der Erklärung von „%1“ genannt</translation>
    </message>
    <message numerus="yes">
        <location line="-80"/>
        <source>Step %1 of %2 breaks &quot;%3&quot;: %4. The states of its agents before and after it appear here when it is played (%n step(s) to go).</source>
        <translation>
            <numerusform>Schritt %1 von %2 verletzt „%3“: %4. Die Zustände seiner Agenten davor und danach erscheinen hier, sobald er abgespielt ist (noch %n Schritt).</numerusform>
            <numerusform>Schritt %1 von %2 verletzt „%3“: %4. Die Zustände seiner Agenten davor und danach erscheinen hier, sobald er abgespielt ist (noch %n Schritte).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Step %1 broke &quot;%2&quot;: %3</source>
        <translation>Schritt %1 hat „%2“ verletzt: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1 of %2 broke &quot;%3&quot;: %4</source>
        <translation>Schritt %1 von %2 hat „%3“ verletzt: %4</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Changed by the step</source>
        <translation>Durch den Schritt geändert</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>mas::ui::WhyPanel</name>
    <message>
        <location filename="../ui/widgets/whypanel.cpp" line="+47"/>
        <source>&amp;Analyse</source>
        <translation>&amp;Analysieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-execute variants of the counterexample to find which of its steps are necessary</source>
        <translation>Varianten des Gegenbeispiels erneut ausführen, um herauszufinden, welche seiner Schritte notwendig sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Necessary: leaving the step out, or moving it later, makes the run pass. Click a step to select its message.</source>
        <translation>Notwendig: den Schritt wegzulassen oder später auszuführen lässt den Lauf bestehen. Klicken Sie auf einen Schritt, um seine Nachricht auszuwählen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The choices the failure needs: each swapped order passes. Click one to select the message that had to go first.</source>
        <translation>Die Entscheidungen, die der Fehlschlag braucht: jede vertauschte Reihenfolge besteht. Klicken Sie auf eine, um die Nachricht auszuwählen, die zuerst ankommen musste.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choices that matter:</source>
        <translation>Entscheidungen, auf die es ankommt:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which steps of the open counterexample are necessary, and which deliveries had to overtake which</source>
        <translation>Welche Schritte des geöffneten Gegenbeispiels notwendig sind und welche Zustellungen welche überholen mussten</translation>
    </message>
    <message numerus="yes">
        <location line="+106"/>
        <source>Counterexample to &quot;%1&quot; in %n step(s). Analyse finds which of its steps matter by re-executing variants of it.</source>
        <translation>
            <numerusform>Gegenbeispiel zu „%1“ in %n Schritt. „Analysieren“ ermittelt durch erneutes Ausführen von Varianten davon, auf welche seiner Schritte es ankommt.</numerusform>
            <numerusform>Gegenbeispiel zu „%1“ in %n Schritten. „Analysieren“ ermittelt durch erneutes Ausführen von Varianten davon, auf welche seiner Schritte es ankommt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No counterexample is open.</source>
        <translation>Kein Gegenbeispiel geöffnet.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Re-executing variants of the counterexample…</source>
        <translation>Varianten des Gegenbeispiels werden erneut ausgeführt…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2 runs</source>
        <translation>%1 von %2 Läufen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The analysis failed: %1</source>
        <translation>Die Analyse ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>necessary</source>
        <translation>notwendig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incidental</source>
        <translation>nebensächlich</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Left out, the run passes</source>
        <translation>Weggelassen besteht der Lauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved behind step %1, the run passes</source>
        <translation>Hinter Schritt %1 verschoben besteht der Lauf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left out or moved later, the run still breaks the property</source>
        <translation>Weggelassen oder später ausgeführt verletzt der Lauf die Eigenschaft weiterhin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No choice: the clock moved because all was quiet</source>
        <translation>Keine Wahl: die Uhr rückte vor, weil alles ruhig war</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n plumbing step(s) not listed, %1 of them necessary (View → Show Plumbing lists them)</source>
        <translation>
            <numerusform>%n Infrastruktur-Schritt nicht aufgeführt, davon %1 notwendig (Ansicht → Infrastruktur zeigen führt ihn auf)</numerusform>
            <numerusform>%n Infrastruktur-Schritte nicht aufgeführt, davon %1 notwendig (Ansicht → Infrastruktur zeigen führt sie auf)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Steps %1 and %2; swapped, the run passes</source>
        <translation>Schritte %1 und %2; vertauscht besteht der Lauf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No single swap of two deliveries makes the run pass.</source>
        <translation>Keine einzelne Vertauschung zweier Zustellungen lässt den Lauf bestehen.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&quot;%1&quot;: %2 of %n step(s) necessary; %3</source>
        <translation>
            <numerusform>„%1“: %2 von %n Schritt notwendig; %3</numerusform>
            <numerusform>„%1“: %2 von %n Schritten notwendig; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n re-execution(s)%1</source>
        <translation>
            <numerusform>%n erneute Ausführung%1</numerusform>
            <numerusform>%n erneute Ausführungen%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (incomplete: cancelled)</source>
        <translation> (unvollständig: abgebrochen)</translation>
    </message>
</context>
</TS>
