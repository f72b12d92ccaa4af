<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CallCommand</name>
    <message>
        <location filename="../app/mas/callcommand.cpp" line="+35"/>
        <source>%1 is not a JSON literal: %2 (write text in quotes: &apos;&quot;text&quot;&apos;)</source>
        <translation>%1 n&apos;est pas un littéral JSON&#xa0;: %2 (écrivez le texte entre guillemets&#xa0;: &apos;&quot;texte&quot;&apos;)</translation>
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
        <translation>Appelle une méthode d&apos;un service RPC ou d&apos;un agent aiomas et affiche le résultat en JSON.

ADDRESS est tcp://HOST:PORT ou ipc://PATH pour un service, ou une URL d&apos;agent
tcp://HOST:PORT/AID (ou ipc://[PATH]/AID)&#xa0;: mas vérifie alors que l&apos;agent existe
et appelle agents/AID/PATH dans son conteneur.
Les arguments sont des littéraux JSON&#xa0;: 3, 2.5, true, null, &apos;&quot;texte&quot;&apos;, &apos;[1, 2]&apos;, &apos;{&quot;a&quot;: 1}&apos;.

Exemples&#xa0;:
  mas call tcp://127.0.0.1:5555 add 3 4
  mas call tcp://127.0.0.1:5555 calc/mul 6 7 --codec msgpack
  mas call tcp://127.0.0.1:5555 add --kw a=40 --kw b=2
  mas call tcp://127.0.0.1:5555/0 hello &apos;&quot;world&quot;&apos;
  mas call ipc:///tmp/math.sock add 1 2 --timeout 5

Code de sortie&#xa0;: 0 succès&#xa0;; 1 échec côté distant (sa trace d&apos;appels est affichée sur
stderr)&#xa0;; 2 utilisation ou arguments incorrects&#xa0;; 3 erreur de connexion, de TLS ou de délai.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Service address or agent URL.</source>
        <translation>Adresse du service ou URL de l&apos;agent.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method path, e.g. add or calc/mul.</source>
        <translation>Chemin de la méthode, par ex. add ou calc/mul.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positional arguments as JSON literals.</source>
        <translation>Arguments positionnels, sous forme de littéraux JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A keyword argument NAME=VALUE, VALUE a JSON literal (repeatable).</source>
        <translation>Un argument nommé NAME=VALUE, VALUE étant un littéral JSON (répétable).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Codec: json (default), msgpack or msgpack-blosc; must match the peer.</source>
        <translation>Codec&#xa0;: json (par défaut), msgpack ou msgpack-blosc&#xa0;; doit correspondre à celui du pair.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use TLS; PEM file of the CA the peer&apos;s certificate must be signed by.</source>
        <translation>Utiliser TLS&#xa0;; fichier PEM de l&apos;AC qui doit avoir signé le certificat du pair.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM file with our certificate (TLS).</source>
        <translation>Fichier PEM contenant notre certificat (TLS).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM file with our private key (TLS).</source>
        <translation>Fichier PEM contenant notre clé privée (TLS).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seconds to keep trying to connect and to wait for the reply (default 10).</source>
        <translation>Durée en secondes des tentatives de connexion et de l&apos;attente de la réponse (10 par défaut).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>ADDRESS and PATH are required; see mas call --help</source>
        <translation>ADDRESS et PATH sont obligatoires&#xa0;; voir mas call --help</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Argument %1</source>
        <translation>Argument %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--kw takes NAME=VALUE, got &quot;%1&quot;</source>
        <translation>--kw attend NAME=VALUE, reçu&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keyword %1</source>
        <translation>Argument nommé %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--timeout takes a positive number of seconds</source>
        <translation>--timeout attend un nombre positif de secondes</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Agent &quot;%1&quot; does not exist in the container at %2</source>
        <translation>L&apos;agent «&#xa0;%1&#xa0;» n&apos;existe pas dans le conteneur à l&apos;adresse %2</translation>
    </message>
</context>
<context>
    <name>DemoRunner</name>
    <message>
        <location filename="../examples/demos/runner/main.cpp" line="+45"/>
        <source>Runs a libmas teaching demo.</source>
        <translation>Exécute une démo pédagogique de libmas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo&apos;s id (see --list).</source>
        <translation>L&apos;identifiant de la démo (voir --list).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the demos.</source>
        <translation>Liste les démos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many agents (default 5).</source>
        <translation>Nombre d&apos;agents (5 par défaut).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The seed (default 1).</source>
        <translation>La graine (1 par défaut).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Builds the faulty variant.</source>
        <translation>Construit la variante avec défaut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leader election: how many nodes wake up (0: all).</source>
        <translation>Élection de leader&#xa0;: nombre de nœuds qui se réveillent (0&#xa0;: tous).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ping-pong: how many rounds (default 3).</source>
        <translation>Ping-pong&#xa0;: nombre de tours (3 par défaut).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>json, msgpack or msgpackblosc.</source>
        <translation>json, msgpack ou msgpackblosc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>local (default), tcp or unix.</source>
        <translation>local (par défaut), tcp ou unix.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps the queue (local transport only).</source>
        <translation>Avance la file pas à pas (transport local uniquement).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints every queue event.</source>
        <translation>Affiche chaque événement de la file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saves the event log (JSON Lines).</source>
        <translation>Enregistre le journal d&apos;événements (JSON Lines).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unknown demo; try --list</source>
        <translation>Démo inconnue&#xa0;; essayez --list</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--stepped, --trace and --log need the local transport</source>
        <translation>--stepped, --trace et --log nécessitent le transport local</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>outcome: %1</source>
        <translation>résultat&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ExploreCommand</name>
    <message>
        <location filename="../app/mas/explorecommand.cpp" line="+155"/>
        <source>--%1 expects a whole number of at least %2, not &quot;%3&quot;</source>
        <translation>--%1 attend un nombre entier supérieur ou égal à %2, et non «&#xa0;%3&#xa0;»</translation>
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
        <translation>Cherche, parmi les ordres de délivrance d&apos;une démo pédagogique sur le réseau interne au processus,
une exécution qui viole l&apos;un de ses invariants, la réduit au moins d&apos;étapes possible et l&apos;écrit
sous forme de journal d&apos;événements (JSON Lines) qu&apos;ouvre le rejeu de MAS Inspector.

Propriétés&#xa0;: les invariants de la démo (tous par défaut) et les objectifs «&#xa0;stuck&#xa0;» (au repos
mais pas terminé) et, pour two-phase-commit, «&#xa0;blocked&#xa0;» (un participant resté incertain),
vérifiés seulement s&apos;ils sont nommés avec --invariant.

Programmes Python&#xa0;: avec --python PROGRAM.py [ARGS...] (répétable&#xa0;; les arguments s&apos;arrêtent à
l&apos;option suivante de mas explore), ou avec un --system FILE contenant «&#xa0;processes&#xa0;», chaque exécution
relance les programmes sous le runner masstep et les arrête à sa fin&#xa0;; après chaque étape, elle attend
leur réponse. Un programme qui se termine avec un code autre que 0 ou qui plante viole
«&#xa0;no program failed&#xa0;» (vérifié par défaut&#xa0;; un programme qui ne démarre pas est une erreur)&#xa0;; l&apos;objectif
«&#xa0;every program exited&#xa0;» est vérifié s&apos;il est nommé. Les marches aléatoires y sont le mode par défaut (--walks, --seed&#xa0;; la graine
sert aussi pour random et PYTHONHASHSEED des programmes)&#xa0;; --mode dfs essaie tous les ordres dans
la limite du budget, sans réductions (ce qu&apos;un programme garde en mémoire n&apos;est pas vu).

Exemples&#xa0;:
  mas explore leader-election --faulty --invariant &quot;at most one leader&quot; --out two.jsonl
  mas explore two-phase-commit --faulty --invariant blocked --out blocked.jsonl
  mas explore leader-election --faulty --break &quot;count(is_leader) &gt; 1&quot; --out two.jsonl
  mas explore ping-pong --agents 2 --rounds 1 --faulty --faults 1 --out pong.jsonl
  mas explore echo --agents 4 --mode random --walks 500 --seed 3 --out echo.jsonl
  mas explore --python ring.py 0 --python ring.py 1 --python ring.py 2 --walks 20 --out ring.jsonl

