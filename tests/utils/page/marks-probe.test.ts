import { describe, expect, it, vi } from 'vitest';
import {
  EXPOSE_MARKS,
  HIDE_MARKS,
  MARKS_TEXT,
  listenForMarksProbe,
} from '@/utils/page/marks-probe';

describe('listenForMarksProbe (test builds only)', () => {
  it('answers an expose with the texts at once, in the same task, and stops when told', () => {
    const expose = vi.fn();
    const marks = { expose, texts: () => ['First sentence.', 'Second one.'] };
    const stop = listenForMarksProbe(document, () => marks);
    const heard: unknown[] = [];
    const take = (e: Event) => heard.push(JSON.parse((e as CustomEvent<string>).detail));
    document.addEventListener(MARKS_TEXT, take);
    document.dispatchEvent(new Event(EXPOSE_MARKS));
    // Answered before dispatchEvent returned.
    expect(heard).toEqual([['First sentence.', 'Second one.']]);
    expect(expose).toHaveBeenLastCalledWith(true);
    document.dispatchEvent(new Event(HIDE_MARKS));
    expect(expose).toHaveBeenLastCalledWith(false);
    stop();
    document.dispatchEvent(new Event(EXPOSE_MARKS));
    expect(heard).toHaveLength(1);
    document.removeEventListener(MARKS_TEXT, take);
  });

  it('says nothing before the page has marks', () => {
    const stop = listenForMarksProbe(document, () => null);
    const take = vi.fn();
    document.addEventListener(MARKS_TEXT, take);
    document.dispatchEvent(new Event(EXPOSE_MARKS));
    expect(take).not.toHaveBeenCalled();
    document.removeEventListener(MARKS_TEXT, take);
    stop();
  });
});
