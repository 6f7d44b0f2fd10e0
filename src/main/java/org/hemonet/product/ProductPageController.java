package org.hemonet.product;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The catalogue page for staff. */
@Controller
class ProductPageController {

    private final ProductCatalogue catalogue;

    ProductPageController(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/products")
    @PreAuthorize("!hasRole('PATIENT')")
    String products(Model model) {
        model.addAttribute("products", catalogue.products());
        return "product/list";
    }
}
