import type { Db } from "../../db/client";
import { notificationChannels } from "../../db/schema";
import { notifyMsg, type IssueTransition, type NotifyMessage } from "../../queue/messages";

/** One message per configured channel for an issue that opened or resolved: one notification each, not one per failure. */
export async function notificationsFor(db: Db, issueId: string, transition: IssueTransition): Promise<NotifyMessage[]> {
  const channels = await db.select({ id: notificationChannels.id }).from(notificationChannels).all();
  return channels.map((channel) => notifyMsg(channel.id, issueId, transition));
}
