-- Read model: the calls' index (a customer's and an order's call lists, the supervisor's outcome
-- report), upserted by the call grain (newest version wins).
--
-- The ids use the "C" collation: lists break ties and the report orders by id ordinally, the same
-- order as the in-memory index, and the indexes below can serve those orders.
CREATE TABLE crm_calls (
    call_id        text COLLATE "C" PRIMARY KEY,
    campaign_id    text COLLATE "C" NOT NULL,
    contact_id     text COLLATE "C" NOT NULL,
    customer_id    text COLLATE "C" NULL,
    order_number   text COLLATE "C" NULL,
    task_id        text COLLATE "C" NULL,
    agent_id       text COLLATE "C" NOT NULL,
    direction      text             NOT NULL,
    attempt        integer          NOT NULL,
    started_at     timestamptz      NOT NULL,
    ended_at       timestamptz      NULL,
    status         text             NOT NULL,
    outcome_code   text COLLATE "C" NULL,
    outcome_label  text             NULL,
    outcome_type   text             NULL,
    outcome_color  text             NULL,
    comment        text             NULL,
    version        bigint           NOT NULL
);

-- The customer's and the order's call lists, newest first; discarded calls are never listed, so they stay out of these indexes.
CREATE INDEX crm_calls_customer ON crm_calls (customer_id, started_at DESC, call_id DESC)
    WHERE customer_id IS NOT NULL AND status <> 'Discarded';
CREATE INDEX crm_calls_order ON crm_calls (order_number, started_at DESC, call_id DESC)
    WHERE order_number IS NOT NULL AND status <> 'Discarded';

-- The outcome report: confirmed calls by the instant they ended.
CREATE INDEX crm_calls_confirmed_ended_at ON crm_calls (ended_at)
    WHERE status = 'Confirmed';
