package org.hemonet.shared.database;

import java.lang.management.ManagementFactory;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run on one app node at a time however many nodes share the database (issue 14, docs/scaling.md).
 * Every {@code @Scheduled} method carries ShedLock's {@code @SchedulerLock} with its own name; the lock is a row of
 * {@code shared.shedlock}, taken with the database's clock so that the nodes' clocks need not agree, and its
 * {@code locked_by} names the node ({@code hemonet.node-name}, default host name and process id). A node that dies
 * holding a lock releases it after the job's {@code lockAtMostFor}. The audit sealer is the one exception: it takes a
 * PostgreSQL advisory lock of its own inside its transaction (AuditSealer).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLocks {

    @Bean
    LockProvider schedulerLockProvider(DataSource dataSource, @Value("${hemonet.node-name:}") String nodeName) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shared.shedlock")
                .withLockedByValue(nodeName(nodeName))
                .usingDbTime()
                .build());
    }

    /** This node's name: the setting, else {@code pid@host} as the JVM reports it. */
    static String nodeName(String configured) {
        return configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
    }
}
