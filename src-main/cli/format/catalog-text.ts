import {
  describeAllowance,
  describeRate,
  describeReset,
  describeSource,
  type CatalogVersionJson,
} from '../../../src-shared/catalog/catalog-text';
import { POOL_ORDER } from '../../../src-shared/types/ledger';
import { table } from './table';

/**
 * A source reference in brackets, as the sources list at the end of a version names them: the
 * number's own, else the version's. `assumption` marks a rule no source gives.
 */
function ref(v: CatalogVersionJson, id: string | null | undefined, assumption?: string): string {
  if (assumption) return '[assumption]';
  const key = id ?? v.source;
  return key && v.sources[key] ? `[${key}]` : '[set by you]';
}

/** One version of a provider's rules for a terminal: plans, resets, rates, exhaustion, top-ups and the source of each. */
export function catalogVersionText(v: CatalogVersionJson): string {
  const marks = [v.seed ? 'seed' : null, v.newest ? 'newest' : null].filter(Boolean).join(', ');
  const lines = [`${v.providerLabel}, version ${v.id}${marks ? ` (${marks})` : ''}: ${v.label}`];
  lines.push(`  effective: ${v.effectiveText}`);
  lines.push(
    `  reset: ${describeReset(v.defaultReset)} ${ref(v, v.resetSource, v.resetAssumption)}${v.resetAssumption ? `\n    assumption: ${v.resetAssumption}` : ''}`,
  );
  const planNames = Object.keys(v.plans);
  if (v.plansUnpublished) lines.push(`  plans: ${v.plansUnpublished}`);
  if (planNames.length > 0) {
    const pools = POOL_ORDER.filter((pool) =>
      planNames.some((name) => v.plans[name]!.pools[pool] !== undefined),
    );
    const rows = planNames.map((name) => {
      const plan = v.plans[name]!;
      return [
        name,
        ...pools.map((pool) => describeAllowance(plan, pool)),
        plan.reset ? describeReset(plan.reset) : 'as above',
        ref(v, plan.source),
      ];
    });
    lines.push(indent(table(['plan', ...pools.map((p) => `${p} / period`), 'reset', 'source'], rows)));
    for (const name of planNames) if (v.plans[name]!.note) lines.push(`    ${name}: ${v.plans[name]!.note}`);
  }
  const rates = Object.entries(v.rates).map(([action, spec]) => [
    action,
    describeRate(spec),
    ref(v, v.rateSources?.[action]),
  ]);
  if (rates.length > 0) lines.push(indent(table(['action', 'credits', 'source'], rates)));
  if (v.freeForExistingCustomers.length > 0)
    lines.push(`  free for existing customers: ${v.freeForExistingCustomers.join(', ')} ${ref(v, null)}`);
  if (v.bonuses?.length)
    lines.push(
      `  one-time bonuses: ${v.bonuses.map((b) => `${b.label} +${b.credits}`).join('; ')} ${ref(v, v.bonusSource)}`,
    );
  const dry =
    v.exhaustion.blocks === 'calls'
      ? 'calls that cost credits are refused until the reset'
      : 'published apps keep working; edits cannot be published until the reset';
  lines.push(`  when a pool runs dry: ${dry} ${ref(v, v.exhaustion.source, v.exhaustion.assumption)}`);
  if (v.exhaustion.note) lines.push(`    ${v.exhaustion.note}`);
  if (v.exhaustion.assumption) lines.push(`    assumption: ${v.exhaustion.assumption}`);
  if (v.topUps) {
    const rules = v.topUps.sold
      ? [
          'sold',
          v.topUps.spentAfterPlan ? 'spent after every other credit, earliest purchase first' : null,
          v.topUps.validDays ? `valid ${v.topUps.validDays} days` : null,
        ]
          .filter(Boolean)
          .join('; ')
      : 'not sold';
    // "Not sold" is what the sources leave out: no page is cited for an absence.
    const cite = v.topUps.source || v.topUps.sold ? ` ${ref(v, v.topUps.source)}` : '';
    lines.push(`  top-ups: ${rules}${cite}${v.topUps.note ? `\n    ${v.topUps.note}` : ''}`);
  }
  for (const a of v.otherAllowances ?? []) {
    const size = a.perPlan ? JSON.stringify(a.perPlan) : 'per plan: not published';
    lines.push(
      `  also: ${a.name} (${a.unit} a ${a.period}, across the ${a.scope}; ${size}) ${ref(v, a.source)}`,
    );
    lines.push(`    ${a.note}`);
  }
  for (const note of v.notes) lines.push(`  note: ${note}`);
  const sources = Object.keys(v.sources);
  if (sources.length > 0) {
    lines.push('  sources:');
    for (const id of sources) lines.push(`    [${id}] ${describeSource(v, id)}`);
  }
  return lines.join('\n') + '\n';
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
