-- The product catalogue and the batches the network received (issue 5). Owned by the product module.
-- The application role may read, insert and update; nothing is ever deleted (CONVENTIONS rule 4): a product leaves
-- the catalogue by status, never by a delete.
create schema product;
grant usage on schema product to ${app_role};
alter default privileges in schema product grant select, insert, update on tables to ${app_role};
alter default privileges in schema product grant usage, select on sequences to ${app_role};

create table product.product (
    id uuid primary key,
    generic_name text not null,
    brand_name text not null,
    manufacturer text not null,
    product_class text not null,
    unit text not null check (unit in ('IU', 'MG')),
    -- nominal content of each vial size the product comes in, in the product's unit
    vial_sizes integer[] not null check (cardinality(vial_sizes) > 0),
    -- incremental recovery, IU/dL per IU/kg (clinical.md §6); null for products not dosed by recovery
    recovery numeric(4, 2) check (recovery > 0),
    recovery_under_12 numeric(4, 2) check (recovery_under_12 > 0),
    pk_model_id text,
    concentration_mg_per_ml numeric(6, 1) check (concentration_mg_per_ml > 0),
    list_price_per_unit numeric(10, 4) not null check (list_price_per_unit >= 0),
    currency text not null default 'GBP',
    status text not null check (status in ('ACTIVE', 'SUSPENDED', 'WITHDRAWN')),
    version integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index product_brand on product.product (brand_name);

create table product.batch (
    id uuid primary key,
    product_id uuid not null references product.product (id),
    batch_number text not null,
    expires_on date not null,
    vials_received integer not null check (vials_received >= 0),
    units_per_vial integer not null check (units_per_vial > 0),
    received_on date not null,
    created_at timestamptz not null default now(),
    created_by uuid
);
-- a batch number names one batch of one product; the same number may exist at another manufacturer
create unique index batch_number on product.batch (product_id, batch_number);
create index batch_by_number on product.batch (batch_number);
