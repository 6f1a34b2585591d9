/** The docs page's finishing touches (scripts/emit/docs-page.ts) and the docs' copy of the spec (scripts/emit/docs.ts). */
import { describe, expect, it } from 'vitest';
import { withHandlerRulesSection } from '../../scripts/emit/docs.ts';
import { finishPage, unwrapParagraphs } from '../../scripts/emit/docs-page.ts';

describe('unwrapParagraphs', () => {
  it('joins the lines of a paragraph with a space, and keeps paragraphs, tables, lists and code apart', () => {
    const markdown = [
      'Send a',
      '`field` with it.',
      '',
      '| a | b |',
      '| --- | --- |',
      '- one',
      '- two',
      '```',
      'code',
      'more code',
      '```',
      '## Heading',
      'text',
    ].join('\n');
    expect(unwrapParagraphs(markdown)).toBe(
      ['Send a `field` with it.', '', '| a | b |', '| --- | --- |', '- one', '- two', '```', 'code', 'more code', '```', '## Heading', 'text'].join('\n'),
    );
  });
});

describe('withHandlerRulesSection', () => {
  it('puts the tables at the end of the Handler rules section, before the next heading', () => {
    const intro = 'Intro.\n\n## Handler rules\nWhat they are.\n\n## Other\nMore.\n';
    expect(withHandlerRulesSection(intro, ['TABLE'])).toBe('Intro.\n\n## Handler rules\nWhat they are.\n\nTABLE\n\n## Other\nMore.\n');
  });

  it('adds the section when the introduction has none', () => {
    expect(withHandlerRulesSection('Intro.', ['TABLE'])).toBe('Intro.\n\n## Handler rules\n\nTABLE\n');
  });
});

describe('finishPage', () => {
  const page = '<html><head></head><body><script>x=`https://cdn.redoc.ly/redoc/logo-mini-full.svg`;y=`https://cdn.redoc.ly/redoc/logo-mini.svg`</script></body></html>';

  it('replaces the remote logos with inline images and adds the table style', () => {
    const finished = finishPage(page);
    expect(finished).not.toContain('https://cdn.');
    expect(finished.match(/data:image\/svg\+xml,/g)).toHaveLength(2);
    expect(finished).toMatch(/<style>[\s\S]*white-space: nowrap[\s\S]*<\/style>\n<\/head>/);
  });

  it('fails when a Redoc upgrade no longer refers to the logo it replaces', () => {
    expect(() => finishPage(page.replace('logo-mini-full', 'logo-new'))).toThrow('logo-mini-full.svg');
  });
});
