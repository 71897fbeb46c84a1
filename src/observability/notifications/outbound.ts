import type { notificationChannels } from "../../db/schema";
import type { IssueTransition } from "../../queue/messages";
import type { Credentials } from "../../outbound/send";
import type { IssueContext } from "./issue-context";

// What every channel format produces from an issue: one HTTP request, built without I/O.

export type ChannelRow = typeof notificationChannels.$inferSelect;

export interface NotificationInput {
  channel: ChannelRow;
  context: IssueContext;
  transition: IssueTransition;
  /** Where a person reads the issue. */
  link: string;
  now: number;
}

export interface OutboundNotification {
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
  /** Headers carrying the channel's credential, which no other origin may see (src/outbound/send.ts). */
  credentials?: Credentials;
}

export const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
