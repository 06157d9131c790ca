// After `$ref`s are resolved a description is a graph: a component used twice is one object reached
// twice. Whatever walks it as a tree (normalizing, the linter's rules, data generation, mocks) does work
// in proportion to its size unfolded, which a few kilobytes can make astronomical (each schema referring
// twice to the next, 30 levels: 2^30 nodes). This measures the unfolded size and depth without unfolding
// (each object once, memoized, iteratively), so the loader can refuse such a document with one line.
// Cycles (recursive schemas) are cut where they close: they stay `$ref`s in the model.

export interface Expansion {
  /** Nodes (objects, arrays and values) a tree walk from the root would visit, capped at `cap` + 1. */
  nodes: number;
  /** Deepest nesting of objects and arrays a tree walk would meet. */
  depth: number;
}

interface Frame {
  node: object;
  children: unknown[];
  next: number;
  nodes: number;
  depth: number;
}

export function measureExpansion(root: unknown, cap: number): Expansion {
  if (root === null || typeof root !== 'object') return { nodes: 1, depth: 0 };
  const done = new Map<object, Expansion>();
  const onPath = new Set<object>();
  const enter = (node: object): Frame => {
    onPath.add(node);
    return { node, children: Object.values(node), next: 0, nodes: 1, depth: 1 };
  };
  const stack: Frame[] = [enter(root)];
  let result: Expansion = { nodes: 1, depth: 1 };
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (child === null || typeof child !== 'object') frame.nodes += 1;
      else {
        const known = done.get(child);
        if (known !== undefined) add(frame, known, cap);
        else if (onPath.has(child)) frame.nodes += 1; // a cycle: left as a reference
        else stack.push(enter(child));
      }
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    result = { nodes: frame.nodes, depth: frame.depth };
    done.set(frame.node, result);
    const parent = stack[stack.length - 1];
    if (parent !== undefined) add(parent, result, cap);
  }
  return result;
}

function add(frame: Frame, child: Expansion, cap: number): void {
  frame.nodes = Math.min(cap + 1, frame.nodes + child.nodes);
  frame.depth = Math.max(frame.depth, child.depth + 1);
}
