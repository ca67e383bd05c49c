// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { attributionSpan } from '../../../utils/ranking/attribution';

const clause = (text: string) => {
  const s = attributionSpan(text);
  return s ? text.slice(s[0], s[1]) : null;
};

describe('attributionSpan', () => {
  // [sentence, the clause that names who said it]
  it.each([
    ['The amnesty does not cover violent offences, the ministry said.', ', the ministry said.'],
    [
      'Talks will resume in May, a spokeswoman told reporters on Tuesday.',
      ', a spokeswoman told reporters on Tuesday.',
    ],
    [
      'The bridge will close for a year, said Anna Berg, the city engineer.',
      ', said Anna Berg, the city engineer.',
    ],
    [
      'Prices rose by 4% in March, according to the statistics office.',
      ', according to the statistics office.',
    ],
    ['According to the police, the road was closed at noon.', 'According to the police,'],
    ['Die Brücke bleibt ein Jahr gesperrt, sagte der Bürgermeister.', ', sagte der Bürgermeister.'],
    ['Le pont restera fermé un an, a déclaré le maire.', ', a déclaré le maire.'],
    ['El puente estará cerrado un año, según el alcalde.', ', según el alcalde.'],
  ])('%s', (text, want) => {
    expect(clause(text)).toBe(want);
  });

  it.each([
    // The speaker is part of what the sentence states.
    'Officials said 600 detainees were freed on Tuesday.',
    // A clause after a comma that goes on to state a fact is not an attribution.
    'On 20 December, Tom Perez, the party chairman, announced the schedule for a series of debates, set to begin in June.',
    'He said nothing.',
  ])('finds none in %s', (text) => {
    expect(clause(text)).toBeNull();
  });
});