Code de sortie&#xa0;: 0 aucune violation trouvée&#xa0;; 1 une violation (écrite dans --out si indiqué)&#xa0;; 2 utilisation
incorrecte, démo ou propriété inconnue, système impossible à construire, ou programme qui ne
démarre pas ou ne répond pas.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>leader-election, echo, ping-pong, contract-net or two-phase-commit.</source>
        <translation>leader-election, echo, ping-pong, contract-net ou two-phase-commit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many agents (default 3).</source>
        <translation>Nombre d&apos;agents (3 par défaut).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seeds the demo (ids, votes, bids) and the random walks (default 1).</source>
        <translation>Graine de la démo (identifiants, votes, offres) et des marches aléatoires (1 par défaut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The demo&apos;s variant with a known bug.</source>
        <translation>La variante de la démo qui comporte un bogue connu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ping-pong: rounds (default 3).</source>
        <translation>Ping-pong&#xa0;: nombre de tours (3 par défaut).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leader election: nodes that wake by themselves (default: all).</source>
        <translation>Élection de leader&#xa0;: nœuds qui se réveillent d&apos;eux-mêmes (par défaut&#xa0;: tous).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A property to check, by name (repeatable; default: every invariant).</source>
        <translation>Une propriété à vérifier, désignée par son nom (répétable&#xa0;; par défaut&#xa0;: tous les invariants).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A state condition that must never hold, e.g. &quot;count(is_leader) &gt; 1&quot; (repeatable; the language is in docs/explorer.md). Without --invariant only the conditions are checked.</source>
        <translation>Une condition d&apos;état qui ne doit jamais être vraie, par ex. &quot;count(is_leader) &gt; 1&quot; (répétable&#xa0;; le langage est décrit dans docs/explorer.md). Sans --invariant, seules les conditions sont vérifiées.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How dfs gets back to a choice point: replay (re-run the path on a fresh system; the default) or fork (keep it in a forked process; Linux).</source>
        <translation>Comment dfs revient à un point de choix&#xa0;: replay (réexécuter le chemin sur un système neuf&#xa0;; par défaut) ou fork (le garder dans un processus issu d&apos;un fork&#xa0;; Linux).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop after N runs (default 10000).</source>
        <translation>S&apos;arrêter après N exécutions (10000 par défaut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most N steps per run (default 400).</source>
        <translation>Au plus N pas par exécution (400 par défaut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop after S seconds (default 60).</source>
        <translation>S&apos;arrêter après S secondes (60 par défaut).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random walks (default 100).</source>
        <translation>Nombre de marches aléatoires (100 par défaut).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No partial-order reduction.</source>
        <translation>Pas de réduction d&apos;ordre partiel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No state caching.</source>
        <translation>Pas de mise en cache des états.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Frames on one connection may overtake each other (default: sent order).</source>
        <translation>Les trames d&apos;une même connexion peuvent se doubler (par défaut&#xa0;: ordre d&apos;envoi).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up to N faults per run (default 0).</source>
        <translation>Jusqu&apos;à N fautes par exécution (0 par défaut).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which faults: drop, duplicate, delay, clock, comma-separated (default drop).</source>
        <translation>Quelles fautes&#xa0;: drop, duplicate, delay, clock, séparées par des virgules (drop par défaut).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request timeout in ms of simulated time while drops are possible (default 300).</source>
        <translation>Délai d&apos;attente des requêtes en ms de temps simulé quand des suppressions sont possibles (300 par défaut).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start from this recorded run (an event log of the same demo and parameters).</source>
        <translation>Partir de cette exécution enregistrée (un journal d&apos;événements de la même démo avec les mêmes paramètres).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The LocalQueue id the systems run on (default explore; a prefix needs its own).</source>
        <translation>L&apos;identifiant de la LocalQueue sur laquelle tournent les systèmes (explore par défaut&#xa0;; un préfixe nécessite le sien).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the first violating run as found.</source>
        <translation>Garder la première exécution qui viole une propriété telle qu&apos;elle a été trouvée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the counts every second on stderr.</source>
        <translation>Afficher les compteurs chaque seconde sur stderr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Explore the system FILE describes (containers, agents of your plug-ins, invariants) instead of a demo.</source>
        <translation>Explorer le système que décrit FILE (conteneurs, agents de vos greffons, invariants) au lieu d&apos;une démo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load the system plug-ins in DIR (repeatable); the installed ones, with the demos, are loaded too.</source>
        <translation>Charger les greffons de systèmes de DIR (répétable) ; ceux installés, avec les démos, sont chargés aussi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List every step of the counterexample, the plumbing too (lookups, acknowledgements, messages to itself, connections), as View → Show Plumbing does in MAS Inspector.</source>
        <translation>Lister chaque étape du contre-exemple, l&apos;infrastructure aussi (recherches, acquittements, messages à soi-même, connexions), comme Affichage → Afficher l&apos;infrastructure dans MAS Inspector.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Explore on N worker processes (default: one per core, here %1); the results do not depend on N.</source>
        <translation>Explorer avec N processus de travail (par défaut&#xa0;: un par cœur, ici %1)&#xa0;; les résultats ne dépendent pas de N.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dfs: split the search into at least N parts where it can (default: 2 per worker, at least 4, as busy parts hand work off to idle workers; with --shard 16, more for many shards; 0: one part, the search unsplit, fastest on one core).</source>
        <translation>dfs : découper la recherche en au moins N parties si possible (par défaut : 2 par worker, au moins 4, car les parties occupées cèdent du travail aux workers libres ; avec --shard 16, davantage pour de nombreux shards ; 0 : une seule partie, la recherche non découpée, la plus rapide sur un cœur).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Explore only shard I of N of the search, for an array job (default: from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX and --shard-count); needs --result.</source>
        <translation>N&apos;explorer que le fragment I sur N de la recherche, pour un tableau de tâches (par défaut&#xa0;: d&apos;après SLURM_ARRAY_TASK_ID et SLURM_ARRAY_TASK_COUNT, ou JOB_COMPLETION_INDEX et --shard-count)&#xa0;; nécessite --result.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With JOB_COMPLETION_INDEX (a Kubernetes indexed Job): how many shards.</source>
        <translation>Avec JOB_COMPLETION_INDEX (un Job indexé Kubernetes)&#xa0;: nombre de fragments.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the search&apos;s (or shard&apos;s) result as JSON to FILE, for --merge.</source>
        <translation>Écrire le résultat de la recherche (ou du fragment) en JSON dans FILE, pour --merge.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Combine the --result FILES of a search&apos;s shards into one verdict and counterexample (the files instead of DEMO).</source>
        <translation>Combiner les fichiers --result FILES des fragments d&apos;une recherche en un seul verdict et un seul contre-exemple (les fichiers à la place de DEMO).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Compare two runs&apos; logs A and B (event logs or sessions) instead of exploring: align them by message identity and print the first choice where they diverge (exit status 0 identical, 1 they diverge, 2 bad input).</source>
        <translation>Comparer les journaux A et B de deux exécutions (journaux d&apos;événements ou sessions) au lieu d&apos;explorer&#xa0;: les aligner selon l&apos;identité des messages et afficher le premier choix où elles divergent (code de sortie 0 identiques, 1 divergentes, 2 entrée incorrecte).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Explore a Python asyncio program run by the masstep runner, with its arguments (repeatable: the programs start one after the other).</source>
        <translation>Explorer un programme Python asyncio exécuté par le runner masstep, avec ses arguments (répétable&#xa0;: les programmes démarrent l&apos;un après l&apos;autre).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How long a Python program may take to answer a step, in seconds (default 30).</source>
        <translation>Temps dont dispose un programme Python pour répondre à une étape, en secondes (30 par défaut).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After a counterexample: which of its steps are necessary (left out or moved later, the run passes) and which deliveries had to overtake which, found by re-executing variants of it.</source>
        <translation>Après un contre-exemple&#xa0;: lesquelles de ses étapes sont nécessaires (omises ou déplacées plus tard, l&apos;exécution réussit) et quelles délivrances ont dû en devancer d&apos;autres, déterminé en réexécutant des variantes de celui-ci.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where to write the counterexample, for MAS Inspector (without it the result is only printed).</source>
        <translation>Où écrire le contre-exemple, pour MAS Inspector (sans cette option le résultat est seulement affiché).</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>unknown demo &quot;%1&quot;; the demos are: %2</source>
        <translation>démo «&#xa0;%1&#xa0;» inconnue&#xa0;; les démos sont&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--budget-seconds expects a positive number, not &quot;%1&quot;</source>
        <translation>--budget-seconds attend un nombre positif, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--timeout expects a positive number of seconds, not &quot;%1&quot;</source>
        <translation>--timeout attend un nombre positif de secondes, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>--mode is dfs or random, not &quot;%1&quot;</source>
        <translation>--mode vaut dfs ou random, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--strategy fork is not available on this platform; use replay</source>
        <translation>--strategy fork n&apos;est pas disponible sur cette plateforme&#xa0;; utilisez replay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--strategy is fork, replay or auto, not &quot;%1&quot;</source>
        <translation>--strategy vaut fork, replay ou auto, et non &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--break &quot;%1&quot;: %2</source>
        <translation>--break «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unknown fault kind &quot;%1&quot;: drop, duplicate, delay or clock</source>
        <translation>type de faute «&#xa0;%1&#xa0;» inconnu&#xa0;: drop, duplicate, delay ou clock</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--queue expects an id without &quot;/&quot;</source>
        <translation>--queue attend un identifiant sans «&#xa0;/&#xa0;»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--strategy fork does not work with Python programs (a forked explorer cannot take its programs along); use replay</source>
        <translation>--strategy fork ne fonctionne pas avec des programmes Python (un explorateur issu d&apos;un fork ne peut pas emmener ses programmes)&#xa0;; utilisez replay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--prefix does not work with Python programs yet</source>
        <translation>--prefix ne fonctionne pas encore avec des programmes Python</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--workers, --shard and --result do not work with Python programs yet: their runs are explored in this process</source>
        <translation>--workers, --shard et --result ne fonctionnent pas encore avec des programmes Python&#xa0;: leurs exécutions sont explorées dans ce processus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot read the prefix: %1</source>
        <translation>impossible de lire le préfixe&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>shard %1 of %2 explores only part of the search: write its result with --result FILE and combine the shards&apos; files with --merge</source>
        <translation>le fragment %1 sur %2 n&apos;explore qu&apos;une partie de la recherche&#xa0;: écrivez son résultat avec --result FILE et combinez les fichiers des fragments avec --merge</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>schedules: %1 (%2 complete, %3 sleep-blocked, %4 cached, %5 depth-limited)
transitions: %6, states: %7, distinct states: %8, deepest run: %9 steps
search: %10 ms (%11 schedules/s, %12 distinct states/s); in all %13 ms, %14 shrink runs</source>
        <translation>ordonnancements&#xa0;: %1 (%2 complets, %3 bloqués par sleep set, %4 en cache, %5 limités en profondeur)
transitions&#xa0;: %6, états&#xa0;: %7, états distincts&#xa0;: %8, exécution la plus profonde&#xa0;: %9 pas
recherche&#xa0;: %10 ms (%11 ordonnancements/s, %12 états distincts/s)&#xa0;; au total %13 ms, %14 exécutions de réduction</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>deliver</source>
        <translation>délivrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>drop</source>
        <translation>supprimer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>duplicate</source>
        <translation>dupliquer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>delay</source>
        <translation>retarder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(close)</source>
        <translation>(fermeture)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A: %1
B: %2</source>
        <translation>A&#xa0;: %1
B&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>explored %1 schedules, %2 distinct states, %3 ms</source>
        <translation>%1 ordonnancements explorés, %2 états distincts, %3 ms</translation>
    </message>
    <message numerus="yes">
        <location line="+94"/>
        <source>%1: %n program(s), seed %2; %3</source>
        <translation>
            <numerusform>%1&#xa0;: %n programme, graine %2&#xa0;; %3</numerusform>
            <numerusform>%1&#xa0;: %n programmes, graine %2&#xa0;; %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 agents, seed %3%4; %5</source>
        <translation>%1&#xa0;: %2 agents, graine %3%4&#xa0;; %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, faulty</source>
        <translation>, avec défaut</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n processus de travail</numerusform>
            <numerusform>%n processus de travail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>merged from %n file(s)</source>
        <translation>
            <numerusform>fusionné à partir de %n fichier</numerusform>
            <numerusform>fusionné à partir de %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>split: %1 parts at depth %2 (found in %3 runs), %4 explored; %5; states are counted per part</source>
        <translation>découpage&#xa0;: %1 parties à la profondeur %2 (trouvées en %3 exécutions), %4 explorées&#xa0;; %5&#xa0;; les états sont comptés par partie</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>; %n of them handed off by busy parts to idle workers</source>
        <translation>
            <numerusform>; %n d&apos;entre elles cédée par des parties occupées à des workers libres</numerusform>
            <numerusform>; %n d&apos;entre elles cédées par des parties occupées à des workers libres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>shard %1 of %2: its result is in %3; combine the shards&apos; results with mas explore --merge</source>
        <translation>fragment %1 sur %2&#xa0;: son résultat est dans %3&#xa0;; combinez les résultats des fragments avec mas explore --merge</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>strategy: %1</source>
        <translation>stratégie&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>violated: &quot;%1&quot; after %2 deliveries and %3 faults (first found: %4 steps)</source>
        <translation>violé&#xa0;: «&#xa0;%1&#xa0;» après %2 délivrances et %3 fautes (première trouvée&#xa0;: %4 pas)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>involved: %1</source>
        <translation>impliqués&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>      (%n plumbing step(s) not listed: lookups, acknowledgements, messages to itself, connections; --show-plumbing lists them)</source>
        <translation>
            <numerusform>      (%n étape d&apos;infrastructure non listée : recherches, acquittements, messages à soi-même, connexions ; --show-plumbing la liste)</numerusform>
            <numerusform>      (%n étapes d&apos;infrastructure non listées : recherches, acquittements, messages à soi-même, connexions ; --show-plumbing les liste)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>why: %1 of %2 re-executions</source>
        <translation>pourquoi&#xa0;: %1 réexécutions sur %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--why: %1</source>
        <translation>--why&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not written: add --out FILE to open the run in MAS Inspector</source>
        <translation>non écrit : ajoutez --out FICHIER pour ouvrir l’exécution dans MAS Inspector</translation>
    </message>
    <message>
        <location line="-135"/>
        <location line="+152"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-845"/>
        <source>--shard expects I/N with 0 &lt;= I &lt; N, not &quot;%1&quot;</source>
        <translation>--shard attend I/N avec 0 &lt;= I &lt; N, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>SLURM_ARRAY_TASK_ID (%1) is not one of SLURM_ARRAY_TASK_COUNT (%2) tasks</source>
        <translation>SLURM_ARRAY_TASK_ID (%1) ne désigne aucune des SLURM_ARRAY_TASK_COUNT (%2) tâches</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>JOB_COMPLETION_INDEX is set: give the Job&apos;s completions with --shard-count N</source>
        <translation>JOB_COMPLETION_INDEX est défini&#xa0;: indiquez le nombre de completions du Job avec --shard-count N</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JOB_COMPLETION_INDEX (%1) is not one of --shard-count (%2) shards</source>
        <translation>JOB_COMPLETION_INDEX (%1) ne désigne aucun des --shard-count (%2) fragments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--shard-count goes with JOB_COMPLETION_INDEX (a Kubernetes indexed Job); elsewhere use --shard I/N</source>
        <translation>--shard-count va avec JOB_COMPLETION_INDEX (un Job indexé Kubernetes)&#xa0;; ailleurs, utilisez --shard I/N</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Python programs</source>
        <translation>Programmes Python</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>dfs (every order, depth first; default) or random (random walks; the default for Python programs).</source>
        <translation>dfs (tous les ordres, en profondeur d&apos;abord&#xa0;; par défaut) ou random (marches aléatoires&#xa0;; par défaut pour les programmes Python).</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>--merge needs the shards&apos; result files</source>
        <translation>--merge nécessite les fichiers de résultat des fragments</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--compare takes two logs: mas explore --compare A B</source>
        <translation>--compare attend deux journaux&#xa0;: mas explore --compare A B</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--system and --python do not go together: list the programs in the system file&apos;s &quot;processes&quot;</source>
        <translation>--system et --python ne vont pas ensemble&#xa0;: listez les programmes dans les &quot;processes&quot; du fichier de système</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected argument &quot;%1&quot;: a program&apos;s arguments follow --python PROGRAM</source>
        <translation>argument «&#xa0;%1&#xa0;» inattendu&#xa0;: les arguments d&apos;un programme suivent --python PROGRAM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exactly one DEMO, --system FILE or --python PROGRAM.py is required; see mas explore --help</source>
        <translation>exactement un élément parmi DEMO, --system FILE ou --python PROGRAM.py est requis&#xa0;; voir mas explore --help</translation>
    </message>
    <message numerus="yes">
        <location line="+418"/>
        <source>split: %n part(s), %1 explored; %2</source>
        <translation>
            <numerusform>découpage&#xa0;: %n partie, %1 explorée(s)&#xa0;; %2</numerusform>
            <numerusform>découpage&#xa0;: %n parties, %1 explorée(s)&#xa0;; %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+116"/>
        <source>written to %1 (%2 events): open it in MAS Inspector, or replay it with the same parameters%3</source>
        <translation>écrit dans %1 (%2 événements)&#xa0;: ouvrez-le dans MAS Inspector, ou rejouez-le avec les mêmes paramètres%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> and a request timeout of %1 ms</source>
        <translation> et un délai d&apos;attente des requêtes de %1 ms</translation>
    </message>
</context>
<context>
    <name>ExploreParallel</name>
    <message>
        <location filename="../app/mas/exploreparallel.cpp" line="+246"/>
        <source>a part without an index or a verdict</source>
        <translation>une partie sans index ou sans verdict</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>crashed</source>
        <translation>en panne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exited with status %1</source>
        <translation>terminé avec le code %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>worker %1 %2 while exploring part %3</source>
        <translation>processus de travail %1&#xa0;: %2 pendant l&apos;exploration de la partie %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>worker %1 %2</source>
        <translation>processus de travail %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot start worker %1: %2</source>
        <translation>impossible de démarrer le processus de travail %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>worker %1 wrote something that is not a result: %2</source>
        <translation>le processus de travail %1 a écrit quelque chose qui n&apos;est pas un résultat&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>part %1&apos;s violation did not repeat: %2</source>
        <translation>la violation de la partie %1 ne s&apos;est pas reproduite&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>explored %1 of %2 parts, %3 ms</source>
        <translation>%1 parties sur %2 explorées, %3 ms</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>cannot make a temporary directory for the workers: %1</source>
        <translation>impossible de créer un dossier temporaire pour les processus de travail&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>part %1 handed off parts out of order</source>
        <translation>la partie %1 a cédé des parties dans le désordre</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>worker %1 handed off parts it could not hand off</source>
        <translation>le worker %1 a cédé des parties qu&apos;il ne pouvait pas céder</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>worker %1 sent a broken result: %2</source>
        <translation>le processus de travail %1 a envoyé un résultat défectueux&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>worker %1 answered for part %2, which it was not given</source>
        <translation>le processus de travail %1 a répondu pour la partie %2, qui ne lui avait pas été confiée</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>worker %1 did not finish part %2 within %3 s and was stopped</source>
        <translation>le processus de travail %1 n&apos;a pas terminé la partie %2 dans les %3 s et a été arrêté</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the search failed: %1</source>
        <translation>la recherche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>worker: not a part: %1</source>
        <translation>processus de travail&#xa0;: pas une partie&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>--merge needs the shards&apos; result files</source>
        <translation>--merge nécessite les fichiers de résultat des fragments</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a result of mas explore --result</source>
        <translation>%1 n&apos;est pas un résultat de mas explore --result</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 and %2 are results of different searches (the system, its parameters, the properties or the options differ); merge the shards of one search</source>
        <translation>%1 et %2 sont des résultats de recherches différentes (le système, ses paramètres, les propriétés ou les options diffèrent)&#xa0;; fusionnez les fragments d&apos;une même recherche</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is one of %2 shards, %3 one of %4</source>
        <translation>%1 est l&apos;un de %2 fragments, %3 l&apos;un de %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 and %2 are both shard %3</source>
        <translation>%1 et %2 sont tous deux le fragment %3</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n shard(s) of %1 missing (%2): merge the results of every shard</source>
        <translation>
            <numerusform>%n fragment sur %1 manquant (%2)&#xa0;: fusionnez les résultats de tous les fragments</numerusform>
            <numerusform>%n fragments sur %1 manquants (%2)&#xa0;: fusionnez les résultats de tous les fragments</numerusform>
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
        <translation>un booléen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a string</source>
        <comment>the JSON type a value has</comment>
        <extracomment>A JSON type, ending &quot;... must be an object, not a string&quot;</extracomment>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an array</source>
        <comment>the JSON type a value has</comment>
        <extracomment>A JSON type, ending &quot;... must be an object, not an array&quot;</extracomment>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an object</source>
        <comment>the JSON type a value has</comment>
        <extracomment>A JSON type, ending &quot;... must be an array, not an object&quot;</extracomment>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a number</source>
        <comment>the JSON type a value has</comment>
        <extracomment>A JSON type, ending &quot;... must be a non-empty string, not a number&quot;</extracomment>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the config file %1: %2</source>
        <translation>Impossible de lire le fichier de configuration %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1:%2: invalid JSON: %3</source>
        <translation>%1:%2&#xa0;: JSON non valide&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1:%2: key &quot;%3&quot; appears twice in one object</source>
        <translation>%1:%2&#xa0;: la clé «&#xa0;%3&#xa0;» apparaît deux fois dans un même objet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the config must be a JSON object, not %1</source>
        <translation>la configuration doit être un objet JSON, et non %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the config</source>
        <translation>la configuration</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Expected an object {&quot;ca&quot;, &quot;cert&quot;, &quot;key&quot;}, not %1</source>
        <translation>Attendu&#xa0;: un objet {&quot;ca&quot;, &quot;cert&quot;, &quot;key&quot;}, et non %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown key (known: ca, cert, key)</source>
        <translation>Clé inconnue (clés connues&#xa0;: ca, cert, key)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected the name of a PEM file, not %1</source>
        <translation>Attendu&#xa0;: le nom d&apos;un fichier PEM, et non %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Expected true or false, not %1</source>
        <translation>Attendu&#xa0;: true ou false, et non %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;%1&quot; must be %2, not %3</source>
        <extracomment>%1 a key, %2 the type it must have (&quot;an array&quot;, ...), %3 the JSON type it has</extracomment>
        <translation>«&#xa0;%1&#xa0;» doit être %2, et non %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown key &quot;%1&quot; in %2 (known keys: %3)</source>
        <translation>clé inconnue «&#xa0;%1&#xa0;» dans %2 (clés connues&#xa0;: %3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a non-empty string</source>
        <translation>une chaîne non vide</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;realtime&quot;, &quot;external&quot; or an object</source>
        <translation>&quot;realtime&quot;, &quot;external&quot; ou un objet</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>an object {&quot;ca&quot;, &quot;cert&quot;, &quot;key&quot;}</source>
        <translation>un objet {&quot;ca&quot;, &quot;cert&quot;, &quot;key&quot;}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>a string or an array of strings</source>
        <translation>une chaîne ou un tableau de chaînes</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&quot;limits.%1&quot; must be an integer of at least %2, not %3</source>
        <extracomment>%1 a key such as limits.max_connections, %2 0 or 1, %3 the value or its JSON type</extracomment>
        <translation>&quot;limits.%1&quot; doit être un entier supérieur ou égal à %2, et non %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+21"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>an object {&quot;type&quot;, &quot;args&quot;, &quot;kwargs&quot;, &quot;count&quot;}</source>
        <translation>un objet {&quot;type&quot;, &quot;args&quot;, &quot;kwargs&quot;, &quot;count&quot;}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no &quot;type&quot; (an agent type such as &quot;pkg.module:Class&quot;)</source>
        <translation>%1 n&apos;a pas de clé «&#xa0;type&#xa0;» (un type d&apos;agent tel que &quot;pkg.module:Class&quot;)</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+53"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="-323"/>
        <source>Unknown profile &quot;%1&quot;: use trusted (the default) or public</source>
        <translation>Profil «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez trusted (par défaut) ou public</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--%1 takes an integer of at least %2, not &quot;%3&quot;</source>
        <extracomment>%1 an option such as --max-connections, %2 0 or 1, %3 what was given</extracomment>
        <translation>--%1 attend un entier supérieur ou égal à %2, et non «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <location line="+307"/>
        <source>&quot;%1.count&quot; must be a positive integer, not %2</source>
        <translation>«&#xa0;%1.count&#xa0;» doit être un entier positif, et non %2</translation>
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
        <translation>Exécute un conteneur d&apos;agents sans affichage&#xa0;: écoute sur ADDRESS, crée les agents du
fichier de configuration, affiche sur stdout une ligne «&#xa0;URL TYPE&#xa0;» par agent dès qu&apos;ils
sont joignables et sert jusqu&apos;à SIGINT ou SIGTERM&#xa0;; il ferme alors toutes les connexions (les
appels en cours échouent avec une erreur de connexion) et se termine avec le code 0. Les
journaux vont sur stderr (catégorie mas.host&#xa0;; davantage avec
QT_LOGGING_RULES=&quot;mas.*.debug=true&quot;).

ADDRESS est tcp://HOST:PORT (HOST étant une adresse IP, 0.0.0.0 pour toutes les interfaces
ou localhost&#xa0;; le port 0 en choisit un libre) ou ipc://PATH pour un socket Unix.

Fichier de configuration (JSON&#xa0;; toutes les clés sont facultatives&#xa0;; les options de la ligne
de commande l&apos;emportent)&#xa0;:
  {
    &quot;listen&quot;: &quot;tcp://0.0.0.0:5555&quot;,
    &quot;codec&quot;: &quot;json&quot;,                 json, msgpack ou msgpackblosc
    &quot;clock&quot;: {&quot;type&quot;: &quot;external&quot;, &quot;start&quot;: &quot;2016-01-01T00:00:00Z&quot;},
                                     ou &quot;realtime&quot; (par défaut)
    &quot;tls&quot;: {&quot;ca&quot;: &quot;ca.pem&quot;, &quot;cert&quot;: &quot;host.pem&quot;, &quot;key&quot;: &quot;host.key&quot;},
    &quot;plugin_path&quot;: [&quot;/usr/lib/mas/plugins&quot;],
    &quot;monitor&quot;: false,
    &quot;agents&quot;: [
      {&quot;type&quot;: &quot;greeter.agents:Greeter&quot;, &quot;args&quot;: [&quot;Hi&quot;], &quot;kwargs&quot;: {}, &quot;count&quot;: 2}
    ]
  }
Les agents sont créés dans cet ordre, &quot;count&quot; fois chacun (1 par défaut), avec les identifiants
0, 1, ... Les chemins relatifs le sont par rapport au fichier de configuration&#xa0;; les dossiers de
greffons de la configuration et de --plugin-path sont tous chargés. Les clés inconnues sont des
erreurs.

Exemples&#xa0;:
  mas host --listen tcp://127.0.0.1:5555 --config greeters.json --plugin-path plugins
  mas host --config /etc/mas/node1.json --monitor
  mas host --list-agent-types --plugin-path plugins

Code de sortie&#xa0;: 0 après SIGINT/SIGTERM ou --list-agent-types&#xa0;; 2 utilisation ou configuration
incorrecte (JSON non valide, clé inconnue, mauvais type, type d&apos;agent inconnu, arguments de
constructeur incorrects)&#xa0;; 3 adresse occupée ou fichiers TLS impossibles à charger.</translation>
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
        <translation>Fichiers de système&#xa0;: une configuration avec &quot;containers&quot; est un fichier de système (lu ainsi
par mas explore --system et mas-inspector --system) et tourne sur de vrais sockets. Avec
--container NAME, cet hôte exécute ce conteneur du fichier sur son adresse &quot;listen&quot; (--listen
l&apos;emporte)&#xa0;; sans elle, tous les conteneurs du fichier dans ce processus, chacun sur son adresse
&quot;listen&quot;, sinon le conteneur k (dès 0, dans l&apos;ordre du fichier) sur le PORT+k de --listen
tcp://HOST:PORT. Un argument &quot;@NAME&quot; devient l&apos;URL de l&apos;agent nommé NAME, quel que soit son
conteneur (identifiants 0, 1, ... par conteneur, dans l&apos;ordre du fichier)&#xa0;; un conteneur exécuté
par un autre hôte doit avoir son adresse &quot;listen&quot;. Dès que tous les agents du fichier existent
(l&apos;hôte attend que ceux des autres hôtes répondent, les hôtes peuvent donc démarrer dans un
ordre quelconque), chaque mas::system::SystemAgent commence (son begin()&#xa0;: les nœuds d&apos;un
anneau se réveillent), et le système démarre de lui-même. Les invariants du fichier ne sont pas
vérifiés (mas explore et MAS Inspector le font)&#xa0;; &quot;tls&quot; et &quot;monitor&quot; valent comme ci-dessus&#xa0;;
&quot;request_timeout_ms&quot; est le délai des appels&#xa0;; la date de départ vaut pour l&apos;horloge externe
(--clock external). Les erreurs citent fichier et clé (FILE: KEY: raison)&#xa0;; code de sortie 2.
  mas host --config ring.json --container a --plugin-path plugins
  mas host --config ring.json --listen tcp://127.0.0.1:5601 --plugin-path plugins</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Address to listen on: tcp://HOST:PORT or ipc://PATH.</source>
        <translation>Adresse sur laquelle écouter&#xa0;: tcp://HOST:PORT ou ipc://PATH.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON config file with the agents to start (see above).</source>
        <translation>Fichier de configuration JSON contenant les agents à démarrer (voir ci-dessus).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run only the container NAME of a system file (see above).</source>
        <translation>N&apos;exécuter que le conteneur NAME d&apos;un fichier de système (voir ci-dessus).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codec: json (default), msgpack or msgpackblosc; must match the peers.</source>
        <translation>Codec&#xa0;: json (par défaut), msgpack ou msgpackblosc&#xa0;; doit correspondre à celui des pairs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>realtime (default) or external (moves only when told; needs --start).</source>
        <translation>realtime (par défaut) ou external (n&apos;avance que sur demande&#xa0;; nécessite --start).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The external clock&apos;s start date, ISO 8601 (2016-01-01T00:00:00Z).</source>
        <translation>La date de départ de l&apos;horloge externe, ISO 8601 (2016-01-01T00:00:00Z).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mutual TLS: PEM file of the CA that peers&apos; certificates must be signed by.</source>
        <translation>TLS mutuel&#xa0;: fichier PEM de l&apos;AC qui doit avoir signé les certificats des pairs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mutual TLS: PEM file with this host&apos;s certificate.</source>
        <translation>TLS mutuel&#xa0;: fichier PEM contenant le certificat de cet hôte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mutual TLS: PEM file with this host&apos;s private key.</source>
        <translation>TLS mutuel&#xa0;: fichier PEM contenant la clé privée de cet hôte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Directory of agent plug-ins to load (repeatable).</source>
        <translation>Dossier de greffons d&apos;agents à charger (répétable).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offer _monitor/info and _monitor/events so MAS Inspector can attach; anyone who can
connect can then read all traffic: use it with TLS.</source>
        <translation>Proposer _monitor/info et _monitor/events pour que MAS Inspector puisse s&apos;attacher&#xa0;; quiconque
peut se connecter peut alors lire tout le trafic&#xa0;: à utiliser avec TLS.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the known agent types (after loading plug-ins) and exit.</source>
        <translation>Afficher les types d&apos;agents connus (après chargement des greffons) et quitter.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The plug-in directory &quot;%1&quot; does not exist</source>
        <translation>Le dossier de greffons «&#xa0;%1&#xa0;» n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+57"/>
        <source>No agent types are known; load plug-ins with --plugin-path DIR</source>
        <translation>Aucun type d&apos;agent n&apos;est connu&#xa0;; chargez des greffons avec --plugin-path DIR</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>No address to listen on: give --listen ADDRESS or &quot;listen&quot; in the config</source>
        <translation>Aucune adresse sur laquelle écouter&#xa0;: indiquez --listen ADDRESS ou &quot;listen&quot; dans la configuration</translation>
    </message>
    <message>
        <location line="+552"/>
        <source>%1: processes: Python programs run stepped, under mas run --system or MAS Inspector, not under mas host</source>
        <translation>%1&#xa0;: processes&#xa0;: les programmes Python s&apos;exécutent pas à pas, sous mas run --system ou MAS Inspector, pas sous mas host</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--container NAME picks a container of a system file (a config with &quot;containers&quot;); give one with --config FILE</source>
        <translation>--container NAME choisit un conteneur d&apos;un fichier de système (une configuration avec &quot;containers&quot;)&#xa0;; indiquez-en un avec --config FILE</translation>
    </message>
    <message>
        <location line="-577"/>
        <source>mas host listens on tcp://HOST:PORT or ipc://PATH, not %1</source>
        <translation>mas host écoute sur tcp://HOST:PORT ou ipc://PATH, et non %1</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>Limits (docs/security.md): --profile public sets values safe for an untrusted network
(256 connections, 16 per peer, 60 s idle, frames of 4 MiB at 64 KiB/s, a 256 MiB memory
budget, ...); trusted, the default, keeps the library&apos;s defaults. Each limit option
below overrides the profile, and so does its config key, e.g.
  &quot;profile&quot;: &quot;public&quot;, &quot;limits&quot;: {&quot;max_connections&quot;: 100, &quot;idle_timeout_ms&quot;: 30000}
(the option&apos;s name with _ for -). 0 turns a limit off where its text says so.</source>
        <translation>Limites (docs/security.md)&#xa0;: --profile public fixe des valeurs sûres pour un réseau non
fiable (256 connexions, 16 par pair, 60 s d&apos;inactivité, trames de 4 Mio à 64 Kio/s, un budget
mémoire de 256 Mio, ...)&#xa0;; trusted, le profil par défaut, conserve les valeurs par défaut de
la bibliothèque. Chaque option de limite ci-dessous l&apos;emporte sur le profil, de même que sa
clé de configuration, par ex.
  &quot;profile&quot;: &quot;public&quot;, &quot;limits&quot;: {&quot;max_connections&quot;: 100, &quot;idle_timeout_ms&quot;: 30000}
(le nom de l&apos;option avec _ pour -). 0 désactive une limite là où son texte l&apos;indique.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Limits for a trusted network (default) or public: safe values for an untrusted network (see above).</source>
        <translation>Limites pour un réseau de confiance (trusted, par défaut) ou public&#xa0;: valeurs sûres pour un réseau non fiable (voir ci-dessus).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Most open connections (trusted 1000, public 256).</source>
        <translation>Nombre maximal de connexions ouvertes (trusted 1000, public 256).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most connections from one IP address, or one user id on ipc:// (trusted 0 = no such limit, public 16).</source>
        <translation>Nombre maximal de connexions depuis une même adresse IP, ou un même identifiant d&apos;utilisateur sur ipc:// (trusted 0 = pas de telle limite, public 16).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close a connection with nothing sent or received for MS ms (trusted 0 = never, public 60000).</source>
        <translation>Fermer une connexion sur laquelle rien n&apos;a été envoyé ni reçu pendant MS ms (trusted 0 = jamais, public 60000).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close a connection whose frame in progress got no byte for MS ms (trusted 30000, public 10000).</source>
        <translation>Fermer une connexion dont la trame en cours n&apos;a reçu aucun octet pendant MS ms (trusted 30000, public 10000).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes per second a frame in progress must average after 2 s (trusted 0 = off, public 65536).</source>
        <translation>Octets par seconde qu&apos;une trame en cours doit atteindre en moyenne après 2 s (trusted 0 = désactivé, public 65536).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest frame in bytes (trusted 67108864, public 4194304).</source>
        <translation>Taille maximale d&apos;une trame en octets (trusted 67108864, public 4194304).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes all connections may hold in partial frames and unsent replies (trusted 0 = no budget, public 268435456).</source>
        <translation>Octets que l&apos;ensemble des connexions peut retenir en trames partielles et en réponses non envoyées (trusted 0 = pas de budget, public 268435456).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes queued for a peer before reading from it pauses (trusted 8388608, public 1048576).</source>
        <translation>Octets en file pour un pair au-delà desquels la lecture depuis ce pair est suspendue (trusted 8388608, public 1048576).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most unanswered requests per connection (trusted 10000, public 100).</source>
        <translation>Nombre maximal de requêtes sans réponse par connexion (trusted 10000, public 100).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>msgpackblosc: most times a frame may inflate, checked before decompressing (trusted 0 = off, public 32).</source>
        <translation>msgpackblosc : facteur maximal de décompression d’une trame, vérifié avant de décompresser (trusted 0 = désactivé, public 32).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>msgpackblosc: largest decompressed frame in bytes (trusted 268435456, public 16777216).</source>
        <translation>msgpackblosc : plus grande trame décompressée, en octets (trusted 268435456, public 16777216).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most values one message may hold, counted while decoding (trusted 4194304, public 100000).</source>
        <translation>Nombre maximal de valeurs dans un message, compté au décodage (trusted 4194304, public 100000).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decode frames of at least N bytes off the event loop, so that they do not hold up other connections (0 = never; trusted and public 65536).</source>
        <translation>Décoder hors de la boucle d&apos;événements les trames d&apos;au moins N octets, pour qu&apos;elles ne retardent pas les autres connexions (0 = jamais&#xa0;; trusted et public 65536).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS handshake time-out in ms (trusted 10000, public 5000).</source>
        <translation>Délai de la négociation TLS en ms (trusted 10000, public 5000).</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Unknown clock &quot;%1&quot;: use realtime or external</source>
        <translation>Horloge «&#xa0;%1&#xa0;» inconnue&#xa0;: utilisez realtime ou external</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The external clock needs a start date: --start DATE or &quot;clock&quot;: {&quot;start&quot;: DATE}</source>
        <translation>L&apos;horloge externe nécessite une date de départ&#xa0;: --start DATE ou &quot;clock&quot;: {&quot;start&quot;: DATE}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A start date is for the external clock: add --clock external</source>
        <translation>Une date de départ ne concerne que l&apos;horloge externe&#xa0;: ajoutez --clock external</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS needs all of --tls-ca, --tls-cert and --tls-key (mutual authentication)</source>
        <translation>TLS nécessite à la fois --tls-ca, --tls-cert et --tls-key (authentification mutuelle)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>TLS is for tcp:// addresses; a Unix socket is protected by its file permissions</source>
        <translation>TLS est réservé aux adresses tcp://&#xa0;; un socket Unix est protégé par les permissions de son fichier</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: %2. %3</source>
        <translation>%1&#xa0;: %2. %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Known types: %1</source>
        <translation>Types connus&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>the constructor threw an exception</source>
        <translation>le constructeur a levé une exception</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Missing: give the container &quot;%1&quot; the address it listens on, or use --listen ADDRESS</source>
        <translation>Manquant&#xa0;: donnez au conteneur «&#xa0;%1&#xa0;» l&apos;adresse sur laquelle il écoute, ou utilisez --listen ADDRESS</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No container is called &quot;%1&quot; (--container names one of: %2)</source>
        <translation>Aucun conteneur ne s&apos;appelle «&#xa0;%1&#xa0;» (--container en désigne un parmi&#xa0;: %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Without --container, --listen gives the first of consecutive ports (container k listens on PORT+k): use tcp://HOST:PORT, not %1</source>
        <translation>Sans --container, --listen donne le premier d&apos;une suite de ports consécutifs (le conteneur k écoute sur PORT+k)&#xa0;: utilisez tcp://HOST:PORT, et non %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Missing: give every container the address it listens on, or give --listen tcp://HOST:PORT (container k listens on PORT+k), or run one container with --container NAME</source>
        <translation>Manquant&#xa0;: donnez à chaque conteneur l&apos;adresse sur laquelle il écoute, ou indiquez --listen tcp://HOST:PORT (le conteneur k écoute sur PORT+k), ou exécutez un seul conteneur avec --container NAME</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--listen %1: the port of container &quot;%2&quot; would be %3</source>
        <translation>--listen %1&#xa0;: le port du conteneur «&#xa0;%2&#xa0;» serait %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Missing: %1 refers to an agent of the container &quot;%2&quot;, which this host does not run; give &quot;%2&quot; the address it listens on</source>
        <translation>Manquant&#xa0;: %1 désigne un agent du conteneur «&#xa0;%2&#xa0;», que cet hôte n&apos;exécute pas&#xa0;; donnez à «&#xa0;%2&#xa0;» l&apos;adresse sur laquelle il écoute</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 refers to an agent of the container &quot;%2&quot;, which this host does not run, but %3 does not say where other hosts reach it: give its host&apos;s address and port</source>
        <translation>%1 désigne un agent du conteneur «&#xa0;%2&#xa0;», que cet hôte n&apos;exécute pas, mais %3 n&apos;indique pas où les autres hôtes peuvent le joindre&#xa0;: indiquez l&apos;adresse et le port de son hôte</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>No agent types are known; load plug-ins with --plugin-path DIR or &quot;plugin_path&quot;</source>
        <translation>Aucun type d&apos;agent n&apos;est connu&#xa0;; chargez des greffons avec --plugin-path DIR ou &quot;plugin_path&quot;</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The agent got the URL %1 instead of %2: did a constructor create further agents?</source>
        <translation>L&apos;agent a reçu l&apos;URL %1 au lieu de %2&#xa0;: un constructeur a-t-il créé d&apos;autres agents&#xa0;?</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Unexpected argument &quot;%1&quot;; see mas host --help</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;»&#xa0;; voir mas host --help</translation>
    </message>
</context>
<context>
    <name>LookAheadCommand</name>
    <message>
        <location filename="../app/mas/lookaheadcommand.cpp" line="+69"/>
        <location line="+10"/>
        <source>The look-ahead cannot search Python programs</source>
        <translation>L&apos;anticipation ne peut pas explorer de programmes Python</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown system &quot;%1&quot;</source>
        <translation>Système inconnu « %1 »</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>the look-ahead expects &quot;REQUEST K SESSION-FILE&quot; lines, not &quot;%1&quot;</source>
        <translation>l&apos;anticipation attend des lignes «&#xa0;REQUEST K SESSION-FILE&#xa0;», et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The look-ahead of MAS Inspector: for every message pending where a run ends, whether delivering it
next leads to a violation of an invariant within K steps (with the shortest such continuation),
is safe for every order within K steps, or is not known. One JSON line per message, then an end line.

  mas explore --lookahead 6 --session run.massession
  mas explore --lookahead-serve     (reads &quot;REQUEST K SESSION-FILE&quot; lines; a new one cancels the search)</source>
        <translation>L&apos;anticipation de MAS Inspector&#xa0;: pour chaque message en attente à la fin d&apos;une exécution, indique si le délivrer
en premier mène à la violation d&apos;un invariant en K étapes au plus (avec la plus courte continuation de ce type),
est sûr pour tous les ordres sur K étapes, ou n&apos;est pas connu. Une ligne JSON par message, puis une ligne de fin.

  mas explore --lookahead 6 --session run.massession
  mas explore --lookahead-serve     (lit des lignes «&#xa0;REQUEST K SESSION-FILE&#xa0;»&#xa0;; une nouvelle annule la recherche)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Look K steps ahead (the first delivery included).</source>
        <translation>Anticiper sur K étapes (la première délivrance comprise).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search each request read on standard input.</source>
        <translation>Effectuer la recherche pour chaque requête lue sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run to look ahead from (a session file).</source>
        <translation>L&apos;exécution à partir de laquelle anticiper (un fichier de session).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load the system plug-ins in DIR (repeatable).</source>
        <translation>Charger les greffons de systèmes de DIR (répétable).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>--lookahead expects K &gt;= 1 and --session FILE, e.g. --lookahead 6 --session run.massession</source>
        <translation>--lookahead attend K &gt;= 1 et --session FILE, par ex. --lookahead 6 --session run.massession</translation>
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
        <translation>Crée votre propre projet. &quot;mas new plugin NAME [DIR]&quot; écrit dans DIR (par défaut&#xa0;: ./NAME) un
projet CMake de greffon d&apos;agents&#xa0;: un type d&apos;agent avec un bogue introduit exprès, un invariant,
un fichier de système qui place deux agents sur le réseau pas à pas, et un QtTest. Compilez-le
avec cmake sur un MAS installé (-DCMAKE_PREFIX_PATH) ou un arbre de compilation (-DMas_DIR),
puis avancez-le pas à pas avec &quot;mas-inspector --system DIR/system.json&quot; et explorez-le avec
&quot;mas explore --system DIR/system.json --out bug.jsonl&quot;. Voir docs/your-own-system.md.

NAME&#xa0;: lettres minuscules, chiffres et _, en commençant par une lettre (il nomme le greffon,
son espace de noms C++ et son type d&apos;agent NAME.agents:Node).

Code de sortie&#xa0;: 0 projet écrit&#xa0;; 2 utilisation incorrecte (nom incorrect, DIR existe et
n&apos;est pas vide)&#xa0;; 3 un fichier n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What to start: plugin.</source>
        <translation>Ce qu&apos;il faut créer&#xa0;: plugin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plug-in&apos;s name, e.g. mutex.</source>
        <translation>Le nom du greffon, par ex. mutex.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where to write it (default: ./NAME).</source>
        <translation>Où l&apos;écrire (par défaut&#xa0;: ./NAME).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected &quot;plugin NAME [DIR]&quot;; see mas new --help</source>
        <translation>&quot;plugin NAME [DIR]&quot; attendu&#xa0;; voir mas new --help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown kind &quot;%1&quot;: mas new knows &quot;plugin&quot;</source>
        <translation>type «&#xa0;%1&#xa0;» inconnu&#xa0;: mas new connaît «&#xa0;plugin&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a plug-in name: use lower-case letters, digits and _, starting with a letter</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de greffon&#xa0;: utilisez des lettres minuscules, des chiffres et _, en commençant par une lettre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 exists and is not empty</source>
        <translation>%1 existe et n&apos;est pas vide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the template %1 is missing</source>
        <translation>le modèle %1 est manquant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot create the directory %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrote the plug-in project %1 in %2. Next:
  cmake -S %2 -B %2/build -DCMAKE_PREFIX_PATH=&lt;where MAS is installed&gt;
  cmake --build %2/build &amp;&amp; ctest --test-dir %2/build
  mas-inspector --system %2/system.json
  mas explore --system %2/system.json --out bug.jsonl</source>
        <translation>Projet de greffon %1 écrit dans %2. Ensuite&#xa0;:
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
        <translation>--python attend un programme</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no such program: %1</source>
        <translation>programme introuvable&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message>
        <location filename="../app/mas/runcommand.cpp" line="+140"/>
        <source>unexpected argument &quot;%1&quot;: a program&apos;s arguments follow --python PROGRAM</source>
        <translation>argument «&#xa0;%1&#xa0;» inattendu&#xa0;: les arguments d&apos;un programme suivent --python PROGRAM</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--order is fifo or random, not &quot;%1&quot;</source>
        <translation>--order vaut fifo ou random, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--seed expects a whole number of at least 0, not &quot;%1&quot;</source>
        <translation>--seed attend un nombre entier supérieur ou égal à 0, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--steps expects a whole number of at least 0, not &quot;%1&quot;</source>
        <translation>--steps attend un nombre entier supérieur ou égal à 0, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--timeout expects a positive number of seconds, not &quot;%1&quot;</source>
        <translation>--timeout attend un nombre positif de secondes, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>warning from %1: %2: %3</source>
        <translation>avertissement de %1&#xa0;: %2&#xa0;: %3</translation>
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
        <translation>Utilisation&#xa0;: mas run --python PROGRAM.py [ARGS...] [--python ...] [OPTIONS]
              mas run --system FILE.json [OPTIONS]

Exécute sans affichage des programmes Python asyncio (aiomas compris) sous le runner masstep,
sur le réseau interne au processus piloté pas à pas&#xa0;: chaque trame envoyée devient un message
en attente, délivré dans l&apos;ordre choisi&#xa0;; quand rien d&apos;autre ne peut se produire (aucune trame
en attente, programmes inactifs), l&apos;horloge virtuelle avance au prochain minuteur. L&apos;exécution
s&apos;arrête faute de trame et de minuteur, après N étapes, ou quand tous les programmes ont fini.

Options&#xa0;:
  --python PROGRAM.py [ARGS...]  un programme et ses arguments (répétable&#xa0;: les programmes
                                 démarrent un à un, chacun une fois les autres inactifs)&#xa0;; les
                                 arguments finissent à l&apos;option suivante de mas run
  --system FILE.json             un fichier de système&#xa0;: &quot;processes&quot; (programmes Python) et
                                 agents C++ de greffons, sur le même réseau piloté pas à pas
  --order fifo|random            la plus ancienne (par défaut) ou une au hasard selon la graine
                                 (doublements possibles&#xa0;; une fermeture attend ses trames)
  --seed S                       graine de l&apos;ordre aléatoire, de random et de PYTHONHASHSEED
                                 des programmes (1 par défaut)&#xa0;; même graine, même exécution
  --steps N                      s&apos;arrêter après N étapes (délivrance ou avance de l&apos;horloge)
  --log FILE.jsonl               écrire le journal d&apos;événements en session pour MAS Inspector
  --timeout SECONDS              délai de réponse accordé à un programme (30 par défaut)
  -q, --quiet                    aucune ligne par étape et aucune sortie des programmes
  -h, --help                     cette aide

Le runner (python3 -m masstep) doit se trouver là où python3 le trouve&#xa0;: installé, ou le
dossier python/ de l&apos;arborescence des sources dans PYTHONPATH.

Exemples&#xa0;:
  mas run --python echo.py both 5555 hello world
  mas run --python ring.py 0 --python ring.py 1 --python ring.py 2 --order random --seed 2

Code de sortie&#xa0;: 0 chaque programme a fini avec 0 (ou --steps a arrêté sans échec)&#xa0;; 1 code non
nul d&apos;un programme, ou tous attendent sans rien en attente ni minuteur&#xa0;; 2 usage incorrect&#xa0;; 3
un programme n&apos;a pas démarré, s&apos;est bloqué ou a perdu son runner, ou le hub a échoué.
</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>--system and --python do not go together: list the programs in the system file&apos;s &quot;processes&quot;</source>
        <translation>--system et --python ne vont pas ensemble&#xa0;: listez les programmes dans les &quot;processes&quot; du fichier de système</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no such system file: %1</source>
        <translation>fichier de système introuvable&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at least one --python PROGRAM.py or a --system FILE is required; see mas run --help</source>
        <translation>il faut au moins un --python PROGRAM.py ou un --system FILE&#xa0;; voir mas run --help</translation>
    </message>
    <message numerus="yes">
        <location line="+131"/>
        <source>stopped after %n step(s)</source>
        <translation>
            <numerusform>arrêté après %n pas</numerusform>
            <numerusform>arrêté après %n pas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>nothing to deliver and no timer left, but the programs still run</source>
        <translation>rien à délivrer et plus aucun minuteur, mais les programmes tournent encore</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: still running at t=%2 (stopped)</source>
        <translation>%1&#xa0;: toujours en cours à t=%2 (arrêté)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: exited 0 at t=%2</source>
        <translation>%1&#xa0;: terminé avec 0 à t=%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 exited with status %2</source>
        <translation>%1 s&apos;est terminé avec le code %2</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n step(s), virtual time %1</source>
        <translation>
            <numerusform>%n pas, temps virtuel %1</numerusform>
            <numerusform>%n pas, temps virtuel %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>event log written to %1 (%2 events)</source>
        <translation>journal d&apos;événements écrit dans %1 (%2 événements)</translation>
    </message>
</context>
<context>
    <name>SharedStateCache</name>
    <message>
        <location filename="../libmas/mas/system/sharedstatecache.cpp" line="+91"/>
        <source>cannot map the shared state cache %1: %2</source>
        <translation>impossible de projeter en mémoire le cache d&apos;états partagé %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not a shared state cache</source>
        <translation>%1 n&apos;est pas un cache d&apos;états partagé</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no shared state cache on this platform (%1)</source>
        <translation>pas de cache d&apos;états partagé sur cette plateforme (%1)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+7"/>
        <source>cannot make the shared state cache %1: %2</source>
        <translation>impossible de créer le cache d&apos;états partagé %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>too small</source>
        <translation>trop petit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot open the shared state cache %1: %2</source>
        <translation>impossible d&apos;ouvrir le cache d&apos;états partagé %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(anonymous memory)</source>
        <translation>(mémoire anonyme)</translation>
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
        <translation>Exécute un conteneur en sous-processus (le subproc d&apos;aiomas)&#xa0;: un conteneur à l&apos;adresse ADDRESS
dont l&apos;agent 0 est un Manager avec spawn(qualname, *args, **kwargs) -&gt; [agent, url], set_time(t)
et stop(). Affiche l&apos;URL du Manager en première ligne sur stdout, puis sert jusqu&apos;à stop(),
SIGINT ou SIGTERM, ou jusqu&apos;à la mort du processus parent, et se termine avec le code 0 après
un arrêt propre.

ADDRESS est tcp://HOST:PORT (le port 0 en choisit un libre) ou ipc://PATH.

Mort du parent&#xa0;: quand stdin est un tube (tel que le configure le QProcess ou le module subprocess
d&apos;un parent), une fin de fichier (EOF) sur celui-ci arrête le conteneur&#xa0;: gardez l&apos;extrémité
d&apos;écriture ouverte et ne la fermez jamais. Sous Linux, le processus demande aussi SIGTERM à la
mort de son parent (PR_SET_PDEATHSIG).

Types d&apos;agents&#xa0;: ceux des greffons des dossiers --plugin-path, et le type intégré
  mas.subproc:EchoAgent(name=&quot;&quot;)  echo(value), name(), whoami(), pid(), time(), now(),
                                  sleep(seconds) -&gt; temps au réveil, call(url, method, *args)

Code de sortie&#xa0;: 0 arrêt propre&#xa0;; 2 utilisation, codec, date ou greffon incorrect&#xa0;;
3 écoute impossible.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Where to listen: tcp://HOST:PORT or ipc://PATH.</source>
        <translation>Où écouter&#xa0;: tcp://HOST:PORT ou ipc://PATH.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codec: json (default), msgpack or msgpackblosc.</source>
        <translation>Codec&#xa0;: json (par défaut), msgpack ou msgpackblosc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>realtime (default) or external (moved only by set_time).</source>
        <translation>realtime (par défaut) ou external (n&apos;avance que par set_time).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The external clock&apos;s date at time 0, ISO 8601 (default: now).</source>
        <translation>La date de l&apos;horloge externe au temps 0, ISO 8601 (par défaut&#xa0;: maintenant).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the agent plug-ins in DIR (repeatable).</source>
        <translation>Charger les greffons d&apos;agents du dossier DIR (répétable).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serve _monitor/... so a MAS Inspector can watch the traffic.</source>
        <translation>Servir _monitor/... pour que MAS Inspector puisse observer le trafic.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>exactly one ADDRESS is required; see mas subproc --help</source>
        <translation>exactement une ADDRESS est requise&#xa0;; voir mas subproc --help</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--clock takes realtime or external, not &quot;%1&quot;</source>
        <translation>--clock accepte realtime ou external, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--start needs --clock external</source>
        <translation>--start nécessite --clock external</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Echoes values, tells its clock&apos;s time and calls other agents (for trying out sub-processes)</source>
        <translation>Renvoie des valeurs en écho, donne l&apos;heure de son horloge et appelle d&apos;autres agents (pour essayer les sous-processus)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/inspector/main.cpp" line="+91"/>
        <source>MAS Inspector: run, step and watch multi-agent systems on an in-process network.</source>
        <translation>MAS Inspector&#xa0;: exécuter, avancer pas à pas et observer des systèmes multi-agents sur un réseau interne au processus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The demo system to open (default: leader-election).</source>
        <translation>Le système de démonstration à ouvrir (par défaut&#xa0;: leader-election).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of agents.</source>
        <translation>Nombre d&apos;agents.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo&apos;s random seed.</source>
        <translation>La graine aléatoire de la démo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build the demo&apos;s variant with a known fault.</source>
        <translation>Construire la variante de la démo qui comporte un défaut connu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Render the window into FILE (PNG) and exit, without user input.</source>
        <translation>Rendre la fenêtre dans FILE (PNG) et quitter, sans intervention de l&apos;utilisateur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How the demo&apos;s containers talk: local (steppable, default), tcp or unix.</source>
        <translation>Comment les conteneurs de la démo communiquent&#xa0;: local (pas à pas, par défaut), tcp ou unix.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Watch a running container instead of a demo (tcp://host:port or ipc://path).</source>
        <translation>Observer un conteneur en cours d&apos;exécution au lieu d&apos;une démo (tcp://host:port ou ipc://path).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The codec of --attach: json (default), msgpack, msgpackblosc.</source>
        <translation>Le codec de --attach&#xa0;: json (par défaut), msgpack, msgpackblosc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --attach: mutual TLS, the CA certificate (PEM).</source>
        <translation>Avec --attach&#xa0;: TLS mutuel, le certificat de l&apos;AC (PEM).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --attach: the Inspector&apos;s certificate (PEM).</source>
        <translation>Avec --attach&#xa0;: le certificat de MAS Inspector (PEM).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --attach: the certificate&apos;s private key (PEM).</source>
        <translation>Avec --attach&#xa0;: la clé privée du certificat (PEM).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host the Counter simulator and wait for mosaik on HOST:PORT (sim_config &quot;connect&quot;).</source>
        <translation>Héberger le simulateur Counter et attendre mosaik sur HOST:PORT (sim_config &quot;connect&quot;).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host the Counter simulator and connect to mosaik at HOST:PORT (sim_config &quot;cmd&quot;: &quot;mas-inspector --mosaik-connect %(addr)s&quot;).</source>
        <translation>Héberger le simulateur Counter et se connecter à mosaik sur HOST:PORT (sim_config &quot;cmd&quot;: &quot;mas-inspector --mosaik-connect %(addr)s&quot;).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --mosaik-*: hold the co-simulation at step T.</source>
        <translation>Avec --mosaik-*&#xa0;: suspendre la co-simulation au pas T.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the demos and exit.</source>
        <translation>Lister les démos et quitter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the system FILE describes (JSON: containers, agents of your plug-ins, invariants) instead of a demo.</source>
        <translation>Ouvrir le système que décrit FILE (JSON&#xa0;: conteneurs, agents de vos greffons, invariants) au lieu d&apos;une démo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run the Python asyncio PROGRAM (aiomas too) under the masstep runner, stepped; the arguments after it, up to the next --python, are the program&apos;s. Repeat it for several programs on one network (give the Inspector&apos;s options before the first --python).</source>
        <translation>Exécuter pas à pas le PROGRAM Python asyncio (aiomas aussi) sous le runner masstep&#xa0;; les arguments qui le suivent, jusqu&apos;au --python suivant, sont ceux du programme. Le répéter pour plusieurs programmes sur un même réseau (donner les options de l&apos;Inspector avant le premier --python).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a saved session (replayed to its end) or a counterexample of mas explore (at its start).</source>
        <translation>Ouvrir une session enregistrée (rejouée jusqu&apos;au bout) ou un contre-exemple de mas explore (à son début).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load the system and agent plug-ins in DIR (repeatable); the installed ones are loaded too.</source>
        <translation>Charger les greffons de systèmes et d’agents de DIR (répétable) ; ceux installés sont chargés aussi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the message table as the window shows it to FILE (CSV) and exit, without a display (after --steps).</source>
        <translation>Écrire le tableau des messages tel que la fenêtre l&apos;affiche dans FILE (CSV) et quitter, sans affichage (après --steps).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the sequence diagram as the window shows it to FILE (SVG) and exit, without a display (after --steps).</source>
        <translation>Écrire le diagramme de séquence tel que la fenêtre l&apos;affiche dans FILE (SVG) et quitter, sans affichage (après --steps).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start in presentation mode: larger text, high contrast (View → Presentation).</source>
        <translation>Démarrer en mode présentation&#xa0;: texte plus grand, contraste élevé (Affichage → Présentation).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep only the last N events in memory, for long free-running runs (0: every event; Step Back reaches back as far as the kept events). Overrides the setting events/keep.</source>
        <translation>Ne garder en mémoire que les N derniers événements, pour les longues exécutions en continu (0&#xa0;: tous les événements&#xa0;; le retour en arrière remonte aussi loin que les événements gardés). Remplace le réglage events/keep.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A file to open: a saved session (replayed to its end), a counterexample of mas explore --out (at its start) or a system file (JSON).</source>
        <translation>Un fichier à ouvrir&#xa0;: une session enregistrée (rejouée jusqu&apos;au bout), un contre-exemple de mas explore --out (à son début) ou un fichier de système (JSON).</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>--steps, --agents and --seed take numbers</source>
        <translation>--steps, --agents et --seed attendent des nombres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown demo &quot;%1&quot;; --list-demos lists them</source>
        <translation>Démo «&#xa0;%1&#xa0;» inconnue&#xa0;; --list-demos en donne la liste</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Waiting for mosaik on %1:%2</source>
        <translation>En attente de mosaik sur %1:%2</translation>
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
        <translation>--python attend un programme&#xa0;: --python PROGRAM.py [ARGS...]</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Take N steps (as F10 does) before showing the window.</source>
        <translation>Faire N étapes (comme F10) avant d’afficher la fenêtre.</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Give one file to open (FILE, --session, --system or --python)</source>
        <translation>Indiquez un seul fichier à ouvrir (FILE, --session, --system ou --python)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--keep-events needs a number of events (0: all), not &quot;%1&quot;</source>
        <translation>--keep-events attend un nombre d&apos;événements (0&#xa0;: tous), et non &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+219"/>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <location filename="../examples/mosaik_counter/main.cpp" line="+16"/>
        <source>The reference Counter simulator for mosaik, written with libmas.</source>
        <translation>Le simulateur Counter de référence pour mosaik, écrit avec libmas.</translation>
    </message>
</context>
<context>
    <name>mas</name>
    <message>
        <location filename="../libmas/mas/agent/agentregistry.cpp" line="+48"/>
        <source>Cannot load agent plug-in &quot;%1&quot;: %2</source>
        <translation>Impossible de charger le greffon d&apos;agents «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>it is not a Qt plug-in (%1)</source>
        <translation>ce n&apos;est pas un greffon Qt (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it was built for version %1 of the agent plug-in interface (IID &quot;%2&quot;), this program supports version %3</source>
        <translation>il a été compilé pour la version %1 de l&apos;interface des greffons d&apos;agents (IID «&#xa0;%2&#xa0;»), ce programme prend en charge la version %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is a Qt plug-in with IID &quot;%1&quot;, not an agent plug-in (IID &quot;%2&quot;)</source>
        <translation>c&apos;est un greffon Qt d&apos;IID «&#xa0;%1&#xa0;», et non un greffon d&apos;agents (IID «&#xa0;%2&#xa0;»)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>An agent type&apos;s name is a qualname like &quot;pkg.module:Class&quot;, not &quot;%1&quot;</source>
        <translation>Le nom d&apos;un type d&apos;agent est un nom qualifié tel que &quot;pkg.module:Class&quot;, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Agent type &quot;%1&quot; has no factory</source>
        <translation>Le type d&apos;agent «&#xa0;%1&#xa0;» n&apos;a pas de fabrique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent type &quot;%1&quot; is already registered</source>
        <translation>Le type d&apos;agent «&#xa0;%1&#xa0;» est déjà enregistré</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No agent type &quot;%1&quot; is registered</source>
        <translation>Aucun type d&apos;agent «&#xa0;%1&#xa0;» n&apos;est enregistré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (did you mean %1?)</source>
        <translation> (vouliez-vous dire %1&#xa0;?)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No container to create &quot;%1&quot; in</source>
        <translation>Aucun conteneur dans lequel créer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the file does not exist</source>
        <translation>le fichier n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a file</source>
        <translation>ce n&apos;est pas un fichier</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its plug-in class %1 does not implement mas::AgentPlugin, although its IID says so</source>
        <translation>sa classe de greffon %1 n&apos;implémente pas mas::AgentPlugin, bien que son IID l&apos;annonce</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>agent type &quot;%1&quot; has no factory</source>
        <translation>le type d&apos;agent «&#xa0;%1&#xa0;» n&apos;a pas de fabrique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>agent type &quot;%1&quot; is registered already by plug-in &quot;%2&quot;</source>
        <translation>le type d&apos;agent «&#xa0;%1&#xa0;» est déjà enregistré par le greffon «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>agent type &quot;%1&quot; is registered already</source>
        <translation>le type d&apos;agent «&#xa0;%1&#xa0;» est déjà enregistré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it offers agent type &quot;%1&quot; twice</source>
        <translation>il propose deux fois le type d&apos;agent «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it offers no agent types</source>
        <translation>il ne propose aucun type d&apos;agent</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot load agent plug-ins from &quot;%1&quot;: no such directory</source>
        <translation>Impossible de charger les greffons d&apos;agents depuis «&#xa0;%1&#xa0;»&#xa0;: ce dossier n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot load agent plug-ins from &quot;%1&quot;: the directory is not readable</source>
        <translation>Impossible de charger les greffons d&apos;agents depuis «&#xa0;%1&#xa0;»&#xa0;: le dossier n&apos;est pas lisible</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>%1() missing 1 required positional argument: %2</source>
        <translation>%1() attend encore 1 argument positionnel obligatoire&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1() argument %2: %3</source>
        <translation>%1(), argument %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>%1() got an unexpected keyword argument %2</source>
        <translation>%1() a reçu un argument nommé inattendu %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1() got multiple values for argument %2</source>
        <translation>%1() a reçu plusieurs valeurs pour l&apos;argument %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/agent/manager.cpp" line="+118"/>
        <source>The factory of &quot;%1&quot; returned no agent</source>
        <translation>La fabrique de «&#xa0;%1&#xa0;» n&apos;a renvoyé aucun agent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The factory of &quot;%1&quot; created its agent in another container</source>
        <translation>La fabrique de «&#xa0;%1&#xa0;» a créé son agent dans un autre conteneur</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>set_time() needs an external clock, but %1 runs on a %2</source>
        <translation>set_time() nécessite une horloge externe, mais l&apos;horloge de %1 est %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/agent/subprocess.cpp" line="+71"/>
        <source>sub-process container %1 (pid %2)</source>
        <translation>conteneur en sous-processus %1 (pid %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+317"/>
        <source>sub-process container %1</source>
        <translation>conteneur en sous-processus %1</translation>
    </message>
    <message>
        <location line="-272"/>
        <source>No mas executable found for sub-process containers (set MAS_EXECUTABLE)</source>
        <translation>Aucun exécutable mas trouvé pour les conteneurs en sous-processus (définissez MAS_EXECUTABLE)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot start sub-process container %1 (%2): %3</source>
        <translation>Impossible de démarrer le conteneur en sous-processus %1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 did not print its address within %2 ms</source>
        <translation>%1 n&apos;a pas affiché son adresse dans les %2 ms</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 printed no address line but %2 bytes</source>
        <translation>%1 n&apos;a affiché aucune ligne d&apos;adresse, seulement %2 octets</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>exited with code %1</source>
        <translation>s&apos;est terminé avec le code %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>was killed or crashed</source>
        <translation>a été tué ou a planté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sub-process container %1 %2 before it printed its address (see its messages above)</source>
        <translation>le conteneur en sous-processus %1 %2 avant d&apos;avoir affiché son adresse (voir ses messages ci-dessus)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sub-process container %1 at %2 %3 unexpectedly</source>
        <translation>le conteneur en sous-processus %1 à l&apos;adresse %2 %3 de façon inattendue</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+61"/>
        <location line="+19"/>
        <location line="+81"/>
        <source>The sub-process containers were destroyed</source>
        <translation>Les conteneurs en sous-processus ont été détruits</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Sub-process containers need a container to reach them</source>
        <translation>Les conteneurs en sous-processus ont besoin d&apos;un conteneur pour les joindre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sub-process containers use no TLS and no extra serializers; %1 does</source>
        <translation>Les conteneurs en sous-processus n&apos;utilisent ni TLS ni sérialiseurs supplémentaires&#xa0;; %1 en utilise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot start %1 sub-process containers</source>
        <translation>Impossible de démarrer %1 conteneurs en sous-processus</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The sub-process containers or their container were destroyed</source>
        <translation>Les conteneurs en sous-processus ou leur conteneur ont été détruits</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Agent 0 at %1 is a %2, not a Manager</source>
        <translation>L&apos;agent 0 à l&apos;adresse %1 est un %2, et non un Manager</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>There is no sub-process container %1</source>
        <translation>Il n&apos;y a pas de conteneur en sous-processus %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: spawn() answered %2, not [agent, url]</source>
        <translation>%1&#xa0;: spawn() a répondu %2, et non [agent, url]</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/sockettransport.cpp" line="+50"/>
        <source>%1 is not a directory. An agent on a Unix socket is written ipc://[SOCKET PATH]/AGENT ID, e.g. ipc://[%1]/%2</source>
        <translation>%1 n&apos;est pas un dossier. Un agent sur un socket Unix s&apos;écrit ipc://[CHEMIN DU SOCKET]/ID DE L&apos;AGENT, par ex. ipc://[%1]/%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>TLS is not available (no TLS backend could be loaded)</source>
        <translation>TLS n&apos;est pas disponible (aucun moteur TLS n&apos;a pu être chargé)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read a CA certificate from &quot;%1&quot;</source>
        <translation>Impossible de lire un certificat d&apos;AC depuis «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read a certificate from &quot;%1&quot;</source>
        <translation>Impossible de lire un certificat depuis «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read the private key &quot;%1&quot;</source>
        <translation>Impossible de lire la clé privée «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; holds no usable private key</source>
        <translation>«&#xa0;%1&#xa0;» ne contient aucune clé privée utilisable</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connection to %1 refused</source>
        <translation>Connexion à %1 refusée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host of %1 not found</source>
        <translation>Hôte de %1 introuvable</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+65"/>
        <source>Connecting to %1 timed out</source>
        <translation>Délai dépassé lors de la connexion à %1</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>Échec de la négociation TLS avec %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 closed the connection while connecting</source>
        <translation>%1 a fermé la connexion pendant son établissement</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+71"/>
        <source>Cannot connect to %1: %2</source>
        <translation>Impossible de se connecter à %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>TLS verification of %1 failed: %2</source>
        <translation>Échec de la vérification TLS de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The TLS handshake with %1 did not finish within %2 ms</source>
        <translation>La négociation TLS avec %1 ne s&apos;est pas terminée dans les %2 ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 closed the connection during the TLS handshake (its log says why: no TLS there, our certificate refused, or too many connections)</source>
        <translation>%1 a fermé la connexion pendant la négociation TLS (son journal en donne la raison&#xa0;: pas de TLS de ce côté, notre certificat refusé ou trop de connexions)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cannot connect to &quot;%1&quot;: only tcp:// and ipc:// addresses</source>
        <translation>Impossible de se connecter à « %1 » : seulement des adresses tcp:// et ipc://</translation>
    </message>
    <message>
        <location filename="../libmas/mas/channel/connection.cpp" line="+42"/>
        <location filename="../libmas/mas/transport/sockettransport.cpp" line="-111"/>
        <source>No address to connect to</source>
        <translation>Aucune adresse à laquelle se connecter</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/sockettransport.cpp" line="-26"/>
        <location filename="../libmas/mas/transport/streamsocket.cpp" line="+133"/>
        <source>TLS failed on the connection to %1: %2</source>
        <translation>Échec TLS sur la connexion à %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection reset by peer %1 right after connecting</source>
        <translation>Connexion réinitialisée par le pair %1 juste après son établissement</translation>
    </message>
    <message>
        <location filename="../libmas/mas/channel/connection.cpp" line="+36"/>
        <location line="+15"/>
        <source>The clock was destroyed while connecting to %1</source>
        <translation>L&apos;horloge a été détruite pendant la connexion à %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>connect to %1 again</source>
        <translation>se reconnecter à %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Refused a connection from %1: it has %2 connections to the server on %3, the limit per peer (maxConnectionsPerPeer)</source>
        <translation>Connexion de %1 refusée&#xa0;: ce pair a %2 connexions au serveur sur %3, soit la limite par pair (maxConnectionsPerPeer)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refused a connection from %1: the server on %2 has %3 connections, the limit (maxConnections)</source>
        <translation>Connexion de %1 refusée&#xa0;: le serveur sur %2 a %3 connexions, soit la limite (maxConnections)</translation>
    </message>
    <message>
        <location filename="../libmas/mas/channel/request.cpp" line="+59"/>
        <source>This request was never received</source>
        <translation>Cette requête n&apos;a jamais été reçue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was already answered</source>
        <translation>La requête a déjà reçu une réponse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection closed before the request was answered</source>
        <translation>La connexion s&apos;est fermée avant que la requête ait reçu une réponse</translation>
    </message>
    <message>
        <location filename="../libmas/mas/clock/clock.cpp" line="+376"/>
        <source>A clock time must be a number, not NaN</source>
        <translation>Le temps d&apos;une horloge doit être un nombre, et non NaN</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>The clock of this deadline was destroyed</source>
        <translation>L&apos;horloge de cette échéance a été détruite</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/dateserializer.cpp" line="+40"/>
        <source>&quot;%1&quot; is not an ISO 8601 date</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une date ISO 8601</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;%1&quot; is not an ISO 8601 date: the UTC offset %2 is out of range (at most 23:59 either way)</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une date ISO 8601&#xa0;: le décalage UTC %2 est hors limites (au plus 23:59 dans un sens ou dans l&apos;autre)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A date must be sent as text, got %1</source>
        <translation>Une date doit être envoyée sous forme de texte, reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../libmas/mas/observe/taprelay.cpp" line="+199"/>
        <source>Cannot connect to %1 for %2: %3</source>
        <translation>Impossible de se connecter à %1 pour %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Connecting to %1 for %2 timed out after %3 ms</source>
        <translation>Délai dépassé lors de la connexion à %1 pour %2 après %3 ms</translation>
    </message>
    <message>
        <location line="+348"/>
        <source>A tap relay listens on tcp:// or ipc:// addresses, not &quot;%1&quot;</source>
        <translation>Un relais d&apos;interception écoute sur des adresses tcp:// ou ipc://, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A tap relay relays to tcp:// or ipc:// addresses, not &quot;%1&quot;</source>
        <translation>Un relais d&apos;interception relaie vers des adresses tcp:// ou ipc://, et non «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/framing.cpp" line="+17"/>
        <source>Serialized message is too long: %1 bytes, the limit is 2^32 - 1</source>
        <translation>Message sérialisé trop long&#xa0;: %1 octets, la limite est de 2^32 - 1</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Frame of %1 bytes exceeds the maximum frame size of %2 bytes</source>
        <translation>Une trame de %1 octets dépasse la taille de trame maximale de %2 octets</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The connection ended inside a frame header (%1 of 4 bytes)</source>
        <translation>La connexion s&apos;est terminée au milieu d&apos;un en-tête de trame (%1 octets sur 4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection ended inside a frame (%1 of %2 payload bytes)</source>
        <translation>La connexion s&apos;est terminée au milieu d&apos;une trame (%1 octets de charge utile sur %2)</translation>
    </message>
    <message>
        <location filename="../libmas/mas/agent/agenturl.cpp" line="+16"/>
        <source>Cannot parse agent URL &quot;%1&quot;: %2</source>
        <translation>Impossible d&apos;analyser l&apos;URL d&apos;agent «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected ipc://[socket path]/agent id</source>
        <translation>ipc://[socket path]/agent id attendu</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../libmas/mas/transport/address.cpp" line="+40"/>
        <source>the socket path is missing</source>
        <translation>le chemin du socket est manquant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the agent id is missing</source>
        <translation>l&apos;identifiant de l&apos;agent est manquant</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>the agent id is missing (expected tcp://host:port/agent id)</source>
        <translation>l&apos;identifiant de l&apos;agent est manquant (tcp://host:port/agent id attendu)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected tcp://host:port/agent id</source>
        <translation>tcp://host:port/agent id attendu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not host:port</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas de la forme hôte:port</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected local://queue id/agent id</source>
        <translation>local://queue id/agent id attendu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the agent id is missing (expected local://queue id/agent id)</source>
        <translation>l&apos;identifiant de l&apos;agent est manquant (local://queue id/agent id attendu)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown scheme (expected tcp://, ipc:// or local://)</source>
        <translation>schéma inconnu (tcp://, ipc:// ou local:// attendu)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot parse agent URL &quot;%1&quot;: expected ipc://[path]/AID</source>
        <translation>Impossible d&apos;analyser l&apos;URL d&apos;agent «&#xa0;%1&#xa0;»&#xa0;: ipc://[path]/AID attendu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot parse agent URL &quot;%1&quot;: the agent id may not contain &quot;/&quot;</source>
        <translation>Impossible d&apos;analyser l&apos;URL d&apos;agent «&#xa0;%1&#xa0;»&#xa0;: l&apos;identifiant de l&apos;agent ne peut pas contenir «&#xa0;/&#xa0;»</translation>
    </message>
    <message>
        <location filename="../libmas/mas/agent/container.cpp" line="+148"/>
        <source>The container was destroyed while connecting</source>
        <translation>Le conteneur a été détruit pendant la connexion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is shut down</source>
        <translation>%1 est arrêté</translation>
    </message>
    <message>
        <location filename="../libmas/mas/channel/channel.cpp" line="+83"/>
        <source>The timeout %1 must not be negative (it is %2 ms)</source>
        <translation>Le délai %1 ne doit pas être négatif (il vaut %2 ms)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The timeout %1 is too large: %2 ms (at most %3 ms)</source>
        <translation>Le délai %1 est trop grand : %2 ms (au plus %3 ms)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The limit %1 must not be negative (it is %2)</source>
        <translation>La limite %1 ne doit pas être négative (elle vaut %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The timeouts should run on a given clock (TimeoutClock::GivenClock), but no clock was given</source>
        <translation>Les délais doivent suivre une horloge donnée (TimeoutClock::GivenClock), mais aucune horloge n’a été donnée</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Unknown limit &quot;%1&quot;</source>
        <translation>Limite inconnue « %1 »</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No codec to decode the frame with</source>
        <translation>Aucun codec pour décoder la trame</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>The clock of the connection to %1 was destroyed</source>
        <translation>L&apos;horloge de la connexion à %1 a été détruite</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>a frame it is sending</source>
        <translation>une trame que le pair envoie</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 speaks TLS, but this connection does not use TLS</source>
        <translation>%1 parle TLS, mais cette connexion n&apos;utilise pas TLS</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Received a bad frame</source>
        <translation>Trame incorrecte reçue</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+312"/>
        <source>frame timeout of the connection to %1</source>
        <translation>délai de trame de la connexion à %1</translation>
    </message>
    <message>
        <location line="-270"/>
        <source>Received an invalid message</source>
        <translation>Message non valide reçu</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Received a reply to unknown request id %1</source>
        <translation>Réponse reçue à un identifiant de requête inconnu %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a message to it</source>
        <translation>un message destiné au pair</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Too many pending requests: %1 requests on this connection are not answered yet (the limit is %2); request %3 was refused</source>
        <translation>Trop de requêtes en attente&#xa0;: %1 requêtes sur cette connexion n&apos;ont pas encore de réponse (la limite est de %2)&#xa0;; la requête %3 a été refusée</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>idle timeout of the connection to %1</source>
        <translation>délai d&apos;inactivité de la connexion à %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was sent to or received from %1 for %2 ms (idle timeout)</source>
        <translation>Rien n&apos;a été échangé avec %1 pendant %2 ms (délai d&apos;inactivité dépassé)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 more bytes for %2 would take the server&apos;s buffered bytes over its memory budget of %3 bytes (memoryBudget): %4 are in use by all its connections, %5 by this one</source>
        <translation>%1 octets de plus pour %2 feraient dépasser aux octets mis en mémoire tampon par le serveur son budget mémoire de %3 octets (memoryBudget)&#xa0;: %4 sont utilisés par l&apos;ensemble de ses connexions, %5 par celle-ci</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>minimum frame rate of the connection to %1</source>
        <translation>débit minimal de trame de la connexion à %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 sent %2 bytes of a frame in %3 ms, less than the minimum rate of %4 bytes/s (minFrameByteRate)</source>
        <translation>%1 a envoyé %2 octets d&apos;une trame en %3 ms, moins que le débit minimal de %4 octets/s (minFrameByteRate)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 of the 4 bytes of a frame header</source>
        <translation>%1 des 4 octets d&apos;un en-tête de trame</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes of a frame</source>
        <translation>%1 octets d&apos;une trame</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 sent %2 and then nothing more for %3 ms (frame timeout)</source>
        <translation>%1 a envoyé %2, puis plus rien pendant %3 ms (délai de trame dépassé)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connection closed</source>
        <translation>Connexion fermée</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Connection reset by peer %1</source>
        <translation>Connexion réinitialisée par le pair %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>No reply from %1 to request %2 in time</source>
        <translation>Pas de réponse à temps de %1 à la requête %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/codec.cpp" line="+138"/>
        <source>Unknown codec &quot;%1&quot; (known: %2)</source>
        <translation>Codec «&#xa0;%1&#xa0;» inconnu (codecs connus&#xa0;: %2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A codec named &quot;%1&quot; is already registered</source>
        <translation>Un codec nommé «&#xa0;%1&#xa0;» est déjà enregistré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A codec needs a name and a factory</source>
        <translation>Un codec a besoin d&apos;un nom et d&apos;une fabrique</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/codecfailure_p.h" line="+26"/>
        <source>The value nests deeper than %1 levels</source>
        <translation>La valeur est imbriquée sur plus de %1 niveaux</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/jsoncodec.cpp" line="+185"/>
        <location filename="../libmas/mas/codec/msgpackcodec.cpp" line="+158"/>
        <location filename="../libmas/mas/codec/serializerregistry.cpp" line="+109"/>
        <source>No serializer found for type &quot;%1&quot;</source>
        <translation>Aucun sérialiseur trouvé pour le type «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>JSON keys must be str, int, float, bool or None, not %1</source>
        <translation>Les clés JSON doivent être de type str, int, float, bool ou None, et non %1</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>extra data after the value</source>
        <translation>données en trop après la valeur</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Invalid JSON at byte %1: %2</source>
        <translation>JSON non valide à l&apos;octet %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../libmas/mas/codec/msgpackcodec.cpp" line="+165"/>
        <source>The payload holds more than %1 elements</source>
        <translation>La charge utile contient plus de %1 éléments</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected end of data, expected a value</source>
        <translation>fin de données inattendue, valeur attendue</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>caractère inattendu &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+55"/>
        <location filename="../libmas/mas/codec/msgpackcodec.cpp" line="+37"/>
        <source>The payload nests deeper than %1 levels</source>
        <translation>La charge utile est imbriquée sur plus de %1 niveaux</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>unexpected end of data in a list</source>
        <translation>fin de données inattendue dans une liste</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>&apos;,&apos; ou &apos;]&apos; attendu</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>expected a string key</source>
        <translation>clé de type chaîne attendue</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected &apos;:&apos; after a key</source>
        <translation>&apos;:&apos; attendu après une clé</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>unexpected end of data in an object</source>
        <translation>fin de données inattendue dans un objet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>&apos;,&apos; ou &apos;}&apos; attendu</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+22"/>
        <source>unterminated string</source>
        <translation>chaîne non terminée</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>invalid control character in a string</source>
        <translation>caractère de contrôle non valide dans une chaîne</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>invalid UTF-8</source>
        <translation>UTF-8 non valide</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>truncated \u escape</source>
        <translation>séquence d&apos;échappement \u tronquée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>invalid \u escape</source>
        <translation>séquence d&apos;échappement \u non valide</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid escape</source>
        <translation>séquence d&apos;échappement non valide</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+18"/>
        <location line="+12"/>
        <location line="+15"/>
        <source>invalid number</source>
        <translation>nombre non valide</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/message.cpp" line="+17"/>
        <source>A message must be a list of three items [type, id, content], got %1</source>
        <translation>Un message doit être une liste de trois éléments [type, id, content], reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown message type %1 (expected 0, 1 or 2)</source>
        <translation>Type de message %1 inconnu (0, 1 ou 2 attendu)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invalid message id %1 (expected a non-negative integer)</source>
        <translation>Identifiant de message %1 non valide (entier positif ou nul attendu)</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/msgpackblosccodec.cpp" line="+22"/>
        <source>The message is too large for blosc (%1 bytes)</source>
        <translation>Le message est trop grand pour blosc (%1 octets)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>blosc could not compress the message (code %1)</source>
        <translation>blosc n&apos;a pas pu compresser le message (code %1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Invalid blosc frame: %1 bytes is shorter than the 16-byte header</source>
        <translation>Trame blosc non valide&#xa0;: %1 octets, c&apos;est moins que l&apos;en-tête de 16 octets</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Invalid blosc frame: the header does not match the %1 bytes received</source>
        <translation>Trame blosc non valide&#xa0;: l&apos;en-tête ne correspond pas aux %1 octets reçus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid blosc frame: it would decompress to %1 bytes, more than the limit of %2</source>
        <translation>Trame blosc non valide&#xa0;: elle se décompresserait en %1 octets, au-delà de la limite de %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invalid blosc frame: %1 bytes would decompress to %2 bytes, more than %3 times as many (maxDecompressionRatio)</source>
        <translation>Trame blosc non valide&#xa0;: %1 octets se décompresseraient en %2 octets, soit plus de %3 fois plus (maxDecompressionRatio)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid blosc frame: decompression failed (code %1)</source>
        <translation>Trame blosc non valide&#xa0;: échec de la décompression (code %1)</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/msgpackcodec.cpp" line="-275"/>
        <source>The integer %1 does not fit into 64 bits, which MsgPack cannot encode</source>
        <translation>L&apos;entier %1 ne tient pas sur 64 bits, ce que MsgPack ne peut pas encoder</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The text %1 holds a lone UTF-16 surrogate, which MsgPack (UTF-8) cannot encode</source>
        <translation>Le texte %1 contient un demi-codet UTF-16 isolé, que MsgPack (UTF-8) ne peut pas encoder</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>A string, bytes, list or map is too long for MsgPack (over 2^32 - 1)</source>
        <translation>Une chaîne, des octets, une liste ou une table est trop longue pour MsgPack (plus de 2^32 - 1)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Invalid MsgPack: a str holds invalid UTF-8 (byte %1 of the string)</source>
        <translation>MsgPack non valide&#xa0;: une str contient de l&apos;UTF-8 non valide (octet %1 de la chaîne)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Invalid MsgPack: ext types are not used by aiomas and not supported</source>
        <translation>MsgPack non valide&#xa0;: les types ext ne sont pas utilisés par aiomas et ne sont pas pris en charge</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Invalid MsgPack at byte %1: not a valid type byte</source>
        <translation>MsgPack non valide à l&apos;octet %1&#xa0;: octet de type non valide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid MsgPack: the data ends in the middle of a value</source>
        <translation>MsgPack non valide&#xa0;: les données se terminent au milieu d&apos;une valeur</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Invalid MsgPack: no data</source>
        <translation>MsgPack non valide&#xa0;: aucune donnée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invalid MsgPack data</source>
        <translation>Données MsgPack non valides</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Invalid MsgPack: %1 extra bytes after the value</source>
        <translation>MsgPack non valide&#xa0;: %1 octets en trop après la valeur</translation>
    </message>
    <message>
        <location filename="../libmas/mas/codec/serializerregistry.cpp" line="-58"/>
        <location line="+16"/>
        <source>There is already a serializer for type &quot;%1&quot;</source>
        <translation>Il existe déjà un sérialiseur pour le type «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>There is no type id %1</source>
        <translation>Il n&apos;y a pas d&apos;identifiant de type %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is already a fallback serializer (&quot;%1&quot;)</source>
        <translation>Il existe déjà un sérialiseur de repli («&#xa0;%1&#xa0;»)</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+4"/>
        <source>Could not serialize object of type &quot;%1&quot;: %2</source>
        <translation>Impossible de sérialiser l&apos;objet de type «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not serialize object of type &quot;%1&quot;</source>
        <translation>Impossible de sérialiser l&apos;objet de type «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown type id %1 in a &quot;__type__&quot; tag (%2 serializers registered)</source>
        <translation>Identifiant de type %1 inconnu dans une étiquette &quot;__type__&quot; (%2 sérialiseurs enregistrés)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Could not deserialize &quot;%1&quot; (type id %2): %3</source>
        <translation>Impossible de désérialiser «&#xa0;%1&#xa0;» (identifiant de type %2)&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not deserialize &quot;%1&quot; (type id %2)</source>
        <translation>Impossible de désérialiser «&#xa0;%1&#xa0;» (identifiant de type %2)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Malformed &quot;__type__&quot; tag (expected [type id, value]): %1</source>
        <translation>Étiquette &quot;__type__&quot; mal formée ([type id, value] attendu)&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../libmas/mas/core/error.cpp" line="+29"/>
        <source>The peer reported a failure</source>
        <translation>Le pair a signalé un échec</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>No result: a default-constructed mas::Result</source>
        <translation>Aucun résultat : un mas::Result construit par défaut</translation>
    </message>
    <message>
        <location filename="../libmas/mas/core/value.cpp" line="+326"/>
        <source>expected %1, got %2 (%3)</source>
        <translation>attendu&#xa0;: %1, reçu&#xa0;: %2 (%3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is out of range for the expected %2</source>
        <translation>%1 est hors de la plage du type attendu %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/core/valueconvert.h" line="+391"/>
        <source>expected a list of %1 items, got %2</source>
        <translation>liste de %1 éléments attendue, reçu&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/trace/trafficlog.cpp" line="+503"/>
        <source>An event must be a JSON object</source>
        <translation>Un événement doit être un objet JSON</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown event kind &quot;%1&quot;</source>
        <translation>Type d&apos;événement «&#xa0;%1&#xa0;» inconnu</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cannot write the event log: %1</source>
        <translation>Impossible d&apos;écrire le journal d&apos;événements&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/rpc/rpcclient.cpp" line="+42"/>
        <source>The reply of %1</source>
        <translation>La réponse de %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The RPC connection is gone</source>
        <translation>La connexion RPC n&apos;existe plus</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/address.cpp" line="-5"/>
        <source>Cannot parse address &quot;%1&quot;: %2</source>
        <translation>Impossible d&apos;analyser l&apos;adresse «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected local://queue id</source>
        <translation>local://queue id attendu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected tcp://host:port, ipc://path or local://queue id</source>
        <translation>tcp://host:port, ipc://path ou local://queue id attendu</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>an IPv6 host must be written as [host]:port</source>
        <translation>un hôte IPv6 doit s&apos;écrire [hôte]:port</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the port is missing</source>
        <translation>le port est manquant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an IPv6 host must be written in brackets</source>
        <translation>un hôte IPv6 doit s&apos;écrire entre crochets</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the host is missing</source>
        <translation>l&apos;hôte est manquant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a port number</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un numéro de port</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/localnetwork.cpp" line="+45"/>
        <source>Only a tcp:// or ipc:// address can stand for a local queue, not &quot;%1&quot;</source>
        <translation>Seule une adresse tcp:// ou ipc:// peut représenter une file locale, et non &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No message %1 is pending</source>
        <translation>Aucun message %1 n&apos;est en attente</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/localrecorder.cpp" line="+40"/>
        <source>Not a [type, id, content] message</source>
        <translation>Ce n&apos;est pas un message [type, id, content]</translation>
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
        <translation>Utilisation&#xa0;: mas COMMANDE [OPTIONS]

Commandes&#xa0;:
  call     appeler une méthode d&apos;un service RPC ou d&apos;un agent aiomas
  host     exécuter un conteneur d&apos;agents sans affichage
  subproc  exécuter un conteneur en sous-processus (aiomas subproc&#xa0;: un Manager comme agent 0)
  explore  chercher un ordre de délivrance d&apos;une démo qui viole un invariant
  new      créer un greffon pour vos propres agents (un projet CMake)

Lancez «&#xa0;mas COMMANDE --help&#xa0;» pour connaître les options d&apos;une commande.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  run      step Python asyncio programs without a display (--python PROGRAM.py)</source>
        <translation>  run      exécuter pas à pas des programmes Python asyncio sans affichage (--python PROGRAM.py)</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/socketpath.cpp" line="+79"/>
        <source>Cannot listen on %1: another process serves this socket</source>
        <translation>Impossible d&apos;écouter sur %1&#xa0;: un autre processus sert ce socket</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot listen on %1: &quot;%2&quot; exists and is not a socket</source>
        <translation>Impossible d&apos;écouter sur %1 : « %2 » existe et n&apos;est pas un socket</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot listen on %1: the stale socket file &quot;%2&quot; cannot be removed: %3</source>
        <translation>Impossible d&apos;écouter sur %1 : le fichier de socket périmé « %2 » ne peut pas être supprimé : %3</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/streamsocket.cpp" line="-8"/>
        <location line="+11"/>
        <location line="+69"/>
        <source>The connection to %1 failed: %2</source>
        <translation>La connexion à %1 a échoué : %2</translation>
    </message>
    <message>
        <location filename="../ui/session/inspectorsession.cpp" line="+658"/>
        <location filename="../libmas/mas/trace/messagelabel.cpp" line="+275"/>
        <source>close</source>
        <translation>fermeture</translation>
    </message>
    <message>
        <location filename="../libmas/mas/system/systemagent.cpp" line="+143"/>
        <location line="+1"/>
        <source>agent %1</source>
        <translation>agent %1</translation>
    </message>
    <message>
        <location filename="../libmas/mas/trace/messagelabel.cpp" line="-53"/>
        <source>request</source>
        <translation>requête</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>failure</source>
        <translation>échec</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>raw bytes (%n byte(s))</source>
        <translation>
            <numerusform>octets bruts (%n octet)</numerusform>
            <numerusform>octets bruts (%n octets)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>raw bytes: %1</source>
        <translation>octets bruts&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>end of stream</source>
        <translation>fin du flux</translation>
    </message>
    <message>
        <location filename="../libmas/mas/trace/runcompare.cpp" line="+191"/>
        <source>moved the clock to %1</source>
        <translation>avance de l&apos;horloge à %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>delivered %1</source>
        <translation>délivrance de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dropped %1</source>
        <translation>suppression de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicated %1</source>
        <translation>duplication de %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>delayed %1 by %n place(s)</source>
        <translation>
            <numerusform>retard de %1 de %n place</numerusform>
            <numerusform>retard de %1 de %n places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>The runs make the same %n choice(s).</source>
        <translation>
            <numerusform>Les exécutions font le même choix (%n).</numerusform>
            <numerusform>Les exécutions font les mêmes %n choix.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The runs diverge at choice %1 (of %2 in run A, %3 in run B):</source>
        <translation>Les exécutions divergent au choix %1 (sur %2 dans l&apos;exécution A, %3 dans l&apos;exécution B)&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  run A %1 (event %2)</source>
        <translation>  exécution A&#xa0;: %1 (événement %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run A makes no more choices</source>
        <translation>  l&apos;exécution A ne fait plus de choix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run B %1 (event %2)</source>
        <translation>  exécution B&#xa0;: %1 (événement %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run B makes no more choices</source>
        <translation>  l&apos;exécution B ne fait plus de choix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  run B makes run A&apos;s choice later (event %1)</source>
        <translation>  l&apos;exécution B fait le choix de l&apos;exécution A plus tard (événement %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run B never makes run A&apos;s choice</source>
        <translation>  l&apos;exécution B ne fait jamais le choix de l&apos;exécution A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run A makes run B&apos;s choice later (event %1)</source>
        <translation>  l&apos;exécution A fait le choix de l&apos;exécution B plus tard (événement %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  run A never makes run B&apos;s choice</source>
        <translation>  l&apos;exécution A ne fait jamais le choix de l&apos;exécution B</translation>
    </message>
</context>
<context>
    <name>mas::AttachSession</name>
    <message>
        <location filename="../libmas/mas/observe/attachsession.cpp" line="+35"/>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watching %1</source>
        <translation>Observation de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to %1 (no traffic monitor: only your calls are shown)</source>
        <translation>Connecté à %1 (pas de moniteur de trafic&#xa0;: seuls vos appels sont affichés)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected from %1: %2</source>
        <translation>Déconnecté de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not attached</source>
        <translation>Non attaché</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>clients of %1</source>
        <translation>clients de %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+18"/>
        <source>Detached while connecting</source>
        <translation>Détaché pendant la connexion</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The container closed the connection</source>
        <translation>Le conteneur a fermé la connexion</translation>
    </message>
</context>
<context>
    <name>mas::Channel</name>
    <message>
        <location filename="../libmas/mas/channel/channel.cpp" line="+48"/>
        <source>idle timeout of the connection to %1</source>
        <translation>délai d&apos;inactivité de la connexion à %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+48"/>
        <source>The channel was destroyed</source>
        <translation>Le canal a été détruit</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>%1 did not read what was sent to it for %2 ms; the request was not sent</source>
        <translation>%1 n&apos;a pas lu ce qui lui a été envoyé pendant %2 ms&#xa0;; la requête n&apos;a pas été envoyée</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Too many pending requests: %1 requests to %2 wait for their replies (the limit is %3)</source>
        <translation>Trop de requêtes en attente&#xa0;: %1 requêtes vers %2 attendent leur réponse (la limite est de %3)</translation>
    </message>
    <message>
        <location line="-705"/>
        <source>reply to request %1 from %2 due</source>
        <translation>réponse à la requête %1 de %2 attendue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reply to request %1 (%2) from %3 due</source>
        <translation>réponse à la requête %1 (%2) de %3 attendue</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Cannot set the deadline of request %1</source>
        <translation>Impossible de fixer l&apos;échéance de la requête %1</translation>
    </message>
    <message>
        <location line="+779"/>
        <source>No request arrived within %1 ms</source>
        <translation>Aucune requête n&apos;est arrivée dans les %1 ms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a request from %1 due (recv)</source>
        <translation>une requête de %1 attendue (recv)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Connection closed</source>
        <translation>Connexion fermée</translation>
    </message>
</context>
<context>
    <name>mas::Clock</name>
    <message>
        <location filename="../libmas/mas/clock/clock.cpp" line="+114"/>
        <source>The clock was destroyed while a coroutine slept on it</source>
        <translation>L&apos;horloge a été détruite pendant qu&apos;une coroutine dormait dessus</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Date &quot;%1&quot; is in the past</source>
        <translation>La date «&#xa0;%1&#xa0;» est dans le passé</translation>
    </message>
</context>
<context>
    <name>mas::Container</name>
    <message>
        <location filename="../libmas/mas/agent/container.cpp" line="+137"/>
        <source>Cannot parse address &quot;%1&quot;: expected ipc://[socket path]/</source>
        <translation>Impossible d&apos;analyser l&apos;adresse «&#xa0;%1&#xa0;»&#xa0;: ipc://[socket path]/ attendu</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>%1 is shut down</source>
        <translation>%1 est arrêté</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The container was destroyed while connecting</source>
        <translation>Le conteneur a été détruit pendant la connexion</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The connection to %1 closed</source>
        <translation>La connexion à %1 s&apos;est fermée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent &quot;%1&quot; does not exist in Container(%2)</source>
        <translation>L&apos;agent «&#xa0;%1&#xa0;» n&apos;existe pas dans Container(%2)</translation>
    </message>
</context>
<context>
    <name>mas::ExternalClock</name>
    <message>
        <location filename="../libmas/mas/clock/clock.cpp" line="+227"/>
        <source>Time must be &gt; %1 but is %2</source>
        <translation>Le temps doit être &gt; %1, mais vaut %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No timer is pending</source>
        <translation>Aucun minuteur n&apos;est en attente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delay must be &gt; 0 but is %1</source>
        <translation>Le délai doit être &gt; 0, mais vaut %1</translation>
    </message>
</context>
<context>
    <name>mas::Listener</name>
    <message>
        <location filename="../libmas/mas/transport/sockettransport.cpp" line="+278"/>
        <source>Only a Unix socket can be restored</source>
        <translation>Seul un socket Unix peut être restauré</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cannot listen on ipc://%1: the path is longer than %2 bytes</source>
        <translation>Impossible d&apos;écouter sur ipc://%1&#xa0;: le chemin dépasse %2 octets</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+11"/>
        <source>Cannot listen on ipc://%1: %2</source>
        <translation>Impossible d&apos;écouter sur ipc://%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>mas::LocalNetwork</name>
    <message>
        <location filename="../libmas/mas/transport/localnetwork.cpp" line="+319"/>
        <source>Nothing is pending</source>
        <translation>Rien n&apos;est en attente</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Invalid queue id &quot;%1&quot;</source>
        <translation>Identifiant de file «&#xa0;%1&#xa0;» non valide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 already stands for local://%2</source>
        <translation>%1 représente déjà local://%2</translation>
    </message>
    <message>
        <location filename="../libmas/mas/transport/localreplay.cpp" line="+36"/>
        <location line="+47"/>
        <source>The recording moves a clock, but the queue has none</source>
        <translation>L&apos;enregistrement fait avancer une horloge, mais la file n&apos;en a pas</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Event %1 is not an action that can be done again</source>
        <translation>L&apos;événement %1 n&apos;est pas une action que l&apos;on peut refaire</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>The replay was cancelled after %n action(s)</source>
        <translation>
            <numerusform>Le rejeu a été annulé après %n action</numerusform>
            <numerusform>Le rejeu a été annulé après %n actions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+8"/>
        <location line="+27"/>
        <source>The replay stopped at event %1: no answer</source>
        <translation>Le rejeu s&apos;est arrêté à l&apos;événement %1&#xa0;: pas de réponse</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+8"/>
        <location line="+19"/>
        <source>The queue was destroyed during the replay</source>
        <translation>La file a été détruite pendant le rejeu</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The replay diverged at event %1: message %2 never became pending</source>
        <translation>Le rejeu a divergé à l&apos;événement %1&#xa0;: le message %2 n&apos;a jamais été mis en attente</translation>
    </message>
</context>
<context>
    <name>mas::LocalQueue</name>
    <message>
        <location filename="../libmas/mas/transport/localqueue.cpp" line="+67"/>
        <source>LocalQueue(&apos;%1&apos;) already has a server</source>
        <translation>LocalQueue(&apos;%1&apos;) a déjà un serveur</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot connect to local://%1: no container serves this queue</source>
        <translation>Impossible de se connecter à local://%1&#xa0;: aucun conteneur ne sert cette file</translation>
    </message>
</context>
<context>
    <name>mas::MonitorService</name>
    <message>
        <location filename="../libmas/mas/observe/monitorservice.cpp" line="+76"/>
        <source>The monitor was removed</source>
        <translation>Le moniteur a été retiré</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>TypeError: events() takes an integer since and max and a number wait</source>
        <translation>TypeError: events() attend des entiers since et max et un nombre wait</translation>
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
        <translation>Aucun simulateur mosaik n&apos;est hébergé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for mosaik on %1 (sim_config {&quot;connect&quot;: &quot;%1&quot;})</source>
        <translation>En attente de mosaik sur %1 (sim_config {&quot;connect&quot;: &quot;%1&quot;})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting to mosaik at %1…</source>
        <translation>Connexion à mosaik sur %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: mosaik (%2) is setting up the scenario</source>
        <translation>%1&#xa0;: mosaik (%2) met en place le scénario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: step %2 done, next step at %3</source>
        <translation>%1&#xa0;: pas %2 terminé, prochain pas à %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: at step %2</source>
        <translation>%1&#xa0;: au pas %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: held at step %2 (mosaik waits)</source>
        <translation>%1&#xa0;: suspendu au pas %2 (mosaik attend)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 ended: %2</source>
        <translation>%1 terminé&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 stopped by mosaik after %n step(s)</source>
        <translation>
            <numerusform>%1 arrêté par mosaik après %n pas</numerusform>
            <numerusform>%1 arrêté par mosaik après %n pas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::PythonHub</name>
    <message>
        <location filename="../libmas/mas/transport/pythonhub.cpp" line="+596"/>
        <source>Cannot create a directory for the Python hub: %1</source>
        <translation>Impossible de créer un dossier pour le hub Python&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Python hub cannot listen on %1: %2</source>
        <translation>Le hub Python ne peut pas écouter sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 did not start: %2</source>
        <translation>%1 n&apos;a pas démarré&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The Python hub was closed while waiting for its programs</source>
        <translation>Le hub Python a été fermé pendant qu&apos;il attendait ses programmes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(none: the hub still has messages for them)</source>
        <translation>(aucun&#xa0;: le hub a encore des messages pour eux)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No answer from the Python program(s) %1 within %2 s: blocked outside the event loop (time.sleep, a thread, a real socket) or hanging</source>
        <translation>Pas de réponse du ou des programmes Python %1 en %2 s&#xa0;: bloqués hors de la boucle d&apos;événements (time.sleep, un thread, un vrai socket) ou figés</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Time must be &gt;= %1 but is %2</source>
        <translation>Le temps doit être &gt;= %1, mais vaut %2</translation>
    </message>
</context>
<context>
    <name>mas::StreamServer</name>
    <message>
        <location filename="../libmas/mas/transport/sockettransport.cpp" line="+145"/>
        <location line="+5"/>
        <source>Cannot listen on %1: %2</source>
        <translation>Impossible d&apos;écouter sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Cannot listen on %1: the host must be an IP address or localhost</source>
        <translation>Impossible d&apos;écouter sur %1&#xa0;: l&apos;hôte doit être une adresse IP ou localhost</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>a local client</source>
        <translation>un client local</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a local client (user id %1, process %2)</source>
        <translation>un client local (identifiant utilisateur %1, processus %2)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>No address to listen on</source>
        <translation>Aucune adresse sur laquelle écouter</translation>
    </message>
</context>
<context>
    <name>mas::TlsServer</name>
    <message>
        <location line="-311"/>
        <source>A TLS connection from %1 failed: %2</source>
        <translation>Une connexion TLS depuis %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the peer closed the connection during the handshake</source>
        <translation>le pair a fermé la connexion pendant la négociation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the handshake did not finish within %1 ms</source>
        <translation>la négociation ne s&apos;est pas terminée dans les %1 ms</translation>
    </message>
</context>
<context>
    <name>mas::app</name>
    <message>
        <location filename="../app/pluginpaths.h" line="+47"/>
        <source>The plug-in directory &quot;%1&quot; does not exist</source>
        <translation>Le dossier de greffons «&#xa0;%1&#xa0;» n&apos;existe pas</translation>
    </message>
</context>
<context>
    <name>mas::demos</name>
    <message>
        <location filename="../examples/demos/mas/demos/pingpong.cpp" line="+261"/>
        <source>Ping-pong needs 1 to %1 rounds, not %2</source>
        <translation>Le ping-pong nécessite de 1 à %1 tours, et non %2</translation>
    </message>
    <message>
        <location filename="../examples/demos/mas/demos/twophasecommit.cpp" line="+413"/>
        <location line="+17"/>
        <source>Still uncertain: %1</source>
        <translation>Encore incertains : %1</translation>
    </message>
</context>
<context>
    <name>mas::demos::AgentTypes</name>
    <message>
        <location filename="../examples/demos/mas/demos/agenttypes.cpp" line="+150"/>
        <source>PingerAgent(): rounds must be at least 1, not %1</source>
        <translation>PingerAgent()&#xa0;: rounds doit valoir au moins 1, et non %1</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Only the initiator starts the echo (this EchoAgent was created with initiator=False)</source>
        <translation>Seul l&apos;initiateur lance l&apos;écho (cet EchoAgent a été créé avec initiator=False)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Answers ping(round, sender=None) with its answer, and with pong(round, own address) to the sender when there is one.</source>
        <translation>Répond à ping(round, sender=None) par sa réponse, et par pong(round, sa propre adresse) à l&apos;expéditeur s&apos;il y en a un.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pings the pongers at the given URLs for some rounds, one clock second apart, after start().</source>
        <translation>Envoie des pings aux pongers des URL données pendant un certain nombre de tours, à une seconde d&apos;horloge d&apos;intervalle, après start().</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A Contract Net contractor: bids a seeded cost for a call for proposals.</source>
        <translation>Un contractant Contract Net&#xa0;: propose un coût (dérivé de la graine) en réponse à un appel d&apos;offres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Contract Net manager: after start() awards its task to the lowest bid of the contractors at the given URLs.</source>
        <translation>Un gestionnaire Contract Net&#xa0;: après start(), attribue sa tâche à l&apos;offre la plus basse des contractants aux URL données.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A two-phase commit participant: votes yes or no (seeded) on PREPARE.</source>
        <translation>Un participant à une validation à deux phases&#xa0;: vote oui ou non (selon la graine) à la réception de PREPARE.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A two-phase commit coordinator: after start() asks the participants at the given URLs and commits or aborts.</source>
        <translation>Un coordinateur de validation à deux phases&#xa0;: après start(), interroge les participants aux URL données, puis valide ou annule.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A node of the echo (wave) algorithm; the initiator starts the wave with start().</source>
        <translation>Un nœud de l&apos;algorithme d&apos;écho (vague)&#xa0;; l&apos;initiateur lance la vague avec start().</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A node of the Chang-Roberts ring election; start() wakes it up.</source>
        <translation>Un nœud de l&apos;élection sur anneau de Chang-Roberts&#xa0;; start() le réveille.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Agent type &quot;%1&quot; is already registered</source>
        <translation>Le type d&apos;agent «&#xa0;%1&#xa0;» est déjà enregistré</translation>
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
        <translation>Un gestionnaire envoie un appel d&apos;offres à chaque contractant. Chacun propose un coût ou refuse&#xa0;; quand tous ont répondu, l&apos;offre la plus basse remporte le marché et les autres soumissionnaires reçoivent un refus. Le gagnant exécute la tâche et en rend compte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Call for proposals: the manager asks a contractor to bid for the task.</source>
        <translation>Appel d&apos;offres&#xa0;: le gestionnaire demande à un contractant de faire une offre pour la tâche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contractor&apos;s bid: what the task would cost it.</source>
        <translation>L&apos;offre d&apos;un contractant&#xa0;: ce que la tâche lui coûterait.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contractor will not bid for the task.</source>
        <translation>Un contractant ne fera pas d&apos;offre pour la tâche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The award: the lowest bidder is to perform the task.</source>
        <translation>L&apos;attribution&#xa0;: le moins-disant doit exécuter la tâche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The other bidders lost.</source>
        <translation>Les autres soumissionnaires ont perdu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The winner reports that the task is done.</source>
        <translation>Le gagnant signale que la tâche est réalisée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The acknowledgement of a message: it arrived.</source>
        <translation>L&apos;accusé de réception d&apos;un message&#xa0;: il est arrivé.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>the manager is gone</source>
        <translation>le gestionnaire a disparu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not started</source>
        <translation>pas commencé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>collecting bids: %1 of %2 contractors answered</source>
        <translation>collecte des offres&#xa0;: %1 contractants sur %2 ont répondu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>awarded %1 to %2 for %3; waiting for the report</source>
        <translation>%1 attribuée à %2 pour %3&#xa0;; en attente du compte rendu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 awarded to %2 for %3 (lowest of %4 bids) and done</source>
        <translation>%1 attribuée à %2 pour %3 (la plus basse de %4 offres) et réalisée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nobody bid for %1</source>
        <translation>personne n&apos;a fait d&apos;offre pour %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 awarded to %2, who could not be reached</source>
        <translation>%1 attribuée à %2, qui n&apos;a pas pu être joint</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>at most one contractor works</source>
        <translation>au plus un contractant travaille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only one contractor performs the task.</source>
        <translation>Un seul contractant exécute la tâche.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 all performed the task</source>
        <translation>%1 ont tous exécuté la tâche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only the winner works</source>
        <translation>seul le gagnant travaille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contractor performs the task only if the manager awarded it.</source>
        <translation>Un contractant n&apos;exécute la tâche que si le gestionnaire la lui a attribuée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 performed the task, but the manager did not award it to it</source>
        <translation>%1 a exécuté la tâche, mais le gestionnaire ne la lui a pas attribuée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the lowest bid wins</source>
        <translation>l&apos;offre la plus basse gagne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The award goes to the lowest bid the manager received.</source>
        <translation>Le marché revient à l&apos;offre la plus basse reçue par le gestionnaire.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 awarded the task for %2, but a lower bid had arrived</source>
        <translation>%1 a attribué la tâche pour %2, mais une offre plus basse était arrivée</translation>
    </message>
</context>
<context>
    <name>mas::demos::ContractorAgent</name>
    <message>
        <location line="-422"/>
        <source>contractor %1</source>
        <translation>contractant %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused</source>
        <translation>a refusé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bid %1</source>
        <translation>offre %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bid %1, rejected</source>
        <translation>offre %1, rejetée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bid %1, won and done</source>
        <translation>offre %1, retenue et tâche réalisée</translation>
    </message>
</context>
<context>
    <name>mas::demos::CoordinatorAgent</name>
    <message>
        <location filename="../examples/demos/mas/demos/twophasecommit.cpp" line="-287"/>
        <source>coordinator</source>
        <translation>coordinateur</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1/%2 votes, %3 yes</source>
        <translation>%1/%2 votes, %3 oui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>preparing %1, %2</source>
        <translation>préparation de %1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed %1, %2</source>
        <translation>%1 validée, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aborted %1, %2</source>
        <translation>%1 annulée, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed</source>
        <translation>en panne</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The coordinator has crashed</source>
        <translation>Le coordinateur est tombé en panne</translation>
    </message>
</context>
<context>
    <name>mas::demos::Echo</name>
    <message>
        <location filename="../examples/demos/mas/demos/echo.cpp" line="+112"/>
        <source>Echo (wave) algorithm</source>
        <translation>Algorithme d&apos;écho (vague)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The initiator sends a token to its neighbours on a connected graph. A node adopts the sender of its first token as its parent and passes the token on to its other neighbours; once it has a token from every neighbour it echoes to its parent. When every neighbour of the initiator has answered, it decides: the parents form a spanning tree.</source>
        <translation>L&apos;initiateur envoie un jeton à ses voisins dans un graphe connexe. Un nœud adopte l&apos;expéditeur de son premier jeton comme parent et transmet le jeton à ses autres voisins&#xa0;; une fois qu&apos;il a reçu un jeton de chaque voisin, il renvoie l&apos;écho à son parent. Quand tous les voisins de l&apos;initiateur ont répondu, celui-ci décide&#xa0;: les parents forment un arbre couvrant.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The wave. A node&apos;s first token makes its sender the node&apos;s parent and is passed on to its other neighbours; when a node has a token from every neighbour, it sends one back to its parent (the echo).</source>
        <translation>La vague. Le premier jeton reçu par un nœud fait de son expéditeur le parent du nœud et est transmis à ses autres voisins&#xa0;; quand un nœud a reçu un jeton de chaque voisin, il en renvoie un à son parent (l&apos;écho).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The acknowledgement of a token: it arrived.</source>
        <translation>L&apos;accusé de réception d&apos;un jeton&#xa0;: il est arrivé.</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>wave running: %1 of %2 nodes reached</source>
        <translation>vague en cours&#xa0;: %1 nœuds atteints sur %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 decided; spanning tree of %2 nodes (%3 edges in the graph): %4</source>
        <translation>%1 a décidé&#xa0;; arbre couvrant de %2 nœuds (%3 arêtes dans le graphe)&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>only the initiator decides</source>
        <translation>seul l&apos;initiateur décide</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No node but the initiator decides.</source>
        <translation>Aucun nœud autre que l&apos;initiateur ne décide.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 decided, but it is not the initiator</source>
        <translation>%1 a décidé, mais ce n&apos;est pas l&apos;initiateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>parents form a tree</source>
        <translation>les parents forment un arbre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Following parents from any reached node leads to the initiator without a cycle.</source>
        <translation>En suivant les parents depuis n&apos;importe quel nœud atteint, on arrive à l&apos;initiateur sans cycle.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Following the parents from %1 does not lead to the initiator %2</source>
        <translation>En suivant les parents depuis %1, on n&apos;arrive pas à l&apos;initiateur %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>decide after the wave</source>
        <translation>décider après la vague</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The initiator decides only when every node has echoed.</source>
        <translation>L&apos;initiateur ne décide que lorsque chaque nœud a renvoyé son écho.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 decided before %2 echoed</source>
        <translation>%1 a décidé avant l&apos;écho de %2</translation>
    </message>
</context>
<context>
    <name>mas::demos::EchoAgent</name>
    <message>
        <location line="-301"/>
        <source>node %1 (initiator)</source>
        <translation>nœud %1 (initiateur)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>node %1</source>
        <translation>nœud %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>initiator, decided</source>
        <translation>initiateur, a décidé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>initiator, waiting</source>
        <translation>initiateur, en attente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>initiator, idle</source>
        <translation>initiateur, inactif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>echoed to %1</source>
        <translation>écho renvoyé à %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>parent %1</source>
        <translation>parent %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, heard %1/%2</source>
        <translation>, reçu %1/%2</translation>
    </message>
</context>
<context>
    <name>mas::demos::LeaderElection</name>
    <message>
        <location filename="../examples/demos/mas/demos/leaderelection.cpp" line="+123"/>
        <source>Ring leader election (Chang–Roberts)</source>
        <translation>Élection de leader sur un anneau (Chang–Roberts)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes with distinct ids sit on a one-way ring. A node that wakes up sends its id to its neighbour; a node forwards larger ids, swallows smaller ones (waking up if it slept) and, when its own id comes back, declares itself leader and sends elected() round the ring. The largest id wins in every delivery order.</source>
        <translation>Des nœuds aux identifiants distincts sont placés sur un anneau unidirectionnel. Un nœud qui se réveille envoie son identifiant à son voisin&#xa0;; un nœud transmet les identifiants plus grands, absorbe les plus petits (en se réveillant s&apos;il dormait) et, quand son propre identifiant lui revient, se déclare leader et fait circuler elected() sur l&apos;anneau. Le plus grand identifiant l&apos;emporte quel que soit l&apos;ordre de délivrance.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A sleeping node relays every id without comparing. Deliver one node&apos;s messages before the others wake up: its id comes home, and later the largest id does too — two leaders.</source>
        <translation>Un nœud endormi relaie tous les identifiants sans les comparer. Délivrez les messages d&apos;un nœud avant que les autres se réveillent&#xa0;: son identifiant lui revient, puis plus tard le plus grand identifiant aussi — deux leaders.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A node&apos;s alarm to itself: it wakes up and sends its own id to its successor.</source>
        <translation>Le réveil qu&apos;un nœud s&apos;envoie à lui-même&#xa0;: il se réveille et envoie son propre identifiant à son successeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A candidate&apos;s id on its way round the ring. The receiver passes it on if it is larger than its own id, swallows it if it is smaller, and becomes the leader if it is its own.</source>
        <translation>L&apos;identifiant d&apos;un candidat en route sur l&apos;anneau. Le destinataire le transmet s&apos;il est plus grand que son propre identifiant, l&apos;absorbe s&apos;il est plus petit, et devient le leader si c&apos;est le sien.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent once round the ring by the new leader, so that every node learns who leads.</source>
        <translation>Envoyé une fois sur l&apos;anneau par le nouveau leader, pour que chaque nœud sache qui dirige.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The acknowledgement of a message: it arrived. A message without one is sent again when its deadline passes.</source>
        <translation>L&apos;accusé de réception d&apos;un message&#xa0;: il est arrivé. Un message qui n&apos;en reçoit pas est renvoyé quand son échéance est dépassée.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>electing: %1 of %2 nodes know a leader</source>
        <translation>élection&#xa0;: %1 nœuds sur %2 connaissent un leader</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>leader: %1, known to all %2 nodes</source>
        <translation>leader&#xa0;: %1, connu des %2 nœuds</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 leaders: %2</source>
        <translation>%1 leaders&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../examples/demos/mas/demos/registry.cpp" line="+53"/>
        <source>at most one leader</source>
        <translation>au plus un leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../examples/demos/mas/demos/registry.cpp" line="+1"/>
        <source>No two nodes declare themselves leader.</source>
        <translation>Jamais deux nœuds ne se déclarent leader.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the largest id leads</source>
        <translation>le plus grand id est leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the node with the largest id declares itself leader.</source>
        <translation>Seul le nœud au plus grand identifiant se déclare leader.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 declared itself leader, but %2 has the largest id</source>
        <translation>%1 s&apos;est déclaré leader, mais %2 a le plus grand identifiant</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>one known leader</source>
        <translation>un seul leader connu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All nodes that know a leader know the same one.</source>
        <translation>Tous les nœuds qui connaissent un leader connaissent le même.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 knows %2</source>
        <translation>%1 connaît %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The nodes know different leaders: %1</source>
        <translation>Les nœuds connaissent des leaders différents&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-53"/>
        <location filename="../examples/demos/mas/demos/registry.cpp" line="+22"/>
        <source>%1 all declared themselves leader</source>
        <translation>%1 se sont tous déclarés leader</translation>
    </message>
</context>
<context>
    <name>mas::demos::LeaderElectionAgent</name>
    <message>
        <location line="-242"/>
        <source>node %1 (id %2)</source>
        <translation>nœud %1 (id %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>id %1</source>
        <translation>id %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, leader (announced)</source>
        <translation>, leader (annoncé)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, leader (announcing)</source>
        <translation>, leader (annonce en cours)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, awake</source>
        <translation>, éveillé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, asleep</source>
        <translation>, endormi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, knows leader %1</source>
        <translation>, connaît le leader %1</translation>
    </message>
</context>
<context>
    <name>mas::demos::ManagerAgent</name>
    <message>
        <location filename="../examples/demos/mas/demos/contractnet.cpp" line="+99"/>
        <source>manager</source>
        <translation>gestionnaire</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1/%2 answers, %3 bids</source>
        <translation>%1/%2 réponses, %3 offres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>announced %1, %2</source>
        <translation>%1 annoncée, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>awarded %1 to %2 for %3, %4</source>
        <translation>%1 attribuée à %2 pour %3, %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 done by %2 for %3, %4</source>
        <translation>%1 réalisée par %2 pour %3, %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no bids for %1, %2</source>
        <translation>aucune offre pour %1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>award of %1 to %2 failed, %3</source>
        <translation>échec de l&apos;attribution de %1 à %2, %3</translation>
    </message>
</context>
<context>
    <name>mas::demos::ParticipantAgent</name>
    <message>
        <location filename="../examples/demos/mas/demos/twophasecommit.cpp" line="-167"/>
        <source>participant %1</source>
        <translation>participant %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>voted yes, </source>
        <translation>a voté oui, </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>voted no, </source>
        <translation>a voté non, </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>working</source>
        <translation>au travail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>blocked (coordinator unreachable)</source>
        <translation>bloqué (coordinateur injoignable)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>uncertain</source>
        <translation>incertain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed</source>
        <translation>a validé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aborted</source>
        <translation>a annulé</translation>
    </message>
</context>
<context>
    <name>mas::demos::PingPong</name>
    <message>
        <location filename="../examples/demos/mas/demos/pingpong.cpp" line="-29"/>
        <source>Ping-pong (request/reply and the clock)</source>
        <translation>Ping-pong (requête/réponse et horloge)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pinger (agent 0) sends ping(round) to every other agent; each ponger answers with pong(round). When every ponger has answered, the pinger sleeps one second on the clock and starts the next round, until all rounds are done. Watch the requests and their acknowledgements, the pongs that answer them, and the pinger&apos;s timer in the clock panel: time moves only when no message is on its way.</source>
        <translation>Le pinger (agent 0) envoie ping(round) à tous les autres agents&#xa0;; chaque ponger répond par pong(round). Quand tous les pongers ont répondu, le pinger dort une seconde sur l&apos;horloge puis commence le tour suivant, jusqu&apos;à ce que tous les tours soient terminés. Observez les requêtes et leurs accusés de réception, les pongs qui y répondent et le minuteur du pinger dans le panneau de l&apos;horloge&#xa0;: le temps n&apos;avance que lorsqu&apos;aucun message n&apos;est en route.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The pongers number their pongs themselves (1, 2, 3, …) instead of echoing the round of the ping. In FIFO order nobody notices; deliver one ping twice (a copy, as after a lost acknowledgement) and that ponger answers rounds the pinger never sent.</source>
        <translation>Les pongers numérotent eux-mêmes leurs pongs (1, 2, 3, …) au lieu de reprendre le tour du ping. Dans l&apos;ordre FIFO, personne ne s&apos;en aperçoit&#xa0;; délivrez un ping deux fois (une copie, comme après un accusé de réception perdu) et ce ponger répond à des tours que le pinger n&apos;a jamais envoyés.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The pinger asks a ponger to answer this round.</source>
        <translation>Le pinger demande à un ponger de répondre à ce tour.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ponger&apos;s answer. It must carry the round of the ping it answers.</source>
        <translation>La réponse du ponger. Elle doit porter le tour du ping auquel elle répond.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The acknowledgement of a ping or pong: it arrived. Without one, the message is sent again when its deadline passes, so a ponger may see the same ping twice.</source>
        <translation>L&apos;accusé de réception d&apos;un ping ou d&apos;un pong&#xa0;: il est arrivé. Sans lui, le message est renvoyé quand son échéance est dépassée, si bien qu&apos;un ponger peut voir deux fois le même ping.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>the pinger is gone</source>
        <translation>le pinger a disparu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>round %1 of %2 (t = %3 s): %4 pongs so far</source>
        <translation>tour %1 sur %2 (t = %3 s)&#xa0;: %4 pongs jusqu&apos;ici</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 rounds done: %2 pongers answered every ping (%3 pongs), rounds started at t = %4 s</source>
        <translation>%1 tours terminés&#xa0;: %2 pongers ont répondu à chaque ping (%3 pongs), tours commencés à t = %4 s</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>every pong answers a ping sent earlier</source>
        <translation>chaque pong répond à un ping envoyé auparavant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A pong names a round in which its ponger was pinged before.</source>
        <translation>Un pong désigne un tour pour lequel son ponger a déjà reçu un ping.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 answered round %2, in which it was not pinged before</source>
        <translation>%1 a répondu au tour %2, pour lequel il n&apos;avait pas reçu de ping</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>rounds never exceed the configured count</source>
        <translation>les tours ne dépassent jamais le nombre configuré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No ping, pong or round of the pinger names a round beyond the configured count.</source>
        <translation>Aucun ping, pong ou tour du pinger ne désigne un tour au-delà du nombre configuré.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is in round %2 of %3</source>
        <translation>%1 est au tour %2 sur %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 answered round %2 of %3</source>
        <translation>%1 a répondu au tour %2 sur %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was pinged in a round beyond %2</source>
        <translation>%1 a reçu un ping à un tour au-delà de %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>one round at a time</source>
        <translation>un tour à la fois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pinger starts a round only after every ponger answered the one before.</source>
        <translation>Le pinger ne commence un tour qu&apos;une fois que chaque ponger a répondu au précédent.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 started round %2 before every ponger answered round %3</source>
        <translation>%1 a commencé le tour %2 avant que chaque ponger ait répondu au tour %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was pinged in round %2, ahead of the pinger&apos;s round %3</source>
        <translation>%1 a reçu un ping au tour %2, en avance sur le tour %3 du pinger</translation>
    </message>
</context>
<context>
    <name>mas::demos::PingerAgent</name>
    <message>
        <location line="-392"/>
        <source>pinger</source>
        <translation>pinger</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>pinger, idle</source>
        <translation>pinger, inactif</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pinger, round %1 of %2, %3/%4 answered</source>
        <translation>pinger, tour %1 sur %2, %3/%4 ont répondu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, done</source>
        <translation>, terminé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, sleeping</source>
        <translation>, endormi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>, pongs for unsent rounds %1</source>
        <translation>, pongs pour des tours non envoyés %1</translation>
    </message>
</context>
<context>
    <name>mas::demos::PongerAgent</name>
    <message>
        <location line="+30"/>
        <source>ponger %1</source>
        <translation>ponger %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ponger, not pinged yet</source>
        <translation>ponger, aucun ping reçu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ponger, pinged in rounds %1 (%2 pings), answered %3</source>
        <translation>ponger, pings reçus aux tours %1 (%2 pings), réponses %3</translation>
    </message>
</context>
<context>
    <name>mas::demos::TwoPhaseCommit</name>
    <message>
        <location filename="../examples/demos/mas/demos/twophasecommit.cpp" line="+199"/>
        <source>Two-phase commit</source>
        <translation>Validation à deux phases</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The coordinator asks every participant to prepare. A participant votes no and aborts, or votes yes and waits: from then on only the coordinator may decide. When all votes are in, the coordinator sends COMMIT if every vote was yes, else ABORT.</source>
        <translation>Le coordinateur demande à chaque participant de se préparer. Un participant vote non et annule, ou vote oui et attend&#xa0;: dès lors, seul le coordinateur peut décider. Quand tous les votes sont arrivés, le coordinateur envoie COMMIT si tous les votes étaient oui, ABORT sinon.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The coordinator crashes right after sending PREPARE. The participants that voted yes can neither commit nor abort: they are blocked.</source>
        <translation>Le coordinateur tombe en panne juste après avoir envoyé PREPARE. Les participants qui ont voté oui ne peuvent ni valider ni annuler&#xa0;: ils sont bloqués.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phase 1: the coordinator asks a participant whether it can commit.</source>
        <translation>Phase 1&#xa0;: le coordinateur demande à un participant s&apos;il peut valider.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A participant&apos;s answer. After voting yes it may no longer decide by itself.</source>
        <translation>La réponse d&apos;un participant. Après avoir voté oui, il ne peut plus décider seul.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase 2, every vote was yes: the participant makes the transaction permanent.</source>
        <translation>Phase 2, tous les votes étaient oui&#xa0;: le participant rend la transaction permanente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase 2, some vote was no: the participant undoes the transaction.</source>
        <translation>Phase 2, un vote était non&#xa0;: le participant annule la transaction.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The acknowledgement of a message: it arrived.</source>
        <translation>L&apos;accusé de réception d&apos;un message&#xa0;: il est arrivé.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>the coordinator is gone</source>
        <translation>le coordinateur a disparu</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>running: %1 of %2 participants decided</source>
        <translation>en cours&#xa0;: %1 participants sur %2 ont décidé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the coordinator crashed after PREPARE: %1 blocked (voted yes, cannot decide)%2</source>
        <translation>le coordinateur est tombé en panne après PREPARE&#xa0;; bloqués (ont voté oui, ne peuvent pas décider)&#xa0;: %1%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no participant is</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; %1 aborted (voted no)</source>
        <translation>&#xa0;; annulés (ont voté non)&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed: all %1 participants voted yes and committed</source>
        <translation>validée&#xa0;: les %1 participants ont tous voté oui et validé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aborted: %1 voted no; %2 of %3 participants aborted</source>
        <translation>annulée (vote non&#xa0;: %1)&#xa0;; %2 participants sur %3 ont annulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a participant that could not be reached</source>
        <translation>un participant injoignable</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>all decide the same</source>
        <translation>tous décident de même</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No participant commits while another aborts.</source>
        <translation>Aucun participant ne valide alors qu&apos;un autre annule.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 committed while %2 aborted</source>
        <translation>Validation par %1, annulation par %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>commit needs every yes</source>
        <translation>valider exige que tous votent oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A participant commits only if every participant voted yes.</source>
        <translation>Un participant ne valide que si tous les participants ont voté oui.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 committed, but %2 did not vote yes</source>
        <translation>Validation par %1, mais sans vote oui de %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only the coordinator decides commit</source>
        <translation>seul le coordinateur décide de valider</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A participant commits only after the coordinator decided to commit.</source>
        <translation>Un participant ne valide qu&apos;après que le coordinateur a décidé de valider.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 committed, but the coordinator did not decide to commit</source>
        <translation>Validation par %1, mais le coordinateur n&apos;a pas décidé de valider</translation>
    </message>
</context>
<context>
    <name>mas::mosaik</name>
    <message>
        <location filename="../libmas/mas/mosaik/startsimulation.cpp" line="+49"/>
        <source>&quot;%1&quot; is not HOST:PORT</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas de la forme HOST:PORT</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A mosaik simulator. Started by mosaik&apos;s &quot;cmd&quot; starter with the address mosaik listens on, or with --remote for mosaik&apos;s &quot;connect&quot; starter.</source>
        <translation>Un simulateur mosaik. Lancé par le démarreur &quot;cmd&quot; de mosaik avec l&apos;adresse sur laquelle mosaik écoute, ou avec --remote pour le démarreur &quot;connect&quot; de mosaik.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HOST:PORT of mosaik (connect there), or with --remote the address to listen on</source>
        <translation>HOST:PORT de mosaik (pour s&apos;y connecter), ou avec --remote l&apos;adresse sur laquelle écouter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listen on ADDR and wait for mosaik to connect (sim_config &quot;connect&quot;).</source>
        <translation>Écouter sur ADDR et attendre que mosaik se connecte (sim_config &quot;connect&quot;).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds to wait for mosaik (default 60).</source>
        <translation>Nombre de secondes à attendre mosaik (60 par défaut).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>debug, info, warning (default) or error.</source>
        <translation>debug, info, warning (par défaut) ou error.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LEVEL</source>
        <translation>NIVEAU</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Give exactly one address (HOST:PORT); see --help.</source>
        <translation>Indiquez exactement une adresse (HOST:PORT)&#xa0;; voir --help.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--timeout needs a positive number of seconds</source>
        <translation>--timeout attend un nombre positif de secondes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown log level &quot;%1&quot;</source>
        <translation>Niveau de journalisation «&#xa0;%1&#xa0;» inconnu</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Simulator stopped: %1</source>
        <translation>Simulateur arrêté&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot listen on %1: %2</source>
        <translation>Impossible d&apos;écouter sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening on %1:%2</source>
        <translation>Écoute sur %1:%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot connect to mosaik at %1: %2</source>
        <translation>Impossible de se connecter à mosaik sur %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>mas::mosaik::CounterSimulator</name>
    <message>
        <location filename="../libmas/mas/mosaik/counter.cpp" line="+51"/>
        <source>step_size must be a positive integer, got %1</source>
        <translation>step_size doit être un entier positif, reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>callbacks must be true or false</source>
        <translation>callbacks doit valoir true ou false</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>fail_at must be an integer time or null</source>
        <translation>fail_at doit être un temps entier ou null</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>init() got an unexpected keyword argument &apos;%1&apos;</source>
        <translation>init() a reçu un argument nommé inattendu &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>init must be a number, got %1</source>
        <translation>init doit être un nombre, reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>requested failure at time %1</source>
        <translation>échec demandé au temps %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>delta from %1 is not a number: %2</source>
        <translation>le delta provenant de %1 n&apos;est pas un nombre&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown entity &quot;%1&quot;</source>
        <translation>Entité «&#xa0;%1&#xa0;» inconnue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attributes of %1 must be a list</source>
        <translation>Les attributs de %1 doivent être une liste</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counter has no attribute &quot;%1&quot;</source>
        <translation>Counter n&apos;a pas d&apos;attribut «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>mas::mosaik::Meta</name>
    <message>
        <location filename="../libmas/mas/mosaik/meta.cpp" line="+99"/>
        <source>api_version &quot;%1&quot; is not a version mosaik 3 accepts (use &quot;3.0&quot;)</source>
        <translation>api_version «&#xa0;%1&#xa0;» n&apos;est pas une version acceptée par mosaik 3 (utilisez &quot;3.0&quot;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A model has no name</source>
        <translation>Un modèle n&apos;a pas de nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model name &quot;%1&quot; is reserved by mosaik</source>
        <translation>Le nom de modèle «&#xa0;%1&#xa0;» est réservé par mosaik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model &quot;%1&quot; is declared twice</source>
        <translation>Le modèle «&#xa0;%1&#xa0;» est déclaré deux fois</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model &quot;%1&quot;: &quot;%2&quot; in %3 is not one of its attrs</source>
        <translation>Modèle «&#xa0;%1&#xa0;»&#xa0;: «&#xa0;%2&#xa0;» dans %3 ne fait pas partie de ses attrs</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model &quot;%1&quot;: a time-based simulator cannot have trigger inputs</source>
        <translation>Modèle «&#xa0;%1&#xa0;»&#xa0;: un simulateur à base de temps ne peut pas avoir d&apos;entrées déclencheuses (trigger)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model &quot;%1&quot;: every output of a time-based simulator is persistent</source>
        <translation>Modèle «&#xa0;%1&#xa0;»&#xa0;: toute sortie d&apos;un simulateur à base de temps est persistante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model &quot;%1&quot;: an event-based simulator cannot have persistent outputs</source>
        <translation>Modèle «&#xa0;%1&#xa0;»&#xa0;: un simulateur à base d&apos;événements ne peut pas avoir de sorties persistantes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model &quot;%1&quot;: every input of an event-based simulator triggers</source>
        <translation>Modèle «&#xa0;%1&#xa0;»&#xa0;: toute entrée d&apos;un simulateur à base d&apos;événements est déclencheuse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The extra method name &quot;%1&quot; is reserved by mosaik</source>
        <translation>Le nom de méthode supplémentaire «&#xa0;%1&#xa0;» est réservé par mosaik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extra method &quot;%1&quot; has the name of a model</source>
        <translation>La méthode supplémentaire «&#xa0;%1&#xa0;» porte le nom d&apos;un modèle</translation>
    </message>
</context>
<context>
    <name>mas::mosaik::Simulator</name>
    <message>
        <location filename="../libmas/mas/mosaik/simulator.cpp" line="+57"/>
        <source>%1() takes %2 positional arguments but %3 were given</source>
        <translation>%1() prend %2 arguments positionnels, mais %3 ont été fournis</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>In the libmas simulator &quot;%1&quot;, %2</source>
        <translation>Dans le simulateur libmas «&#xa0;%1&#xa0;», %2</translation>
    </message>
    <message>
        <location line="+427"/>
        <source>A mosaik request must be [name, args, kwargs], got %1</source>
        <translation>Une requête mosaik doit être [name, args, kwargs], reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 failed: %2: %3</source>
        <translation>%1 a échoué&#xa0;: %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="-365"/>
        <source>init() takes the simulator id as its one positional argument</source>
        <translation>init() prend l&apos;identifiant du simulateur comme unique argument positionnel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>time_resolution must be a positive number, got %1</source>
        <translation>time_resolution doit être un nombre positif, reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>create() takes a number of entities and a model name, got %1, %2</source>
        <translation>create() prend un nombre d&apos;entités et un nom de modèle, reçu&#xa0;: %1, %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The simulator has no public model &quot;%1&quot;</source>
        <translation>Le simulateur n&apos;a pas de modèle public «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 got an unexpected keyword argument &apos;%2&apos;</source>
        <translation>%1 a reçu un argument nommé inattendu &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>create() made %1 entities, but %2 were asked for</source>
        <translation>create() a créé %1 entités, mais %2 étaient demandées</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>create() made entity &quot;%1&quot; of model &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>create() a créé l&apos;entité «&#xa0;%1&#xa0;» du modèle «&#xa0;%2&#xa0;», et non «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The entity id &quot;%1&quot; is empty or not unique</source>
        <translation>L&apos;identifiant d&apos;entité «&#xa0;%1&#xa0;» est vide ou n&apos;est pas unique</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>step() takes no keyword arguments</source>
        <translation>step() n&apos;accepte pas d&apos;arguments nommés</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>step() needs an integer time and max_advance, got %1</source>
        <translation>step() attend un temps entier et max_advance, reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step() inputs must be an object, got %1</source>
        <translation>les entrées de step() doivent être un objet, reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>step(%1) goes back in time: the last step was at %2</source>
        <translation>step(%1) remonte le temps&#xa0;: le dernier pas était à %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The clock did not move to step %1: %2</source>
        <translation>L&apos;horloge n&apos;est pas passée au pas %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+14"/>
        <location line="+9"/>
        <source>The simulator was destroyed</source>
        <translation>Le simulateur a été détruit</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Step %1 held: mosaik waits until it is continued</source>
        <translation>Pas %1 suspendu&#xa0;: mosaik attend sa reprise</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The simulator stopped while step %1 was held</source>
        <translation>Le simulateur s&apos;est arrêté pendant que le pas %1 était suspendu</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A time-based simulator must return the time of its next step</source>
        <translation>Un simulateur à base de temps doit renvoyer le temps de son prochain pas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>step() returned %1, which is not later than the step&apos;s time %2</source>
        <translation>step() a renvoyé %1, qui n&apos;est pas postérieur au temps du pas, %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>get_data() takes one object {eid: [attr, ...]}, got %1</source>
        <translation>get_data() prend un unique objet {eid: [attr, ...]}, reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>getData() must return an object, got %1</source>
        <translation>getData() doit renvoyer un objet, reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The &quot;time&quot; of getData() must be an integer, got %1</source>
        <translation>Le «&#xa0;time&#xa0;» de getData() doit être un entier, reçu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>The simulator has no method &quot;%1&quot;</source>
        <translation>Le simulateur n&apos;a pas de méthode «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+227"/>
        <source>mosaik closed the connection without sending stop</source>
        <translation>mosaik a fermé la connexion sans envoyer stop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection to mosaik ended: %1</source>
        <translation>La connexion à mosaik s&apos;est terminée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>mosaik did not connect in time</source>
        <translation>mosaik ne s&apos;est pas connecté à temps</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+22"/>
        <location line="+16"/>
        <source>The simulator is already serving mosaik</source>
        <translation>Le simulateur sert déjà mosaik</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>The simulator already serves a mosaik</source>
        <translation>Le simulateur sert déjà une instance de mosaik</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No channel to serve</source>
        <translation>Aucun canal à servir</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>init() got an unexpected keyword argument &apos;%1&apos;</source>
        <translation>init() a reçu un argument nommé inattendu &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The simulator is not connected to mosaik</source>
        <translation>Le simulateur n&apos;est pas connecté à mosaik</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 can only be called while a step is open (mosaik serves it then)</source>
        <translation>%1 ne peut être appelé que pendant qu&apos;un pas est ouvert (c&apos;est seulement alors que mosaik y répond)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>get_progress returned %1, not a number</source>
        <translation>get_progress a renvoyé %1, qui n&apos;est pas un nombre</translation>
    </message>
</context>
<context>
    <name>mas::rpc::RpcClient</name>
    <message>
        <location filename="../libmas/mas/rpc/rpcclient.cpp" line="+37"/>
        <source>A proxy can only be passed back over its own connection</source>
        <translation>Un proxy ne peut être renvoyé que par sa propre connexion</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The service is not part of the service this connection serves</source>
        <translation>Le service ne fait pas partie du service que sert cette connexion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No serializer found for type &quot;%1&quot;</source>
        <translation>Aucun sérialiseur trouvé pour le type «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A proxy&apos;s path must be text</source>
        <translation>Le chemin d&apos;un proxy doit être du texte</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The RPC connection is gone</source>
        <translation>La connexion RPC n&apos;existe plus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot call the root of a service; name a method</source>
        <translation>Impossible d&apos;appeler la racine d&apos;un service&#xa0;; indiquez une méthode</translation>
    </message>
</context>
<context>
    <name>mas::system</name>
    <message>
        <location filename="../libmas/mas/system/system.cpp" line="+66"/>
        <source>Unknown transport &quot;%1&quot;: expected local, tcp or unix</source>
        <translation>Transport «&#xa0;%1&#xa0;» inconnu&#xa0;: local, tcp ou unix attendu</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>A demo needs %1 to %2 agents, not %3</source>
        <translation>Une démo nécessite de %1 à %2 agents, et non %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The request timeout must be positive</source>
        <translation>Le délai d&apos;attente des requêtes doit être positif</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot create a directory for the sockets: %1</source>
        <translation>Impossible de créer un dossier pour les sockets&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The socket path &quot;%1&quot; is too long</source>
        <translation>Le chemin de socket «&#xa0;%1&#xa0;» est trop long</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Invalid queue id &quot;%1&quot;</source>
        <translation>Identifiant de file «&#xa0;%1&#xa0;» non valide</translation>
    </message>
    <message>
        <location line="+326"/>
        <location line="+14"/>
        <source>A system type needs an id and a build function</source>
        <translation>Un type de système a besoin d’un identifiant et d’une fonction de construction</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+14"/>
        <source>There is a system type &quot;%1&quot; already</source>
        <translation>Il existe déjà un type de système « %1 »</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Cannot make a directory for plug-in copies: %1</source>
        <translation>Impossible de créer un dossier pour les copies de greffons&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot copy the plug-in %1 to %2</source>
        <translation>Impossible de copier le greffon %1 vers %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>An invariant type needs an id and a make function</source>
        <translation>Un type d&apos;invariant a besoin d&apos;un identifiant et d&apos;une fonction make</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is an invariant &quot;%1&quot; already</source>
        <translation>Il existe déjà un invariant «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>mas::system::Explorer</name>
    <message>
        <location filename="../libmas/mas/system/explorer.cpp" line="+439"/>
        <source>No system to explore</source>
        <translation>Aucun système à explorer</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&quot;%1&quot; has no property &quot;%2&quot;; it has: %3</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas de propriété «&#xa0;%2&#xa0;»&#xa0;; ses propriétés&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the state condition &quot;%1&quot;: %2</source>
        <translation>la condition d&apos;état «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The prefix diverged at event %1: message %2 never became pending</source>
        <translation>Le préfixe a divergé à l&apos;événement %1&#xa0;: le message %2 n&apos;a jamais été mis en attente</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>The system has no clock</source>
        <translation>Le système n&apos;a pas d&apos;horloge</translation>
    </message>
    <message>
        <location line="+492"/>
        <location line="+10"/>
        <source>The system is not deterministic: a schedule did not repeat (%1)</source>
        <translation>Le système n&apos;est pas déterministe&#xa0;: un ordonnancement ne s&apos;est pas répété (%1)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The fork strategy is not available on this platform</source>
        <translation>La stratégie fork n&apos;est pas disponible sur cette plateforme</translation>
    </message>
    <message>
        <location line="+240"/>
        <source>Cannot make a pipe for the fork strategy: %1</source>
        <translation>Impossible de créer un tube pour la stratégie fork&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot fork the explorer: %1</source>
        <translation>Impossible de dupliquer l&apos;explorateur par fork&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>A forked explorer process did not answer within %1 s and was stopped</source>
        <translation>Un processus d&apos;exploration issu d&apos;un fork n&apos;a pas répondu dans les %1 s et a été arrêté</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>signal %1 (%2)</source>
        <translation>signal %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exit status %1</source>
        <translation>code de sortie %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A forked explorer process crashed: %1</source>
        <translation>Un processus d&apos;exploration issu d&apos;un fork a planté&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>The system is not deterministic: the counterexample ended with &quot;%1&quot; instead of &quot;%2&quot;</source>
        <translation>Le système n&apos;est pas déterministe&#xa0;: le contre-exemple s&apos;est terminé par «&#xa0;%1&#xa0;» au lieu de «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+60"/>
        <source>Unknown system &quot;%1&quot;</source>
        <translation>Système inconnu « %1 »</translation>
    </message>
    <message>
        <location filename="../libmas/mas/system/system.cpp" line="-256"/>
        <source>The system is quiet but has not finished: nothing more will happen.</source>
        <translation>Le système est au repos mais n&apos;a pas terminé&#xa0;: plus rien ne se passera.</translation>
    </message>
    <message>
        <location filename="../examples/demos/mas/demos/twophasecommit.cpp" line="-124"/>
        <source>The system is quiet and a participant is still uncertain: it voted yes and can neither commit nor abort.</source>
        <translation>Le système est au repos et un participant est encore incertain&#xa0;: il a voté oui et ne peut ni valider ni annuler.</translation>
    </message>
</context>
<context>
    <name>mas::system::LookAhead</name>
    <message>
        <location filename="../libmas/mas/system/lookahead.cpp" line="+87"/>
        <source>Unknown step kind &quot;%1&quot;</source>
        <translation>Type d&apos;étape «&#xa0;%1&#xa0;» inconnu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown message type %1</source>
        <translation>Type de message %1 inconnu</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Not a look-ahead mark: %1</source>
        <translation>Ce n&apos;est pas une marque d&apos;anticipation&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not a look-ahead mark: no message or mark</source>
        <translation>Ce n&apos;est pas une marque d&apos;anticipation&#xa0;: ni message ni marque</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>There is no system to look ahead in.</source>
        <translation>Il n&apos;y a pas de système sur lequel anticiper.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The look-ahead needs a system of C++ agents: the explorer cannot branch the states of programs in other processes in time.</source>
        <translation>L&apos;anticipation nécessite un système d&apos;agents C++&#xa0;: l&apos;explorateur ne peut pas brancher à temps les états de programmes situés dans d&apos;autres processus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The look-ahead needs a system on the LocalQueue (stepped); this one runs on sockets.</source>
        <translation>L&apos;anticipation nécessite un système sur la LocalQueue (pas à pas)&#xa0;; celui-ci tourne sur des sockets.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A look-ahead runs once</source>
        <translation>Une anticipation ne s&apos;exécute qu&apos;une fois</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The look-ahead depth must be at least 1, not %1</source>
        <translation>La profondeur d&apos;anticipation doit valoir au moins 1, et non %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No system to look ahead in</source>
        <translation>Aucun système sur lequel anticiper</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The run does not replay: %1</source>
        <translation>L&apos;exécution ne se rejoue pas&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The run already breaks %1</source>
        <translation>L’exécution viole déjà %1</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>The search ran out of its budget (%1 runs, %2 ms)</source>
        <translation>La recherche a épuisé son budget (%1 exécutions, %2 ms)</translation>
    </message>
</context>
<context>
    <name>mas::system::LookAheadClient</name>
    <message>
        <location line="+61"/>
        <source>The look-ahead process %1 stopped: %2</source>
        <translation>Le processus d&apos;anticipation %1 s&apos;est arrêté&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The look-ahead process %1 exited with status %2</source>
        <translation>Le processus d&apos;anticipation %1 s&apos;est terminé avec le code %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The look-ahead depth must be at least 1, not %1</source>
        <translation>La profondeur d&apos;anticipation doit valoir au moins 1, et non %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot make a directory for the look-ahead: %1</source>
        <translation>Impossible de créer un dossier pour l&apos;anticipation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>mas::system::NecessityAnalysis</name>
    <message numerus="yes">
        <location filename="../libmas/mas/system/necessity.cpp" line="+75"/>
        <source>Why &quot;%1&quot; breaks (%n re-execution(s)%2):</source>
        <translation>
            <numerusform>Pourquoi «&#xa0;%1&#xa0;» est violé (%n réexécution%2)&#xa0;:</numerusform>
            <numerusform>Pourquoi «&#xa0;%1&#xa0;» est violé (%n réexécutions%2)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, incomplete: cancelled or out of runs</source>
        <translation>, incomplet&#xa0;: annulé ou budget d&apos;exécutions épuisé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>necessary</source>
        <translation>nécessaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incidental</source>
        <translation>accessoire</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>       (%n plumbing step(s) not listed, %1 of them necessary)</source>
        <translation>
            <numerusform>       (%n étape d&apos;infrastructure non listée, dont %1 nécessaire)</numerusform>
            <numerusform>       (%n étapes d&apos;infrastructure non listées, dont %1 nécessaire(s))</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No single swap of two deliveries makes the run pass.</source>
        <translation>Aucune permutation de deux délivrances ne suffit à faire réussir l&apos;exécution.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The choices that matter (each swapped order passes):</source>
        <translation>Les choix qui comptent (chaque ordre permuté réussit)&#xa0;:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1&apos;s %2</source>
        <extracomment>&quot;node 3&apos;s election(25)&quot;: a message and who sent it</extracomment>
        <translation>%2 de %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deliver %1 to %2</source>
        <translation>délivrer %1 à %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drop %1 to %2</source>
        <translation>supprimer %1 destiné à %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate %1 to %2</source>
        <translation>dupliquer %1 destiné à %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delay %1 to %2</source>
        <translation>retarder %1 destiné à %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the clock moves to %1 (all quiet)</source>
        <translation>l&apos;horloge avance jusqu&apos;à %1 (tout est au repos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the clock moves to %1 (messages pending)</source>
        <translation>l&apos;horloge avance jusqu&apos;à %1 (messages en attente)</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The counterexample names no property</source>
        <translation>Le contre-exemple ne désigne aucune propriété</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot re-execute the counterexample: %1</source>
        <translation>Impossible de réexécuter le contre-exemple&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Re-executed, the counterexample does not break &quot;%1&quot;</source>
        <translation>Réexécuté, le contre-exemple ne viole pas «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 must arrive at %2 before %3</source>
        <extracomment>&quot;node 3&apos;s election(25) must arrive at node 1 before node 2&apos;s election(46)&quot;</extracomment>
        <translation>%1 doit parvenir à %2 avant %3</translation>
    </message>
</context>
<context>
    <name>mas::system::ProcessSystem</name>
    <message>
        <location filename="../libmas/mas/system/processsystem.cpp" line="+94"/>
        <source>A process needs a command: the interpreter and a program (&quot;python3&quot;, &quot;agents.py&quot;)</source>
        <translation>Un processus a besoin d&apos;une commande&#xa0;: l&apos;interpréteur et un programme (&quot;python3&quot;, &quot;agents.py&quot;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The command&apos;s program is a file, not the option &quot;%1&quot;</source>
        <translation>Le programme de la commande est un fichier, et non l&apos;option &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No such program: %1</source>
        <translation>Programme introuvable&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No such working directory: %1</source>
        <translation>Répertoire de travail introuvable&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exited with status %1</source>
        <translation>terminé avec le code %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed to start</source>
        <translation>échec du démarrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed</source>
        <translation>en panne</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Processes run on the stepped network only (transport &quot;local&quot;)</source>
        <translation>Les processus ne s&apos;exécutent que sur le réseau piloté pas à pas (transport &quot;local&quot;)</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Python: %1</source>
        <translation>Python&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 running, %2 exited, %3 failed</source>
        <translation>en cours&#xa0;: %1, terminés&#xa0;: %2, en échec&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>The system was closed while waiting for its programs</source>
        <translation>Le système a été fermé pendant qu&apos;il attendait ses programmes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 did not start</source>
        <translation>%1 n&apos;a pas démarré</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+58"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>%1 lost its runner (no exit status)</source>
        <translation>%1 a perdu son runner (pas de code de sortie)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>no program failed</source>
        <translation>aucun programme n&apos;a échoué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every program that ended exited with status 0: none exited with another status, crashed or failed to start.</source>
        <translation>Chaque programme terminé s&apos;est terminé avec le code 0&#xa0;: aucun ne s&apos;est terminé avec un autre code, n&apos;a planté ni n&apos;a échoué à démarrer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>every program exited</source>
        <translation>tous les programmes se sont terminés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system is quiet (no frame pending, no timer left) and every program has exited: none waits for what will never come.</source>
        <translation>Le système est au repos (aucune trame en attente, aucun minuteur restant) et tous les programmes se sont terminés&#xa0;: aucun n&apos;attend ce qui ne viendra jamais.</translation>
    </message>
</context>
<context>
    <name>mas::system::Session</name>
    <message>
        <location filename="../libmas/mas/system/session.cpp" line="+100"/>
        <location line="+7"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a MAS session</source>
        <translation>%1 n&apos;est pas une session MAS</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: a process without a command</source>
        <translation>%1&#xa0;: un processus sans commande</translation>
    </message>
</context>
<context>
    <name>mas::system::StateCondition</name>
    <message>
        <location filename="../libmas/mas/system/statecondition.cpp" line="+88"/>
        <source>the condition is longer than %1 characters</source>
        <translation>la condition dépasse %1 caractères</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the condition is empty</source>
        <translation>la condition est vide</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected %1; expected and, or or the end</source>
        <translation>inattendu&#xa0;: %1&#xa0;; attendu&#xa0;: and, or ou la fin</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+603"/>
        <source>column %1: %2</source>
        <translation>colonne %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-596"/>
        <source>end of the condition</source>
        <translation>fin de la condition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the string %1</source>
        <translation>la chaîne %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number %1</source>
        <translation>le nombre %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>the number %1 is too large</source>
        <translation>le nombre %1 est trop grand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a number runs into a name; put a space or an operator between them</source>
        <translation>un nombre est collé à un nom&#xa0;; mettez une espace ou un opérateur entre les deux</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the string has no closing quote</source>
        <translation>la chaîne n&apos;a pas de guillemet fermant</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;=&quot; is no comparison; write &quot;==&quot;</source>
        <translation>«&#xa0;=&#xa0;» n&apos;est pas une comparaison&#xa0;; écrivez «&#xa0;==&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected character &quot;%1&quot;</source>
        <translation>caractère inattendu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+63"/>
        <location line="+71"/>
        <location line="+61"/>
        <location line="+39"/>
        <source>nested too deeply</source>
        <translation>imbrication trop profonde</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>comparisons do not chain; join them with and</source>
        <translation>les comparaisons ne s&apos;enchaînent pas&#xa0;; reliez-les avec and</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>expected a field name after &quot;.&quot;, found %1</source>
        <translation>attendu après «&#xa0;.&#xa0;»&#xa0;: un nom de champ, trouvé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>expected &quot;%1&quot;, found %2</source>
        <translation>attendu&#xa0;: «&#xa0;%1&#xa0;», trouvé&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unexpected end; expected a field name or a value</source>
        <translation>fin inattendue&#xa0;; attendu&#xa0;: un nom de champ ou une valeur</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected a field name or a value, found %1</source>
        <translation>attendu&#xa0;: un nom de champ ou une valeur, trouvé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>expected a field name or a value, found &quot;%1&quot;</source>
        <translation>attendu&#xa0;: un nom de champ ou une valeur, trouvé&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the field &quot;%1&quot; needs its agents: write count(%1), any(%1), all(%1) or agent(&quot;name&quot;).%1</source>
        <translation>le champ «&#xa0;%1&#xa0;» a besoin de ses agents&#xa0;: écrivez count(%1), any(%1), all(%1) ou agent(&quot;name&quot;).%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>agent() takes a name or address in quotes, or an index from 0; found %1</source>
        <translation>agent() prend un nom ou une adresse entre guillemets, ou un indice à partir de 0&#xa0;; trouvé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>has() needs its agents: write count(has(field)) or all(has(field))</source>
        <translation>has() a besoin de ses agents&#xa0;: écrivez count(has(field)) ou all(has(field))</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a field name, found %1</source>
        <translation>attendu&#xa0;: un nom de champ, trouvé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown function &quot;%1&quot;; the functions are count, any, all, none, sum, min, max, has and agent</source>
        <translation>fonction «&#xa0;%1&#xa0;» inconnue&#xa0;; les fonctions sont count, any, all, none, sum, min, max, has et agent</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>string</source>
        <translation>chaîne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list</source>
        <translation>liste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>map</source>
        <translation>dictionnaire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 is a %2, which has no fields</source>
        <translation>%1 est de type %2, sans champs</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>- needs a number, not: %1</source>
        <translation>- attend un nombre, pas&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 needs numbers, not: %2 and %3</source>
        <translation>%1 attend des nombres, pas&#xa0;: %2 et %3</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>there is no agent %1: the indices go from 0 to %2</source>
        <translation>il n&apos;y a pas d&apos;agent %1&#xa0;: les indices vont de 0 à %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>there is no agent %1; the agents are %2</source>
        <translation>il n&apos;y a pas d&apos;agent %1&#xa0;; les agents sont %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1() needs numbers, but %2 has a %3</source>
        <translation>%1() attend des nombres, mais %2 a une valeur de type %3</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>no condition</source>
        <translation>aucune condition</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n autre</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 holds</source>
        <translation>%1 est vraie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not hold</source>
        <translation>%1 n&apos;est pas vraie</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The state condition %1 never holds.</source>
        <translation>La condition d&apos;état %1 n&apos;est jamais vraie.</translation>
    </message>
</context>
<context>
    <name>mas::system::SystemFile</name>
    <message>
        <location filename="../libmas/mas/system/systemfile.cpp" line="+35"/>
        <source>a boolean</source>
        <translation>un booléen</translation>
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
        <translation>une chaîne</translation>
    </message>
    <message>
        <location line="-371"/>
        <location line="+353"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="-351"/>
        <location line="+303"/>
        <location line="+53"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="-355"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Processes run on the stepped network only (transport &quot;local&quot;)</source>
        <translation>Les processus ne s&apos;exécutent que sur le réseau piloté pas à pas (transport &quot;local&quot;)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Unknown invariant &quot;%1&quot;</source>
        <translation>Invariant «&#xa0;%1&#xa0;» inconnu</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2 agent(s) in %3 container(s)</source>
        <translation>%1&#xa0;: %2 agent(s) dans %3 conteneur(s)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1; processes: %2</source>
        <translation>%1&#xa0;; processus&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cannot read the file: %1</source>
        <translation>Impossible de lire le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not valid JSON: %1</source>
        <translation>JSON non valide&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected an object, not %1</source>
        <translation>Attendu&#xa0;: un objet, et non %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected %1, not %2</source>
        <translation>Attendu&#xa0;: %1, et non %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown key (known: %1)</source>
        <translation>Clé inconnue (clés connues&#xa0;: %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A system file lists its agents under &quot;containers&quot;; &quot;%1&quot; belongs to a single host&apos;s config</source>
        <translation>Un fichier de système liste ses agents sous &quot;containers&quot;&#xa0;; «&#xa0;%1&#xa0;» relève de la configuration d&apos;un hôte unique</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>an object (message: what it means)</source>
        <translation>un objet (message&#xa0;: ce qu&apos;il signifie)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a string or an array of strings</source>
        <translation>une chaîne ou un tableau de chaînes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown codec &quot;%1&quot;: use json, msgpack or msgpackblosc</source>
        <translation>Codec «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez json, msgpack ou msgpackblosc</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>an object {&quot;start&quot;: DATE}</source>
        <translation>un objet {&quot;start&quot;: DATE}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an ISO 8601 date</source>
        <translation>une date ISO 8601</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Expected a positive number of milliseconds</source>
        <translation>Attendu&#xa0;: un nombre positif de millisecondes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an array of processes</source>
        <translation>un tableau de processus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an object {&quot;command&quot;, &quot;cwd&quot;, &quot;name&quot;, &quot;env&quot;}</source>
        <translation>un objet {&quot;command&quot;, &quot;cwd&quot;, &quot;name&quot;, &quot;env&quot;}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected the interpreter, the program and its arguments: [&quot;python3&quot;, &quot;agents.py&quot;, ...]</source>
        <translation>Attendu&#xa0;: l&apos;interpréteur, le programme et ses arguments&#xa0;: [&quot;python3&quot;, &quot;agents.py&quot;, ...]</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>a non-empty string</source>
        <translation>une chaîne non vide</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>a directory</source>
        <translation>un répertoire</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an object of strings</source>
        <translation>un objet de chaînes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Two processes are called &quot;%1&quot;</source>
        <translation>Deux processus s&apos;appellent &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Missing: a system file lists its containers and their agents, or its processes</source>
        <translation>Manquant&#xa0;: un fichier de système liste ses conteneurs et leurs agents, ou ses processus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expected a non-empty array of containers</source>
        <translation>Attendu&#xa0;: un tableau non vide de conteneurs</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Expected a name without &quot;/&quot;</source>
        <translation>Attendu&#xa0;: un nom sans «&#xa0;/&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Two containers are called &quot;%1&quot;</source>
        <translation>Deux conteneurs s&apos;appellent «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an address (tcp://HOST:PORT or ipc://PATH)</source>
        <translation>une adresse (tcp://HOST:PORT ou ipc://PATH)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected an array of agents</source>
        <translation>Attendu&#xa0;: un tableau d&apos;agents</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an object {&quot;type&quot;, &quot;args&quot;, &quot;kwargs&quot;, &quot;name&quot;}</source>
        <translation>un objet {&quot;type&quot;, &quot;args&quot;, &quot;kwargs&quot;, &quot;name&quot;}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected an agent type such as &quot;pkg.module:Class&quot;</source>
        <translation>Attendu&#xa0;: un type d&apos;agent tel que &quot;pkg.module:Class&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected a name (not starting with &quot;@&quot;)</source>
        <translation>Attendu&#xa0;: un nom (ne commençant pas par «&#xa0;@&#xa0;»)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Two agents are called &quot;%1&quot;</source>
        <translation>Deux agents s&apos;appellent «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>an array of invariant ids</source>
        <translation>un tableau d&apos;identifiants d&apos;invariants</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No agent is called &quot;%1&quot;</source>
        <translation>Aucun agent ne s&apos;appelle «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The plug-in directory &quot;%1&quot; does not exist</source>
        <translation>Le dossier de greffons «&#xa0;%1&#xa0;» n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unknown agent type &quot;%1&quot;</source>
        <translation>Type d&apos;agent «&#xa0;%1&#xa0;» inconnu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown invariant &quot;%1&quot; (no plug-in offers invariants)</source>
        <translation>Invariant «&#xa0;%1&#xa0;» inconnu (aucun greffon ne propose d&apos;invariants)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown invariant &quot;%1&quot; (known: %2)</source>
        <translation>Invariant «&#xa0;%1&#xa0;» inconnu (invariants connus&#xa0;: %2)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The system described by %1</source>
        <translation>Le système décrit par %1</translation>
    </message>
</context>
<context>
    <name>mas::ui::AgentGraphView</name>
    <message>
        <location filename="../ui/views/agentgraphview.cpp" line="+448"/>
        <source>No agents yet.
They appear here as soon as they exchange messages.</source>
        <translation>Aucun agent pour l&apos;instant.
Ils apparaissent ici dès qu&apos;ils échangent des messages.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No event store.</source>
        <translation>Aucun stockage d&apos;événements.</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>participants: %1</source>
        <translation>participants&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>links: %1</source>
        <translation>liens&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in flight: %1</source>
        <translation>en transit&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>selected: %1 → %2</source>
        <translation>sélection&#xa0;: %1 → %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+200"/>
        <source>Agent graph</source>
        <translation>Graphe des agents</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>The agents and containers as nodes, with a line between each pair that exchanged messages; messages on their way move along the lines.</source>
        <translation>Les agents et les conteneurs sous forme de nœuds, reliés par une ligne pour chaque paire qui a échangé des messages&#xa0;; les messages en route se déplacent le long des lignes.</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Agents and the messages between them, exported from MAS Inspector</source>
        <translation>Les agents et les messages qu&apos;ils échangent, exportés depuis MAS Inspector</translation>
    </message>
    <message numerus="yes">
        <location line="+99"/>
        <source>%n message(s) sent or received</source>
        <translation>
            <numerusform>%n message envoyé ou reçu</numerusform>
            <numerusform>%n messages envoyés ou reçus</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 → itself: %2</source>
        <translation>%1 → lui-même&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 → %2: %3
%2 → %1: %4</source>
        <translation>%1 → %2&#xa0;: %3
%2 → %1&#xa0;: %4</translation>
    </message>
</context>
<context>
    <name>mas::ui::AgentTreeModel</name>
    <message>
        <location filename="../ui/models/agenttreemodel.cpp" line="+93"/>
        <source>Container(%1) in another process</source>
        <translation>Container(%1) dans un autre processus</translation>
    </message>
    <message>
        <location line="+287"/>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Container</source>
        <translation>Conteneur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agents: %1, connections: %2</source>
        <translation>agents&#xa0;: %1, connexions&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agents: %1
Outgoing connections: %2
Incoming connections: %3</source>
        <translation>Agents&#xa0;: %1
Connexions sortantes&#xa0;: %2
Connexions entrantes&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A container&apos;s base address, or an agent&apos;s id in its container</source>
        <translation>L&apos;adresse de base d&apos;un conteneur, ou l&apos;identifiant d&apos;un agent dans son conteneur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agent&apos;s class</source>
        <translation>La classe de l&apos;agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A container&apos;s agents and open connections, or an agent&apos;s address</source>
        <translation>Les agents et les connexions ouvertes d&apos;un conteneur, ou l&apos;adresse d&apos;un agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agent&apos;s protocol state, as its demo describes it</source>
        <translation>L&apos;état de l&apos;agent dans le protocole, tel que sa démo le décrit</translation>
    </message>
</context>
<context>
    <name>mas::ui::AttachDialog</name>
    <message>
        <location filename="../ui/widgets/attachdialog.cpp" line="+19"/>
        <source>Attach to Container</source>
        <translation>Attacher à un conteneur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tcp://127.0.0.1:5555 or ipc:///tmp/agents.sock</source>
        <translation>tcp://127.0.0.1:5555 ou ipc:///tmp/agents.sock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The container&apos;s address, or one of its agents&apos; URLs</source>
        <translation>L&apos;adresse du conteneur, ou l&apos;URL de l&apos;un de ses agents</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PEM file (optional)</source>
        <translation>Fichier PEM (facultatif)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS: the CA certificate the container&apos;s certificate must be signed by</source>
        <translation>TLS&#xa0;: le certificat de l&apos;AC qui doit avoir signé le certificat du conteneur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS: the Inspector&apos;s own certificate (mutual TLS)</source>
        <translation>TLS&#xa0;: le propre certificat de MAS Inspector (TLS mutuel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS: the private key of that certificate</source>
        <translation>TLS&#xa0;: la clé privée de ce certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A libmas container started with --monitor shows all its traffic. Any other aiomas container shows the calls you make from the Call panel; to watch its traffic, tap it instead (Connect → Tap a Connection).</source>
        <translation>Un conteneur libmas démarré avec --monitor montre tout son trafic. Tout autre conteneur aiomas montre les appels que vous faites depuis le panneau Appel&#xa0;; pour observer son trafic, interceptez-le plutôt (Connexion → Intercepter une connexion).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach</source>
        <translation>Attacher</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Codec:</source>
        <translation>&amp;Codec&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS C&amp;A:</source>
        <translation>AC TL&amp;S&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS ce&amp;rtificate:</source>
        <translation>Ce&amp;rtificat TLS&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS &amp;key:</source>
        <translation>C&amp;lé TLS&#xa0;:</translation>
    </message>
</context>
<context>
    <name>mas::ui::CallPanel</name>
    <message>
        <location filename="../ui/widgets/callpanel.cpp" line="+32"/>
        <source>The %1 are not valid JSON: %2</source>
        <translation>Les %1 ne sont pas du JSON valide&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>tcp://127.0.0.1:5555/0 or tcp://127.0.0.1:5555</source>
        <translation>tcp://127.0.0.1:5555/0 ou tcp://127.0.0.1:5555</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An agent URL (the method is called on that agent) or a service address</source>
        <translation>Une URL d&apos;agent (la méthode est appelée sur cet agent) ou l&apos;adresse d&apos;un service</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The codec the service speaks (aiomas&apos;s default is JSON)</source>
        <translation>Le codec que parle le service (JSON par défaut dans aiomas)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The method&apos;s path, e.g. service or calc/mul; paths seen in the traffic are offered</source>
        <translation>Le chemin de la méthode, par ex. service ou calc/mul&#xa0;; les chemins vus dans le trafic sont proposés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>42, &quot;text&quot;, [1, 2]</source>
        <translation>42, &quot;texte&quot;, [1, 2]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positional arguments as JSON values, separated by commas</source>
        <translation>Arguments positionnels sous forme de valeurs JSON, séparés par des virgules</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;name&quot;: value, …</source>
        <translation>&quot;nom&quot;: valeur, …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyword arguments as JSON &quot;name&quot;: value pairs, separated by commas</source>
        <translation>Arguments nommés sous forme de paires JSON &quot;nom&quot;: valeur, séparées par des virgules</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long to wait for the connection and the reply</source>
        <translation>Durée maximale d&apos;attente de la connexion et de la réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Call</source>
        <translation>Appe&amp;ler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call the method and show the result below (Ctrl+Return)</source>
        <translation>Appeler la méthode et afficher le résultat ci-dessous (Ctrl+Return)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear</source>
        <translation>Efface&amp;r</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the result pane</source>
        <translation>Effacer le panneau des résultats</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Call results</source>
        <translation>Résultats des appels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results and errors of your calls appear here.</source>
        <translation>Les résultats et les erreurs de vos appels s&apos;affichent ici.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Target:</source>
        <translation>C&amp;ible&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Method:</source>
        <translation>&amp;Méthode&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arguments:</source>
        <translation>Ar&amp;guments&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keywords:</source>
        <translation>Arguments &amp;nommés&#xa0;:</translation>
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
        <translation>Un appel est déjà en cours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter an address to call, e.g. tcp://127.0.0.1:5555/0</source>
        <translation>Saisissez une adresse à appeler, par ex. tcp://127.0.0.1:5555/0</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the method&apos;s path, e.g. service</source>
        <translation>Saisissez le chemin de la méthode, par ex. service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arguments</source>
        <translation>arguments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keywords</source>
        <translation>arguments nommés</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The call was not made</source>
        <translation>L&apos;appel n&apos;a pas été effectué</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Agent &quot;%1&quot; does not exist at %2</source>
        <translation>L&apos;agent «&#xa0;%1&#xa0;» n&apos;existe pas à l&apos;adresse %2</translation>
    </message>
</context>
<context>
    <name>mas::ui::CausalActions</name>
    <message>
        <location filename="../ui/widgets/causalactions.cpp" line="+31"/>
        <source>Causal &amp;Slice</source>
        <translation>Tranche &amp;causale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highlight what the selected event depends on (its past, blue) and what depends on it (its future, orange); everything else is dimmed</source>
        <translation>Mettre en évidence ce dont dépend l&apos;événement sélectionné (son passé, en bleu) et ce qui dépend de lui (son futur, en orange)&#xa0;; tout le reste est estompé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show &amp;Only the Slice</source>
        <translation>Afficher &amp;uniquement la tranche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>While a causal slice is shown, the table lists only its events</source>
        <translation>Tant qu&apos;une tranche causale est affichée, le tableau ne liste que ses événements</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;End Causal Slice</source>
        <translation>&amp;Quitter la tranche causale</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fold Repeated &amp;Rounds</source>
        <translation>Replier les t&amp;ours répétés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show each run of repeated rounds (the same messages between the same agents, again and again) as one row; double-click it to expand</source>
        <translation>Afficher chaque série de tours répétés (les mêmes messages entre les mêmes agents, encore et encore) sur une seule ligne&#xa0;; double-cliquez dessus pour la déplier</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Select an event to see its causal slice</source>
        <translation>Sélectionnez un événement pour voir sa tranche causale</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Causal slice of event %1: %n event(s) before it, %2 after it</source>
        <translation>
            <numerusform>Tranche causale de l&apos;événement %1&#xa0;: %n événement avant, %2 après</numerusform>
            <numerusform>Tranche causale de l&apos;événement %1&#xa0;: %n événements avant, %2 après</numerusform>
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
        <translation>Le temps simulé&#xa0;: des secondes à l&apos;échelle de l&apos;horloge</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The simulated time as a date (UTC): what the agents see as &quot;now&quot;</source>
        <translation>Le temps simulé sous forme de date (UTC)&#xa0;: ce que les agents voient comme «&#xa0;maintenant&#xa0;»</translation>
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
        <translation>De combien «&#xa0;Avancer&#xa0;» fait avancer l&apos;horloge, en secondes simulées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advance</source>
        <translation>Avancer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the clock forward by the step; timers that become due run</source>
        <translation>Faire avancer l&apos;horloge du pas indiqué&#xa0;; les minuteurs arrivés à échéance s&apos;exécutent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next timer</source>
        <translation>Minuteur suivant</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A simulated time to jump to; it must be later than the current time</source>
        <translation>Un temps simulé auquel sauter&#xa0;; il doit être postérieur au temps actuel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set</source>
        <translation>Régler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the clock to the time on the left; every timer due by then runs</source>
        <translation>Régler l&apos;horloge sur le temps indiqué à gauche&#xa0;; tous les minuteurs échus d&apos;ici là s&apos;exécutent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How fast &quot;Run&quot; moves the clock, relative to real time</source>
        <translation>Vitesse à laquelle «&#xa0;Lancer&#xa0;» fait avancer l&apos;horloge, par rapport au temps réel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the clock continuously at the chosen speed until &quot;Stop&quot;</source>
        <translation>Faire avancer l&apos;horloge en continu à la vitesse choisie jusqu&apos;à «&#xa0;Arrêter&#xa0;»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop moving the clock</source>
        <translation>Arrêter l&apos;horloge</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Step:</source>
        <translation>&amp;Pas&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Time:</source>
        <translation>&amp;Temps&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;peed:</source>
        <translation>&amp;Vitesse&#xa0;:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due in</source>
        <translation>Dans</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Timers waiting on the clock, in the order they will fire: sleeping agents and scheduled calls</source>
        <translation>Minuteurs en attente sur l&apos;horloge, dans l&apos;ordre où ils se déclencheront&#xa0;: agents endormis et appels programmés</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The outcome of the last action</source>
        <translation>Le résultat de la dernière action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulated time</source>
        <translation>Temps simulé</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+106"/>
        <source>Running at %1 real time</source>
        <translation>En marche à %1 le temps réel</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>No simulated clock: the system runs in real time.</source>
        <translation>Pas d&apos;horloge simulée&#xa0;: le système fonctionne en temps réel.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The clock is gone: the system runs in real time.</source>
        <translation>L&apos;horloge a disparu&#xa0;: le système fonctionne en temps réel.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>There is no simulated clock to set</source>
        <translation>Il n&apos;y a pas d&apos;horloge simulée à régler</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>There is no simulated clock to advance</source>
        <translation>Il n&apos;y a pas d&apos;horloge simulée à faire avancer</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stopped at %1 s</source>
        <translation>Arrêtée à %1 s</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Real time</source>
        <translation>Temps réel</translation>
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
        <translation>Minuteurs en attente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pending timers (%1)</source>
        <translation>Minuteurs en attente (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>+%1 s</source>
        <translation>+%1 s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>due now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(callback)</source>
        <translation>(rappel)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timer %1: a coroutine sleeping until %2 s</source>
        <translation>Minuteur %1&#xa0;: une coroutine qui dort jusqu&apos;à %2 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timer %1: a callback scheduled for %2 s</source>
        <translation>Minuteur %1&#xa0;: un rappel programmé pour %2 s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Move the clock to the next timer&apos;s deadline (%1 s)</source>
        <translation>Faire avancer l&apos;horloge jusqu&apos;à l&apos;échéance du prochain minuteur (%1 s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the clock to the next timer&apos;s deadline (no timer is pending)</source>
        <translation>Faire avancer l&apos;horloge jusqu&apos;à l&apos;échéance du prochain minuteur (aucun minuteur en attente)</translation>
    </message>
</context>
<context>
    <name>mas::ui::CoSimulationPanel</name>
    <message>
        <location filename="../ui/widgets/cosimulationpanel.cpp" line="+28"/>
        <source>Hold at step</source>
        <translation>Suspendre au pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause the co-simulation before the first step at this time or later: the simulator does not answer mosaik until you continue</source>
        <translation>Mettre la co-simulation en pause avant le premier pas à ce temps ou plus tard&#xa0;: le simulateur ne répond pas à mosaik tant que vous ne continuez pas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step time to hold at</source>
        <translation>Temps du pas auquel suspendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold every step</source>
        <translation>Suspendre à chaque pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Single-step the co-simulation: every step waits for Continue</source>
        <translation>Co-simulation pas à pas&#xa0;: chaque pas attend Continuer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Continue</source>
        <translation>Contin&amp;uer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let the held step run and answer mosaik (F8)</source>
        <translation>Laisser le pas suspendu s&apos;exécuter et répondre à mosaik (F8)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tep</source>
        <translation>Pa&amp;s à pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let the held step run, then hold the next one (Shift+F8)</source>
        <translation>Laisser le pas suspendu s&apos;exécuter, puis suspendre le suivant (Shift+F8)</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Host a mosaik simulator with Connect → Host a mosaik Simulator.</source>
        <translation>Hébergez un simulateur mosaik avec Connexion → Héberger un simulateur mosaik.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simulated time: step %1 = %2 s (%3)</source>
        <translation>Temps simulé&#xa0;: pas %1 = %2 s (%3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Simulated time: before the first step</source>
        <translation>Temps simulé&#xa0;: avant le premier pas</translation>
    </message>
</context>
<context>
    <name>mas::ui::EventFilterModel</name>
    <message>
        <location filename="../ui/models/eventtablemodel.cpp" line="+719"/>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sends</source>
        <translation>Envois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deliveries</source>
        <translation>Délivrances</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drops</source>
        <translation>Suppressions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faults (drops, duplicates, delays)</source>
        <translation>Fautes (suppressions, duplications, retards)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message events</source>
        <translation>Événements de message</translation>
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
            <numerusform>%n tour de %1 chacun&#xa0;; double-cliquez pour le replier dans cette ligne</numerusform>
            <numerusform>%n tours de %1 chacun&#xa0;; double-cliquez pour les replier dans cette ligne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n round(s) of %1 each, folded into this row; double-click to show them</source>
        <translation>
            <numerusform>%n tour de %1 chacun, replié dans cette ligne&#xa0;; double-cliquez pour l&apos;afficher</numerusform>
            <numerusform>%n tours de %1 chacun, repliés dans cette ligne&#xa0;; double-cliquez pour les afficher</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This step breaks &quot;%1&quot;</source>
        <translation>Cette étape viole «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This message&apos;s delivery breaks &quot;%1&quot;</source>
        <translation>La délivrance de ce message viole «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Event %1 of the run</source>
        <translation>Événement %1 de l&apos;exécution</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simulated time %1 s, wall clock %2</source>
        <translation>Temps simulé %1 s, heure réelle %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message %1 entered the queue</source>
        <translation>Le message %1 est entré dans la file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message %1 reached its receiver</source>
        <translation>Le message %1 a atteint son destinataire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message %1 was discarded (fault injection)</source>
        <translation>Le message %1 a été supprimé (injection de fautes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message %1 is a copy of message %2</source>
        <translation>Le message %1 est une copie du message %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message %1 was moved back in the delivery order (by %2)</source>
        <translation>Le message %1 a été reculé dans l&apos;ordre de délivrance (de %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection %1 opened</source>
        <translation>Connexion %1 ouverte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One end of connection %1 closed</source>
        <translation>Une extrémité de la connexion %1 s&apos;est fermée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The clock was set to %1 s</source>
        <translation>L&apos;horloge a été réglée sur %1 s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (request id %2)</source>
        <translation>%1 (identifiant de requête %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 bytes, frame header included</source>
        <translation>%1 octets, en-tête de trame compris</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sim time</source>
        <translation>Temps sim.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The event&apos;s number in the run (#, as in the diagram&apos;s margin); a message&apos;s own id, which its events share, is the Message id of its details and the pending list&apos;s Id</source>
        <translation>Le numéro de l&apos;événement dans l&apos;exécution (#, comme dans la marge du diagramme)&#xa0;; l&apos;identifiant propre d&apos;un message, que partagent ses événements, est l&apos;«&#xa0;Identifiant du message&#xa0;» de ses détails et la colonne Id de la liste d&apos;attente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simulated clock time in seconds when the event happened</source>
        <translation>Le temps de l&apos;horloge simulée, en secondes, au moment de l&apos;événement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What happened: sent, delivered, dropped, duplicated, delayed, a connection or the clock</source>
        <translation>Ce qui s&apos;est passé&#xa0;: envoi, délivrance, suppression, duplication, retard, une connexion ou l&apos;horloge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the message says: the method and its arguments, &quot;election(25)&quot;; a reply shows the method it answers and its value, &quot;→ cfp: 7&quot;</source>
        <translation>Ce que dit le message&#xa0;: la méthode et ses arguments, «&#xa0;election(25)&#xa0;»&#xa0;; une réponse montre la méthode à laquelle elle répond et sa valeur, «&#xa0;→ cfp: 7&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request, result or failure</source>
        <translation>Requête, résultat ou échec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender, by the name its system gives it (its address in the status bar)</source>
        <translation>L&apos;expéditeur, sous le nom que lui donne son système (son adresse dans la barre d&apos;état)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receiver, by the name its system gives it (its address in the status bar)</source>
        <translation>Le destinataire, sous le nom que lui donne son système (son adresse dans la barre d&apos;état)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The RPC path of the request (or of the request a reply answers)</source>
        <translation>Le chemin RPC de la requête (ou de la requête à laquelle répond une réponse)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The frame&apos;s size, header included</source>
        <translation>La taille de la trame, en-tête compris</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The decoded message content (hover a cell for all of it)</source>
        <translation>Le contenu décodé du message (survolez une cellule pour le voir en entier)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered</source>
        <translation>Délivré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dropped</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicated</source>
        <translation>Dupliqué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delayed</source>
        <translation>Retardé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock set</source>
        <translation>Horloge réglée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>request</source>
        <translation>requête</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>result</source>
        <translation>résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failure</source>
        <translation>échec</translation>
    </message>
</context>
<context>
    <name>mas::ui::ExploreDialog</name>
    <message>
        <location filename="../ui/widgets/exploredialog.cpp" line="+21"/>
        <source>Explore Interleavings</source>
        <translation>Explorer les entrelacements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every invariant</source>
        <translation>Tous les invariants</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The invariant (or goal, checked when nothing is pending) that must hold</source>
        <translation>L&apos;invariant (ou l&apos;objectif, vérifié quand rien n&apos;est en attente) qui doit être respecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every order (depth first)</source>
        <translation>Tous les ordres (en profondeur d&apos;abord)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random walks</source>
        <translation>Marches aléatoires</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most this many runs (depth first) or walks (random)</source>
        <translation>Au plus ce nombre d&apos;exécutions (en profondeur) ou de marches (aléatoires)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many messages a run may drop (0: deliveries only)</source>
        <translation>Nombre de messages qu&apos;une exécution peut supprimer (0&#xa0;: délivrances uniquement)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional, e.g. %1</source>
        <translation>facultatif, par ex. %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A state condition that must never hold (the language of the State breakpoints tab); with &quot;Every invariant&quot; only the condition is checked</source>
        <translation>Une condition d&apos;état qui ne doit jamais être vraie (le langage de l&apos;onglet «&#xa0;Points d&apos;arrêt d&apos;état&#xa0;»)&#xa0;; avec «&#xa0;Tous les invariants&#xa0;», seule la condition est vérifiée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Explore</source>
        <translation>Explorer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Property:</source>
        <translation>&amp;Propriété&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search:</source>
        <translation>&amp;Recherche&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Budget:</source>
        <translation>&amp;Budget&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time limit:</source>
        <translation>&amp;Limite de temps&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dropped messages:</source>
        <translation>Messages &amp;supprimés&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Never:</source>
        <translation>&amp;Jamais&#xa0;:</translation>
    </message>
</context>
<context>
    <name>mas::ui::FileReader</name>
    <message>
        <location filename="../ui/session/fileloader.cpp" line="+135"/>
        <source>Reading %1 took too long</source>
        <translation>La lecture de %1 a pris trop de temps</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading %1 was cancelled</source>
        <translation>La lecture de %1 a été annulée</translation>
    </message>
</context>
<context>
    <name>mas::ui::InspectorSession</name>
    <message numerus="yes">
        <location filename="../ui/session/inspectorsession.cpp" line="-418"/>
        <source>Opened %1: %n agent(s), stepped</source>
        <translation>
            <numerusform>%1 ouvert&#xa0;: %n agent, pas à pas</numerusform>
            <numerusform>%1 ouvert&#xa0;: %n agents, pas à pas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reload Plug-ins works on a stepped system opened from a file (File → Open System…)</source>
        <translation>«&#xa0;Recharger les greffons&#xa0;» fonctionne sur un système exécuté pas à pas et ouvert depuis un fichier (Fichier → Ouvrir un système…)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+559"/>
        <location line="+77"/>
        <source>Another run or exploration is going on</source>
        <translation>Une autre exécution ou exploration est en cours</translation>
    </message>
    <message>
        <location line="-613"/>
        <source>%1 names no plug-in to reload (&quot;plugin_path&quot;)</source>
        <translation>%1 n&apos;indique aucun greffon à recharger (&quot;plugin_path&quot;)</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Reloaded %n plug-in(s): the recorded run replays identically</source>
        <translation>
            <numerusform>%n greffon rechargé&#xa0;: l&apos;exécution enregistrée se rejoue à l&apos;identique</numerusform>
            <numerusform>%n greffons rechargés&#xa0;: l&apos;exécution enregistrée se rejoue à l&apos;identique</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Reloaded %n plug-in(s): the new run differs from the recorded one at event %1 (%2 of %3 recorded steps replayed); was: %4</source>
        <translation>
            <numerusform>%n greffon rechargé&#xa0;: la nouvelle exécution diverge de celle enregistrée à l&apos;événement %1 (étapes enregistrées rejouées&#xa0;: %2 sur %3)&#xa0;; avant&#xa0;: %4</numerusform>
            <numerusform>%n greffons rechargés&#xa0;: la nouvelle exécution diverge de celle enregistrée à l&apos;événement %1 (étapes enregistrées rejouées&#xa0;: %2 sur %3)&#xa0;; avant&#xa0;: %4</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the end of the recording</source>
        <translation>la fin de l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+496"/>
        <location line="+63"/>
        <source>There is no demo called &quot;%1&quot;</source>
        <translation>Il n&apos;y a pas de démo nommée «&#xa0;%1&#xa0;»</translation>
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
        <translation>Aucun système n&apos;est en cours d&apos;exécution</translation>
    </message>
    <message>
        <location line="-551"/>
        <source>State breakpoint %1 hit: %2</source>
        <translation>Point d&apos;arrêt d&apos;état %1 atteint&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>Removed %1: calls to it now fail</source>
        <translation>%1 retiré&#xa0;: les appels qui lui sont adressés échouent désormais</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no agent %1 in this system</source>
        <translation>Il n&apos;y a pas d&apos;agent %1 dans ce système</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Tap %1 → %2 — MAS Inspector</source>
        <translation>Interception %1 → %2 — MAS Inspector</translation>
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
        <translation>Co-simulation mosaik — MAS Inspector</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exploring needs a demo system on the LocalQueue</source>
        <translation>L&apos;exploration nécessite un système de démonstration sur la LocalQueue</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>No counterexample is open</source>
        <translation>Aucun contre-exemple n&apos;est ouvert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explaining a counterexample needs a system on the LocalQueue</source>
        <translation>L&apos;explication d&apos;un contre-exemple nécessite un système sur la LocalQueue</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The programs have not answered the last step yet</source>
        <translation>Les programmes n&apos;ont pas encore répondu à la dernière étape</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select a pending message first</source>
        <translation>Sélectionnez d&apos;abord un message en attente</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+81"/>
        <location line="+21"/>
        <location line="+538"/>
        <source>Another run or step is going on</source>
        <translation>Une autre exécution ou étape est en cours</translation>
    </message>
    <message>
        <location line="-1109"/>
        <source>You left the counterexample after step %1 of %2: F10 now delivers the oldest pending message, and the Violation tab keeps the counterexample</source>
        <translation>Vous avez quitté le contre-exemple après l’étape %1 sur %2&#xa0;: F10 délivre maintenant le plus ancien message en attente, et l’onglet Violation garde le contre-exemple</translation>
    </message>
    <message numerus="yes">
        <location line="+345"/>
        <source>%1: %n schedule(s), %2</source>
        <translation>
            <numerusform>%1&#xa0;: %n ordonnancement, %2</numerusform>
            <numerusform>%1&#xa0;: %n ordonnancements, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n distinct state(s), %1 ms</source>
        <translation>
            <numerusform>%n état distinct, %1 ms</numerusform>
            <numerusform>%n états distincts, %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Violation of &quot;%1&quot; in %n step(s) (shrunk from %2)</source>
        <translation>
            <numerusform>Violation de «&#xa0;%1&#xa0;» en %n pas (réduite depuis %2)</numerusform>
            <numerusform>Violation de «&#xa0;%1&#xa0;» en %n pas (réduite depuis %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1; %n schedule(s) explored</source>
        <translation>
            <numerusform>%1&#xa0;; %n ordonnancement exploré</numerusform>
            <numerusform>%1&#xa0;; %n ordonnancements explorés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+86"/>
        <source>A replay is going on: wait for its end, or press Cancel in the status bar</source>
        <translation>Un rejeu est en cours&#xa0;: attendez sa fin, ou appuyez sur «&#xa0;Annuler&#xa0;» dans la barre d’état</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>Nothing is pending and no timer is due</source>
        <translation>Rien n&apos;est en attente et aucun minuteur n&apos;est échu</translation>
    </message>
    <message>
        <location line="+696"/>
        <source>End of the counterexample: &quot;%1&quot; is violated</source>
        <translation>Fin du contre-exemple : « %1 » est violée</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>End of the recorded run</source>
        <translation>Fin de l’exécution enregistrée</translation>
    </message>
    <message>
        <location line="-608"/>
        <source>The system no longer follows the recorded run: %1</source>
        <translation>Le système ne suit plus l’exécution enregistrée : %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Breakpoint: %1 → %2 %3</source>
        <translation>Point d&apos;arrêt&#xa0;: %1 → %2 %3</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>There is no system to save</source>
        <translation>Il n&apos;y a aucun système à enregistrer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Reading %1… %2%</source>
        <translation>Lecture de %1… %2 %</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+145"/>
        <source>Opening %1 was cancelled: nothing changed</source>
        <translation>L&apos;ouverture de %1 a été annulée : rien n&apos;a changé</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Another file is being opened</source>
        <translation>Un autre fichier est en cours d&apos;ouverture</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+23"/>
        <source>Reading %1 took too long</source>
        <translation>La lecture de %1 a pris trop de temps</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This session ran over sockets: its messages are shown, not replayed</source>
        <translation>Cette session s&apos;exécutait sur des sockets&#xa0;: ses messages sont affichés, mais pas rejoués</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Counterexample to &quot;%1&quot; in %n step(s): F10 plays the next step, F5 plays it to its end</source>
        <translation>
            <numerusform>Contre-exemple à « %1 » en %n étape : F10 joue l’étape suivante, F5 le joue jusqu’au bout</numerusform>
            <numerusform>Contre-exemple à « %1 » en %n étapes : F10 joue l’étape suivante, F5 le joue jusqu’au bout</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Adding the events of %1… %2%</source>
        <translation>Ajout des événements de %1… %2 %</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>There is no event %1 to step back to</source>
        <translation>Il n&apos;y a pas d&apos;événement %1 auquel revenir</translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>%n step(s) before step %1, which broke &quot;%2&quot;: F10 plays the next step toward it</source>
        <translation>
            <numerusform>%n étape avant l’étape %1, qui a violé «&#xa0;%2&#xa0;»&#xa0;: F10 joue l’étape suivante vers elle</numerusform>
            <numerusform>%n étapes avant l’étape %1, qui a violé «&#xa0;%2&#xa0;»&#xa0;: F10 joue l’étape suivante vers elle</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>step %1 of %2 of the counterexample: F10 plays its next step</source>
        <translation>étape %1 sur %2 du contre-exemple&#xa0;: F10 joue son étape suivante</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n step(s) after step %1, which broke &quot;%2&quot; (the Violation tab keeps it)</source>
        <translation>
            <numerusform>%n étape après l’étape %1, qui a violé «&#xa0;%2&#xa0;» (l’onglet Violation la garde)</numerusform>
            <numerusform>%n étapes après l’étape %1, qui a violé «&#xa0;%2&#xa0;» (l’onglet Violation la garde)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at step %1, which broke &quot;%2&quot; (the Violation tab shows it)</source>
        <translation>à l’étape %1, qui a violé «&#xa0;%2&#xa0;» (l’onglet Violation la montre)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this run left the counterexample after step %1 of %2 (the Violation tab keeps it)</source>
        <translation>cette exécution a quitté le contre-exemple après l’étape %1 sur %2 (l’onglet Violation le garde)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Stepping back to event %1 ended at event %2 instead of %3</source>
        <translation>Le retour à l’événement %1 s’est arrêté à l’événement %2 au lieu de %3</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Event %1 is no longer kept (only the last %n event(s) are): stepped back to event %2, as far back as the kept events reach</source>
        <translation>
            <numerusform>L&apos;événement %1 n&apos;est plus conservé (seul %n événement, le dernier, l&apos;est)&#xa0;: retour à l&apos;événement %2, aussi loin que remontent les événements conservés</numerusform>
            <numerusform>L&apos;événement %1 n&apos;est plus conservé (seuls les %n derniers événements le sont)&#xa0;: retour à l&apos;événement %2, aussi loin que remontent les événements conservés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stepped back to event %1</source>
        <translation>Retour à l’événement %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stepped back to event %1 (the end of the step that produced event %2)</source>
        <translation>Retour à l’événement %1 (la fin de l’étape qui a produit l’événement %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1; %2</source>
        <translation>%1&#xa0;; %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The system no longer follows the recorded run at step %1: %2</source>
        <translation>Le système ne suit plus l’exécution enregistrée à l’étape %1 : %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Step %1 broke &quot;%2&quot; again, as when the violation was found</source>
        <translation>L’étape %1 a de nouveau violé «&#xa0;%2&#xa0;», comme lorsque la violation a été trouvée</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Replaying %n event(s)…</source>
        <translation>
            <numerusform>Rejeu de %n événement…</numerusform>
            <numerusform>Rejeu de %n événements…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Replayed %n action(s)</source>
        <translation>
            <numerusform>%n action rejouée</numerusform>
            <numerusform>%n actions rejouées</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1730"/>
        <location line="+1758"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-1743"/>
        <source>%1 is not a session, a counterexample of mas explore or a system file</source>
        <translation>%1 n&apos;est ni une session, ni un contre-exemple de mas explore, ni un fichier de système</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Python: %1</source>
        <translation>Python&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python programs run by the masstep runner: their frames wait on the stepped network, their timers on its clock.</source>
        <translation>Programmes Python exécutés par le runner masstep&#xa0;: leurs trames attendent sur le réseau piloté pas à pas, leurs minuteurs sur son horloge.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No Python program to open</source>
        <translation>Aucun programme Python à ouvrir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opened %1: stepped</source>
        <translation>%1 ouvert&#xa0;: pas à pas</translation>
    </message>
    <message>
        <location line="+1229"/>
        <location line="+94"/>
        <location line="+9"/>
        <source>Reading %1 was cancelled</source>
        <translation>La lecture de %1 a été annulée</translation>
    </message>
    <message>
        <location line="+333"/>
        <source>Replay cancelled at event %1 of %2: stepping goes on from there</source>
        <translation>Rejeu annulé à l&apos;événement %1 sur %2&#xa0;: le pas à pas reprend à partir de là</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+21"/>
        <source>Could not write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
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
        <translation>Tableau des messages</translation>
    </message>
    <message>
        <location line="+220"/>
        <source>Containers and agents</source>
        <translation>Conteneurs et agents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The containers and their agents; right-click an agent to call or remove it</source>
        <translation>Les conteneurs et leurs agents&#xa0;; clic droit sur un agent pour l&apos;appeler ou le retirer</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+235"/>
        <location line="+145"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location line="-363"/>
        <location line="+14"/>
        <source>Pending messages</source>
        <translation>Messages en attente</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Messages sent but not yet delivered. Pick one and deliver it to try another interleaving, or drop, duplicate or delay it.</source>
        <translation>Messages envoyés mais pas encore délivrés. Choisissez-en un et délivrez-le pour essayer un autre entrelacement, ou bien supprimez-le, dupliquez-le ou retardez-le.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Clock</source>
        <translation>Horloge</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call any exposed method of an agent or service, like mas call</source>
        <translation>Appeler n&apos;importe quelle méthode exposée d&apos;un agent ou d&apos;un service, comme mas call</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>&amp;New System</source>
        <translation>&amp;Nouveau système</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Build a fresh demo system with the parameters in the tool bar</source>
        <translation>Construire un nouveau système de démonstration avec les paramètres de la barre d&apos;outils</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Time (s)</source>
        <translation>Temps (s)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seconds since the Inspector attached to the container</source>
        <translation>Secondes écoulées depuis que MAS Inspector s&apos;est attaché au conteneur</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Processes</source>
        <translation>Processus</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Violation</source>
        <translation>Violation</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a saved session (replayed), a counterexample of mas explore (at its start) or a system file</source>
        <translation>Ouvrir une session enregistrée (rejouée), un contre-exemple de mas explore (à son début) ou un fichier de système</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open S&amp;ystem…</source>
        <translation>Ouvrir un s&amp;ystème…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a system file (JSON: containers, agents of your plug-ins, invariants) and step it</source>
        <translation>Ouvrir un fichier de système (JSON&#xa0;: conteneurs, agents de vos greffons, invariants) et l&apos;exécuter pas à pas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open System</source>
        <translation>Ouvrir un système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System files (*.json);;All files (*)</source>
        <translation>Fichiers de système (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Python Program…</source>
        <translation>Ouvrir un programme &amp;Python…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run a Python asyncio program (aiomas too) under the masstep runner and step its messages</source>
        <translation>Exécuter un programme Python asyncio (aiomas aussi) sous le runner masstep et délivrer ses messages pas à pas</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Open Python Program</source>
        <translation>Ouvrir un programme Python</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Python programs (*.py);;All files (*)</source>
        <translation>Programmes Python (*.py);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Arguments of %1:</source>
        <translation>Arguments de %1&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;load Plug-ins</source>
        <translation>Recharger les &amp;greffons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After a rebuild: load the system file&apos;s plug-ins again and replay the recorded delivery order against the new code, showing the first event where the run differs</source>
        <translation>Après une recompilation&#xa0;: recharger les greffons du fichier de système et rejouer l&apos;ordre de délivrance enregistré avec le nouveau code, en montrant le premier événement où l&apos;exécution diverge</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save Session…</source>
        <translation>&amp;Enregistrer la session…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the system&apos;s set-up and its event log</source>
        <translation>Enregistrer la configuration du système et son journal d&apos;événements</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save Session</source>
        <translation>Enregistrer la session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAS sessions (*.massession)</source>
        <translation>Sessions MAS (*.massession)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Step</source>
        <translation>&amp;Pas à pas</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+712"/>
        <source>Deliver the oldest pending message (F10)</source>
        <translation>Délivrer le plus ancien message en attente (F10)</translation>
    </message>
    <message>
        <location line="-708"/>
        <location line="+189"/>
        <source>&amp;Run</source>
        <translation>E&amp;xécuter</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>Deliver messages until a breakpoint hits or the system is idle; moves the clock to the next timer when nothing is pending (F5)</source>
        <translation>Délivrer des messages jusqu&apos;à un point d&apos;arrêt ou jusqu&apos;à ce que le système soit inactif&#xa0;; fait avancer l&apos;horloge jusqu&apos;au prochain minuteur quand rien n&apos;est en attente (F5)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Pause</source>
        <translation>Pa&amp;use</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop running at the next message (Shift+F5)</source>
        <translation>Arrêter l&apos;exécution au prochain message (Shift+F5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run Until &amp;Idle</source>
        <translation>Exécuter jusqu&apos;à l&apos;&amp;inactivité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deliver messages until none is pending, without moving the clock</source>
        <translation>Délivrer des messages jusqu&apos;à ce qu&apos;aucun ne soit en attente, sans faire avancer l&apos;horloge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Deliver Selected</source>
        <translation>&amp;Délivrer la sélection</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deliver the message selected in the pending list now, ahead of older ones</source>
        <translation>Délivrer maintenant le message sélectionné dans la liste d&apos;attente, avant les plus anciens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;rop</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discard the selected pending message (a lost message)</source>
        <translation>Supprimer le message en attente sélectionné (un message perdu)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>D&amp;uplicate</source>
        <translation>Dup&amp;liquer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deliver the selected pending message twice</source>
        <translation>Délivrer deux fois le message en attente sélectionné</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>De&amp;lay</source>
        <translation>&amp;Retarder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected pending message behind all others</source>
        <translation>Placer le message en attente sélectionné derrière tous les autres</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step &amp;Back to Selected</source>
        <translation>Re&amp;venir à la sélection</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rebuild the system and replay the log up to the selected message</source>
        <translation>Reconstruire le système et rejouer le journal jusqu&apos;au message sélectionné</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select the event to step back to in the message table (or click it in the sequence diagram), then press Ctrl+B</source>
        <translation>Sélectionnez l’événement auquel revenir dans le tableau des messages (ou cliquez dessus dans le diagramme de séquence), puis appuyez sur Ctrl+B</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Explore Interleavings…</source>
        <translation>&amp;Explorer les entrelacements…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the demo&apos;s delivery orders (and faults) for a run that breaks one of its properties, then open the shortest such run found</source>
        <translation>Chercher parmi les ordres de délivrance (et les fautes) de la démo une exécution qui viole l&apos;une de ses propriétés, puis ouvrir la plus courte trouvée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Attach to Container…</source>
        <translation>&amp;Attacher à un conteneur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to a running container (libmas or Python aiomas) and watch its traffic</source>
        <translation>Se connecter à un conteneur en cours d&apos;exécution (libmas ou Python aiomas) et observer son trafic</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tap a Connection…</source>
        <translation>&amp;Intercepter une connexion…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay between clients and an aiomas server on a port of your choice and show their frames</source>
        <translation>Relayer entre des clients et un serveur aiomas sur le port de votre choix et afficher leurs trames</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Detach</source>
        <translation>&amp;Détacher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop watching; the recorded messages stay</source>
        <translation>Arrêter l&apos;observation&#xa0;; les messages enregistrés sont conservés</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo system</source>
        <translation>Système de démonstration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The built-in demo system to build</source>
        <translation>Le système de démonstration intégré à construire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>agents: </source>
        <translation>agents&#xa0;: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many agents the demo has</source>
        <translation>Nombre d&apos;agents de la démo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seed: </source>
        <translation>graine&#xa0;: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds everything random in the demo (ids, graphs, bids, votes)</source>
        <translation>Initialise tout l&apos;aléatoire de la démo (identifiants, graphes, offres, votes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>faulty</source>
        <translation>avec défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build the variant with a known fault (a teaching bug or a crash)</source>
        <translation>Construire la variante comportant un défaut connu (un bogue pédagogique ou une panne)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LocalQueue (steppable)</source>
        <translation>LocalQueue (pas à pas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP on 127.0.0.1</source>
        <translation>TCP sur 127.0.0.1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unix sockets</source>
        <translation>Sockets Unix</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How the containers talk: the in-process LocalQueue can be stepped message by message; TCP and Unix sockets run free over real sockets and are watched</source>
        <translation>Comment les conteneurs communiquent&#xa0;: la LocalQueue interne au processus peut être avancée message par message&#xa0;; TCP et les sockets Unix fonctionnent librement sur de vrais sockets et sont observés</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stepping</source>
        <translation>Pas à pas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run speed</source>
        <translation>Vitesse d&apos;exécution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full speed</source>
        <translation>Vitesse maximale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How fast Run delivers messages, so that you can watch them go</source>
        <translation>Vitesse à laquelle Exécuter délivre les messages, pour que vous puissiez les suivre</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Break on method, argument, sender or receiver…</source>
        <translation>Arrêt sur méthode, argument, expéditeur, destinataire…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run stops before delivering a shown message whose label (method and arguments), sender or receiver contains this text</source>
        <translation>Exécuter s&apos;arrête avant de délivrer un message affiché dont le libellé (méthode et arguments), l&apos;expéditeur ou le destinataire contient ce texte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir une session &amp;récente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Compare With Log…</source>
        <translation>&amp;Comparer avec un journal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load another run&apos;s event log and jump to the first event where the runs part</source>
        <translation>Charger le journal d&apos;événements d&apos;une autre exécution et aller au premier événement où les exécutions divergent</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>Compare With Log</source>
        <translation>Comparer avec un journal</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Event logs (*.jsonl *.massession);;All files (*)</source>
        <translation>Journaux d&apos;événements (*.jsonl *.massession);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sequence Diagram…</source>
        <translation>Diagramme de séquence…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Sequence Diagram</source>
        <translation>Exporter le diagramme de séquence</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Agent Graph…</source>
        <translation>Graphe des agents…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Agent Graph</source>
        <translation>Exporter le graphe des agents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message Table (CSV)…</source>
        <translation>Tableau des messages (CSV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Message Table</source>
        <translation>Exporter le tableau des messages</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connect</source>
        <translation>&amp;Connexion</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../ui/widgets/inspectorwindow_present.cpp" line="+24"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the system does: its rules, its messages, what must always hold</source>
        <translation>Ce que fait le système&#xa0;: ses règles, ses messages, ce qui doit toujours être vrai</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Larger text in every view and panel</source>
        <translation>Texte plus grand dans chaque vue et chaque panneau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Smaller text in every view and panel</source>
        <translation>Texte plus petit dans chaque vue et chaque panneau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actual Size</source>
        <translation>Taille ré&amp;elle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text at its normal size again</source>
        <translation>Texte de nouveau à sa taille normale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Presentation</source>
        <translation>&amp;Présentation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For a projector: larger text, high contrast, the pending list and the diagram first (again to leave)</source>
        <translation>Pour un projecteur&#xa0;: texte plus grand, contraste élevé, la liste d&apos;attente et le diagramme d&apos;abord (à nouveau pour quitter)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/inspectorwindow.cpp" line="+7"/>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System Default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About MAS Inspector</source>
        <translation>À &amp;propos de MAS Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About MAS Inspector</source>
        <translation>À propos de MAS Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;MAS Inspector %1&lt;/h3&gt;&lt;p&gt;Runs, steps and shows multi-agent systems built with libmas, the C++/Qt port of aiomas.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3). MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MAS Inspector %1&lt;/h3&gt;&lt;p&gt;Exécute, fait avancer pas à pas et affiche des systèmes multi-agents construits avec libmas, le portage C++/Qt d&apos;aiomas.&lt;/p&gt;&lt;p&gt;Qt %2 (compilé avec %3). Licence MIT.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>&amp;Call This Agent…</source>
        <translation>&amp;Appeler cet agent…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the agent&apos;s URL into the Call panel</source>
        <translation>Mettre l&apos;URL de l&apos;agent dans le panneau Appel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove Agent</source>
        <translation>&amp;Retirer l&apos;agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the agent out of its container, as if it crashed</source>
        <translation>Retirer l&apos;agent de son conteneur, comme s&apos;il était tombé en panne</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Exploring delivery orders…</source>
        <translation>Exploration des ordres de délivrance…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explore</source>
        <translation>Explorer</translation>
    </message>
    <message>
        <location line="-695"/>
        <source>Schedules: %1 · states: %2 (%3 distinct) · deepest run: %4 steps</source>
        <translation>Ordonnancements&#xa0;: %1 · états&#xa0;: %2 (%3 distincts) · exécution la plus profonde&#xa0;: %4 pas</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>The step that breaks an invariant (stepped, run, replayed or opened), and the states of its agents before and after it</source>
        <translation>L&apos;étape qui viole un invariant (pas à pas, exécutée, rejouée ou ouverte), et les états de ses agents avant et après elle</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>State breakpoints</source>
        <translation>Points d&apos;arrêt d&apos;état</translation>
    </message>
    <message>
        <location line="+435"/>
        <source>Listens on %1</source>
        <translation>Écoute sur %1</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Tapping: point the clients at %1</source>
        <translation>Interception&#xa0;: dirigez les clients vers %1</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>All Inspector files (*.massession *.jsonl *.json)</source>
        <translation>Tous les fichiers de MAS Inspector (*.massession *.jsonl *.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions (*.massession)</source>
        <translation>Sessions (*.massession)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterexamples of mas explore (*.jsonl)</source>
        <translation>Contre-exemples de mas explore (*.jsonl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System files (*.json)</source>
        <translation>Fichiers de système (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Play the counterexample&apos;s next step (F10)</source>
        <translation>Jouer l&apos;étape suivante du contre-exemple (F10)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>t = %1 s</source>
        <translation>t = %1 s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>real time</source>
        <translation>temps réel</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 (%n hidden)</source>
        <translation>
            <numerusform>%1 (%n masqué)</numerusform>
            <numerusform>%1 (%n masqués)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of them plumbing, hidden (View → Show Plumbing)</source>
        <translation>
            <numerusform>dont %n message d&apos;infrastructure masqué (Affichage → Afficher l&apos;infrastructure)</numerusform>
            <numerusform>dont %n messages d&apos;infrastructure masqués (Affichage → Afficher l&apos;infrastructure)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Tapping %1 → %2: %n connection(s)</source>
        <translation>
            <numerusform>Interception %1 → %2&#xa0;: %n connexion</numerusform>
            <numerusform>Interception %1 → %2&#xa0;: %n connexions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source> — %n agent(s)</source>
        <translation>
            <numerusform> — %n agent</numerusform>
            <numerusform> — %n agents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> — %n event(s) missed</source>
        <translation>
            <numerusform> — %n événement manqué</numerusform>
            <numerusform> — %n événements manqués</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a demo and press New System, or attach to a running container.</source>
        <translation>Choisissez une démo et appuyez sur Nouveau système, ou attachez-vous à un conteneur en cours d&apos;exécution.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VIOLATED: %1 — %2</source>
        <translation>VIOLÉ&#xa0;: %1 — %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Toward the violation: step %1 of %2 — %3</source>
        <translation>Vers la violation&#xa0;: étape %1 sur %2 — %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counterexample: step %1 of %2 — %3</source>
        <translation>Contre-exemple : étape %1 sur %2 — %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running… %1</source>
        <translation>En cours… %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The new language applies when MAS Inspector starts next time</source>
        <translation>La nouvelle langue s&apos;appliquera au prochain démarrage de MAS Inspector</translation>
    </message>
    <message>
        <location filename="../ui/widgets/inspectorwindow_mosaik.cpp" line="+35"/>
        <source>Co-simulation</source>
        <translation>Co-simulation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A mosaik simulator hosted by the Inspector: hold the co-simulation at a step</source>
        <translation>Un simulateur mosaik hébergé par MAS Inspector&#xa0;: suspendre la co-simulation à un pas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host a &amp;mosaik Simulator…</source>
        <translation>Héberger un simulateur &amp;mosaik…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the Counter simulator for a mosaik co-simulation, watch its messages and hold it at a step</source>
        <translation>Exécuter le simulateur Counter pour une co-simulation mosaik, observer ses messages et le suspendre à un pas</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>mosaik drives this clock: each step sets it to step × time_resolution.</source>
        <translation>mosaik pilote cette horloge&#xa0;: chaque pas la règle sur pas × time_resolution.</translation>
    </message>
</context>
<context>
    <name>mas::ui::LoadProgress</name>
    <message>
        <location filename="../ui/widgets/loadprogress.cpp" line="+14"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening progress</source>
        <translation>Progression de l&apos;ouverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop opening the file: the window stays as it was</source>
        <translation>Arrêter l&apos;ouverture du fichier&#xa0;: la fenêtre reste telle qu&apos;elle était</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the file</source>
        <translation>Lecture du fichier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adding its events</source>
        <translation>Ajout de ses événements</translation>
    </message>
</context>
<context>
    <name>mas::ui::LookAheadActions</name>
    <message>
        <location filename="../ui/widgets/lookaheadactions.cpp" line="+107"/>
        <source>Look &amp;Ahead</source>
        <translation>A&amp;nticipation</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look-ahead depth</source>
        <translation>Profondeur d&apos;anticipation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many steps the look-ahead searches from the current state (the next delivery included)</source>
        <translation>Nombre d&apos;étapes que l&apos;anticipation explore à partir de l&apos;état courant (la prochaine délivrance comprise)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play &amp;Continuation</source>
        <translation>&amp;Jouer la continuation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivers the shortest continuation that leads the selected message to a violation</source>
        <translation>Délivre la plus courte continuation qui mène le message sélectionné à une violation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show Continuation</source>
        <translation>&amp;Montrer la continuation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the shortest continuation that leads the selected message to a violation</source>
        <translation>Montre la continuation la plus courte qui mène le message choisi à une violation</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Look Ahead</source>
        <translation>Anticipation</translation>
    </message>
    <message>
        <location line="+102"/>
        <location line="+96"/>
        <source>Look-ahead: %1</source>
        <translation>Anticipation&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>The look-ahead needs the mas program beside MAS Inspector.</source>
        <translation>L&apos;anticipation nécessite le programme mas à côté de MAS Inspector.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The look-ahead cannot search this system.</source>
        <translation>L&apos;anticipation ne peut pas explorer ce système.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Searches every order of the next k steps in the background after each step and marks the pending messages: a violation ahead (red), safe for every order (green), or not known yet (grey)</source>
        <translation>Explore en arrière-plan, après chaque étape, tous les ordres des k étapes suivantes et marque les messages en attente&#xa0;: une violation à venir (rouge), sûr pour tous les ordres (vert) ou pas encore connu (gris)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The look-ahead is off: %1</source>
        <translation>L&apos;anticipation est désactivée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>the search did not finish</source>
        <translation>la recherche n&apos;a pas abouti</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>searching… %n marked</source>
        <translation>
            <numerusform>recherche… %n marqué</numerusform>
            <numerusform>recherche… %n marqués</numerusform>
        </translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Show Continuation in the context menu (or Alt+click) shows this; Play Continuation delivers it.</source>
        <translation>« Montrer la continuation » dans le menu contextuel (ou Alt+clic) l&apos;affiche ; « Jouer la continuation » la délivre.</translation>
    </message>
    <message numerus="yes">
        <location line="-330"/>
        <location line="+264"/>
        <source>%n lead(s) to a violation</source>
        <translation>
            <numerusform>%n mène à une violation</numerusform>
            <numerusform>%n mènent à une violation</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the clock moves to %1</source>
        <translation>l&apos;horloge avance jusqu&apos;à %1</translation>
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
            <numerusform>Sûr&#xa0;: aucun ordre sur %n étape suivante ne viole d&apos;invariant</numerusform>
            <numerusform>Sûr&#xa0;: aucun ordre des %n étapes suivantes ne viole d&apos;invariant</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not known: %1</source>
        <translation>Inconnu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known yet: the look-ahead (k = %1) is searching</source>
        <translation>Pas encore connu&#xa0;: l&apos;anticipation (k = %1) cherche</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Leads to a violation of &quot;%1&quot; within %n step(s). The shortest continuation:</source>
        <translation>
            <numerusform>Mène à une violation de «&#xa0;%1&#xa0;» en %n étape au plus. La plus courte continuation&#xa0;:</numerusform>
            <numerusform>Mène à une violation de «&#xa0;%1&#xa0;» en %n étapes au plus. La plus courte continuation&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>(and %n reply or lookup deliveries between them)</source>
        <translation>
            <numerusform>(et %n délivrance de réponse ou de recherche entre elles)</numerusform>
            <numerusform>(et %n délivrances de réponses ou de recherches entre elles)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The selected message has no violating continuation to play</source>
        <translation>Le message sélectionné n&apos;a aucune continuation menant à une violation à jouer</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The window went</source>
        <translation>La fenêtre a été fermée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The continuation does not repeat: step %1 cannot be taken</source>
        <translation>La continuation ne se reproduit pas&#xa0;: l&apos;étape %1 ne peut pas être effectuée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The clock has no timer to move to</source>
        <translation>L&apos;horloge n&apos;a aucun minuteur jusqu&apos;auquel avancer</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Played %n step(s) towards &quot;%1&quot;</source>
        <translation>
            <numerusform>%n étape jouée vers «&#xa0;%1&#xa0;»</numerusform>
            <numerusform>%n étapes jouées vers «&#xa0;%1&#xa0;»</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::MessageDetailsWidget</name>
    <message>
        <location filename="../ui/widgets/messagedetailswidget.cpp" line="+38"/>
        <source>Message id:</source>
        <translation>Identifiant du message&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event:</source>
        <translation>Événement&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path:</source>
        <translation>Chemin&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request id:</source>
        <translation>Identifiant de requête&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sim time:</source>
        <translation>Temps sim.&#xa0;:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The message&apos;s content, decoded: lists and maps open up, strings are quoted, and the last column gives each value&apos;s type</source>
        <translation>Le contenu décodé du message&#xa0;: les listes et les tables se déplient, les chaînes sont entre guillemets et la dernière colonne donne le type de chaque valeur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The frame&apos;s bytes exactly as sent: offset, bytes in hex, and the same bytes as ASCII (dots for other bytes). The first 4 bytes are the frame header: the payload length, big-endian.</source>
        <translation>Les octets de la trame exactement tels qu&apos;ils ont été envoyés&#xa0;: position, octets en hexadécimal et les mêmes octets en ASCII (des points pour les autres octets). Les 4 premiers octets forment l&apos;en-tête de trame&#xa0;: la longueur de la charge utile, en gros-boutiste (big-endian).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw bytes</source>
        <translation>Octets bruts</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No message selected</source>
        <translation>Aucun message sélectionné</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a message to see its content and bytes.</source>
        <translation>Sélectionnez un message pour voir son contenu et ses octets.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (copy of message %2)</source>
        <translation>%1 (copie du message %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (moved back by %2)</source>
        <translation>%1 (reculé de %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message id %1: %2</source>
        <translation>Identifiant du message %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message id %1: %2 %3</source>
        <translation>Identifiant du message %1&#xa0;: %2 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event #%1: the clock was set</source>
        <translation>Événement #%1&#xa0;: l&apos;horloge a été réglée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event #%1: connection %2 %3</source>
        <translation>Événement #%1&#xa0;: connexion %2 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The message&apos;s id: its sending, delivery and any copy share it (the pending list&apos;s Id). Not the event&apos;s number, #%1 in the table and the diagram</source>
        <translation>L&apos;identifiant du message&#xa0;: son envoi, sa délivrance et toute copie le partagent (la colonne Id de la liste d&apos;attente). Pas le numéro de l&apos;événement, #%1 dans le tableau et le diagramme</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, event #%2</source>
        <translation>%1, événement #%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event #%1 of the run: the table&apos;s # column and the diagram&apos;s margin count events, not messages</source>
        <translation>Événement #%1 de l&apos;exécution&#xa0;: la colonne # du tableau et la marge du diagramme comptent les événements, pas les messages</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Pending message id %1: %2</source>
        <translation>Message en attente, identifiant %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending message id %1: %2 %3</source>
        <translation>Message en attente, identifiant %1&#xa0;: %2 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message&apos;s id (the pending list&apos;s Id); its events get their numbers (#) when they happen</source>
        <translation>L&apos;identifiant du message (la colonne Id de la liste d&apos;attente)&#xa0;; ses événements reçoivent leur numéro (#) quand ils se produisent</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>opened</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The raw bytes of this event were not recorded.</source>
        <translation>Les octets bruts de cet événement n&apos;ont pas été enregistrés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This event carries no message.</source>
        <translation>Cet événement ne transporte aucun message.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>close</source>
        <translation>fermeture</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting in the queue on connection %1</source>
        <translation>En attente dans la file sur la connexion %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This frame has no bytes.</source>
        <translation>Cette trame ne contient aucun octet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+29"/>
        <source>content</source>
        <translation>contenu</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>path</source>
        <translation>chemin</translation>
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
        <translation>Élément %1 de la requête</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1&apos;s content</source>
        <translation>Le contenu du message de type %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot decode: %1</source>
        <translation>Impossible de décoder&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>int (big)</source>
        <translation>int (grand)</translation>
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
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>dict (%1)</source>
        <translation>dict (%1)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1: %2-byte header + %3-byte payload</source>
        <translation>%1&#xa0;: en-tête de %2 octets + charge utile de %3 octets</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>… %1 of %2 bytes shown</source>
        <translation>… %1 octets affichés sur %2</translation>
    </message>
</context>
<context>
    <name>mas::ui::MosaikDialog</name>
    <message>
        <location filename="../ui/widgets/mosaikdialog.cpp" line="+19"/>
        <source>Host a mosaik Simulator</source>
        <translation>Héberger un simulateur mosaik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for mosaik to connect</source>
        <translation>Attendre que mosaik se connecte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to mosaik</source>
        <translation>Se connecter à mosaik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In the scenario: sim_config = {&quot;Counter&quot;: {&quot;connect&quot;: &quot;%1&quot;}}</source>
        <translation>Dans le scénario&#xa0;: sim_config = {&quot;Counter&quot;: {&quot;connect&quot;: &quot;%1&quot;}}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mosaik must already listen there: the address its &quot;cmd&quot; starter passes as %(addr)s.</source>
        <translation>mosaik doit déjà écouter à cette adresse&#xa0;: celle que son démarreur &quot;cmd&quot; transmet sous la forme %(addr)s.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Host</source>
        <translation>Héberger</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simulator:</source>
        <translation>Simulateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counter (the reference simulator of the mosaik recordings)</source>
        <translation>Counter (le simulateur de référence des enregistrements mosaik)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start:</source>
        <translation>&amp;Démarrage&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
</context>
<context>
    <name>mas::ui::PendingMessagesModel</name>
    <message>
        <location filename="../ui/models/pendingmodel.cpp" line="+87"/>
        <location line="+202"/>
        <source>close</source>
        <translation>fermeture</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>end of stream</source>
        <translation>fin du flux</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>The counterexample&apos;s last step: this message breaks &quot;%1&quot;</source>
        <translation>La dernière étape du contre-exemple&#xa0;: ce message viole «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Message %1 on connection %2</source>
        <translation>Message %1 sur la connexion %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not a message: one end closed connection %1</source>
        <translation>Ce n&apos;est pas un message&#xa0;: une extrémité a fermé la connexion %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (request id %2)</source>
        <translation>%1 (identifiant de requête %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 bytes, frame header included</source>
        <translation>%1 octets, en-tête de trame compris</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undecodable content: %1</source>
        <translation>Contenu indécodable&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The queue&apos;s id of the waiting frame (the Message id of its details, not an event&apos;s number #); the top row is delivered next</source>
        <translation>L&apos;identifiant de la trame en attente dans la file (l&apos;«&#xa0;Identifiant du message&#xa0;» de ses détails, pas le numéro # d&apos;un événement)&#xa0;; la ligne du haut est délivrée en premier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the message says: the method and its arguments, or the value a reply carries</source>
        <translation>Ce que dit le message&#xa0;: la méthode et ses arguments, ou la valeur que porte une réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender</source>
        <translation>L&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receiver</source>
        <translation>Le destinataire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request, result or failure</source>
        <translation>Requête, résultat ou échec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The RPC path of the request (or of the request a reply answers)</source>
        <translation>Le chemin RPC de la requête (ou de la requête à laquelle répond une réponse)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The frame&apos;s size, header included</source>
        <translation>La taille de la trame, en-tête compris</translation>
    </message>
</context>
<context>
    <name>mas::ui::PlumbingActions</name>
    <message>
        <location filename="../ui/widgets/plumbingactions.cpp" line="+25"/>
        <source>Show &amp;Plumbing</source>
        <translation>Afficher l&apos;&amp;infrastructure</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show every event: connection set-up, validate_aid lookups, bare acknowledgements and messages an agent sends itself, besides the protocol&apos;s messages</source>
        <translation>Afficher chaque événement&#xa0;: établissement des connexions, recherches validate_aid, simples accusés de réception et messages qu&apos;un agent s&apos;envoie à lui-même, en plus des messages du protocole</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Fold Away</source>
        <translation>&amp;Masquer</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lookups (validate_aid)</source>
        <translation>Recherches (validate_aid)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledgements</source>
        <translation>Accusés de réception</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages to Itself (wake-ups)</source>
        <translation>Messages à soi-même (réveils)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol messages</source>
        <translation>Messages du protocole</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock changes</source>
        <translation>Changements d&apos;horloge</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connections opening and closing</source>
        <translation>Ouverture et fermeture des connexions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validate_aid: a connection&apos;s check that the agent exists, and its reply (the agent&apos;s type)</source>
        <translation>validate_aid&#xa0;: la vérification par une connexion que l&apos;agent existe, et sa réponse (le type de l&apos;agent)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replies that say only &quot;done&quot; (true or null), such as the answer to every one-way message</source>
        <translation>Réponses qui disent seulement «&#xa0;fait&#xa0;» (true ou null), comme la réponse à tout message à sens unique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages an agent sends to itself, such as a node&apos;s wakeup() when it starts, and their replies</source>
        <translation>Messages qu&apos;un agent s&apos;envoie à lui-même, comme le wakeup() d&apos;un nœud à son démarrage, et leurs réponses</translation>
    </message>
</context>
<context>
    <name>mas::ui::ProcessesPanel</name>
    <message>
        <location filename="../ui/widgets/processespanel.cpp" line="+27"/>
        <location line="+76"/>
        <source>No processes</source>
        <translation>Aucun processus</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Process</source>
        <translation>Processus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exit status</source>
        <translation>Code de sortie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processes</source>
        <translation>Processus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The programs of the system and how they are; select one to see its last lines of stderr</source>
        <translation>Les programmes du système et leur état&#xa0;; sélectionnez-en un pour voir ses dernières lignes de stderr</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Last lines of stderr</source>
        <translation>Dernières lignes de stderr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected program&apos;s last lines of stderr</source>
        <translation>Les dernières lignes de stderr du programme sélectionné</translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>%n process(es), %1 running</source>
        <translation>
            <numerusform>%n processus, %1 en cours</numerusform>
            <numerusform>%n processus, %1 en cours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::ReplayProgress</name>
    <message>
        <location filename="../ui/widgets/replayprogress.cpp" line="+17"/>
        <source>Replaying</source>
        <translation>Rejeu en cours</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replay progress</source>
        <translation>Progression du rejeu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the replay: the system stays as far as it was replayed, and stepping goes on from there</source>
        <translation>Arrêter le rejeu&#xa0;: le système reste là où le rejeu est arrivé, et le pas à pas reprend à partir de là</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Event %1 of %2</source>
        <translation>Événement %1 sur %2</translation>
    </message>
</context>
<context>
    <name>mas::ui::SearchBar</name>
    <message>
        <location filename="../ui/widgets/searchbar.cpp" line="+24"/>
        <source>Search messages (method, arguments, sender, receiver)…</source>
        <translation>Rechercher des messages (méthode, arguments, expéditeur, destinataire)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search messages</source>
        <translation>Rechercher dans les messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the messages whose label (method and arguments), sender or receiver contains this text; F3 and Shift+F3 go to the next and previous one</source>
        <translation>Affiche les messages dont le libellé (méthode et arguments), l&apos;expéditeur ou le destinataire contient ce texte&#xa0;; F3 et Shift+F3 passent au suivant et au précédent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search hits</source>
        <translation>Résultats de recherche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous Hit</source>
        <translation>Résultat précédent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the previous message found (Shift+F3)</source>
        <translation>Aller au message trouvé précédent (Shift+F3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next Hit</source>
        <translation>Résultat suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the next message found (F3)</source>
        <translation>Aller au message trouvé suivant (F3)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>no hits</source>
        <translation>aucun résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mas::ui::SequenceDiagramView</name>
    <message>
        <location filename="../ui/views/sequencediagramview.cpp" line="+520"/>
        <source>Events %1 to %2 of %3: exports are limited to %4 pixels in height</source>
        <translation>Événements %1 à %2 sur %3&#xa0;: les exportations sont limitées à %4 pixels de hauteur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>lifelines not shown: %1</source>
        <translation>lignes de vie non affichées&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>%1 (copy of #%2)</source>
        <translation>%1 (copie de #%2)</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>No messages yet.
Start or step the system to see them here.</source>
        <translation>Aucun message pour l&apos;instant.
Lancez le système ou avancez-le pas à pas pour les voir ici.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No event store.</source>
        <translation>Aucun stockage d&apos;événements.</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>connection %1 opened</source>
        <translation>connexion %1 ouverte</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>connection %1 closed</source>
        <translation>connexion %1 fermée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>clock → t = %1</source>
        <translation>horloge → t = %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>↻ #%1 delayed (moved back %2)</source>
        <translation>↻ #%1 retardé (reculé de %2)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>close dropped</source>
        <translation>fermeture supprimée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message %1 dropped</source>
        <translation>message %1 supprimé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close received</source>
        <translation>fermeture reçue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message %1 received</source>
        <translation>message %1 reçu</translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%n in flight</source>
        <translation>
            <numerusform>%n en transit</numerusform>
            <numerusform>%n en transit</numerusform>
        </translation>
    </message>
    <message>
        <location line="+469"/>
        <source>Message id %1</source>
        <translation>Identifiant du message %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ This step breaks &quot;%1&quot;</source>
        <translation>⚠ Cette étape viole «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Event #%1 of the run</source>
        <translation>Événement #%1 de l&apos;exécution</translation>
    </message>
    <message>
        <location line="-1253"/>
        <location line="+795"/>
        <source>time</source>
        <translation>temps</translation>
    </message>
    <message>
        <location line="-793"/>
        <location line="+795"/>
        <source>event</source>
        <translation>événement</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+216"/>
        <source>Sequence diagram</source>
        <translation>Diagramme de séquence</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>Messages between agents over time: one column per agent, one row per event, an arrow per message. Up and Down select the previous or next message; Ctrl and the mouse wheel zoom.</source>
        <translation>Les messages entre agents au fil du temps&#xa0;: une colonne par agent, une ligne par événement, une flèche par message. Les flèches Haut et Bas sélectionnent le message précédent ou suivant&#xa0;; Ctrl et la molette de la souris zooment.</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>Messages between agents, exported from MAS Inspector</source>
        <translation>Les messages entre agents, exportés depuis MAS Inspector</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>still in flight</source>
        <translation>encore en transit</translation>
    </message>
</context>
<context>
    <name>mas::ui::StateBreakpointsPanel</name>
    <message>
        <location filename="../ui/widgets/statebreakpointspanel.cpp" line="+28"/>
        <source>e.g. %1</source>
        <translation>par ex. %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A condition over the agents&apos; state fields: count(field), any(…), all(…), none(…), sum/min/max(field), agent(&quot;name&quot;).field, comparisons (== != &lt; &lt;= &gt; &gt;=), and, or, not. Return adds it; a run or a step stops when it becomes true.</source>
        <translation>Une condition sur les champs d&apos;état des agents&#xa0;: count(field), any(…), all(…), none(…), sum/min/max(field), agent(&quot;name&quot;).field, comparaisons (==&#xa0;!= &lt; &lt;= &gt; &gt;=), and, or, not. Entrée l&apos;ajoute&#xa0;; une exécution ou une étape s&apos;arrête quand elle devient vraie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checked conditions stop a run or a step when they become true</source>
        <translation>Les conditions cochées arrêtent une exécution ou une étape quand elles deviennent vraies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Cannot be evaluated here: %1</source>
        <translation>Impossible à évaluer ici&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holds now; it stops a run when it becomes true again</source>
        <translation>Vraie actuellement&#xa0;; arrête une exécution quand elle redevient vraie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does not hold now</source>
        <translation>Fausse actuellement</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hit: %1 — %2</source>
        <translation>Atteint&#xa0;: %1 — %2</translation>
    </message>
</context>
<context>
    <name>mas::ui::SystemDescriptionPanel</name>
    <message>
        <location filename="../ui/widgets/systemdescriptionpanel.cpp" line="+19"/>
        <source>System description</source>
        <translation>Description du système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal the bug</source>
        <translation>Révéler le bogue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show what is wrong with this variant (try to find it first)</source>
        <translation>Montrer ce qui ne va pas dans cette variante (essayez d&apos;abord de le trouver)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Open a demo or a system file to read what it does.</source>
        <translation>Ouvrez une démo ou un fichier de système pour lire ce qu&apos;il fait.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How it works</source>
        <translation>Fonctionnement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What must always hold</source>
        <translation>Ce qui doit toujours être vrai</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The bug</source>
        <translation>Le bogue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This variant has a bug. Try to find it first: choose the delivery order yourself, or let Run → Explore Interleavings search. Then reveal it.</source>
        <translation>Cette variante comporte un bogue. Essayez d&apos;abord de le trouver&#xa0;: choisissez vous-même l&apos;ordre de délivrance, ou laissez Exécuter → Explorer les entrelacements chercher. Puis révélez-le.</translation>
    </message>
</context>
<context>
    <name>mas::ui::TapDialog</name>
    <message>
        <location filename="../ui/widgets/tapdialog.cpp" line="+18"/>
        <source>Tap a Connection</source>
        <translation>Intercepter une connexion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the Inspector listens; point the clients here (port 0: any free port)</source>
        <translation>Où MAS Inspector écoute&#xa0;; dirigez les clients ici (port 0&#xa0;: n&apos;importe quel port libre)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tcp://127.0.0.1:5555</source>
        <translation>tcp://127.0.0.1:5555</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The aiomas server the Inspector relays to</source>
        <translation>Le serveur aiomas vers lequel MAS Inspector relaie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The codec client and server speak, to decode their frames (they are relayed unchanged)</source>
        <translation>Le codec que parlent le client et le serveur, pour décoder leurs trames (elles sont relayées sans modification)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start Tap</source>
        <translation>Démarrer l&apos;interception</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Listen on:</source>
        <translation>Écou&amp;ter sur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Relay to:</source>
        <translation>&amp;Relayer vers&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Codec:</source>
        <translation>&amp;Codec&#xa0;:</translation>
    </message>
</context>
<context>
    <name>mas::ui::ViolationPanel</name>
    <message>
        <location filename="../ui/widgets/violationpanel.cpp" line="+56"/>
        <source>Why the invariant fails</source>
        <translation>Pourquoi l&apos;invariant est violé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bold on colour: changed by the step. Underlined, with ◆: named by the explanation.</source>
        <translation>En gras sur fond coloré&#xa0;: modifié par l&apos;étape. Souligné, avec ◆&#xa0;: nommé par l&apos;explication.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Agent / field</source>
        <translation>Agent / champ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agent states before and after the violating step</source>
        <translation>États des agents avant et après l&apos;étape fautive</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>the clock moved to %1 s</source>
        <translation>l&apos;horloge a avancé jusqu&apos;à %1 s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a message</source>
        <translation>un message</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 from %2 was delivered to %3</source>
        <translation>%1 de %2 a été délivré à %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from %2 to %3 was dropped</source>
        <translation>%1 de %2 à %3 a été supprimé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from %2 to %3 was duplicated</source>
        <translation>%1 de %2 à %3 a été dupliqué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from %2 to %3 was delayed</source>
        <translation>%1 de %2 à %3 a été retardé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 from %2 to %3</source>
        <translation>%1 de %2 à %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>You left the counterexample to &quot;%1&quot; after step %2 of %3: this run no longer follows it. Select an event up to that step in the message table and press Ctrl+B (Step Back to Selected) to follow it again.</source>
        <translation>Vous avez quitté le contre-exemple à «&#xa0;%1&#xa0;» après l’étape %2 sur %3&#xa0;: cette exécution ne le suit plus. Choisissez dans le tableau des messages un événement jusqu’à cette étape et appuyez sur Ctrl+B (Revenir à la sélection) pour le suivre de nouveau.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No invariant is broken. When a step breaks one (stepping, running, replaying, or in a counterexample that mas explore --out wrote), it is described here with the states before and after it.</source>
        <translation>Aucun invariant n&apos;est violé. Quand une étape en viole un (pas à pas, en exécution, au rejeu ou dans un contre-exemple écrit par mas explore --out), elle est décrite ici avec les états avant et après elle.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Its id (for mas explore --invariant): %1</source>
        <translation>Son identifiant (pour mas explore --invariant) : %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Why: %1</source>
        <translation>Pourquoi&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>involved in the step</source>
        <translation>impliqué dans l&apos;étape</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>named by the explanation</source>
        <translation>nommé par l&apos;explication</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed by the step</source>
        <translation>modifié par l&apos;étape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Named by the explanation of &quot;%1&quot;</source>
        <translation>Nommé par l&apos;explication de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <location line="-80"/>
        <source>Step %1 of %2 breaks &quot;%3&quot;: %4. The states of its agents before and after it appear here when it is played (%n step(s) to go).</source>
        <translation>
            <numerusform>L&apos;étape %1 sur %2 viole «&#xa0;%3&#xa0;»&#xa0;: %4. Les états de ses agents avant et après elle apparaissent ici une fois qu&apos;elle est jouée (encore %n étape).</numerusform>
            <numerusform>L&apos;étape %1 sur %2 viole «&#xa0;%3&#xa0;»&#xa0;: %4. Les états de ses agents avant et après elle apparaissent ici une fois qu&apos;elle est jouée (encore %n étapes).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Step %1 broke &quot;%2&quot;: %3</source>
        <translation>L&apos;étape %1 a violé «&#xa0;%2&#xa0;»&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1 of %2 broke &quot;%3&quot;: %4</source>
        <translation>L&apos;étape %1 sur %2 a violé «&#xa0;%3&#xa0;»&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Changed by the step</source>
        <translation>Modifié par l&apos;étape</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>state</source>
        <translation>état</translation>
    </message>
</context>
<context>
    <name>mas::ui::WhyPanel</name>
    <message>
        <location filename="../ui/widgets/whypanel.cpp" line="+47"/>
        <source>&amp;Analyse</source>
        <translation>&amp;Analyser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-execute variants of the counterexample to find which of its steps are necessary</source>
        <translation>Réexécuter des variantes du contre-exemple pour trouver lesquelles de ses étapes sont nécessaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Necessary: leaving the step out, or moving it later, makes the run pass. Click a step to select its message.</source>
        <translation>Nécessaire&#xa0;: omettre l&apos;étape, ou la déplacer plus tard, fait réussir l&apos;exécution. Cliquez sur une étape pour sélectionner son message.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The choices the failure needs: each swapped order passes. Click one to select the message that had to go first.</source>
        <translation>Les choix dont l&apos;échec a besoin&#xa0;: chaque ordre permuté réussit. Cliquez sur l&apos;un d&apos;eux pour sélectionner le message qui devait passer en premier.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choices that matter:</source>
        <translation>Choix qui comptent&#xa0;:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which steps of the open counterexample are necessary, and which deliveries had to overtake which</source>
        <translation>Quelles étapes du contre-exemple ouvert sont nécessaires, et quelles délivrances ont dû en devancer d&apos;autres</translation>
    </message>
    <message numerus="yes">
        <location line="+106"/>
        <source>Counterexample to &quot;%1&quot; in %n step(s). Analyse finds which of its steps matter by re-executing variants of it.</source>
        <translation>
            <numerusform>Contre-exemple à «&#xa0;%1&#xa0;» en %n étape. «&#xa0;Analyser&#xa0;» trouve lesquelles de ses étapes comptent en réexécutant des variantes de celui-ci.</numerusform>
            <numerusform>Contre-exemple à «&#xa0;%1&#xa0;» en %n étapes. «&#xa0;Analyser&#xa0;» trouve lesquelles de ses étapes comptent en réexécutant des variantes de celui-ci.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No counterexample is open.</source>
        <translation>Aucun contre-exemple n&apos;est ouvert.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Re-executing variants of the counterexample…</source>
        <translation>Réexécution de variantes du contre-exemple…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2 runs</source>
        <translation>%1 exécutions sur %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The analysis failed: %1</source>
        <translation>L&apos;analyse a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>necessary</source>
        <translation>nécessaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incidental</source>
        <translation>accessoire</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Left out, the run passes</source>
        <translation>Omise, l&apos;exécution réussit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved behind step %1, the run passes</source>
        <translation>Déplacée après l&apos;étape %1, l&apos;exécution réussit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left out or moved later, the run still breaks the property</source>
        <translation>Omise ou déplacée plus tard, l&apos;exécution viole toujours la propriété</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No choice: the clock moved because all was quiet</source>
        <translation>Aucun choix&#xa0;: l&apos;horloge a avancé parce que tout était au repos</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n plumbing step(s) not listed, %1 of them necessary (View → Show Plumbing lists them)</source>
        <translation>
            <numerusform>%n étape d’infrastructure non listée, dont %1 nécessaire (Affichage → Afficher l’infrastructure la liste)</numerusform>
            <numerusform>%n étapes d’infrastructure non listées, dont %1 nécessaires (Affichage → Afficher l’infrastructure les liste)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Steps %1 and %2; swapped, the run passes</source>
        <translation>Étapes %1 et %2&#xa0;; permutées, l&apos;exécution réussit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No single swap of two deliveries makes the run pass.</source>
        <translation>Aucune permutation de deux délivrances ne suffit à faire réussir l&apos;exécution.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&quot;%1&quot;: %2 of %n step(s) necessary; %3</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;»&#xa0;: %2 pas nécessaire(s) sur %n&#xa0;; %3</numerusform>
            <numerusform>«&#xa0;%1&#xa0;»&#xa0;: %2 pas nécessaire(s) sur %n&#xa0;; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n re-execution(s)%1</source>
        <translation>
            <numerusform>%n réexécution%1</numerusform>
            <numerusform>%n réexécutions%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (incomplete: cancelled)</source>
        <translation> (incomplet&#xa0;: annulé)</translation>
    </message>
</context>
</TS>
