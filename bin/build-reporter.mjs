#!/usr/bin/env node
// `npm run reporter`: writes resources/reporter/creditbar-report.js from creditbar-report.ts (types
// stripped by TypeScript itself, formatted by the repo's Prettier). A test checks the two are in sync.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import ts from 'typescript';

export const REPORTER_TS = new URL('../resources/reporter/creditbar-report.ts', import.meta.url);
export const REPORTER_JS = new URL('../resources/reporter/creditbar-report.js', import.meta.url);

const HEADER =
  '// Generated from creditbar-report.ts by `npm run reporter`: edit the .ts and regenerate. Plain JavaScript\n' +
  '// (ES2022 modules) for Node 18+ and anything else with a global fetch; no dependencies.\n';

/** The .js twin's text, exactly as `npm run reporter` writes it. */
export async function renderReporterJs() {
  const source = readFileSync(REPORTER_TS, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      removeComments: false,
      verbatimModuleSyntax: true,
    },
    fileName: 'creditbar-report.ts',
  });
  const options = (await prettier.resolveConfig(fileURLToPath(REPORTER_JS))) ?? {};
  return prettier.format(HEADER + outputText, { ...options, parser: 'babel' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(REPORTER_JS, await renderReporterJs());
  console.log(`wrote ${fileURLToPath(REPORTER_JS)}`);
}
