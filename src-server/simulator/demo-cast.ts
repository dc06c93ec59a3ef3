import type { PoolKind, ResetRule, Workspace } from '../../src-shared/types/ledger';
import type { Habit } from './rhythm';

/**
 * The demo's cast: four workspaces on two providers, each pool with a role that the calibration
 * makes true at any `now`. All of it is demo data; every number comes from the catalog version each
 * workspace names, as the account API says it: the seed's for Zite (plan sizes, rate cards), Base44's
 * documentation for Base44 (the seeds give no Base44 plan sizes).
 */

/** What the current period of a pool is calibrated to show at `now`. */
export type PoolRole =
  /** A little under 50 %, so that live activity crosses 50 % within about a minute at the default pace. */
  | 'near-half'
  /** Under 90 % with a forecast that crosses 90 % before the reset. */
  | 'pace-90'
  /** Already ran dry in this period, with blocked calls since. */
  | 'runs-dry'
  /** Used in proportion to the time elapsed, at its usual pace. */
  | 'steady';

export interface ActionSpec {
  action: string;
  weight: number;
  app: string;
  /** Draws `units` (tokens, pages) when the action is priced by size. */
  units?: 'llm-tokens' | 'pdf-pages';
  /** Provider-charged credits, when the provider reports them (message credits). */
  credits?: number;
}

/** An input sent over and over by one app: the cache advisor should flag it (> 100 calls a day). */
export interface RepeatSpec {
  app: string;
  action: string;
  memberId: string;
  /** A fixed input (a FAQ question, a template); its hash repeats across days. */
  input: string;
  units?: number;
  /** Calls on a repeat day. */
  calls: [number, number];
  /** Chance that a weekday is a repeat day. */
  chance: number;
}

export interface MemberSpec {
  id: string;
  name: string;
  habit: Habit;
  /** Share of the workspace's activity, relative to the other members. */
  weight: number;
  budget?: number;
  /** Actions this member uses three times as often as the pool's mix says. */
  focus?: string[];
}

export interface PoolSpec {
  pool: PoolKind;
  role: PoolRole;
  /** Fraction of what the pool holds used in a closed period, drawn in [min, max]. */
  history: [number, number];
  /** Usual fraction used over a whole period: the live rate and a steady pool's level. */
  pace: number;
  actions: ActionSpec[];
  /** A one-credit action used to land exactly on a target. */
  filler: string;
  repeats?: RepeatSpec[];
}

export interface DemoWorkspaceSpec {
  workspace: Workspace;
  utcOffsetHours: number;
  members: MemberSpec[];
  pools: PoolSpec[];
  /** A one-time bonus: +20 for sharing on LinkedIn (Base44 seed), granted this many periods ago. */
  linkedInBonus?: { pool: PoolKind; periodsAgo: number };
}

const calendarMonth: ResetRule = { kind: 'calendar-month' };

const ziteActions = (apps: [string, string, string, string]): ActionSpec[] => [
  { action: 'email', weight: 22, app: apps[0] },
  { action: 'integration:twilio', weight: 14, app: apps[1] },
  { action: 'integration:hubspot', weight: 16, app: apps[0] },
  { action: 'integration:google_drive', weight: 14, app: apps[2] },
  { action: 'document', weight: 6, app: apps[3] },
  { action: 'db', weight: 12, app: apps[2] },
];

