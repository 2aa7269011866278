import { freshWorld } from '../../support/harness';

describe('the fake forgets unanswered sign-in sessions when Cognito would', () => {
  it('keeps no USER_AUTH or CUSTOM_AUTH session past its validity after a soak of unanswered starts', async () => {
    const world = freshWorld();
    const pendingOf = (holder: object) => (Reflect.get(holder, 'pending') as Map<string, unknown>).size;
    const steps = Reflect.get(world.cognito.signIn, 'steps') as { userAuth: object; customAuth: object };
    for (let i = 0; i < 300; i++) {
      await world.cognito.signIn.startUserAuth({ email: `soak-${i}@example.com` });
      await world.cognito.signIn.startCustomAuth(`soak-${i}@example.com`);
    }
    expect(pendingOf(steps.userAuth)).toBe(300);
    world.advance(4 * 60_000); // past the 3-minute session validity
    await world.cognito.signIn.startUserAuth({ email: 'one-more@example.com' });
    await world.cognito.signIn.startCustomAuth('one-more@example.com');
    expect(pendingOf(steps.userAuth)).toBe(1);
    expect(pendingOf(steps.customAuth)).toBe(1);
  });
});
