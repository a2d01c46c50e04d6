package org.llmtutor.userservice.database;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;

/**
 * Makes the web server's factory depend on the JPA EntityManagerFactory. Hibernate builds its metamodel in the
 * background ({@code spring.jpa.bootstrap=async}) from the moment its factory bean exists; made first, it builds on the
 * second core while this thread makes the web server, its filters and the rest of the context, and the first
 * repository waits only for what is left. Made when the first repository asks for it (inside the filters), it would be
 * waited for at once. The migration check still runs before it, and the web server still starts only once every bean,
 * every repository included, is made.
 */
class EntityManagerFactoryBeforeWebServer extends AbstractDependsOnBeanFactoryPostProcessor {

    EntityManagerFactoryBeforeWebServer() {
        super(ServletWebServerFactory.class, EntityManagerFactory.class);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Spring AOT ran this when the jar was built: the generated definitions carry the dependency.
        if (!AotDetector.useGeneratedArtifacts()) {
            super.postProcessBeanFactory(beanFactory);
        }
    }
}
