package org.hemonet.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spends one session read per request, not two (issue 14, {@code patient_read_rps}). Spring Session commits the session
 * twice in a request that writes a body (when the response is committed, and again when its filter ends) and, after the
 * first commit, forgets the session it read, so the second commit reads it again from PostgreSQL only to learn whether
 * the cookie's id is still valid. Here the session a request has just saved answers that second look-up itself: only in
 * the same request (the memo is cleared by a filter wrapped around Spring Session's, whatever happens), only for the
 * same id, and only if it has not expired. Every new request still reads its session from the database, so a session
 * ended on another node ends here at once (security.md §7, §11).
 */
@Configuration(proxyBeanMethods = false)
class SessionRereads {

    private static final ThreadLocal<@Nullable Session> SAVED = new ThreadLocal<>();

    /** Wraps the session repository that Spring Session's filter uses. */
    @Bean
    static BeanPostProcessor sessionRereadsRepository() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof FindByIndexNameSessionRepository repository && !(bean instanceof Remembering)) {
                    return new Remembering<>(repository);
                }
                return bean;
            }
        };
    }

    /** Clears the memo around Spring Session's filter, so that nothing outlives the request that saved it. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionRereadsScope() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                SAVED.remove();
                try {
                    chain.doFilter(request, response);
                } finally {
                    SAVED.remove();
                }
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /** The repository, remembering the session saved last on this thread. */
    static final class Remembering<S extends Session> implements FindByIndexNameSessionRepository<S> {

        private final FindByIndexNameSessionRepository<S> delegate;

        Remembering(FindByIndexNameSessionRepository<S> delegate) {
            this.delegate = delegate;
        }

        @Override
        public S createSession() {
            return delegate.createSession();
        }

        @Override
        public void save(S session) {
            SAVED.remove();
            delegate.save(session);
            SAVED.set(session);
        }

        @Override
        @SuppressWarnings("unchecked")
        public @Nullable S findById(String id) {
            Session saved = SAVED.get();
            if (saved != null && saved.getId().equals(id) && !saved.isExpired()) {
                return (S) saved;
            }
            return delegate.findById(id);
        }

        @Override
        public void deleteById(String id) {
            SAVED.remove();
            delegate.deleteById(id);
        }

        @Override
        public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return delegate.findByIndexNameAndIndexValue(indexName, indexValue);
        }
    }
}
