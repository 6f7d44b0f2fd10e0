package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** The navigation's unread count is computed for pages only, not for every API call (issue 14). */
class ShellAdviceTest {

    @RestController
    static class Api {
        public String data() {
            return "{}";
        }
    }

    @Controller
    static class Pages {
        public String page() {
            return "home";
        }

        @ResponseBody
        public String fragment() {
            return "ok";
        }
    }

    @Test
    void pagesAreRenderedApiAnswersAndResponseBodyMethodsAreNot() throws Exception {
        assertThat(ShellAdvice.rendersPage(requestFor(new Api(), "data"))).isFalse();
        assertThat(ShellAdvice.rendersPage(requestFor(new Pages(), "fragment"))).isFalse();
        assertThat(ShellAdvice.rendersPage(requestFor(new Pages(), "page"))).isTrue();
        assertThat(ShellAdvice.rendersPage(new MockHttpServletRequest()))
                .as("no handler known: assume a page")
                .isTrue();
    }

    private static MockHttpServletRequest requestFor(Object bean, String method) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(
                HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                new HandlerMethod(bean, bean.getClass().getMethod(method)));
        return request;
    }
}
