-- The trigger of the attempt that holds an event's lease, so that an attempt whose worker died
-- before recording it can be recorded as `interrupted` under its own trigger (docs/delivery.md).
ALTER TABLE `events` ADD `lease_trigger` text;
