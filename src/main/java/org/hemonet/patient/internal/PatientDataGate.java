package org.hemonet.patient.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Roles that never see patient-level data (analysts, commissioners, administrators) get 403 on every
 * {@code /api/v1/patients} endpoint before anything else happens, even before the request body is read or validated
 * (security.md §6); the refusal is audited.
 */
@Configuration(proxyBeanMethods = false)
class PatientDataGate implements WebMvcConfigurer {

    private final CurrentActor currentActor;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;

    PatientDataGate(CurrentActor currentActor, AccessPolicy accessPolicy, AuditLog auditLog) {
        this.currentActor = currentActor;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        Actor actor = currentActor.get().orElse(null);
                        if (actor != null && !accessPolicy.usesPatientData(actor)) {
                            auditLog.record(AuditEvent.by(
                                    actor,
                                    switch (request.getMethod()) {
                                        case "POST" -> AuditAction.CREATE;
                                        case "PATCH", "PUT" -> AuditAction.UPDATE;
                                        default ->
                                            request.getRequestURI().endsWith("/patients")
                                                    ? AuditAction.SEARCH
                                                    : AuditAction.READ;
                                    },
                                    null,
                                    PatientRegistry.PATIENT,
                                    null,
                                    AuditOutcome.DENIED));
                            throw new AccessDeniedException("Aggregate roles see no patient-level data");
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/v1/patients", "/api/v1/patients/**");
    }
}
