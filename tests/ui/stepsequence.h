// SPDX-License-Identifier: MIT
#pragma once

// Where a run's steps are in the Inspector's event store, shared by the UI tests that step back.

#include "models/eventstore.h"

#include <mas/trace/trafficlog.h>

/// The sequence number of the event of the `n`th action (1-based) in `store`; 0 if there is none.
inline quint64 sequenceOfStep(mas::ui::EventStore *store, qsizetype n)
{
    store->flush();
    qsizetype seen = 0;
    for (const mas::TrafficEvent &e : store->events()) {
        if (e.isAction() && ++seen == n)
            return e.sequence;
    }
    return 0;
}
