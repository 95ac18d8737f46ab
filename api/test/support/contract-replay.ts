/**
 * Replays the answers recorded by an integration run (CONTRACT_REPORT=<file>, see contract.ts)
 * against an OpenAPI document, and counts the mismatches: how the contract figures of
 * docs/reliability.md are measured (the document before a change against the one after).
 *
 *   SWC_NODE_PROJECT=api/tsconfig.spec.json node -r @swc-node/register \
 *     api/test/support/contract-replay.ts test-output/contract-answers.jsonl test-output/openapi.json
 */
import { readFileSync } from 'node:fs';
import { createContract } from './contract';

const [answersFile, documentFile] = process.argv.slice(2);
if (!answersFile || !documentFile) {
  throw new Error('usage: contract-replay.ts <answers.jsonl> <openapi.json>');
}
const contract = createContract(JSON.parse(readFileSync(documentFile, 'utf8')));
const answers = readFileSync(answersFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map(
    (line) =>
      JSON.parse(line) as {
        method: string;
        path: string;
        status: number;
        contentType: string;
        body: unknown;
      },
  );
const byKind = new Map<string, number>();
let checked = 0;
let mismatches = 0;
for (const a of answers) {
  if (!a.contentType.includes('json')) continue;
  checked += 1;
  const mismatch = contract.check(a.method, a.path, a.status, a.contentType, a.body);
  if (mismatch === null) continue;
  mismatches += 1;
  const kind = mismatch.replace(/ \(.*?\)/, '').replace(/\/\d+\//g, '/*/');
  byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
}
for (const [kind, n] of [...byKind].sort((x, y) => y[1] - x[1])) {
  process.stdout.write(`${String(n).padStart(5)}  ${kind}\n`);
}
process.stdout.write(`${mismatches} mismatches in ${checked} JSON answers\n`);
