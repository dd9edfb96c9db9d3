-- Read model: the orders' search index, upserted by the order grain (newest version wins).
CREATE TABLE crm_orders (
    number             text          PRIMARY KEY,
    customer_id        text          NOT NULL,
    customer_name      text          NOT NULL,
    customer_email     text          NULL,
    customer_phone     text          NOT NULL,
    status             text          NOT NULL,
    currency           char(3)       NOT NULL,
    total              numeric(18,3) NOT NULL,
    is_trial           boolean       NOT NULL,
    placed_at          timestamptz   NOT NULL,
    main_order_number  text          NULL,
    version            bigint        NOT NULL
);

CREATE INDEX crm_orders_placed_at ON crm_orders (placed_at DESC, number DESC);
CREATE INDEX crm_orders_status ON crm_orders (status, placed_at DESC);
CREATE INDEX crm_orders_customer ON crm_orders (customer_id, placed_at DESC);
