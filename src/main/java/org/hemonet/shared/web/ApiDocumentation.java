package org.hemonet.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document of {@code /api/v1/**}, generated from the controllers by springdoc (issue 19; served at
 * {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}, both for signed-in accounts only; docs/api.md). Adds
 * what the code cannot say itself: the security schemes (the browser's session cookie with its CSRF header, bearer
 * tokens of the OAuth2 authorization server) and the RFC 9457 problem responses every operation may answer with
 * ({@link ApiExceptionHandler}, {@link ApiProblems}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String SESSION = "session";
    static final String CSRF = "csrf";
    static final String BEARER = "bearer";
    static final String OAUTH2 = "oauth2";

    @Bean
    OpenAPI hemonetOpenApi() {
        Scopes scopes = new Scopes()
                .addString("openid", "OpenID Connect sign-in (no API access on its own)")
                .addString("patient/*.rs", "read and search the signed-in patient's own records (SMART v2)")
                .addString("user/*.rs", "read and search what the account may see (SMART v2)")
                .addString("user/*.cruds", "read and change what the account may change (SMART v2)")
                .addString("system/*.rs", "client credentials: read and search (SMART v2)");
        return new OpenAPI()
                .info(new Info()
                        .title("Hemonet API")
                        .version("v1")
                        .description("The JSON API of Hemonet under /api/v1. Errors are RFC 9457 problem details "
                                + "(application/problem+json). Updates need the version as If-Match and answer 412 "
                                + "when it is stale. See docs/api.md.")
                        .license(new License().name("Open source")))
                .components(new Components()
                        .addSecuritySchemes(
                                SESSION,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("HEMONET_SESSION")
                                        .description("The browser's session after signing in at /login (staff with "
                                                + "a second factor); state changes also need the CSRF header."))
                        .addSecuritySchemes(
                                CSRF,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-XSRF-TOKEN")
                                        .description("With the session cookie: the value of the XSRF-TOKEN cookie, "
                                                + "on every POST, PUT, PATCH and DELETE."))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token of Hemonet's OAuth2 authorization server; its "
                                                + "scopes limit what it may do (403 otherwise)."))
                        .addSecuritySchemes(
                                OAUTH2,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OAUTH2)
                                        .description("Authorization code with PKCE for apps, client credentials for "
                                                + "systems (docs/api.md).")
                                        .flows(new OAuthFlows()
                                                .authorizationCode(new OAuthFlow()
                                                        .authorizationUrl("/oauth2/authorize")
                                                        .tokenUrl("/oauth2/token")
                                                        .scopes(scopes))
                                                .clientCredentials(new OAuthFlow()
                                                        .tokenUrl("/oauth2/token")
                                                        .scopes(new Scopes()
                                                                .addString(
                                                                        "system/*.rs",
                                                                        "read and search (SMART v2)"))))))
                .addSecurityItem(new SecurityRequirement().addList(SESSION).addList(CSRF))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(OAUTH2));
    }

    /** Every operation may answer with these problems; springdoc documents the successful answers. */
    @Bean
    OpenApiCustomizer problemResponses() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid or malformed input; `field` names the offending field");
        problems.put("401", "Not signed in, or the bearer token is not valid");
        problems.put("403", "The role or the token's scopes do not allow this request, or the CSRF token is missing");
        problems.put("404", "No such resource, or one the account may not see (the same answer)");
        problems.put("500", "An unexpected error; it has been logged");
        return openApi -> {
            // here rather than on the bean: springdoc rebuilds the schemas from the controllers' types
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                ApiResponses responses = responsesOf(operation);
                // an error status is always a problem detail, also where springdoc guessed another media type
                // from the exception handlers' ResponseEntity<ProblemDetail>
                problems.forEach((status, description) -> {
                    ApiResponse documented = responses.get(status);
                    if (documented == null) {
                        responses.addApiResponse(status, problem(description));
                    } else {
                        documented.setContent(problem(description).getContent());
                    }
                });
            }));
        };
    }

    private static ApiResponses responsesOf(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                ApiProblems.PROBLEM_JSON.toString(),
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema());
        error.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri").example("https://hemonet.org/problems/not-found"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty(
                "instance", new StringSchema().format("uri-reference").example("/api/v1/patients/42"));
        problem.addProperty("field", new StringSchema().description("the offending request field, if any"));
        problem.addProperty("errors", new ArraySchema().items(error));
        problem.required(java.util.List.of("type", "title", "status"));
        return problem;
    }
}
