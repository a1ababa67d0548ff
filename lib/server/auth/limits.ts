import "server-only";
import { createHmac } from "node:crypto";
import { type Database, getDb } from "@/db";
import {
  activeBlocks,
  blockIfReached,
  countEvent,
  forgetCounter,
  purgeCounters,
  resetCount,
} from "@/db/queries/auth-limits";
import { authClock } from "@/lib/server/auth/clock";
import { getAuthSecret } from "@/lib/server/auth/secret";
import { ApiError } from "@/lib/server/http/errors";

/*
 * Limits on the auth endpoints, by what they protect rather than one bucket per address:
 *
 * - Failed sign-ins per account (the normalised e-mail), whatever the address: 10 within 15
 *   minutes lock the account's sign-in for 15 minutes, doubling with each lock-out to at most an
 *   hour; the record of lock-outs is forgotten after a day without one. During a lock-out even
 *   the right password is refused, before any password is checked (no bcrypt, nothing to probe).
 *   A completed password reset lifts it.
 * - Per address, when the address is known (client-address.ts): generous quotas, since an office
 *   or a carrier's CGNAT puts many people behind one (300 sign-ins and 100 sign-ups in 10
 *   minutes), and a tight count of *failed* sign-ins (20 in 10 minutes block it for 15) so one
 *   address cannot spray passwords over many accounts.
 * - Global backstops (failed sign-ins, sign-ups), which also bound the bcrypt work an attacker
 *   with many addresses can cause.
 * - Password-reset mails: 3 per account per hour, whatever the address, and 30 per address.
 *
 * Counters live in the database (serverless instances share them) and each update is one
 * statement. Keys hold an HMAC of the e-mail or address, never the value itself.
 */

const MINUTE = 60_000;

interface Rule {
  /** Key prefix: what is counted, and for whom. */
  name: string;
  windowMs: number;
  max: number;
  /** Failure rules block for this long once `max` is reached; `blocks` counts earlier ones. */
  blockMs?: (blocks: number) => number;
  message: string;
}

export const RULES = {
  accountFailures: {
    name: "sign-in-failures:account",
    windowMs: 15 * MINUTE,
    max: 10,
    blockMs: (blocks: number) => Math.min(15 * MINUTE * 2 ** blocks, 60 * MINUTE),
    message: "Too many failed sign-ins for this account. Try again {in}, or reset your password.",
  },
  addressFailures: {
    name: "sign-in-failures:address",
    windowMs: 10 * MINUTE,
    max: 20,
    blockMs: () => 15 * MINUTE,
    message: "Too many failed sign-ins from your network. Try again {in}.",
  },
  globalFailures: {
    name: "sign-in-failures:all",
    windowMs: MINUTE,
    max: 600,
    blockMs: () => MINUTE,
    message: "Too many sign-ins are failing right now. Try again {in}.",
  },
  addressSignIns: {
    name: "sign-ins:address",
    windowMs: 10 * MINUTE,
    max: 300,
    message: "Too many sign-ins from your network. Try again {in}.",
  },
  addressSignUps: {
    name: "sign-ups:address",
    windowMs: 10 * MINUTE,
    max: 100,
    message: "Too many new accounts from your network. Try again {in}.",
  },
  globalSignUps: {
    name: "sign-ups:all",
    windowMs: 10 * MINUTE,
    max: 2000,
    message: "Too many new accounts right now. Try again {in}.",
  },
  accountResetMails: {
    name: "reset-mails:account",
    windowMs: 60 * MINUTE,
    max: 3,
    message: "Too many reset e-mails for this address. Try again {in}.",
  },
  addressResetMails: {
    name: "reset-mails:address",
    windowMs: 60 * MINUTE,
    max: 30,
    message: "Too many reset e-mails from your network. Try again {in}.",
  },
} satisfies Record<string, Rule>;

/** Who a request speaks for: the e-mail it names (if any) and its trusted address (if known). */
export interface Caller {
  email?: string;
  address: string | null;
}

class AuthLimits {
  private lastPurge = 0;

  constructor(
    private readonly open: () => Promise<Database>,
    /** Keys the HMAC of e-mails and addresses (BETTER_AUTH_SECRET). */
    private readonly secret: () => string,
  ) {}

