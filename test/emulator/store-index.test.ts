import { describe, expect, it } from 'vitest';
import { stateFromSeed } from '../../src/emulator/seed-state.js';
import { Store } from '../../src/emulator/store.js';

function organization() {
  const { state } = stateFromSeed({
    defaultTeam: null,
    teams: [{ name: 'Payments' }, { name: 'Checkout', administrators: ['ci-b'] }],
    systemAccounts: [
      { name: 'ci-a', teams: ['Payments'] },
      { name: 'ci-b', teams: ['Payments', 'Checkout'] },
    ],
  });
  const store = new Store(state);
  const user = (name: string) => [...store.users.values()].find((u) => u.name === name)!;
  const team = (name: string) => [...store.teams.values()].find((t) => t.name === name)!;
  const teamsOf = (name: string) => store.teamsOf(user(name)).map((t) => t.name);
  return { store, user, team, teamsOf };
}

// The store answers "which teams is this user in" from an index; every way a list changes must show.
describe("the emulator's team index", () => {
  it('answers in team-name order, members and administrators apart', () => {
    const { store, user, teamsOf } = organization();
    expect(teamsOf('ci-a')).toEqual(['Payments']);
    expect(teamsOf('ci-b')).toEqual(['Checkout', 'Payments']);
    expect(store.administeredBy(user('ci-b')).map((t) => t.name)).toEqual(['Checkout']);
    expect(store.administeredBy(user('ci-a'))).toEqual([]);
  });

  it('sees a member pushed onto a list', () => {
    const { user, team, teamsOf } = organization();
    expect(teamsOf('ci-a')).toEqual(['Payments']);
    team('Checkout').members.push(user('ci-a').uuid);
    expect(teamsOf('ci-a')).toEqual(['Checkout', 'Payments']);
  });

  it('sees a list replaced, even by one of the same length', () => {
    const { user, team, teamsOf } = organization();
    expect(teamsOf('ci-b')).toEqual(['Checkout', 'Payments']);
    const payments = team('Payments');
    payments.members = payments.members.map((m) => (m === user('ci-b').uuid ? 'someone-else' : m));
    expect(teamsOf('ci-b')).toEqual(['Checkout']);
  });

  it('sees a renamed team take its new place in the order', () => {
    const { team, teamsOf } = organization();
    expect(teamsOf('ci-b')).toEqual(['Checkout', 'Payments']);
    team('Payments').name = 'Accounts';
    expect(teamsOf('ci-b')).toEqual(['Accounts', 'Checkout']);
  });

  it('sees a team removed, and a whole state loaded', () => {
    const { store, team, teamsOf } = organization();
    expect(teamsOf('ci-a')).toEqual(['Payments']);
    store.teams.delete(team('Payments').uuid);
    expect(teamsOf('ci-a')).toEqual([]);
    const { state } = stateFromSeed({
      defaultTeam: null,
      teams: [{ name: 'Ops' }],
      systemAccounts: [{ name: 'ci-a', teams: ['Ops'] }],
    });
    store.load(state);
    expect(teamsOf('ci-a')).toEqual(['Ops']);
  });
});
