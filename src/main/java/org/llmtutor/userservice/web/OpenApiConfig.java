package org.llmtutor.userservice.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmtutor.userservice.web.problem.ProblemDetailsSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /openapi.json}, Swagger UI at {@code /docs}). Done here, globally, so that controllers
 * added later are described the same way without annotations of their own: the bearer scheme on everything but the
 * public operations (marked with an empty {@code @SecurityRequirements}), the JSON error body on every operation, and
 * the form bodies of the OAuth2-style login endpoints, which springdoc would otherwise list as query parameters.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    /** What SecurityConfig lets through without a credential so that the docs work. */
    public static final String[] DOC_PATHS = {
        "/openapi.json", "/openapi.json/**", "/docs", "/docs/**", "/swagger-ui/**", "/swagger-ui.html"
    };

    static final String BEARER = "bearer";
    private static final String FORM = org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String MULTIPART = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE;
    private static final String ERROR_SCHEMA = "#/components/schemas/ErrorResponse";

    @Bean
    OpenAPI userServiceOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("user-service")
                        .version("v1")
                        .description("Users, their login, their LLM preferences and their history for the LLM"
                                + " tutoring platform. Every error is an RFC 9457 problem (`application/problem+json`) with a"
                                + " string `detail`."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT or svc_ credential")
                                        .description("`Authorization: Bearer <credential>`: a user's access token"
                                                + " (HS256 JWT from `/auth/login` or `/auth/token`) or a service"
                                                + " credential (`svc_...`, created with the admin CLI, limited to"
                                                + " its scopes).")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer userServiceOpenApiCustomizer() {
        return openApi -> {
            openApi.getComponents()
                    .getSchemas()
                    .putAll(ModelConverters.getInstance().read(ProblemDetailsSchema.class));
            Map<String, PathItem> paths = openApi.getPaths();
            formBody(paths, "/auth/login", loginForm());
            formBody(paths, "/auth/token", tokenForm());
            paths.values().forEach(item -> item.readOperations().forEach(OpenApiConfig::errorResponses));
        };
    }

    /** Every operation answers errors as problem documents with a string {@code detail}; secured ones also 401. */
    private static void errorResponses(Operation operation) {
        boolean secured =
                operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        if (secured) {
            operation.getResponses().putIfAbsent("401", error("Missing or invalid credential", "Not authenticated"));
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (takesInput) {
            operation
                    .getResponses()
                    .putIfAbsent(
                            "422",
                            error(
                                    "Invalid input; `errors` names each bad field",
                                    "Validation failed: user_id must be a UUID"));
        }
    }

    private static ApiResponse error(String description, String example) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType()
                                        .schema(new Schema<>().$ref(ERROR_SCHEMA))
                                        .example(Map.of("detail", example))));
    }

    /** Replaces the request parameters springdoc derived from the form fields with a proper form body. */
    private static void formBody(Map<String, PathItem> paths, String path, Schema<?> form) {
        PathItem item = paths.get(path);
        if (item == null || item.getPost() == null) {
            return;
        }
        Operation post = item.getPost();
        Set<String> fields = form.getProperties().keySet();
        if (post.getParameters() != null) {
            List<Parameter> rest = post.getParameters().stream()
                    .filter(p -> !fields.contains(p.getName()))
                    .toList();
            post.setParameters(rest.isEmpty() ? null : rest);
        }
        post.requestBody(new RequestBody()
                .required(true)
                .content(new Content()
                        .addMediaType(FORM, new MediaType().schema(form))
                        .addMediaType(MULTIPART, new MediaType().schema(form))));
    }

    private static Schema<?> loginForm() {
        return new ObjectSchema()
                .description("OAuth2 password flow, as FastAPI's OAuth2PasswordRequestForm took it")
                .addProperty("username", new StringSchema().example("alice"))
                .addProperty("password", new StringSchema().format("password").example("correct horse battery"))
                .addProperty("grant_type", new StringSchema()._enum(List.of("password")))
                .addProperty("scope", new StringSchema().description("ignored"))
                .addProperty("client_id", new StringSchema().description("ignored"))
                .addProperty("client_secret", new StringSchema().description("ignored"))
                .required(List.of("username", "password"));
    }

    private static Schema<?> tokenForm() {
        return new ObjectSchema()
                .description("`grant_type=password` with username and password starts a login session;"
                        + " `grant_type=refresh_token` with refresh_token rotates it")
                .addProperty("grant_type", new StringSchema()._enum(List.of("password", "refresh_token")))
                .addProperty("username", new StringSchema().example("alice"))
                .addProperty("password", new StringSchema().format("password").example("correct horse battery"))
                .addProperty("refresh_token", new StringSchema().example("rt_..."))
                .required(List.of("grant_type"));
    }
}
