-- Issue 13: catalogue maintenance. A product is never deleted; it is withdrawn, with who, when and why. A withdrawn
-- product can no longer be prescribed or newly logged, but stays in history, recalls and the safety rates.
alter table product.product add column withdrawn_at timestamptz;
alter table product.product add column withdrawn_by text;
alter table product.product add column withdrawal_reason text check (length(withdrawal_reason) <= 500);
-- rows withdrawn before this change (none in any catalogue we know of) keep a null withdrawn_at
alter table product.product add constraint product_withdrawal check (withdrawn_at is null or status = 'WITHDRAWN');
