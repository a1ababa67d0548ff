import "server-only";
import { type Database, type DbHandle, type Driver, getDbHandle, openDbHandle } from "@/db";
import { pgErrorCode } from "@/db/errors";
import { userExists } from "@/db/queries/users";
import { BEARER_CHALLENGE, requireUser } from "@/lib/server/auth/require-user";
import { getUserSettings } from "@/lib/server/users/settings";
import { constraintAnswer } from "./constraint-errors";
import { ApiError } from "./errors";
import { route } from "./route";

/** What an authenticated handler is given: everything is verified and opened once, here. */
interface UserContext<P> {
  request: Request;
  /** The URL's params; `params.userId` equals `userId`. */
  params: P;
  /** The verified caller: the token's subject, equal to the URL's user id. */
  userId: string;
  db: Database;
  /** The database's driver: what a read may batch or prepare (db/queries/task-list.ts). */
  driver: Driver;
  requestId: string;
  /**
   * Call when the answer found none of the caller's rows (an empty list, a bulk action that
   * touched nothing): see "the deleted-account rule" below. `known`: whether the account
   * exists, when a statement of the handler already read it (the list's counts do), so that
   * no query is sent.
   */
  confirmAccount(known?: boolean): Promise<void>;
  /** The caller's time zone (remembered per process, lib/server/users/settings.ts). */
  timeZone(): Promise<string>;
  /** Runs statements atomically on every driver (DbHandle.batch). */
  batch: DbHandle["batch"];
  /** Runs independent reads in one round trip on neon-http (DbHandle.readAll). */
  readAll: DbHandle["readAll"];
}

type UserHandler<P> = (ctx: UserContext<P>) => Promise<Response>;

/**
 * A route under /api/{userId}/...: verifies the bearer token (401), checks that its subject is
 * the URL's user id (403), records the user id for the request's log line and opens the
 * database, then runs the handler inside route() (request id, log line, error shape).
 *
 * The deleted-account rule, kept here and nowhere else: a token outlives its account by up to
 * its lifetime, and checking the account on every request would cost a round trip. It need not:
 * the caller's rows are deleted with the account (ON DELETE CASCADE), so a statement that found
 * or changed a row under the user id proves the account. Only answers that found nothing ask:
 * a 404 thrown by the handler, an insert refused by the user foreign key, and whatever the
 * handler passes through `confirmAccount()`. For a deleted account each of them becomes 401.
 */
export function userRoute<P extends { userId: string }>(name: string, handler: UserHandler<P>) {
  return route<P>(name, async (request, { params, requestId, setUserId }) => {
    const user = requireUser(request, params.userId);
    const userId = typeof user === "string" ? user : await user;
    setUserId(userId);
    const { db, driver, batch, readAll } = openDbHandle() ?? (await getDbHandle());
    const confirmAccount = async (known?: boolean) => {
      if (!(known ?? (await userExists(db, userId)))) throw accountGone();
    };
    const timeZone = async () => (await getUserSettings(db, userId)).timeZone;
    try {
      return await handler({
        request,
        params,
        userId,
        db,
        driver,
        requestId,
        confirmAccount,
        timeZone,
        batch,
        readAll,
      });
    } catch (error) {
      // 23503, a foreign key refused the write: the account may have been deleted meanwhile.
      const foundNothing = error instanceof ApiError && error.code === "not_found";
      if (foundNothing || pgErrorCode(error) === "23503") await confirmAccount();
      throw constraintAnswer(error) ?? error;
    }
  });
}

/** 401 for a deleted account's still-unexpired token. */
function accountGone(): ApiError {
  return new ApiError(
    "unauthorized",
    "This account no longer exists.",
    undefined,
    BEARER_CHALLENGE,
  );
}
