-- The built-in sandbox payment provider's ledger: every charge and refund it answered, one row per
-- idempotency key. The first result recorded for a key is the answer to every later call with that key.
--
-- idempotency_key uses the "C" collation so that listing by key prefix (an order's charges) can use
-- the primary key's index. card_token is the provider token of a charge (never a card number: the
-- gateway refuses those); a refund names the charge it returns money from.
CREATE TABLE crm_sandbox_ledger (
    idempotency_key        text COLLATE "C" PRIMARY KEY,
    seq                    bigint      GENERATED ALWAYS AS IDENTITY,
    kind                   text        NOT NULL CHECK (kind IN ('charge', 'refund')),
    status                 text        NOT NULL CHECK (status IN ('Approved', 'Declined', 'HardDeclined')),
    provider               text        NOT NULL,
    transaction_id         text        NOT NULL UNIQUE,
    card_token             text        NULL,
    charge_transaction_id  text        NULL,
    amount_minor           bigint      NOT NULL CHECK (amount_minor > 0),
    currency               char(3)     NOT NULL,
    decline_code           text        NULL,
    decline_reason         text        NULL,
    recorded_at            timestamptz NOT NULL,
    CONSTRAINT crm_sandbox_ledger_charge_has_token CHECK ((kind = 'charge') = (card_token IS NOT NULL)),
    CONSTRAINT crm_sandbox_ledger_refund_has_charge CHECK ((kind = 'refund') = (charge_transaction_id IS NOT NULL)),
    CONSTRAINT crm_sandbox_ledger_refund_approved CHECK (kind = 'charge' OR status = 'Approved')
);

-- "Has this token been charged before?" (tok_decline_then_approve).
CREATE INDEX crm_sandbox_ledger_card_token ON crm_sandbox_ledger (card_token) WHERE kind = 'charge';

-- "How much of this charge was refunded already?"
CREATE INDEX crm_sandbox_ledger_refunds ON crm_sandbox_ledger (charge_transaction_id) WHERE kind = 'refund';
