// The third-party notices file as text, Markdown, HTML or JSON: each component with its copyright
// lines and NOTICE files, then each distinct licence text once. Pure functions.
import type { NoticeDocument } from '../notice/build.js';
import { cell, plain } from './history.js';

export const NOTICE_FORMATS = ['text', 'markdown', 'html', 'json'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

export function renderNotices(document: NoticeDocument, format: NoticeFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(document, null, 2)}\n`;
    case 'markdown':
      return noticeMarkdown(document);
    case 'html':
      return noticeHtml(document);
    case 'text':
      return noticeText(document);
  }
}

const project = (document: NoticeDocument) => `${document.project.name}${document.project.version ? ` ${document.project.version}` : ''}`;
const intro = (document: NoticeDocument) =>
  `${project(document)} includes the following ${document.components.length} third-party component${document.components.length === 1 ? '' : 's'}. Each is listed with its licence, its copyright notices and the licence text it is distributed under (printed once below, and referenced by number).`;
const rule = '='.repeat(78);

function noticeText(document: NoticeDocument): string {
  const out = ['THIRD-PARTY NOTICES', '', plain(intro(document)), ''];
  for (const component of document.components) {
    out.push(rule, plain(`${component.name} ${component.version}`), plain(`Licence: ${component.expression ?? 'not identified'}${component.texts.length ? ` (text ${component.texts.join(', ')})` : ''}`));
    for (const line of component.copyright) out.push(plain(line));
    for (const notice of component.notices) out.push('', plain(`${notice.file}:`), plain(notice.text));
    out.push('');
  }
  for (const text of document.texts) {
    out.push(rule, plain(`Licence text ${text.id}: ${text.licence}`), plain(`Used by ${text.components.join(', ')}`), '', plain(text.text), '');
  }
  if (document.missing.length > 0) {
    out.push(rule, 'Not found: these components ask for a notice, but copyfair found no licence text to include', '');
    for (const item of document.missing) out.push(plain(`- ${item.component} (${item.expression ?? 'no licence'}): ${item.reason}`));
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** A fence longer than any run of backticks in the text, so no text can close it early. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}

function noticeMarkdown(document: NoticeDocument): string {
  const out = ['# Third-party notices', '', cell(intro(document)), '', '| component | licence | copyright | text |', '| --- | --- | --- | --- |'];
  for (const component of document.components) {
    out.push(`| ${cell(`${component.name} ${component.version}`)} | ${cell(component.expression ?? 'not identified')} | ${component.copyright.map(cell).join('<br>') || '—'} | ${component.texts.map((id) => `[${id}](#${id.toLowerCase()})`).join(', ') || '—'} |`);
  }
  const withNotices = document.components.filter((component) => component.notices.length > 0);
  if (withNotices.length > 0) {
    out.push('', '## NOTICE files');
    for (const component of withNotices) {
      for (const notice of component.notices) out.push('', `### ${cell(`${component.name} ${component.version}`)}: ${cell(notice.file)}`, '', fence(notice.text), plain(notice.text), fence(notice.text));
    }
  }
  out.push('', '## Licence texts');
  for (const text of document.texts) {
    out.push('', `### ${text.id}`, '', `${cell(text.licence)}, used by ${text.components.map(cell).join(', ')}.`, '', fence(text.text), plain(text.text), fence(text.text));
  }
  if (document.missing.length > 0) {
    out.push('', '## Not found', '', 'These components ask for a notice, but copyfair found no licence text to include:', '');
    for (const item of document.missing) out.push(`- ${cell(item.component)} (${cell(item.expression ?? 'no licence')}): ${cell(item.reason)}`);
  }
  return `${out.join('\n')}\n`;
}

const html = (text: string) => plain(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function noticeHtml(document: NoticeDocument): string {
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>Third-party notices</title>',
    '<style>body{font-family:sans-serif;max-width:60rem;margin:auto}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}td,th{text-align:left;vertical-align:top;padding:.2rem .5rem}</style></head>',
    '<body>',
    '<h1>Third-party notices</h1>',
    `<p>${html(intro(document))}</p>`,
    '<table><thead><tr><th>component</th><th>licence</th><th>copyright</th><th>text</th></tr></thead><tbody>',
  ];
  for (const component of document.components) {
    out.push(`<tr><td>${html(`${component.name} ${component.version}`)}</td><td>${html(component.expression ?? 'not identified')}</td><td>${component.copyright.map(html).join('<br>')}</td><td>${component.texts.map((id) => `<a href="#${id}">${id}</a>`).join(', ')}</td></tr>`);
  }
  out.push('</tbody></table>');
  for (const component of document.components) {
    for (const notice of component.notices) out.push(`<h2>${html(`${component.name} ${component.version}`)}: ${html(notice.file)}</h2>`, `<pre>${html(notice.text)}</pre>`);
  }
  for (const text of document.texts) {
    out.push(`<h2 id="${text.id}">${text.id}: ${html(text.licence)}</h2>`, `<p>Used by ${text.components.map(html).join(', ')}.</p>`, `<pre>${html(text.text)}</pre>`);
  }
  if (document.missing.length > 0) {
    out.push('<h2>Not found</h2>', '<ul>');
    for (const item of document.missing) out.push(`<li>${html(`${item.component} (${item.expression ?? 'no licence'}): ${item.reason}`)}</li>`);
    out.push('</ul>');
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}
