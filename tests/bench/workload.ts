import type { BenchAccount } from "./accounts";

/**
 * The requests a scenario sends, spread over every benchmark user (no hot row). Each user's
 * seeded tasks are split in two: the first half is toggled and edited, the second half is
 * deleted (each id once), so a delete never races an edit into a 404.
 */

export interface BenchRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface BenchUser extends BenchAccount {
  editable: string[];
  deletable: string[];
}

export type Operation = "list" | "create" | "toggle" | "update" | "delete";

/** The mixed scenario: 70 % list, 10 % create, 10 % toggle, 5 % update, 5 % delete. */
export const MIXED: ReadonlyArray<readonly [Operation, number]> = [
  ["list", 70],
  ["create", 10],
  ["toggle", 10],
  ["update", 5],
  ["delete", 5],
];

/** mulberry32: a small seeded generator, so two runs send the same sequence. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchUsers(accounts: BenchAccount[], taskIds: Map<string, string[]>): BenchUser[] {
  return accounts.map((account) => {
    const ids = taskIds.get(account.id) ?? [];
    const half = Math.ceil(ids.length / 2);
    return { ...account, editable: ids.slice(0, half), deletable: ids.slice(half) };
  });
}

export class Workload {
  private nextUser = 0;
  private sequence = 0;
  private readonly random: () => number;

  constructor(
    private readonly users: BenchUser[],
    seed = 42,
  ) {
    if (users.length === 0) throw new Error("Workload needs users");
    this.random = seededRandom(seed);
  }

  /** Users in turn, so every user is hit equally often. */
  private user(): BenchUser {
    const user = this.users[this.nextUser] as BenchUser;
    this.nextUser = (this.nextUser + 1) % this.users.length;
    return user;
  }

  private pick<T>(list: T[]): T {
    return list[Math.floor(this.random() * list.length)] as T;
  }

  private request(user: BenchUser, method: BenchRequest["method"], suffix = "", body?: unknown) {
    const headers: Record<string, string> = { authorization: `Bearer ${user.token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    return {
      method,
      path: `/api/${user.id}/tasks${suffix}`,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    } satisfies BenchRequest;
  }

  list(): BenchRequest {
    return this.request(this.user(), "GET");
  }

  operation(op: Operation): BenchRequest {
    const user = this.user();
    const n = ++this.sequence;
    switch (op) {
      case "list":
        return this.request(user, "GET");
      case "create":
        return this.request(user, "POST", "", {
          title: `Bench task ${n}`,
          priority: this.pick(["none", "low", "medium", "high"]),
          tags: n % 3 === 0 ? ["bench"] : [],
        });
      case "toggle":
        return this.request(user, "PATCH", `/${this.pick(user.editable)}/complete`);
      case "update":
        return this.request(user, "PUT", `/${this.pick(user.editable)}`, {
          title: `Edited task ${n}`,
          description: "Edited by the benchmark.",
          priority: "high",
          dueAt: "2031-01-31T17:00:00.000Z",
          tags: ["edited"],
        });
      case "delete": {
        const id = user.deletable.pop();
        // A user whose deletable tasks are used up creates one instead.
        return id ? this.request(user, "DELETE", `/${id}`) : this.operation("create");
      }
    }
  }

  mixed(): BenchRequest {
    let roll = this.random() * 100;
    for (const [op, weight] of MIXED) {
      roll -= weight;
      if (roll < 0) return this.operation(op);
    }
    return this.operation("list");
  }
}
