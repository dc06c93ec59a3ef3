import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OnboardingScreen } from '../../../../src-renderer/features/onboarding/onboarding-screen';
import { renderWithStore } from '../../render';

describe('OnboardingScreen', () => {
  it('explains itself and starts the demo', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<OnboardingScreen />);
    expect(screen.getByRole('heading', { name: 'Welcome to Creditbar' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect(client.startDemo).toHaveBeenCalledTimes(1);
    expect(client.getSnapshot).toHaveBeenCalled();
  });

  it('opens the account form on "Connect an account"', async () => {
    const user = userEvent.setup();
    renderWithStore(<OnboardingScreen />);
    const connect = screen.getByRole('button', { name: 'Connect an account' });
    expect(connect).toHaveAttribute('aria-expanded', 'false');
    await user.click(connect);
    expect(screen.getByRole('form', { name: 'Connect an account' })).toBeInTheDocument();
    expect(screen.getByLabelText('API token')).toHaveAttribute('type', 'password');
  });
});
