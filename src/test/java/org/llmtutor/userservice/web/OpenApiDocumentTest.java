package org.llmtutor.userservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Generic on purpose: every controller method, including ones merged later, must appear in the document. */
    @Test
    void everyHandlerMethodIsDocumented() {
        JsonNode paths = document().get("paths");
        Set<String> missing = new TreeSet<>();
        Set<String> checked = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!isApplicationEndpoint(handler)) {
                return;
            }
            for (String path : patterns(info)) {
                if (path.startsWith("/test/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty() && paths.get(path) == null) {
                    // A mapping for any method: springdoc documents it under each of them.
                    missing.add("* " + path);
                }
                for (RequestMethod method : methods) {
                    String key = method.name() + " " + path;
                    checked.add(key);
                    JsonNode item = paths.get(path);
                    if (item == null || item.get(method.name().toLowerCase()) == null) {
                        missing.add(key);
                    }
                }
            }
        });
        assertThat(checked).contains("POST /auth/login", "GET /health", "POST /sessions");
        assertThat(missing).as("handler methods missing from /openapi.json").isEmpty();
    }

    @Test
    void describesTheBearerSchemeAndRequiresItExceptOnPublicOperations() {
        JsonNode doc = document();
        JsonNode scheme = doc.at("/components/securitySchemes/bearer");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("description").asString()).contains("JWT").contains("svc_");
        assertThat(doc.at("/security/0/bearer").isArray()).isTrue();

        assertThat(doc.at("/paths/~1health/get/security").isEmpty()).isTrue();
        assertThat(doc.at("/paths/~1auth~1login/post/security").isEmpty()).isTrue();
        assertThat(doc.at("/paths/~1auth~1me/get/security").isMissingNode())
                .as("inherits the global requirement")
                .isTrue();
        assertThat(doc.at("/paths/~1auth~1me/get/responses/401/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/ErrorResponse");
    }

    @Test
    void describesTheLoginFormAndExamples() {
        JsonNode doc = document();
        JsonNode login = doc.at("/paths/~1auth~1login/post");
        JsonNode form = login.at("/requestBody/content/application~1x-www-form-urlencoded/schema");
        assertThat(form.at("/properties/username/type").asString()).isEqualTo("string");
        assertThat(form.at("/properties/password/format").asString()).isEqualTo("password");
        assertThat(form.get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("username", "password");
        assertThat(login.get("parameters"))
                .as("no form field left as a query parameter")
                .isNull();
        assertThat(doc.at("/paths/~1auth~1token/post/requestBody/content/application~1x-www-form-urlencoded"
                                + "/schema/properties/grant_type/enum")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("password", "refresh_token");

        assertThat(doc.at("/components/schemas/TokenResponse/properties/token_type/example")
                        .asString())
                .isEqualTo("bearer");
        assertThat(doc.at("/components/schemas/CreateSession/properties/session_id/example")
                        .asString())
                .isEqualTo("alice_0a1b2c3d");
        assertThat(doc.at("/components/schemas/ErrorResponse/properties/detail/type")
                        .asString())
                .isEqualTo("string");
    }

    @Test
    void docsAndSwaggerUiNeedNoCredential() {
        Api.Response ui = api().send(api().request("/docs", null).GET());
        assertThat(ui.status()).isIn(200, 302);
        String index = ui.status() == 302 ? ui.header("Location") : "/docs";
        Api.Response page = api().get(index.replaceFirst("^https?://[^/]+", ""), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(api().get("/swagger-ui/swagger-ui-bundle.js", null).status())
                .as("assets come from the webjar")
                .isEqualTo(200);
    }

    private JsonNode document() {
        Api.Response r = api().get("/openapi.json", null);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static boolean isApplicationEndpoint(HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        return !type.getName().startsWith("org.springdoc.") && !ErrorController.class.isAssignableFrom(type);
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        // OpenAPI path templates have no regular expressions: /x/{id:[0-9]+} is documented as /x/{id}.
        Set<String> result = new TreeSet<>();
        info.getPatternValues().forEach(p -> result.add(p.replaceAll("\\{([^}:]+):[^}]*}", "{$1}")));
        return result;
    }
}
