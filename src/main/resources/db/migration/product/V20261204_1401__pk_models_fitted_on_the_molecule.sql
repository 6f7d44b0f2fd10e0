-- Issue 20: a product names only a population PK model fitted on its molecule (the "molecules" of
-- pk/models/<id>.json). Existing catalogues loaded before this change named fviii-allard-2020 for the two
-- pegylated FVIII products, on which Allard 2020 was not fitted; new catalogues are checked by ProductCatalogue.add.
update product.product set pk_model_id = null
 where pk_model_id = 'fviii-allard-2020'
   and lower(generic_name) not in ('octocog alfa', 'lonoctocog alfa', 'human coagulation factor viii (plasma-derived)',
                                   'turoctocog alfa', 'moroctocog alfa', 'efmoroctocog alfa');
update product.product set pk_model_id = null
 where pk_model_id = 'fviii-bjorkman-2012' and lower(generic_name) <> 'octocog alfa';
update product.product set pk_model_id = null
 where pk_model_id = 'fix-koopman-2023' and lower(generic_name) <> 'eftrenonacog alfa';
update product.product set pk_model_id = null
 where pk_model_id = 'fix-brekkan-2016' and lower(generic_name) <> 'human coagulation factor ix (plasma-derived)';
-- plasma-derived FVIII: Allard 2020 was fitted on Factane; plasma-derived FIX: Brekkan 2016
update product.product set pk_model_id = 'fviii-allard-2020'
 where pk_model_id is null and lower(generic_name) = 'human coagulation factor viii (plasma-derived)';
update product.product set pk_model_id = 'fix-brekkan-2016'
 where pk_model_id is null and lower(generic_name) = 'human coagulation factor ix (plasma-derived)';
