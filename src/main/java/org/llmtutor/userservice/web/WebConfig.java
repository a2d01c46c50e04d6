package org.llmtutor.userservice.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.llmtutor.userservice.web.problem.ProblemRenderer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final InputBoundary inputBoundary;
    private final ClientAddresses clients;

    WebConfig(InputBoundary inputBoundary, ClientAddresses clients) {
        this.inputBoundary = inputBoundary;
        this.clients = clients;
    }

    /** A controller that declares a {@link RequestOrigin} parameter gets the request's; services take it from there. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == RequestOrigin.class;
            }

            @Override
            public RequestOrigin resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer mavContainer,
                    NativeWebRequest webRequest,
                    WebDataBinderFactory binderFactory) {
                return clients.origin(webRequest.getNativeRequest(HttpServletRequest.class));
            }
        });
    }

    /** First of all, so that every log line and every answer of the request carries its id. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** {@code /sessions/} and {@code /sessions} are the same path; the UI uses both. Runs before security. */
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        var registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** The platform's address {@code http://user_service:8000} has an underscore, which Tomcat alone refuses. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> platformHostNames() {
        return factory -> factory.setProtocol(RegisteredNameHttp11Protocol.class.getName());
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties web, ProblemRenderer problems) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(web.maxBodyBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(inputBoundary);
    }
}
