// A real SMTP server inside the test process (smtp-server), so the system under test sends its
// mail over SMTP exactly as in production; every message is parsed (mailparser) and kept.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { eventually } from "./tasks-page.mjs";

/**
 * Starts on a free loopback port. Plain SMTP without AUTH or STARTTLS (nothing leaves the
 * machine). Returns { url, messages, waitForMail(filter), stop() }; each message is
 * { from, to, subject, text, html, links }.
 */
export async function startSmtpServer() {
  const messages = [];
  const server = new SMTPServer({
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            from: mail.from?.text ?? "",
            to: mail.to?.text ?? "",
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            links: (mail.text ?? "").match(/https?:\/\/[^\s<>"]+/g) ?? [],
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The first message received so far (or soon) to `to` whose subject matches `subject` and that `skip` does not exclude. */
    waitForMail({ to, subject, skip = 0 }, timeout = 30_000) {
      return eventually(
        () => {
          const found = messages.filter((m) => m.envelopeTo.includes(to) && subject.test(m.subject));
          if (found.length <= skip)
            throw new Error(
              `no mail #${skip + 1} to ${to} matching ${subject}; received: ${JSON.stringify(messages.map((m) => [m.envelopeTo, m.subject]))}`,
            );
          return found[skip];
        },
        { timeout },
      );
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
