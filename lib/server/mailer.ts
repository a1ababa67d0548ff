import "server-only";
import { getEnv } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";

interface Mail {
  to: string;
  subject: string;
  text: string;
}

type Transport = { sendMail(mail: Mail & { from: string }): Promise<unknown> };
/** One transport for the configured server; a changed SMTP_URL gets a new one. */
let transport: { url: string; ready: Promise<Transport> } | undefined;

function getTransport(smtpUrl: string): Promise<Transport> {
  if (transport?.url !== smtpUrl) {
    const ready = import("nodemailer").then((nodemailer) => nodemailer.createTransport(smtpUrl));
    transport = { url: smtpUrl, ready };
  }
  return transport.ready;
}

/**
 * Sends mail over SMTP when SMTP_URL is set. Without it, development writes the mail to the
 * server log so the reset link can be followed; production logs only that a mail was dropped,
 * never its content (reset links are credentials).
 */
async function sendMail(mail: Mail): Promise<void> {
  const env = getEnv();
  if (env.SMTP_URL) {
    await (await getTransport(env.SMTP_URL)).sendMail({ ...mail, from: env.MAIL_FROM });
    return;
  }
  if (env.isProduction) {
    logger.warn({ subject: mail.subject }, "SMTP_URL is not set: mail not sent");
    return;
  }
  logger.info({ to: mail.to, subject: mail.subject, text: mail.text }, "mail (development log)");
}

export function sendPasswordResetMail(to: string, name: string, url: string): Promise<void> {
  return sendMail({
    to,
    subject: "Reset your Doable password",
    text: `Hi ${name},\n\nSomeone asked to reset the password of your Doable account. To choose a new password, open:\n\n${url}\n\nThe link works for one hour. If it wasn't you, ignore this mail: your password stays as it is.\n`,
  });
}

export function sendReminderMail(
  to: string,
  name: string,
  reminder: { title: string; when: string; url: string },
): Promise<void> {
  return sendMail({
    to,
    subject: `Reminder: ${reminder.title}`,
    text: `Hi ${name},\n\n${reminder.title}\n${reminder.when}\n\nOpen it in Doable: ${reminder.url}\n\nYou get these because e-mail reminders are on; turn them off in Doable's account menu.\n`,
  });
}
