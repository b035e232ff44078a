/**
 * Scores today's parser on the reply table: pass/total per kind; failing replies go to /tmp/reply-score.txt.
 *   npx tsx test/domain/replies/score.ts            (WRITE_KNOWN=path writes the known-failures map as JSON)
 */
import { writeFileSync } from 'node:fs';
import { parseQuickReply } from '../../../domain/progress/quick-reply.ts';
import { KIND_NAMES, type Kind } from './case.ts';
import { REPLY_CASES } from './cases.ts';
import { checkReply } from './check.ts';

const perKind = new Map<Kind, { pass: number; total: number }>();
const lines: string[] = [];
const known: Record<string, string> = {};
for (const c of REPLY_CASES) {
  const bad = checkReply(c, parseQuickReply(c.text));
  const k = perKind.get(c.kind) ?? { pass: 0, total: 0 };
  k.total++;
  if (bad.length === 0) k.pass++;
  else {
    lines.push(`[${c.kind}] ${JSON.stringify(c.text)}\n  ${bad.join('\n  ')}`);
    known[c.text] = bad[0]!;
  }
  perKind.set(c.kind, k);
}
let pass = 0;
for (const [k, v] of [...perKind].sort((a, b) => a[0] - b[0])) {
  pass += v.pass;
  console.log(`kind ${k} (${KIND_NAMES[k]}): ${v.pass}/${v.total}`);
}
console.log(`overall: ${pass}/${REPLY_CASES.length}`);
writeFileSync('/tmp/reply-score.txt', lines.join('\n') + '\n');
if (process.env.WRITE_KNOWN) {
  const body = Object.entries(known).map(([t, why]) => `  ${JSON.stringify(t)}: ${JSON.stringify(why)},`).join('\n');
  writeFileSync(process.env.WRITE_KNOWN, body + '\n');
}
