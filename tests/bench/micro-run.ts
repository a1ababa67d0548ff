/** The run's micro-benchmarks, one after the other, while the servers are idle. */
import { benchBcrypt, benchJwtVerify, type MicroResult } from "./micro";
import { benchListStatements } from "./micro-list";
import { PLAN } from "./plan";

/** Every micro-benchmark of a run: JWT verification, bcrypt at BCRYPT_COST, the list's SQL. */
export async function runMicroBenchmarks(options: {
  appOrigin: string;
  tokens: string[];
  databaseUrl: string;
  log: (message: string) => void;
}): Promise<MicroResult[]> {
  const bcryptCost = Number(process.env.BCRYPT_COST ?? 10);
  const micro = [
    ...(await benchJwtVerify({
      jwksUrl: `${options.appOrigin}/api/auth/jwks`,
      issuer: options.appOrigin,
      tokens: options.tokens,
      iterations: PLAN.jwtIterations,
    })),
    await benchBcrypt(bcryptCost, PLAN.bcryptIterations),
    ...(await benchListStatements(options.databaseUrl, PLAN.jwtIterations)),
  ];
  for (const m of micro)
    options.log(
      `${m.name}: ${Math.round(m.opsPerSecond)} ops/s, p50 ${m.latencyUs.p50.toFixed(0)} µs`,
    );
  return micro;
}
