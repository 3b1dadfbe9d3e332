// The cockpit's pane list (panes a person opened with `new`, `fork`, the session browser) and
// tiling, saved per layout in the catalog for the next start. Saved at quit, and also whenever a
// pane is added, closed or renamed, so a kill -9 right after `new` still brings the pane back.
// A burst of pane changes (a workflow opening its agents) is one save on the next turn of the
// event loop, and a save that changes nothing (workflow agents are never in the list) writes
// nothing. The catalog's write is atomic (private-data-file.ts) and coalesced (catalog.ts).
import type { CockpitSetting } from '../adapters/store/catalog-schema.js';
import type { Controller } from '../core/controller.js';
import type { Disposable } from '../core/events.js';
import { TILING_PRESETS, type Tiling } from '../core/layout-file.js';
import { savedAgentsOf } from './saved-panes.js';
import type { Started } from './startup.js';

/** What the cockpit of `started`'s layout looks like now, in the catalog's form. */
function cockpitSetting(started: Started, tiling: Tiling): CockpitSetting {
  const inLayout = new Set(started.layout.agents.map((agent) => agent.name));
  const agents = savedAgentsOf(started.controller.allAgents(), inLayout);
  const preset = TILING_PRESETS.find((name) => name === tiling);
  return preset === undefined ? { agents } : { agents, tiling: preset };
}

/** Remembers, per layout, the panes opened at run time and the tiling, for the next start (no write when unchanged). */
export function saveCockpit(started: Started, tiling: Tiling): void {
  const setting = cockpitSetting(started, tiling);
  if (JSON.stringify(started.store.cockpit(started.layout.name)) === JSON.stringify(setting)) return;
  started.store.setCockpit(started.layout.name, setting);
}

/** Saves the cockpit after pane changes (coalesced to one save per event-loop turn) until disposed. */
export function saveOnPaneChanges(controller: Controller, save: () => void): Disposable {
  let queued: NodeJS.Immediate | undefined;
  const subscription = controller.events.on((event) => {
    if (event.type !== 'agent-added' && event.type !== 'agent-removed' && event.type !== 'agent-renamed') return;
    queued ??= setImmediate(() => {
      queued = undefined;
      save();
    });
  });
  return {
    dispose: () => {
      subscription.dispose();
      if (queued !== undefined) clearImmediate(queued);
      queued = undefined;
    },
  };
}
