package org.llmtutor.userservice.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import java.time.Instant;
import org.llmtutor.userservice.shared.Timestamps;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON setup of the web layer and the admin CLI (both use the application's {@code JsonMapper}): field names
 * in snake_case as the Python service wrote them ({@code @JsonProperty} only where a name breaks that rule), and
 * timestamps as {@link Timestamps#JSON}.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    /** The name JacksonAutoConfiguration gives its module. */
    static final String JACKSON_COMPONENT_MODULE = "jsonComponentModule";

    /**
     * Boot's {@code JacksonComponentModule} looks through the class of every bean for {@code @JacksonComponent} at
     * every start (a tenth of a second or more on two cores); this service has none (JsonConfigTest keeps it so), so
     * the module is not defined at all.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor withoutJacksonComponentSearch() {
        return registry -> {
            if (registry.containsBeanDefinition(JACKSON_COMPONENT_MODULE)) {
                registry.removeBeanDefinition(JACKSON_COMPONENT_MODULE);
            }
        };
    }

    @Bean
    JsonMapperBuilderCustomizer snakeCaseNames() {
        return builder -> builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    @Bean
    SimpleModule timestampModule() {
        SimpleModule module = new SimpleModule("user-service-timestamps");
        module.addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(Timestamps.JSON.format(value));
            }
        });
        return module;
    }

    /** springdoc describes the schemas with swagger-core's own (Jackson 2) mapper: give it the same names. */
    @Bean
    ModelResolver snakeCaseSchemas() {
        return new ModelResolver(Json.mapper()
                .copy()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE));
    }
}
