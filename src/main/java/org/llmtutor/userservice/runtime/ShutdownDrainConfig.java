package org.llmtutor.userservice.runtime;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ShutdownDrainConfig {

    /** Early, so that answers refused by later filters (security, size limit) close the connection too. */
    @Bean
    FilterRegistrationBean<DrainingConnectionFilter> drainingConnectionFilter(ApplicationAvailability availability) {
        var registration = new FilterRegistrationBean<>(new DrainingConnectionFilter(availability));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
