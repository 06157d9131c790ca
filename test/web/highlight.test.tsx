// @vitest-environment happy-dom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { highlight } from '../../web/src/pages/finding.js';

const marked = (text: string, evidence?: string) => [...render(<pre>{highlight(text, evidence)}</pre>).container.querySelectorAll('mark')].map((mark) => mark.textContent);

describe('highlight', () => {
  it('marks shortened evidence whose line breaks became spaces', () => {
    expect(marked('HTTP 200\n\nroot:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon', 'root:x:0:0:root:/root:/bin/bash daemon:x:…')).toEqual(['root:x:0:0:root:/root:/bin/bash\ndaemon:x:']);
  });
  it('marks every occurrence, and nothing without evidence or a match', () => {
    expect(marked('a (1) b (1)', '(1)')).toEqual(['(1)', '(1)']);
    expect(marked('abc', undefined)).toEqual([]);
    expect(marked('abc', 'zzz')).toEqual([]);
  });
});
