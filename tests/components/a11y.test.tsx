/**
 * Structural accessibility checks with axe-core. happy-dom has no layout, so rules that need
 * rendering (colour contrast, target size) are left to the real-browser harness; contrast is
 * checked numerically in styles.test.ts.
 */
import axe from 'axe-core';
import { render, type ComponentChild } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/Popup.tsx';
import { SourceCard } from '../../components/SourceCard.tsx';
import { sourced } from './fixtures.ts';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

async function violations(vnode: ComponentChild): Promise<string[]> {
  render(vnode, container);
  const result = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const noop = () => {};

describe('accessibility (axe-core)', () => {
  it.each(['tooltip', 'pinned'] as const)('%s card with sources', async (mode) => {
    expect(
      await violations(
        <SourceCard
          sentence="A sentence."
          answer={sourced(5)}
          mode={mode}
          onPin={noop}
          onClose={noop}
        />,
      ),
    ).toEqual([]);
  });

  it('pinned error card', async () => {
    expect(
      await violations(
        <SourceCard
          sentence="A sentence."
          answer={{ id: 's', status: 'error', sources: [], error: 'Timed out.' }}
          mode="pinned"
          onPin={noop}
          onClose={noop}
        />,
      ),
    ).toEqual([]);
  });

  it('popup while matching', async () => {
    expect(
      await violations(
        <Popup
          status={{ state: 'matching', sentences: 10, sourced: 2, sources: 3, pending: 5 }}
          enabled
          siteEnabled
          host="example.com"
          onToggleEnabled={noop}
          onToggleSite={noop}
        />,
      ),
    ).toEqual([]);
  });

  it('catches a real problem (an unnamed button)', async () => {
    const found = await violations(<button type="button" />);
    expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
  });
});