export const DEMO_CAST: readonly DemoWorkspaceSpec[] = [
  {
    workspace: {
      id: 'zite-pro',
      name: 'Marketing site (Zite Pro)',
      provider: 'zite',
      plan: 'pro',
      catalogVersion: '2026-05-seed',
      pools: [{ pool: 'integration', reset: calendarMonth }],
      members: [],
    },
    utcOffsetHours: 1,
    members: [
      { id: 'ana', name: 'Ana Lima', habit: 'builder', weight: 5, focus: ['email', 'document'] },
      { id: 'ben', name: 'Ben Okafor', habit: 'office', weight: 3 },
      { id: 'chloe', name: 'Chloé Martin', habit: 'occasional', weight: 1 },
      {
        id: 'dev',
        name: 'Dev Patel',
        habit: 'night-owl',
        weight: 2,
        budget: 6000,
        focus: ['integration:twilio'],
      },
      { id: 'eve', name: 'Eve Novak', habit: 'automation', weight: 2, focus: ['integration:hubspot', 'db'] },
    ],
    pools: [
      {
        pool: 'integration',
        role: 'near-half',
        history: [0.35, 0.7],
        pace: 0.6,
        actions: ziteActions(['lead-capture', 'booking', 'client-portal', 'invoice-generator']),
        filler: 'integration:hubspot',
        repeats: [
          {
            app: 'booking',
            action: 'integration:twilio',
            memberId: 'eve',
            input: 'sms:appointment-reminder',
            calls: [105, 140],
            chance: 0.15,
          },
        ],
      },
    ],
  },
  {
    workspace: {
      id: 'zite-team',
      name: 'Operations (Zite Team)',
      provider: 'zite',
      plan: 'team',
      catalogVersion: '2026-05-seed',
      existingCustomer: true,
      pools: [{ pool: 'integration', reset: calendarMonth }],
      members: [],
    },
    utcOffsetHours: -5,
    members: [
      { id: 'grace', name: 'Grace Hopper', habit: 'builder', weight: 6, focus: ['document'] },
      { id: 'hiro', name: 'Hiro Tanaka', habit: 'office', weight: 4 },
      { id: 'ines', name: 'Inès Duval', habit: 'office', weight: 3, focus: ['integration:airtable'] },
      { id: 'jon', name: 'Jon Berg', habit: 'occasional', weight: 1 },
      { id: 'kemi', name: 'Kemi Adeyemi', habit: 'weekend', weight: 2 },
      { id: 'liam', name: 'Liam Walsh', habit: 'night-owl', weight: 2 },
      { id: 'maya', name: 'Maya Cohen', habit: 'office', weight: 3, focus: ['integration:slack'] },
      { id: 'nils', name: 'Nils Ek', habit: 'occasional', weight: 1 },
      {
        id: 'ops-bot',
        name: 'Ops automations',
        habit: 'automation',
        weight: 5,
        focus: ['integration:google_sheets', 'integration:hubspot'],
      },
      { id: 'priya', name: 'Priya Nair', habit: 'builder', weight: 4, budget: 12000, focus: ['email'] },
    ],
    pools: [
      {
        pool: 'integration',
        role: 'steady',
        // A Team plan's million is far more than the demo needs to generate: it runs at a few per cent.
        history: [0.015, 0.03],
        pace: 0.022,
        actions: [
          { action: 'email', weight: 16, app: 'customer-updates' },
          { action: 'document', weight: 5, app: 'contracts' },
          { action: 'integration:twilio', weight: 5, app: 'dispatch' },
          { action: 'integration:hubspot', weight: 8, app: 'lead-router' },
          { action: 'integration:google_drive', weight: 5, app: 'contracts' },
          // Free for an existing customer (Zite seed): still counted, at 0 credits.
          { action: 'integration:airtable', weight: 8, app: 'inventory' },
          { action: 'integration:google_sheets', weight: 7, app: 'reporting' },
          { action: 'integration:slack', weight: 7, app: 'dispatch' },
          { action: 'db', weight: 8, app: 'inventory' },
        ],
        filler: 'integration:twilio',
        repeats: [
          {
            app: 'lead-router',
            action: 'integration:hubspot',
            memberId: 'ops-bot',
            input: 'hubspot:sync-open-deals',
            calls: [110, 190],
            chance: 0.45,
          },
        ],
      },
    ],
  },
  {
    workspace: {
      id: 'base44-studio',
      name: 'Support studio (Base44)',
      provider: 'base44',
      // The seeds give no Base44 plan sizes: the demo's account puts the plan on the documentation's
      // rules (Builder: 10,000 integration and 250 message credits a month, reset on the billing
      // day), and the API says so, as a real account would.
      plan: 'builder',
      catalogVersion: '2026-12-docs',
      billingDay: 15,
      pools: [{ pool: 'integration' }, { pool: 'message' }],
      members: [],
      thresholds: [50, 75, 90, 100],
    },
    utcOffsetHours: 2,
    members: [
      { id: 'omar', name: 'Omar Haddad', habit: 'builder', weight: 6, focus: ['llm', 'message'] },
      { id: 'paula', name: 'Paula Reyes', habit: 'office', weight: 3, focus: ['pdf'] },
      { id: 'quinn', name: 'Quinn Baker', habit: 'occasional', weight: 1 },
      { id: 'rosa', name: 'Rosa Ferri', habit: 'weekend', weight: 2 },
      { id: 'sam', name: 'Sam Lee', habit: 'night-owl', weight: 2, budget: 2500, focus: ['external_api'] },
      { id: 'faq-bot', name: 'FAQ bot', habit: 'automation', weight: 3, focus: ['llm'] },
    ],
    pools: [
      {
        pool: 'integration',
        role: 'pace-90',
        history: [0.55, 0.9],
        pace: 0.96,
        actions: [
          { action: 'llm', weight: 38, app: 'help-desk', units: 'llm-tokens' },
          { action: 'file', weight: 12, app: 'attachments' },
          { action: 'pdf', weight: 7, app: 'quotes', units: 'pdf-pages' },
          { action: 'external_api', weight: 14, app: 'order-status' },
          // On the customer's own keys: free (Base44 seed).
          { action: 'backend_function', weight: 14, app: 'order-status' },
        ],
        filler: 'external_api',
        repeats: [
          {
            app: 'help-desk',
            action: 'llm',
            memberId: 'faq-bot',
            input: 'faq:what-are-your-opening-hours',
            units: 600,
            calls: [115, 220],
            chance: 0.6,
          },
        ],
      },
      {
        pool: 'message',
        role: 'steady',
        history: [0.35, 0.8],
        pace: 0.55,
        // Message credits are charged by the provider per AI message while building; it reports them.
        actions: [{ action: 'message', weight: 1, app: 'builder-chat', credits: 1 }],
        filler: 'message',
      },
    ],
    linkedInBonus: { pool: 'integration', periodsAgo: 4 },
  },
  {
    workspace: {
      id: 'zite-lab',
      name: 'Side project (Zite Free)',
      provider: 'zite',
      plan: 'free',
      catalogVersion: '2026-05-seed',
      pools: [{ pool: 'integration', reset: calendarMonth }],
      members: [],
    },
    utcOffsetHours: 0,
    members: [
      { id: 'tara', name: 'Tara Singh', habit: 'builder', weight: 4, focus: ['email'] },
      { id: 'uri', name: 'Uri Levi', habit: 'weekend', weight: 2 },
      { id: 'vera', name: 'Vera Ivanova', habit: 'occasional', weight: 1 },
      { id: 'wes', name: 'Wes Moore', habit: 'night-owl', weight: 2 },
    ],
    pools: [
      {
        pool: 'integration',
        role: 'runs-dry',
        history: [0.7, 1.3],
        pace: 1.25,
        actions: ziteActions(['waitlist', 'sms-alerts', 'shared-drive', 'reports']),
        filler: 'integration:twilio',
      },
    ],
  },
];

/** The demo workspaces as the ledger (and the API) describe them, members filled in from the cast. */
export function castWorkspace(spec: DemoWorkspaceSpec): Workspace {
  return {
    ...spec.workspace,
    members: spec.members.map((m) =>
      m.budget !== undefined ? { id: m.id, name: m.name, budget: m.budget } : { id: m.id, name: m.name },
    ),
  };
}
