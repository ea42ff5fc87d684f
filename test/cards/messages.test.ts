import { greetingText, helpText, parseCommand } from '../../src/cards';

describe('what the bot says', () => {
  it('greets with one line on what it does, in the user\'s language', () => {
    for (const [lang, words] of [['sv', 'godkännande'], ['en', 'approval']] as const) {
      const text = greetingText(lang);
      expect(text).not.toContain('\n');
      expect(text).toContain('Mötescheck');
      expect(text).toContain(words);
    }
  });

  it('the help names the words it understands', () => {
    expect(helpText('sv')).toContain('”att godkänna”');
    expect(helpText('sv')).toContain('”mina”');
    expect(helpText('en')).toContain('“pending”');
    expect(helpText('en')).toContain('“mine”');
  });
});

describe('what the bot understands', () => {
  it.each([
    ['att godkänna', 'pending'],
    ['Att godkänna', 'pending'],
    ['  ATT GODKÄNNA! ', 'pending'],
    ['pending', 'pending'],
    ['<at>Mötescheck</at> att godkänna', 'pending'],
    ['”att godkänna”', 'pending'],
    ['mina', 'mine'],
    ['Mina.', 'mine'],
    ['mine', 'mine'],
    ['<at>Mötescheck</at> mina', 'mine'],
    ['hej', 'help'],
    ['', 'help'],
    ['godkänn allt', 'help'],
    ['mina bedömningar att godkänna', 'help'],
  ] as const)('%j → %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });
});
