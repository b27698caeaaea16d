import { countable, countDifferences, countMatching, eligibleCount, emptyCounts } from '../../src/catalog/catalog-counts';

const counts = { products: 10, offeringPrime: 3, listedWithUnits: 6 };

describe('P2: what the catalog counts say (catalog-counts.ts)', () => {
  it('P2: products listed with units are eligible only when the merchant is ready', () => {
    expect(eligibleCount(counts, true)).toBe(6);
    expect(eligibleCount(counts, false)).toBe(0);
  });

  it('P1, P2: each unsearched filter on one condition is counted from the counts', () => {
    expect(countMatching(counts, {}, true)).toBe(10);
    expect(countMatching(counts, { offeringPrime: null, eligible: null, search: null }, false)).toBe(10);
    expect(countMatching(counts, { offeringPrime: true }, true)).toBe(3);
    expect(countMatching(counts, { offeringPrime: false }, true)).toBe(7);
    expect(countMatching(counts, { eligible: true }, true)).toBe(6);
    expect(countMatching(counts, { eligible: false }, true)).toBe(4);
    expect(countMatching(counts, { eligible: true }, false)).toBe(0);
    expect(countMatching(counts, { eligible: false }, false)).toBe(10);
  });

  it('P2: a search, or Offer Prime and eligibility together, is not countable from the counts', () => {
    expect(countable({})).toBe(true);
    expect(countable({ offeringPrime: true })).toBe(true);
    expect(countable({ eligible: false })).toBe(true);
    expect(countable({ search: 'tent' })).toBe(false);
    expect(countable({ search: '' })).toBe(true);
    expect(countable({ offeringPrime: false, eligible: true })).toBe(false);
    expect(countMatching(counts, { search: 'tent' }, true)).toBeNull();
    expect(countMatching(counts, { offeringPrime: true, eligible: true }, true)).toBeNull();
  });

  it('P2: the check says which count differs, stored against recounted', () => {
    expect(countDifferences(counts, { ...counts })).toEqual([]);
    expect(countDifferences(emptyCounts(), counts)).toEqual(['products: stored 0, products 10', 'offering Prime: stored 0, products 3', 'listed with units: stored 0, products 6']);
    expect(countDifferences({ ...counts, offeringPrime: 4 }, counts)).toEqual(['offering Prime: stored 4, products 3']);
  });
});
