package org.hemonet.product;

/** Whether a product may be prescribed. The names are stored; never rename one. */
public enum ProductStatus {
    ACTIVE,
    SUSPENDED,
    WITHDRAWN
}
