-- The order index keeps when the order's next scheduled work falls due (its workflow's next event or its
-- auto-cancel; NULL when nothing is pending). Each change and each tick of the order grain rewrites it, so a
-- row whose instant lies well in the past is work whose reminder is missing or never ran: the ops check
-- GET /api/v1/ops/overdue-work lists them through the partial index.
ALTER TABLE crm_orders ADD COLUMN next_due_at timestamptz NULL;

CREATE INDEX crm_orders_next_due ON crm_orders (next_due_at, number) WHERE next_due_at IS NOT NULL;
