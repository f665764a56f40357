import { redactUrl } from './redact-url';

describe('a URL as the logs show it', () => {
  it('keeps the route words and hides ids in the path', () => {
    expect(redactUrl('/filings/medical-reports/0b6c1d3e-8f4a-4c2b-9d1e-2f3a4b5c6d7e/signing-code')).toBe(
      '/filings/medical-reports/[redacted]/signing-code',
    );
    expect(redactUrl('/verify/CSV-7Q2X9K/document.pdf')).toBe('/verify/[redacted]/document.pdf');
  });

  it('hides a DNI, an NIE, a name or a phone number wherever it sits in the path', () => {
    expect(redactUrl('/people/12345678Z/powers')).toBe('/people/[redacted]/powers');
    expect(redactUrl('/people/x1234567l')).toBe('/people/[redacted]');
    expect(redactUrl('/people/Luc%C3%ADa%20Mart%C3%ADn')).toBe('/people/[redacted]');
    expect(redactUrl('/people/Lucia')).toBe('/people/[redacted]');
    expect(redactUrl('/sms/+34600000001')).toBe('/sms/[redacted]');
  });

  it('keeps query keys and hides every query value', () => {
    expect(redactUrl('/units/INSS-28/cases?reviewer=50234567Z&status=open&limit=5')).toBe(
      '/units/[redacted]/cases?reviewer=[redacted]&status=[redacted]&limit=[redacted]',
    );
    expect(redactUrl('/dev/sms?to=%2B34611223344')).toBe('/dev/sms?to=[redacted]');
    expect(redactUrl('/dev/sms?to=+34611223344&to=x')).toBe('/dev/sms?to=[redacted]&to=[redacted]');
  });

  it('hides a query key that is itself a value, and a value with no key', () => {
    expect(redactUrl('/me/cases?12345678Z')).toBe('/me/cases?[redacted]=[redacted]');
    expect(redactUrl('/me/cases?=12345678Z&&')).toBe('/me/cases?[redacted]=[redacted]');
  });

  it('leaves a URL with nothing to hide as it was', () => {
    expect(redactUrl('/')).toBe('/');
    expect(redactUrl('/me/notifications')).toBe('/me/notifications');
    expect(redactUrl('/health?')).toBe('/health?');
  });
});
