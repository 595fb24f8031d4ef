// The carer link's QR code, drawn from the module matrix the guide's own Rust code makes
// (crates/logic/src/qr.rs), read back by an independent decoder (jsQR) from a rasterised image
// with the standard 4-module quiet zone. Run: node --test tests/carer-qr.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import jsQR from 'jsqr';

const out = execFileSync('cargo', ['run', '--quiet', '-p', 'baclofen-logic', '--example', 'qr_fixture'], {
  encoding: 'utf8',
});
const cases = [];
let current = null;
for (const line of out.split('\n')) {
  if (line.startsWith('LINK ')) current = { link: line.slice(5), rows: [] };
  else if (line === 'END') cases.push(current);
  else if (current && /^[01]+$/.test(line)) current.rows.push(line);
}

function rasterise(rows, scale = 4, quiet = 4) {
  const size = rows.length;
  const side = (size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (rows[y][x] !== '1') continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((quiet + y) * scale + dy) * side + (quiet + x) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
      }
    }
  }
  return { data, side };
}

test('the fixture printed two codes', () => {
  assert.equal(cases.length, 2);
  for (const c of cases) {
    assert.ok(c.rows.length >= 21 && (c.rows.length - 17) % 4 === 0, `size ${c.rows.length}`);
    assert.ok(c.rows.every((r) => r.length === c.rows.length));
  }
});

for (const [i, c] of cases.entries()) {
  test(`QR code ${i + 1} decodes to the carer link it was made from`, () => {
    const { data, side } = rasterise(c.rows);
    const read = jsQR(data, side, side);
    assert.ok(read, 'jsQR found a code');
    assert.equal(read.data, c.link);
    assert.match(read.data, /#carer=v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
  });
}
