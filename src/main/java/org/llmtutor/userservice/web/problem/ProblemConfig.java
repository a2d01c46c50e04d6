package org.llmtutor.userservice.web.problem;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** Where errors raised outside a controller (filters, Tomcat itself) are turned into problem documents too. */
@Configuration(proxyBeanMethods = false)
class ProblemConfig {

    /** Right inside the request id, so that whatever a later filter throws is answered like a controller's error. */
    @Bean
    FilterRegistrationBean<ErrorRenderingFilter> errorRenderingFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, ProblemRenderer problems) {
        var registration = new FilterRegistrationBean<>(new ErrorRenderingFilter(resolver, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Errors Tomcat raises before the application sees the request are problem documents too. The valve is put into
     * the host's pipeline as an instance (Tomcat then adds no default one of the named class), so that it can use the
     * application's renderer.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonTomcatErrors(ProblemRenderer problems) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve(problems));
            }
        });
    }
}
