import { csvField, csvLine } from './csv';

describe('the queue export’s CSV', () => {
  it('quotes what needs it and defuses formulas', () => {
    expect(csvField('INSS-28')).toBe('INSS-28');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+34600')).toBe("'+34600");
    expect(csvField(null)).toBe('');
    expect(csvLine(['a', 1, 'b\nc'])).toBe('a,1,"b\nc"\r\n');
  });
});
