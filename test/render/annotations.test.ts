import { describe, expect, it } from 'vitest';
import { renderGithubAnnotations } from '../../src/render/github-annotations.js';

describe('GitHub annotations', () => {
  it.each([
    [
      'plain',
      'a.yaml',
      'bad role',
      '::error file=a.yaml,line=3,col=7,title=pactflow-accounts%3A x::bad role\n',
    ],
    [
      'percent and newlines in the message',
      'a.yaml',
      '100%\nsure\r',
      '::error file=a.yaml,line=3,col=7,title=pactflow-accounts%3A x::100%25%0Asure%0D\n',
    ],
    [
      'colon and comma in the file name',
      'dir,x/a:b.yaml',
      'm',
      '::error file=dir%2Cx/a%3Ab.yaml,line=3,col=7,title=pactflow-accounts%3A x::m\n',
    ],
  ])('%s', (_name, file, summary, expected) => {
    expect(
      renderGithubAnnotations([{ severity: 'error', code: 'x', summary, file, line: 3, column: 7 }]),
    ).toBe(expected);
  });

  it('warnings are ::warning and the detail follows the summary', () => {
    expect(
      renderGithubAnnotations([
        { severity: 'warning', code: 'w', summary: 's', detail: 'do this', file: 'f', line: 1, column: 1 },
      ]),
    ).toBe('::warning file=f,line=1,col=1,title=pactflow-accounts%3A w::s — do this\n');
  });
});
