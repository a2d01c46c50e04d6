package org.llmtutor.userservice.auth.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The form bodies of the OAuth2-style {@code /auth/login} and {@code /auth/token} in the OpenAPI document: springdoc
 * would list their {@code @RequestParam} fields as query parameters. Runs before the web module's customizer, which
 * then adds the error responses every operation that takes input has.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoginFormsOpenApi implements OpenApiCustomizer {

    private static final String FORM = org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String MULTIPART = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE;

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, PathItem> paths = openApi.getPaths();
        formBody(paths, "/auth/login", loginForm());
        formBody(paths, "/auth/token", tokenForm());
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
