-- Read model: the customers' search index, upserted by the customer grain (newest version wins).
CREATE TABLE crm_customers (
    id          text        PRIMARY KEY,
    name        text        NOT NULL,
    email       text        NULL,
    phone       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    version     bigint      NOT NULL
);

CREATE INDEX crm_customers_created_at ON crm_customers (created_at DESC, id);
CREATE INDEX crm_customers_phone ON crm_customers (phone);
CREATE INDEX crm_customers_email ON crm_customers (lower(email));
