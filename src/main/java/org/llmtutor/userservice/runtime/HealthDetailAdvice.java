package org.llmtutor.userservice.runtime;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A health answer that is not UP (503 from the readiness probe while the database is unreachable) is an error like any
 * other, so it carries the string {@code detail} every error body has (contract), next to the usual {@code status}.
 */
@ControllerAdvice
class HealthDetailAdvice implements ResponseBodyAdvice<Object> {

    record NotUp(@JsonUnwrapped HealthDescriptor health, String detail) {}

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof HealthDescriptor health && !Status.UP.equals(health.getStatus())) {
            return new NotUp(
                    health, "Health check status is " + health.getStatus().getCode());
        }
        return body;
    }
}
