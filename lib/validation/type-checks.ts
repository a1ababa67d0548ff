/**
 * Compile-time checks that a schema and the task model describe the same type:
 * `Agree<Same<z.output<typeof schema>, ModelType>>` fails to compile when they drift apart.
 */

/** True when A and B are the same type (each assignable to the other). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Agree<T extends true> = T;
