// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chooseTitle, stripSiteSuffix } from '../../../utils/extract/title';

describe('stripSiteSuffix', () => {
  it('drops the named site after any separator', () => {
    expect(stripSiteSuffix('Gun laws are his biggest frustration - BBC News', 'BBC News')).toBe(
      'Gun laws are his biggest frustration',
    );
    expect(stripSiteSuffix('Mozilla – Wikipedia', '', 'en.wikipedia.org')).toBe('Mozilla');
  });

  it('drops a short tail after a bar but keeps subtitles after dashes', () => {
    expect(stripSiteSuffix('How to Build a Terrarium | eHow', '')).toBe('How to Build a Terrarium');
    expect(stripSiteSuffix('Minecraft 1.8 - The Bountiful Update', '', 'tumblr.com')).toBe(
      'Minecraft 1.8 - The Bountiful Update',
    );
    expect(stripSiteSuffix('Rates | Fed', '')).toBe('Rates | Fed'); // too little would remain
  });
});

describe('chooseTitle', () => {
  it('takes the structured headline when it agrees with what the page shows', () => {
    expect(
      chooseTitle(
        {
          headline: 'Council expands bus network',
          document: 'Council expands bus network | Daily',
        },
        'Daily',
      ),
    ).toBe('Council expands bus network');
  });

  it('ignores a structured headline that is really a description', () => {
    expect(
      chooseTitle(
        {
          headline: 'Wikimedia list article',
          name: 'List of films featuring time loops',
          document: 'List of films featuring time loops - Wikipedia',
        },
        'Wikipedia',
      ),
    ).toBe('List of films featuring time loops');
  });

  it('falls back through OpenGraph, <title>, <h1> and the site name', () => {
    expect(chooseTitle({ og: 'OG', document: 'Doc' }, 's')).toBe('OG');
    expect(chooseTitle({ document: 'Doc' }, 's')).toBe('Doc');
    expect(chooseTitle({ h1: 'Heading' }, 's')).toBe('Heading');
    expect(chooseTitle({}, 'example.com')).toBe('example.com');
  });
});
