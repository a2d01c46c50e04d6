package org.llmtutor.userservice.auth.web;

import org.llmtutor.userservice.auth.login.LoginQueue;
import org.llmtutor.userservice.auth.login.LoginQueueProperties;
import org.llmtutor.userservice.web.ClientAddresses;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
class LoginQueueConfig {

    /**
     * After the request id, error rendering, path normalisation, the drain's header and the body size limit, before
     * everything else (the security chain is at -100): a refused login costs as little as a request can.
     */
    @Bean
    FilterRegistrationBean<LoginQueueFilter> loginQueueFilter(
            LoginQueue queue,
            ClientAddresses clients,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
            LoginQueueProperties properties) {
        var registration =
                new FilterRegistrationBean<>(new LoginQueueFilter(queue, clients, resolver, properties.refusalDelay()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
