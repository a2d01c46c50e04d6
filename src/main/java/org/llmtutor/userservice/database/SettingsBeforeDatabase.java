package org.llmtutor.userservice.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.llmtutor.userservice.shared.SettingsCheck;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.server.WebServerFactory;

/**
 * Makes every data source and the web server's factory depend on the application's settings: its
 * {@code @ConfigurationProperties} records (bound and validated as they are made) and its {@link SettingsCheck} beans.
 * Nothing reaches the database without a data source, so a refused setting stops the start before any migration,
 * however the schema is migrated; and before the web server exists, so the report is all the start prints.
 */
class SettingsBeforeDatabase implements BeanFactoryPostProcessor {

    private static final String APPLICATION_PACKAGE = "org.llmtutor.userservice.";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (AotDetector.useGeneratedArtifacts()) {
            return; // Spring AOT's generated definitions carry the dependencies: this ran when the jar was built.
        }
        List<String> settings =
                new ArrayList<>(Arrays.asList(beanFactory.getBeanNamesForType(SettingsCheck.class, true, false)));
        for (String name : beanFactory.getBeanDefinitionNames()) {
            String className = beanFactory.getBeanDefinition(name).getBeanClassName();
            if (className == null || !className.startsWith(APPLICATION_PACKAGE) || settings.contains(name)) {
                continue;
            }
            Class<?> type = beanFactory.getType(name, false);
            if (type != null && type.isAnnotationPresent(ConfigurationProperties.class)) {
                settings.add(name);
            }
        }
        List<String> dependents = new ArrayList<>();
        dependents.addAll(Arrays.asList(beanFactory.getBeanNamesForType(DataSource.class, true, false)));
        dependents.addAll(Arrays.asList(beanFactory.getBeanNamesForType(WebServerFactory.class, true, false)));
        for (String dependent : dependents) {
            BeanDefinition definition = beanFactory.getBeanDefinition(dependent);
            List<String> dependsOn = new ArrayList<>();
            if (definition.getDependsOn() != null) {
                dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
            }
            dependsOn.addAll(settings);
            definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }
}
