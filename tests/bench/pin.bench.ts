/**
 * The PIN check's cost: one scrypt verify at the production cost (target about 250 ms on the station) against
 * the previous cost, and what it means for someone who took station.db or an export "avec les codes".
 */
import { hashPin, LEGACY_PIN_COST, PIN_COST, verifyPin, type PinCost } from '../../main/access/pin-hash';

async function medianVerifyMs(cost: PinCost, runs: number): Promise<number> {
  const stored = await hashPin('48291573', cost);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await verifyPin('48291574', stored);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function run(): Promise<void> {
  const legacy = await medianVerifyMs(LEGACY_PIN_COST, 7);
  const current = await medianVerifyMs(PIN_COST, 7);
  const days = (tries: number) => ((tries * current) / 1000 / 86_400).toFixed(1);
  console.log(`PIN verify, previous cost N=2^14: ${legacy.toFixed(0)} ms (median of 7)`);
  console.log(
    `PIN verify, production cost N=2^16: ${current.toFixed(0)} ms (median of 7), ${(current / legacy).toFixed(1)}× the previous`,
  );
  console.log(
    `offline search on one core: 6-digit mediator PIN ${days(1e6)} days, 8-digit référent PIN ${days(1e8)} days`,
  );
}
