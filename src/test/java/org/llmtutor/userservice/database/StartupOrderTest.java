package org.llmtutor.userservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Hibernate builds its metamodel in the background from before the web server is made (docs/startup.md): the web
 * server's factory depends on the EntityManagerFactory, whose factory bean has a bootstrap executor.
 */
class StartupOrderTest extends IntegrationTest {

    @Autowired
    ConfigurableListableBeanFactory beanFactory;

    @Autowired
    LocalContainerEntityManagerFactoryBean entityManagerFactory;

    @Test
    void hibernateIsBootstrappedInTheBackgroundFromBeforeTheWebServerIsMade() {
        assertThat(entityManagerFactory.getBootstrapExecutor()).isNotNull();
        String[] webServerFactories = beanFactory.getBeanNamesForType(ServletWebServerFactory.class, true, false);
        assertThat(webServerFactories).isNotEmpty();
        for (String name : webServerFactories) {
            assertThat(beanFactory.getBeanDefinition(name).getDependsOn())
                    .as("what %s waits for", name)
                    .contains("entityManagerFactory");
        }
    }
}
