/**
 * Recipe helpers for Base44 backend functions (Deno): call a metered connector or an LLM and report
 * what it cost to the team's Creditbar collector. Copy this file and ../creditbar-report.ts into
 * your function's folder; base44-function.ts shows a whole function using them.
 *
 * They take the SDK's objects as parameters (typed by the few members they use), so they need no
 * import of the SDK and work with whichever version your function pins.
 */
import type { Reporter } from '../creditbar-report.ts';

/** What `base44.asServiceRole.connectors.callApi` resolves to for a metered connector. */
export interface MeteredResult {
  success: boolean;
  status: number;
  data: unknown;
  headers?: unknown;
  /** Integration credits Base44 charged for this call, when it says. */
  creditsCharged?: number;
}

export interface MeteredConnectors {
  callApi(
    integrationType: string,
    request: { method: string; path: string; body?: unknown; query?: Record<string, string> },
  ): Promise<MeteredResult>;
}

/**
 * Calls a metered connector and reports the call as `integration:<type>`: with the credits Base44
 * charged when the answer carries `creditsCharged`, else with none, so that the collector prices it
 * by the catalog (1 credit for an integration). A provider's 4xx/5xx resolves and was billed, so it
 * is reported too; a Base44-side failure (no connection, credits exhausted) rejects, was not
 * charged, and is not reported.
 */
export async function callMetered(
  connectors: MeteredConnectors,
  reporter: Reporter,
  memberId: string,
  integrationType: string,
  request: Parameters<MeteredConnectors['callApi']>[1],
): Promise<MeteredResult> {
  const result = await connectors.callApi(integrationType, request);
  const charged = result.creditsCharged;
  reporter.report({
    action: `integration:${integrationType}`,
    memberId,
    ...(typeof charged === 'number' && Number.isFinite(charged) && charged >= 0 ? { credits: charged } : {}),
  });
  return result;
}

export interface LLMCore {
  InvokeLLM(params: { prompt: string } & Record<string, unknown>): Promise<unknown>;
}

/** A short fingerprint of a prompt: the same prompt sent often shows up as a cache candidate. */
async function fingerprint(text: string): Promise<string | undefined> {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Calls `base44.integrations.Core.InvokeLLM` and reports an `llm` call. Base44 does not say what an
 * LLM call cost, so it is reported by size: `units` is an estimate of the tokens (characters of the
 * prompt and the answer, divided by 4), which the catalog's token bands price (1 credit up to 2,000
 * tokens, then 2, 3, 4: bands the catalog marks as an assumption). The prompt's fingerprint goes
 * along as `inputHash`. A call that fails is not reported.
 */
export async function invokeLLMReported(
  core: LLMCore,
  reporter: Reporter,
  memberId: string,
  params: { prompt: string } & Record<string, unknown>,
): Promise<unknown> {
  const answer = await core.InvokeLLM(params);
  const text = typeof answer === 'string' ? answer : JSON.stringify(answer ?? '');
  const inputHash = await fingerprint(params.prompt).catch(() => undefined);
  reporter.report({
    action: 'llm',
    memberId,
    units: Math.ceil((params.prompt.length + text.length) / 4),
    ...(inputHash ? { inputHash } : {}),
  });
  return answer;
}
