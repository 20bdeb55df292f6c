/** Table-driven checks of the runtime's error parsing, retry decisions and redaction. */
import { describe, expect, it } from 'vitest';
import { isRetryable, parseVendorError, redact, retryAfterMs } from '../../templates/runtime/http.ts';

describe('parseVendorError', () => {
  it.each([
    ['Alibaba', '{"Code":"Throttling.User","Message":"Request was denied due to user flow control.","RequestId":"R-1"}', { code: 'Throttling.User', message: 'Request was denied due to user flow control.', requestId: 'R-1' }],
    ['Huawei (manual "Response" section)', '{"error_msg":"The format of message is error","error_code":"AS.0001"}', { code: 'AS.0001', message: 'The format of message is error' }],
    ['Huawei (operation error tables)', '{"errorCode":"ASM.01400001","errorMsg":"Invalid request."}', { code: 'ASM.01400001', message: 'Invalid request.' }],
    ['nested error object', '{"error":{"code":"APIGW.0308","message":"The request is throttled."},"request_id":"x"}', { code: 'APIGW.0308', message: 'The request is throttled.', requestId: 'x' }],
    ['not JSON', '<html>502 Bad Gateway</html>', {}],
    ['JSON scalar', '42', {}],
  ])('%s', (_, text, want) => {
    const got = parseVendorError(text);
    expect(Object.fromEntries(Object.entries(got).filter(([, v]) => v !== undefined))).toEqual(want);
  });
});

describe('isRetryable', () => {
  it.each([
    [429, 'HTTP429', true],
    [503, 'ServiceUnavailable', true],
    [500, 'InternalError', true],
    [400, 'Throttling.User', true],
    [403, 'Throttling.Api', true],
    [400, 'APIGW.0308', true],
    [400, 'InvalidParameter', false],
    [404, 'ASM.01404001', false],
    [401, 'APIGW.0301', false],
  ])('%i %s -> %s', (status, code, want) => {
    expect(isRetryable(status, code)).toBe(want);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2025-05-28T00:00:00Z');
  it.each([
    ['2', 2000],
    ['0.5', 500],
    ['Wed, 28 May 2025 00:00:07 GMT', 7000],
    ['Tue, 27 May 2025 23:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%s -> %s', (value, want) => {
    expect(retryAfterMs(value, now)).toBe(want);
  });
});

it('redact removes every secret occurrence but ignores trivially short ones', () => {
  expect(redact('a SECRET b SECRET', ['SECRET'])).toBe('a *** b ***');
  expect(redact('abc', ['ab'])).toBe('abc');
});
