import bcrypt from "bcryptjs";
import type { JSONWebKeySet } from "jose";
import { createTokenVerifier } from "@/lib/server/auth/jwt";
import { LatencyRecorder, type LatencySummary } from "./latency-stats";

/**
 * Micro-benchmarks of the two costly pieces of auth, in this process, one call at a time:
 * verifying an API token (what every task request pays) and hashing a password (what every
 * sign-up and sign-in pays).
 */

export interface MicroResult {
  name: string;
  iterations: number;
  opsPerSecond: number;
  /** Per call, microseconds. */
  latencyUs: LatencySummary;
}

export async function measure(
  name: string,
  iterations: number,
  warmup: number,
  call: (i: number) => Promise<unknown>,
): Promise<MicroResult> {
  for (let i = 0; i < warmup; i++) await call(i);
  const recorder = new LatencyRecorder(iterations);
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await call(i);
    recorder.record((performance.now() - t) * 1000);
  }
  const elapsed = performance.now() - started;
  return {
    name,
    iterations,
    opsPerSecond: (iterations / elapsed) * 1000,
    latencyUs: recorder.summary(),
  };
}

/**
 * lib/server/auth/jwt.ts's verifier (the one verifyToken uses) with the app's published keys, over
 * real tokens of many users in turn: once with every signature checked (a token's first
 * request), once as configured, where a token already verified is answered from memory (every
 * later request with it).
 */
export async function benchJwtVerify(options: {
  jwksUrl: string;
  issuer: string;
  tokens: string[];
  iterations: number;
}): Promise<MicroResult[]> {
  const keys = (await (await fetch(options.jwksUrl)).json()) as JSONWebKeySet;
  const verifier = (cacheSize?: number) =>
    createTokenVerifier({
      loadKeys: async () => keys,
      issuer: options.issuer,
      audience: options.issuer,
      cacheSize,
    });
  const { tokens } = options;
  const warmup = Math.min(1000, options.iterations);
  const full = verifier(0);
  const remembered = verifier();
  return [
    await measure("JWT verify, first use (EdDSA signature)", options.iterations, warmup, (i) =>
      full(tokens[i % tokens.length] as string),
    ),
    await measure("JWT verify, repeated token", options.iterations, warmup, (i) =>
      remembered(tokens[i % tokens.length] as string),
    ),
  ];
}

export async function benchBcrypt(cost: number, iterations: number): Promise<MicroResult> {
  return measure(`bcrypt hash, cost ${cost} (bcryptjs)`, iterations, 1, () =>
    bcrypt.hash("correct horse battery staple", cost),
  );
}
