import type { Need } from './scenario';
import type { ApiTarget } from './target';

// Whether a target can meet what a scenario needs. The core needs are the same for every vendor;
// any other need is the vendor's, and its contract descriptor says what it requires of the creds.

function coreNeed(target: ApiTarget, need: string): string | undefined {
  if (need === 'writes' && !target.allowWrites) return 'changes data: run with --allow-writes';
  if (need === 'standin' && !target.admin) return "needs standin's /__admin (fault injection or demo data)";
  if (need === 'standin-itself' && !target.standin) return "checks standin's own configuration (its --body-limit): standin targets only";
  if (need.startsWith('creds:') && !(target.creds as Record<string, unknown>)[need.slice('creds:'.length)])
    return `needs ${need.slice('creds:'.length)} in the ${target.api} credentials`;
  return undefined;
}

const CORE_NEEDS = new Set(['writes', 'standin', 'standin-itself']);

function vendorNeed(target: ApiTarget, need: string): string | undefined {
  if (CORE_NEEDS.has(need) || need.startsWith('creds:')) return undefined;
  const { needs } = target.vendor.contract;
  const check = Object.hasOwn(needs, need) ? needs[need] : undefined;
  if (!check) return `needs '${need}', which the ${target.api} contract does not define`;
  return check(target.creds);
}

/** Which scenario needs a target can meet, and if not, why. */
export function unmetNeed(target: ApiTarget, needs: Need[] = []): string | undefined {
  for (const need of needs) {
    const reason = coreNeed(target, need) ?? vendorNeed(target, need);
    if (reason) return reason;
  }
  return undefined;
}
