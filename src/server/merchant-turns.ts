/**
 * Fair shares of this instance (issue 15): at most `slots` operations of one merchant run at a time; the
 * merchant's others wait their turn, first come first served, up to `queueLimit`; past that they are
 * refused at once. So one tenant flooding on many connections occupies `slots` of the event loop, not
 * all of it, and every other merchant's requests never wait behind its queue.
 */
export class MerchantTurns {
  private readonly merchants = new Map<string, { running: number; waiting: Array<() => void> }>();

  constructor(
    private readonly slots: number,
    private readonly queueLimit: number,
  ) {}

  /** Resolves with the release of the turn once the merchant has a free slot; null when its queue is full. */
  async enter(merchantId: string): Promise<(() => void) | null> {
    let merchant = this.merchants.get(merchantId);
    if (!merchant) {
      merchant = { running: 0, waiting: [] };
      this.merchants.set(merchantId, merchant);
    }
    if (merchant.running >= this.slots) {
      if (merchant.waiting.length >= this.queueLimit) return null;
      const queue = merchant.waiting;
      await new Promise<void>((resolve) => queue.push(resolve));
    } else merchant.running += 1;
    return this.releaser(merchantId, merchant);
  }

  /** How many of the merchant's operations run and wait now. */
  load(merchantId: string): { running: number; waiting: number } {
    const merchant = this.merchants.get(merchantId);
    return { running: merchant?.running ?? 0, waiting: merchant?.waiting.length ?? 0 };
  }

  private releaser(merchantId: string, merchant: { running: number; waiting: Array<() => void> }): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the next in line; with nobody waiting it is freed.
      const next = merchant.waiting.shift();
      if (next) next();
      else if (--merchant.running === 0) this.merchants.delete(merchantId);
    };
  }
}
