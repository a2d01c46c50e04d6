package org.llmtutor.userservice.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Makes every data source depend on the application's settings: its {@code @ConfigurationProperties} records (bound and
 * validated as they are made) and its {@link SettingsCheck} beans. Nothing reaches the database without a data source,
 * so a refused setting stops the start before any migration, however the schema is migrated.
 */
class SettingsBeforeDatabase implements BeanFactoryPostProcessor {

    private static final String APPLICATION_PACKAGE = "org.llmtutor.userservice.";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
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
        for (String dataSource : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
            BeanDefinition definition = beanFactory.getBeanDefinition(dataSource);
            List<String> dependsOn = new ArrayList<>();
            if (definition.getDependsOn() != null) {
                dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
            }
            dependsOn.addAll(settings);
            definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }
}
