package org.hemonet.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The OpenAPI 3.1 document at {@code /v3/api-docs} describes every {@code /api/v1} request mapping of the running
 * application, its security schemes and problem responses, and it and Swagger UI are for signed-in accounts only
 * (issue 19).
 */
class OpenApiDocumentTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode document() {
        String nurse =
                TestNetwork.in(context).centre("OpenApi").staff(Role.NURSE).username();
        var response = new ApiClient(port).signIn(nurse).get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void everyApiV1MappingIsInTheDocument() {
        JsonNode paths = document().path("paths");
        List<String> mapped = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") && !pattern.equals("/api/v1")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod verb : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
                    String operation = verb.name() + " " + path;
                    mapped.add(operation);
                    if (paths.path(path)
                            .path(verb.name().toLowerCase(Locale.ROOT))
                            .isMissingNode()) {
                        missing.add(operation + " (" + method + ")");
                    }
                }
            }
        });
        assertThat(mapped).as("the application maps /api/v1 at all").hasSizeGreaterThan(20);
        assertThat(missing).as("mappings missing from /v3/api-docs").isEmpty();
    }

    @Test
    void theDocumentIsOpenApi31WithSecuritySchemesAndProblemResponses() {
        JsonNode document = document();

        assertThat(document.path("openapi").asString()).startsWith("3.1");
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("session").path("in").asString()).isEqualTo("cookie");
        assertThat(schemes.path("session").path("name").asString()).isEqualTo("HEMONET_SESSION");
        assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("oauth2")
                        .path("flows")
                        .path("authorizationCode")
                        .path("tokenUrl")
                        .asString())
                .isEqualTo("/oauth2/token");
        JsonNode notFound = document.path("paths")
                .path("/api/v1/me")
                .path("get")
                .path("responses")
                .path("404")
                .path("content")
                .path("application/problem+json");
        assertThat(notFound.path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(document.path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("properties")
                        .has("instance"))
                .as(document.path("components").path("schemas").path("Problem").toString())
                .isTrue();
        document.path("paths").properties().forEach(path -> assertThat(path.getKey())
                .startsWith("/api/v1"));
    }

    @Test
    void theDocumentAndSwaggerUiNeedASignedInAccount() {
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/v3/api-docs").statusCode()).isIn(302, 401);
        assertThat(anonymous.getHtml("/swagger-ui.html").statusCode()).isEqualTo(302);
        assertThat(anonymous.getHtml("/swagger-ui/index.html").statusCode()).isEqualTo(302);

        String nurse =
                TestNetwork.in(context).centre("OpenApi").staff(Role.NURSE).username();
        ApiClient signedIn = new ApiClient(port).signIn(nurse);
        var redirect = signedIn.getHtml("/swagger-ui.html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        var ui = signedIn.getHtml("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(ui.headers().firstValue("Content-Security-Policy")).isPresent();
    }
}
