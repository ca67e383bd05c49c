/** The pill that says how strongly a source backs the sentence. */
import type { SupportLevel } from '../utils/messaging/types.ts';
import { t, type MessageKey } from './i18n.ts';
import { WarningIcon } from './icons.tsx';

const LABELS: Record<SupportLevel, MessageKey> = {
  supports: 'levelSupports',
  partly: 'levelPartly',
  related: 'levelRelated',
  'numbers-differ': 'levelNumbersDiffer',
};

/** The localised label for a support level. */
export function levelLabel(level: SupportLevel): string {
  return t(LABELS[level] ?? 'levelRelated');
}

/** A badge; "numbers differ" gets a warning icon and border so it never reads as agreement. */
export function SupportBadge({ level }: { level: SupportLevel }) {
  const known = level in LABELS ? level : 'related';
  const warn = known === 'numbers-differ';
  return (
    <span
      class={`sl-badge sl-badge--${known}`}
      title={warn ? t('levelNumbersDifferHint') : undefined}
    >
      {warn && <WarningIcon />}
      {levelLabel(known)}
    </span>
  );
}
