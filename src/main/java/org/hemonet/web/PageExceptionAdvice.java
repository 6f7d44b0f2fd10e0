package org.hemonet.web;

import org.hemonet.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages: an unknown record, or one the user may not see, is the friendly 404 page (never a 500, never the record).
 * API controllers are answered first by the API's problem-detail handler.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionAdvice {

    private final ShellAdvice shell;

    PageExceptionAdvice(ShellAdvice shell) {
        this.shell = shell;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        page.addObject("kind", "notFound");
        page.addObject("currentUser", shell.currentUser());
        page.addObject("navigation", shell.navigation());
        return page;
    }
}
