package org.hemonet.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Lets MockMvc tests keep passing a {@code MockHttpSession} from request to request although browser sessions live in
 * the database (Spring Session JDBC, issue 14) and are found by their cookie: the session id the application writes
 * into its cookie is also remembered in the mock session, and a request that carries that mock session but no cookie
 * gets it back. Requests with the cookie, and every request over real HTTP, are resolved by the cookie alone, exactly
 * as in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

    /** The mock session's attribute holding the id of the application's session. */
    public static final String SESSION_ID = MockMvcSessions.class.getName() + ".id";

    @Bean
    static BeanPostProcessor mockMvcSessionBridge(ObjectProvider<CookieSerializer> serializer) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SessionRepositoryFilter<?> filter) {
                    filter.setHttpSessionIdResolver(new Bridge(serializer));
                }
                return bean;
            }
        };
    }

    private static final class Bridge implements HttpSessionIdResolver {

        private final ObjectProvider<CookieSerializer> serializer;
        private volatile CookieHttpSessionIdResolver cookies;

        Bridge(ObjectProvider<CookieSerializer> serializer) {
            this.serializer = serializer;
        }

        private CookieHttpSessionIdResolver cookies() {
            if (cookies == null) {
                CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
                resolver.setCookieSerializer(serializer.getObject());
                cookies = resolver;
            }
            return cookies;
        }

        @Override
        public List<String> resolveSessionIds(HttpServletRequest request) {
            List<String> fromCookie = cookies().resolveSessionIds(request);
            if (!fromCookie.isEmpty()) {
                return fromCookie;
            }
            MockHttpServletRequest mock = mock(request);
            if (mock != null
                    && mock.getSession(false) != null
                    && mock.getSession(false).getAttribute(SESSION_ID) instanceof String id) {
                return List.of(id);
            }
            return List.of();
        }

        @Override
        public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
            cookies().setSessionId(request, response, sessionId);
            MockHttpServletRequest mock = mock(request);
            if (mock != null) {
                mock.getSession(true).setAttribute(SESSION_ID, sessionId);
            }
        }

        @Override
        public void expireSession(HttpServletRequest request, HttpServletResponse response) {
            cookies().expireSession(request, response);
            MockHttpServletRequest mock = mock(request);
            if (mock != null && mock.getSession(false) != null) {
                mock.getSession(false).removeAttribute(SESSION_ID);
            }
        }

        private static MockHttpServletRequest mock(HttpServletRequest request) {
            HttpServletRequest inner = request;
            while (inner instanceof HttpServletRequestWrapper wrapper
                    && wrapper.getRequest() instanceof HttpServletRequest next) {
                inner = next;
            }
            return inner instanceof MockHttpServletRequest mock ? mock : null;
        }
    }
}
