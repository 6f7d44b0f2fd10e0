package org.hemonet.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/**
 * The session a request has just saved answers Spring Session's second look-up in that request, and nothing else: not
 * another id, not an expired session, not a deleted one, and never a later request (which reads the store again, so a
 * session ended elsewhere is ended here too).
 */
class SessionRereadsTest {

    /** A store that counts its reads. */
    static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> sessions = new HashMap<>();
        int reads;

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            sessions.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            reads++;
            MapSession stored = sessions.get(id);
            return stored == null ? null : new MapSession(stored);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    private final CountingStore store = new CountingStore();
    private final SessionRereads.Remembering<MapSession> sessions = new SessionRereads.Remembering<>(store);

    @AfterEach
    void endRequest() throws Exception {
        // what the filter around Spring Session's does at the end of every request
        new SessionRereads()
                .sessionRereadsScope()
                .getFilter()
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), new MockFilterChain());
    }

    @Test
    void aSessionJustSavedIsNotReadAgainInTheSameRequest() {
        MapSession session = sessions.createSession();
        sessions.save(session);

        assertThat(sessions.findById(session.getId())).isSameAs(session);
        assertThat(store.reads).isZero();
    }

    @Test
    void anotherIdIsReadFromTheStore() {
        MapSession saved = sessions.createSession();
        MapSession other = sessions.createSession();
        store.save(other);
        sessions.save(saved);

        assertThat(sessions.findById(other.getId())).isNotNull();
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void anExpiredSessionIsNotAnswered() {
        MapSession session = sessions.createSession();
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        session.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
        sessions.save(session);

        sessions.findById(session.getId());

        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void aDeletedSessionIsNotAnswered() {
        MapSession session = sessions.createSession();
        sessions.save(session);
        sessions.deleteById(session.getId());

        assertThat(sessions.findById(session.getId())).isNull();
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void theNextRequestReadsTheStoreAgainAndSeesASessionEndedElsewhere() throws Exception {
        MapSession session = sessions.createSession();
        new SessionRereads()
                .sessionRereadsScope()
                .getFilter()
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), new MockFilterChain() {
                    @Override
                    public void doFilter(
                            jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
                        sessions.save(session);
                    }
                });
        store.deleteById(session.getId()); // another node ends the session

        assertThat(sessions.findById(session.getId())).isNull();
        assertThat(store.reads).isEqualTo(1);
    }
}
