// The checks of a run: the built-in registry plus the users' plugin checks, narrowed to the names the
// config's `checks:` lists. An unknown name is a usage error listing what exists.
import { SentinelError } from '../core/errors.js';
import type { Check } from '../execution/checks/check.js';
import type { CheckRegistry } from '../execution/checks/registry.js';

export function chooseChecks(registry: CheckRegistry, pluginChecks: Check[], names: string[] | undefined): CheckRegistry {
  const builtIn = new Set([...registry.exchangeChecks, ...registry.scenarioChecks].map((check) => check.id));
  const clash = pluginChecks.find((check) => builtIn.has(check.id));
  if (clash !== undefined) throw new SentinelError('usage', `plugin ${clash.description.replace(/^user check from /, '')}: the name ${JSON.stringify(clash.id)} is a built-in check's`);
  const all: CheckRegistry = { exchangeChecks: [...registry.exchangeChecks, ...pluginChecks], scenarioChecks: registry.scenarioChecks };
  if (names === undefined) return all;
  const known = [...all.exchangeChecks, ...all.scenarioChecks].map((check) => check.id);
  const unknown = names.find((name) => !known.includes(name));
  if (unknown !== undefined) throw new SentinelError('usage', `checks: unknown check ${JSON.stringify(unknown)} (available: ${known.join(', ')})`);
  const chosen = new Set(names);
  return { exchangeChecks: all.exchangeChecks.filter((check) => chosen.has(check.id)), scenarioChecks: all.scenarioChecks.filter((check) => chosen.has(check.id)) };
}
