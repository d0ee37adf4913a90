import type { CDPSession, Page } from 'playwright-core';

/**
 * Borne's bar lives in a closed shadow root, out of reach of page scripts and of Playwright's
 * selectors. Tests find it the way assistive technology does: through the accessibility tree,
 * over the DevTools protocol, then click where the element is on screen.
 */
interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
  ignored?: boolean;
  properties?: { name: string; value: { value?: unknown } }[];
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

async function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page).then(async (cdp) => {
      await cdp.send('Accessibility.enable');
      await cdp.send('DOM.enable');
      return cdp;
    });
    sessions.set(page, s);
  }
  return s;
}

async function tree(page: Page): Promise<AxNode[]> {
  const cdp = await session(page);
  await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  return ((await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] }).nodes.filter((n) => !n.ignored);
}

/** Every name the accessibility tree gives, in order: what a screen reader would read. */
export async function accessibleTexts(page: Page): Promise<string[]> {
  return (await tree(page)).map((n) => n.name?.value ?? '').filter((s) => s.trim() !== '');
}

export async function findByRole(page: Page, role: string, name: string | RegExp): Promise<AxNode | null> {
  const matches = (n: AxNode) => n.role?.value === role && (typeof name === 'string' ? n.name?.value === name : name.test(n.name?.value ?? ''));
  return (await tree(page)).find(matches) ?? null;
}

/** Waits until the accessibility tree has a node of this role and name, and returns it. */
export async function waitForRole(page: Page, role: string, name: string | RegExp, timeoutMs = 15_000): Promise<AxNode> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const node = await findByRole(page, role, name).catch(() => null);
    if (node) return node;
    if (Date.now() > until) throw new Error(`No ${role} named ${String(name)} in the accessibility tree after ${timeoutMs} ms.\nIt reads: ${(await accessibleTexts(page).catch(() => [])).join(' | ')}`);
    await page.waitForTimeout(100);
  }
}

export async function isDisabled(node: AxNode): Promise<boolean> {
  return node.properties?.some((p) => p.name === 'disabled' && p.value.value === true) ?? false;
}

/** Clicks a button found in the accessibility tree, at the centre of its box on screen. */
export async function clickByRole(page: Page, role: string, name: string | RegExp): Promise<void> {
  const node = await waitForRole(page, role, name);
  const cdp = await session(page);
  await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId! });
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId! })) as { model: { border: number[] } };
  const [x1, y1, , , x3, y3] = model.border;
  await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
}

/** The node that has the keyboard focus, as assistive technology reports it. */
export async function focusedNode(page: Page): Promise<AxNode | null> {
  // The page itself reports "focused" while it has the focus: the element is the deepest one.
  return (await tree(page)).filter((n) => n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true)).at(-1) ?? null;
}

/** Presses Tab until the focus is on this role and name, as a keyboard user reaches it. */
export async function tabTo(page: Page, role: string, name: string, maxPresses = 20): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const node = await focusedNode(page);
    if (node?.role?.value === role && node.name?.value === name) return;
  }
  throw new Error(`${maxPresses} presses of Tab never reached the ${role} named ${name}: it is not reachable with the keyboard.`);
}
