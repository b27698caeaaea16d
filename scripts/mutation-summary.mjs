#!/usr/bin/env node
// npm run mutate:summary [-- reports/mutation/<group>.json ...]: the per-file table and the surviving mutants of
// Stryker's JSON reports, as Markdown for docs/mutation-testing.md (the score as Stryker counts it: killed and
// timed out over every valid mutant; mutants the TypeScript checker refused are not counted).
import { readFileSync } from 'node:fs';

const reports = process.argv.slice(2);
if (reports.length === 0) reports.push('reports/mutation/rules.json', 'reports/mutation/scoping.json');

const statuses = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError'];

function counts(mutants) {
  const tally = Object.fromEntries(statuses.map((status) => [status, 0]));
  for (const mutant of mutants) tally[mutant.status] = (tally[mutant.status] ?? 0) + 1;
  const detected = tally.Killed + tally.Timeout;
  const valid = detected + tally.Survived + tally.NoCoverage;
  return { ...tally, score: valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(2)} %` };
}

const row = (name, c) => `| ${name} | ${c.score} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${c.CompileError + c.RuntimeError} |`;

for (const path of reports) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
  console.log(`\n${path}\n`);
  console.log('| file | score | killed | timed out | survived | no coverage | type errors |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, file] of files) console.log(row(`\`${name}\``, counts(file.mutants)));
  console.log(row('**all**', counts(files.flatMap(([, file]) => file.mutants))));
  const alive = files.flatMap(([name, file]) =>
    file.mutants.filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage').map((mutant) => ({ name, mutant })),
  );
  if (alive.length > 0) console.log('\nNot detected:');
  for (const { name, mutant } of alive) {
    const { line, column } = mutant.location.start;
    const replacement = String(mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
    console.log(`- \`${name}:${line}:${column}\` ${mutant.mutatorName} → \`${replacement}\` (${mutant.status})`);
  }
}
