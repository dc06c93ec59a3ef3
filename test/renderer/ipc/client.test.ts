import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, errorMessage, MissingApiError } from '../../../src-renderer/ipc/client';
import { fakeClient } from '../fake-client';

describe('ipc client', () => {
  afterEach(() => {
    delete window.api;
  });

  it('fails clearly when window.api is missing', () => {
    expect(() => connectClient()).toThrow(MissingApiError);
    expect(() => connectClient()).toThrow(/npm run web/);
  });

  it('hands out window.api as the typed client', () => {
    const api = fakeClient();
    window.api = api;
    expect(connectClient()).toBe(api);
  });

  it("keeps only the main process's message from an IPC error", () => {
    expect(
      errorMessage(new Error("Error invoking remote method 'history:get': Error: No data for 2026-13.")),
    ).toBe('No data for 2026-13.');
    expect(errorMessage(new Error("Error invoking remote method 'x': ZodError: bad"))).toBe('bad');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(undefined)).toBe('Something went wrong.');
  });
});
