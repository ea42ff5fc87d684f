// Free text must not carry a Swedish personal identity or coordination number (data minimisation).
// The numbers below are test numbers made for this file, not anyone's.
import { findPersonalIdentityNumber } from '../../src/policy';

describe('a personal identity number in free text', () => {
  it.each([
    ['10 digits with a hyphen', 'Samtal med 121212-1212 i dag'],
    ['10 digits without separator', 'ref 1212121212.'],
    ['12 digits', 'född 191212121212'],
    ['12 digits with a hyphen', '19121212-1212'],
    ['with a plus for someone 100 or older', '121212+1212'],
    ['a coordination number (day + 60)', '121272-1219'],
    ['a leap day', '000229-1235'],
  ])('is found: %s', (_, text) => {
    expect(findPersonalIdentityNumber(text)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '121212-1213'],
    ['a date that does not exist', '990230-1234'],
    ['a month 13', '121312-1212'],
    ['a phone number', 'ring 070-123 45 67'],
    ['a longer run of digits', 'ärende 11212121212123'],
    ['a case reference', 'SN 2026/117'],
    ['an ordinary comment', 'Godkänt, tolk behövs.'],
    ['an ISO date and time', '2026-11-23 10:30'],
  ])('is not found: %s', (_, text) => {
    expect(findPersonalIdentityNumber(text)).toBe(false);
  });
});
