// Weekly demand like a shop's catalogue for the forecasting speed benchmark: two years of
// weeks per product, a seeded mix of slow movers (Poisson with a low rate: mostly zeros),
// steady sellers and seasonal ones (a yearly wave, a trend, noise), deterministic per seed.
export function weeklyDemand(products: number, weeks: number, seed: number): number[][] {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const poisson = (rate: number) => {
    if (rate > 30) return Math.max(0, Math.round(rate + Math.sqrt(rate) * normal()));
    const limit = Math.exp(-rate);
    let k = 0;
    let p = uniform();
    while (p > limit) {
      k++;
      p *= uniform();
    }
    return k;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return Array.from({ length: products }, () => {
    const kind = uniform();
    const base = kind < 0.4 ? 0.1 + uniform() * 0.8 : 2 + uniform() * 40;
    const wave = kind < 0.7 ? 0 : 0.2 + uniform() * 0.5;
    const phase = uniform() * 2 * Math.PI;
    const trend = (uniform() - 0.5) * 0.01;
    return Array.from({ length: weeks }, (_, t) => {
      const rate = base * Math.max(0.05, 1 + wave * Math.sin((2 * Math.PI * t) / 52 + phase) + trend * t);
      return poisson(rate);
    });
  });
}
