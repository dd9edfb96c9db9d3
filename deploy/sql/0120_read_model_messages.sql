-- Read model: the message log (email and SMS), upserted by the outbox after every change of a message (newest version wins).
CREATE TABLE crm_messages (
    message_id    text        PRIMARY KEY,
    channel       text        NOT NULL,
    customer_id   text        NULL,
    order_number  text        NULL,
    call_id       text        NULL,
    status        text        NOT NULL,
    queued_at     timestamptz NOT NULL,
    version       bigint      NOT NULL,
    entry         jsonb       NOT NULL
);

CREATE INDEX crm_messages_queued_at ON crm_messages (queued_at DESC, message_id);
CREATE INDEX crm_messages_customer ON crm_messages (customer_id, queued_at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX crm_messages_order ON crm_messages (order_number, queued_at DESC) WHERE order_number IS NOT NULL;
CREATE INDEX crm_messages_call ON crm_messages (call_id, queued_at DESC) WHERE call_id IS NOT NULL;
