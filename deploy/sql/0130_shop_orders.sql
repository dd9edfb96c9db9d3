-- Issue 13: the web shop's orders (pushed, or pulled by the nightly sync) and the calls' links to them.
-- An order is the shop's: known by its internal id within a store; its increment id (what agents paste) is unique per store.
CREATE TABLE crm_shop_orders (
    store_code     text          NOT NULL,
    shop_order_id  text          NOT NULL,
    increment_id   text          NOT NULL,
    chain_base     text          NOT NULL,
    edition        integer       NOT NULL,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NULL,
    status         text          NOT NULL,
    grand_total    numeric(19,4) NOT NULL,
    currency       text          NOT NULL,
    customer_email text          NULL,
    customer_phone text          NULL,
    sales_rep      text          NULL,
    PRIMARY KEY (store_code, shop_order_id)
);

CREATE UNIQUE INDEX crm_shop_orders_increment ON crm_shop_orders (store_code, increment_id);
-- Every edition of one sale (100000123, 100000123-1, …) in one index range.
CREATE INDEX crm_shop_orders_chain ON crm_shop_orders (store_code, chain_base, edition);
-- A rep's orders (reps are compared without regard to case).
CREATE INDEX crm_shop_orders_rep ON crm_shop_orders (lower(sales_rep), created_at) WHERE sales_rep IS NOT NULL;

-- One row per call holding a link, upserted by the call after every stored change (newest version wins).
CREATE TABLE crm_linked_orders (
    call_id             text        PRIMARY KEY,
    store_code          text        NOT NULL,
    increment_id        text        NOT NULL,
    chain_base          text        NOT NULL,
    agent_id            text        NOT NULL,
    campaign_id         text        NOT NULL,
    direction           text        NOT NULL,
    call_start          timestamptz NOT NULL,
    call_end            timestamptz NULL,
    status              text        NOT NULL,
    set_at              timestamptz NOT NULL,
    judged_increment_id text        NULL,
    removed             boolean     NOT NULL,
    version             bigint      NOT NULL
);

CREATE INDEX crm_linked_orders_chain ON crm_linked_orders (store_code, chain_base) WHERE NOT removed;
CREATE INDEX crm_linked_orders_valid ON crm_linked_orders (call_start) WHERE status = 'Valid' AND NOT removed;
