-- Issue 21: gene therapies are dosed in vector genomes per kg; their vial sizes and list price count units of
-- 10^12 vector genomes (DoseUnit.VG). Anti-TFPI antibodies and antithrombin lowering stay in mg.
alter table product.product drop constraint product_unit_check;
alter table product.product add constraint product_unit_check check (unit in ('IU', 'MG', 'VG'));
