import { startServer } from './server.mjs';
import { launch } from './browser.mjs';
import { readFileSync } from 'node:fs';
const css = readFileSync('/tmp/er/x.css', 'utf8');
const server = await startServer({ root: 'dist', prefix: '/clinic/baclofen/' });
const browser = await launch();
const page = await (await browser.newContext({ bypassCSP: true })).newPage();
for (const slug of ['easy-about','easy-taking','easy-missed-dose','easy-help-now','easy-stopping']) {
  await page.goto(server.url + slug + '/');
  await page.evaluate((css) => {
    const art = document.querySelector('article.page');
    if (!art.querySelector('.easy-read')) {
      const wrap = document.createElement('div'); wrap.className = 'easy-read';
      const kids = [...art.children].filter(e => e.matches('.easy-point, .region-note, .way-in'));
      kids[0].before(wrap); kids.forEach(k => wrap.append(k));
    }
    const s = document.createElement('style'); s.textContent = css; document.head.append(s);
  }, css);
  const out = [];
  for (const format of ['A4','Letter']) {
    const pdf = await page.pdf({ format, printBackground: true });
    out.push(format + ' ' + (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length);
  }
  console.log(slug, out.join(', '));
  if (process.argv[2] === slug) { await page.emulateMedia({media:'print'}); await page.setViewportSize({width:704,height:1000}); await page.screenshot({path:'/tmp/er/x.png', fullPage:true}); }
}
await browser.close(); await server.close();
