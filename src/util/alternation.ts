/**
 * Two kinds of work that must never overlap each other, while work of one kind overlaps freely
 * with more of the same kind (like a readers-writer lock whose writers may share too). Work that
 * arrives while the other kind runs waits; when the running kind drains, every waiting piece of
 * the next kind starts together, in the order the kinds first waited.
 */
export class Alternation<Kind extends string> {
  private running: Kind | undefined;
  private count = 0;
  private waiting: { kind: Kind; start: () => void }[] = [];

  async run<T>(kind: Kind, work: () => Promise<T>): Promise<T> {
    await this.enter(kind);
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(kind: Kind): Promise<void> {
    // Joining the kind that runs is allowed only while nobody waits, so the other kind gets a turn.
    if (this.running === undefined || (this.running === kind && this.waiting.length === 0)) {
      this.running = kind;
      this.count++;
      return Promise.resolve();
    }
    return new Promise((start) => this.waiting.push({ kind, start }));
  }

  private leave(): void {
    if (--this.count > 0) return;
    const next = this.waiting[0]?.kind;
    this.running = next;
    if (next === undefined) return;
    const starting = this.waiting.filter((w) => w.kind === next);
    this.waiting = this.waiting.filter((w) => w.kind !== next);
    this.count = starting.length;
    for (const w of starting) w.start();
  }
}
