/**
 * A whole Base44 backend function that reports what it spends (a recipe: adapt the names). Put it in
 * base44/functions/<name>/index.ts with creditbar-report.ts and base44-metered.ts beside it, and set
 * the function's secrets CREDITBAR_URL (your collector, https), CREDITBAR_TOKEN (an ingest token:
 * `creditbar-server token --scope ingest --workspace ID`) and CREDITBAR_WORKSPACE.
 */
import { createClientFromRequest } from 'npm:@base44/sdk';
import { createReporter } from './creditbar-report.ts';
import { callMetered, invokeLLMReported } from './base44-metered.ts';

// Created once per instance: calls of one warm instance share batches.
const reporter = createReporter({
  url: Deno.env.get('CREDITBAR_URL') ?? '',
  token: Deno.env.get('CREDITBAR_TOKEN') ?? '',
  workspaceId: Deno.env.get('CREDITBAR_WORKSPACE') ?? '',
  app: 'helpdesk',
  onError: (e) => console.warn(`creditbar: ${e.message}`),
});

Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const user = await base44.auth.me();
  const { ticket } = await req.json();

  // A metered connector: Base44 says what it charged (creditsCharged), and that is what is reported.
  const posted = await callMetered(base44.asServiceRole.connectors, reporter, user.id, 'slack', {
    method: 'POST',
    path: '/api/chat.postMessage',
    body: { channel: '#support', text: `New ticket: ${ticket.title}` },
  });

  // An LLM call: reported by size (estimated tokens), priced by the catalog's bands.
  const summary = await invokeLLMReported(base44.integrations.Core, reporter, user.id, {
    prompt: `Summarise this support ticket in two sentences:\n${ticket.body}`,
  });

  // A function may be frozen once it has answered: send what is queued first (at most 3 s here).
  await reporter.flush(3000);
  return Response.json({ posted: posted.success, summary });
});
