// Readability per page, from the built content (issue #15): Flesch-Kincaid grade, the longest
// sentence and the long words that are neither in the plain-word list nor on the glossary page.
// The figures come from tests/reading_level.rs (`readability_report`), so `make bench` and
// `make test` measure with the same code. Run alone: `node bench/readability.mjs`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function readability() {
  const out = execFileSync(
    'cargo', ['test', '-q', '--test', 'reading_level', 'readability_report', '--', '--nocapture', '--exact'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = out.split('\n').find((l) => l.startsWith('READABILITY '));
  if (!line) throw new Error('reading_level printed no READABILITY line');
  return JSON.parse(line.slice('READABILITY '.length));
}

export function readabilityMarkdown(pages) {
  return [
    '## Readability (per page)', '',
    'Flesch-Kincaid grade of the built text (limit 7 per patient page; `make test` fails above it), the longest',
    'sentence (limit 25 words) and words of three or more syllables that are neither in the plain-word list',
    '(tests/reading_level.rs) nor explained on the glossary page.', '',
    '| page | grade | longest sentence (words) | words to check |', '|---|---|---|---|',
    ...pages.map((p) => `| ${p.page} | ${p.grade.toFixed(1)} | ${p.longest_words} | ${p.words_to_check.join(', ') || '—'} |`),
    '',
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(readabilityMarkdown(readability()).join('\n'));
}
