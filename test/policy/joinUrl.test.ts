// One meeting, one reference: the join URL is normalised before hashing, so the Outlook item's link and
// the Teams meeting's join URL give the same hash, and the URL itself never leaves the client.
import { joinUrlHash, normaliseJoinUrl } from '../../src/policy';

const teams = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ABC%40thread.v2/0';

describe('the join URL reference', () => {
  it.each([
    ['upper-case percent escapes', 'https://teams.microsoft.com/l/meetup-join/19%3Ameeting_ABC%40thread.v2/0'],
    ['a query with tracking and context', `${teams}?context=%7b%22Tid%22%3a%22x%22%7d&anon=true`],
    ['a trailing slash', `${teams}/`],
    ['an upper-case host', 'https://TEAMS.microsoft.com/l/meetup-join/19%3ameeting_ABC%40thread.v2/0'],
    ['an Outlook Safe Links wrapper', `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(teams)}&data=05`],
    ['surrounding white space', `  ${teams}\n`],
  ])('is the same with %s', (_, variant) => {
    expect(joinUrlHash(variant)).toBe(joinUrlHash(teams));
  });

  it('differs between meetings and is a sha256 reference', () => {
    expect(joinUrlHash(teams)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(joinUrlHash(teams.replace('ABC', 'ABD'))).not.toBe(joinUrlHash(teams));
  });

  it('refuses what is not a web link', () => {
    expect(normaliseJoinUrl('not a url')).toBeNull();
    expect(joinUrlHash('mailto:someone@example.org')).toBeNull();
    expect(normaliseJoinUrl('https://eur01.safelinks.protection.outlook.com/?data=05')).toBeNull();
  });
});