  /** Before a sign-in: refused while the account, the address or everyone is blocked. */
  async beforeSignIn(caller: Caller): Promise<void> {
    const now = new Date(authClock.now());
    this.purgeNowAndThen(now);
    const failureRules = this.failureRules(caller);
    const blocks = await activeBlocks(
      await this.open(),
      failureRules.map(([, key]) => key),
      now,
    );
    const block = blocks.sort((a, b) => b.until.getTime() - a.until.getTime())[0];
    if (block) {
      const rule = failureRules.find(([, key]) => key === block.key)?.[0] ?? RULES.globalFailures;
      throw tooMany(rule, block.until, now);
    }
    if (caller.address) await this.quota(RULES.addressSignIns, caller.address, now);
  }

  /** After a sign-in: a failure counts everywhere; a success forgets the account's failures. */
  async afterSignIn(caller: Caller, succeeded: boolean): Promise<void> {
    const now = new Date(authClock.now());
    if (succeeded) {
      if (caller.email)
        await resetCount(await this.open(), this.key(RULES.accountFailures, caller.email));
      return;
    }
    for (const [rule, key] of this.failureRules(caller)) {
      const counter = await countEvent(await this.open(), key, now, rule.windowMs);
      if (counter.count >= rule.max) {
        const until = new Date(now.getTime() + rule.blockMs(counter.blocks));
        await blockIfReached(await this.open(), key, rule.max, now, until);
      }
    }
  }

  async beforeSignUp(caller: Caller): Promise<void> {
    const now = new Date(authClock.now());
    await this.quota(RULES.globalSignUps, undefined, now);
    if (caller.address) await this.quota(RULES.addressSignUps, caller.address, now);
  }

  async beforeResetMail(caller: Caller): Promise<void> {
    const now = new Date(authClock.now());
    if (caller.email) await this.quota(RULES.accountResetMails, caller.email, now);
    if (caller.address) await this.quota(RULES.addressResetMails, caller.address, now);
  }

  /** A completed password reset proves the owner: lift the account's lock-out. */
  async afterPasswordReset(email: string): Promise<void> {
    await forgetCounter(await this.open(), this.key(RULES.accountFailures, email));
  }

  private failureRules(caller: Caller): [Rule & { blockMs: (n: number) => number }, string][] {
    const rules: [Rule & { blockMs: (n: number) => number }, string][] = [
      [RULES.globalFailures, RULES.globalFailures.name],
    ];
    if (caller.email) {
      rules.push([RULES.accountFailures, this.key(RULES.accountFailures, caller.email)]);
    }
    if (caller.address) {
      rules.push([RULES.addressFailures, this.key(RULES.addressFailures, caller.address)]);
    }
    return rules;
  }

  /** Counts one event; refused (429) once the window holds more than `max`. */
  private async quota(rule: Rule, subject: string | undefined, now: Date): Promise<void> {
    const key = subject === undefined ? rule.name : this.key(rule, subject);
    const counter = await countEvent(await this.open(), key, now, rule.windowMs);
    if (counter.count > rule.max) {
      throw tooMany(rule, new Date(counter.windowStartedAt.getTime() + rule.windowMs), now);
    }
  }

  private key(rule: Rule, subject: string): string {
    const normalised = subject.trim().toLowerCase();
    const digest = createHmac("sha256", this.secret()).update(normalised).digest("base64url");
    return `${rule.name}:${digest}`;
  }

  /** Counters idle for a day go, at most once an hour per process, after the answer. */
  private purgeNowAndThen(now: Date): void {
    if (now.getTime() - this.lastPurge < 60 * MINUTE) return;
    this.lastPurge = now.getTime();
    const before = new Date(now.getTime() - 24 * 60 * MINUTE);
    void this.open()
      .then((db) => purgeCounters(db, before))
      .catch(() => {});
  }
}

function tooMany(rule: Rule, until: Date, now: Date): ApiError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new ApiError("rate_limited", rule.message.replace("{in}", inWords(seconds)), undefined, {
    "Retry-After": String(seconds),
  });
}

/** "in 40 seconds", "in 15 minutes", "in 1 hour": when to try again, for people. */
export function inWords(seconds: number): string {
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes % 60 === 0) return `in ${minutes / 60} hour${minutes === 60 ? "" : "s"}`;
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** The process's limits, over the process's database. */
export const authLimits = new AuthLimits(getDb, getAuthSecret);
