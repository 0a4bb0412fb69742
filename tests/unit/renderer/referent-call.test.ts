// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { HashRouter, useNavigate } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../preload/api';
import { useReferentReply } from '../../../renderer/src/features/config/referent-call';

const refused: Result<never> = {
  ok: false,
  error: { code: 'referent_required', message: 'Le code du référent est demandé.' },
};

function later() {
  let send!: (value: Result<never>) => void;
  const promise = new Promise<Result<never>>((resolve) => (send = resolve));
  return { promise, send };
}

/** A panel of the référent area: its reply guard and the router's navigate, as the screens use them. */
function renderPanel() {
  const wrapper = ({ children }: { children: ReactNode }) => createElement(HashRouter, null, children);
  return renderHook(() => ({ reply: useReferentReply(), navigate: useNavigate() }), { wrapper });
}

beforeEach(() => {
  window.location.hash = '#/referent';
});
afterEach(cleanup);

describe('a référent call refused because the area closed', () => {
  it('leads to the référent sign-in screen while the area is shown', async () => {
    const { result } = renderPanel();
    const call = later();
    const replied = result.current.reply(call.promise);
    await act(async () => {
      call.send(refused);
      await replied;
    });
    expect(window.location.hash).toBe('#/referent/connexion?raison=expiree');
  });

  it('does not pull the counter back when the référent already left with "Fermer l\'espace référent"', async () => {
    const { result } = renderPanel();
    const call = later(); // a panel's read, still on its way when the référent presses "Fermer"
    const replied = result.current.reply(call.promise);
    act(() => result.current.navigate('/'));
    await act(async () => {
      call.send(refused);
      await replied;
    });
    expect(window.location.hash).toBe('#/');
  });
});
