package org.llmtutor.userservice.shared;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The service's settings records ({@code @ConfigurationProperties} records of this application) are checked with Bean
 * Validation on their components when they are bound, by one validator for all of them: Boot's {@code
 * configurationPropertiesValidator} extension point. With {@code @Validated} on each record instead, Boot 4.1 builds a
 * Bean Validation factory per record (each bootstrapping Hibernate Validator anew: 11 at every start), so the records
 * carry no {@code @Validated}. Messages are interpolated as Boot's own validator does it, and a bad value stops the start
 * with the same report. Boot's own properties classes are left to Boot, as before.
 */
@Configuration(proxyBeanMethods = false)
class SettingsValidation {

    /**
     * Static, as Boot asks: the binder needs it before the configuration classes' beans exist. Infrastructure: it is
     * made while the bean post-processors are, so none of them applies to it (and Spring need not warn so).
     */
    @Bean(EnableConfigurationProperties.VALIDATOR_BEAN_NAME)
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ValidatedSettings configurationPropertiesValidator(ApplicationContext context) {
        return new ValidatedSettings(context);
    }

    static final class ValidatedSettings implements Validator, DisposableBean {

        /** The application's root package (this one's parent), with the dot. */
        private static final String APPLICATION_PACKAGE =
                SettingsValidation.class.getPackageName().replaceFirst("[^.]+$", "");

        private final LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();

        ValidatedSettings(ApplicationContext context) {
            validator.setApplicationContext(context);
            validator.setMessageInterpolator(new MessageInterpolatorFactory(context).getObject());
            validator.afterPropertiesSet();
        }

        /** A settings record of this application; not the records and lists inside one (Bean Validation cascades). */
        @Override
        public boolean supports(Class<?> type) {
            return type.getName().startsWith(APPLICATION_PACKAGE)
                    && AnnotatedElementUtils.hasAnnotation(type, ConfigurationProperties.class);
        }

        @Override
        public void validate(Object target, Errors errors) {
            validator.validate(target, errors);
        }

        @Override
        public void destroy() {
            validator.close();
        }
    }
}
