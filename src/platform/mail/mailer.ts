import nodemailer from 'nodemailer';

/** One e-mail: plain text (officers read mail in many clients; nothing to render or sanitise). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Hands the message to the SMTP server; throws when it is not accepted (the job queue retries). */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailConfig {
  /** smtp://user:pass@host:587 or smtps://…:465 (the credentials never reach a log or a message) */
  smtpUrl: string;
  /** the From: header, e.g. "Ban Thi đua – Khen thưởng <thidua@tinh.gov.vn>" */
  from: string;
}

/** An SMTP sender (nodemailer): STARTTLS when the server offers it, a pooled connection, no logging. */
export function smtpMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl, { from: config.from });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
      if (info.rejected.length > 0) throw new Error(`the SMTP server refused ${info.rejected.length} recipient(s)`);
    },
    close() {
      transport.close();
    },
  };
}
