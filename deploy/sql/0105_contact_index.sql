-- The contact index: every contact of every campaign with its dialing state, upserted by the contact
-- grain (newest version wins) and read whole by a campaign's dialer when it rebuilds its queue.
-- The primary key's campaign prefix serves that read.
CREATE TABLE crm_contacts (
    campaign_id     text COLLATE "C" NOT NULL,
    contact_id      text COLLATE "C" NOT NULL,
    phone           text             NOT NULL,
    time_zone       text             NOT NULL,
    name            text             NULL,
    email           text             NULL,
    customer_id     text             NULL,
    order_number    text             NULL,
    stage           text             NOT NULL,
    due_at          timestamptz      NOT NULL,
    callback_owner  text             NULL,
    attempts        integer          NOT NULL,
    done_reason     text             NULL,
    imported_at     timestamptz      NOT NULL,
    version         bigint           NOT NULL,
    PRIMARY KEY (campaign_id, contact_id)
);
