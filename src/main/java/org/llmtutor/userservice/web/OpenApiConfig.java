package org.llmtutor.userservice.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.llmtutor.userservice.web.problem.ProblemDetailsSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /openapi.json}, Swagger UI at {@code /docs}). Done here, globally, so that controllers
 * added later are described the same way without annotations of their own: the bearer scheme on everything but the
 * public operations (marked with an empty {@code @SecurityRequirements}) and the JSON error body on every operation.
 * What only one feature's endpoints need is that feature's own customizer (auth's login forms).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearer";
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
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(OpenApiConfig::errorResponses));
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
}
