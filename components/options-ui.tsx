/** Small building blocks of the options and onboarding pages: a switch, a checked text field. */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from './i18n.ts';
import type { Problem } from './options-validate.ts';

/** A labelled `role=switch` checkbox; the whole row is its label. */
export function Switch(props: {
  label: ComponentChildren;
  checked: boolean;
  disabled?: boolean;
  onChange: (value: boolean) => void;
}) {
  const id = `sl-switch-${useId()}`;
  return (
    <div class={`sl-switch-row${props.disabled ? ' sl-switch-row--disabled' : ''}`}>
      <label class="sl-opt-switch-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="sl-switch"
        type="checkbox"
        role="switch"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
    </div>
  );
}

/** The problem's text, in the UI language. */
export function problemText(p: Problem): string {
  return t(p.key, ...p.subs);
}

/**
 * A labelled text input whose problem (if any) is shown under it, tied to it with
 * `aria-describedby` and `aria-invalid` so screen readers hear why a value is refused.
 */
export function TextField(props: {
  label: string;
  value: string;
  problem: Problem | null;
  onInput: (value: string) => void;
  onCommit?: () => void;
  type?: 'text' | 'password' | 'url';
  inputMode?: 'numeric' | 'url' | 'text';
  placeholder?: string;
  hint?: string;
  name?: string;
}) {
  const id = `sl-field-${useId()}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [props.hint ? hintId : '', props.problem ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="sl-field">
      <label class="sl-field-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="sl-input"
        name={props.name}
        // Preact types `type` as a union keyed by the attribute; all three take the same props.
        type={(props.type ?? 'text') as 'text'}
        inputMode={props.inputMode}
        value={props.value}
        placeholder={props.placeholder}
        autocomplete="off"
        spellcheck={false}
        aria-invalid={props.problem ? 'true' : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
        onChange={() => props.onCommit?.()}
      />
      {props.hint && (
        <p class="sl-field-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.problem && (
        <p class="sl-field-error" id={errorId}>
          {problemText(props.problem)}
        </p>
      )}
    </div>
  );
}

/** A titled section of the page. */
export function Section(props: { title: string; intro?: string; children: ComponentChildren }) {
  const id = `sl-section-${useId()}`;
  return (
    <section class="sl-opt-section" aria-labelledby={id}>
      <h2 class="sl-opt-h2" id={id}>
        {props.title}
      </h2>
      {props.intro && <p class="sl-opt-intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}
