import { describe, expect, it } from 'vitest';
import { defaultWorkerCount } from '../../../../src/execution/load/schedule.js';
import type { MixEntry } from '../../../../src/execution/load/types.js';

const mix = (...urls: string[]): MixEntry[] => [
  { operation: 'GET /', weight: 1, requests: urls.map((url) => ({ method: 'GET', url, headers: {}, operation: 'GET /' })) },
];

describe('defaultWorkerCount', () => {
  it.each([
    { case: '127.0.0.1 on 2 cores', urls: ['http://127.0.0.1:8080/'], cores: 2, expected: 1 },
    { case: 'localhost on 8 cores', urls: ['http://localhost/x'], cores: 8, expected: 7 },
    { case: '[::1] on 4 cores', urls: ['http://[::1]:3000/'], cores: 4, expected: 3 },
    { case: 'loopback on 1 core keeps one worker', urls: ['http://127.0.0.1/'], cores: 1, expected: 1 },
    { case: 'remote host uses every core', urls: ['https://api.example.com/'], cores: 2, expected: 2 },
    { case: 'a mix with one remote request uses every core', urls: ['http://127.0.0.1/', 'http://10.0.0.5/'], cores: 4, expected: 4 },
    { case: 'an unparsable URL is not loopback', urls: ['not a url'], cores: 2, expected: 2 },
  ])('$case → $expected', ({ urls, cores, expected }) => {
    expect(defaultWorkerCount(mix(...urls), cores)).toBe(expected);
  });
});
