-- A campaign of a million leads (issue 16).
-- The dialer rebuilds its queue by listing its campaign's contacts in import order: this index serves that
-- order, so the list is read in index order instead of sorted on each activation.
CREATE INDEX crm_contacts_import_order ON crm_contacts (campaign_id, import_sequence, imported_at, contact_id);

-- The leases a campaign's dialer handed out (at most one per contact), so a dialer that reactivates holds the
-- same contacts for the same agents. contact_version is the contact's version when it was leased: a contact
-- changed since (an outcome) is no longer held by the row, which is then ignored and overwritten by the next lease.
CREATE TABLE crm_dialer_leases (
    campaign_id      text COLLATE "C" NOT NULL,
    contact_id       text COLLATE "C" NOT NULL,
    lease_id         text             NOT NULL,
    agent_id         text             NOT NULL,
    why              text             NOT NULL,
    expires_at       timestamptz      NOT NULL,
    call_id          text             NULL,
    contact_version  bigint           NOT NULL,
    PRIMARY KEY (campaign_id, contact_id)
);
