-- The delivery-provider role (issue 5, branch plans): a home-delivery courier tied to the centres it serves
-- (identity.account_centre), which sees only what a delivery needs and no clinical data.
alter table identity.account drop constraint account_role_check;
alter table identity.account add constraint account_role_check check (role in ('PATIENT', 'CLINICIAN', 'NURSE',
    'PHYSIO', 'SOCIAL_WORKER', 'LAB', 'NETWORK_ANALYST', 'COMMISSIONER', 'ADMIN', 'DELIVERY_PROVIDER'));
