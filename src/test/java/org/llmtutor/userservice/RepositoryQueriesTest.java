package org.llmtutor.userservice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The server runs Spring Data's build-time (AOT) repositories (scripts/serve.sh, the image), the tests the ones made at
 * run time. The two differ in one way that matters here: an AOT repository runs a native query untyped, so a scalar
 * result is whatever the JDBC driver makes of the column (the embedded H2 reports a UUID column as binary, PostgreSQL
 * as a UUID), where the run-time repository asks Hibernate for the declared type. A native query that reads scalars
 * therefore returns only types both drivers already give (text, integers), or rows ({@code Object[]}), entities and
 * projections, which both kinds of repository map alike. AotModeIT runs the AOT repositories on both databases.
 */
class RepositoryQueriesTest {

    private static final Set<Class<?>> SAME_ON_BOTH_DRIVERS =
            Set.of(String.class, Integer.class, Long.class, Object[].class);

    @Test
    void nativeQueriesReturnWhatBothDriversAndBothKindsOfRepositoryAgreeOn() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        for (Class<?> repository : repositories()) {
            for (Method method : repository.getDeclaredMethods()) {
                Query query = method.getAnnotation(Query.class);
                boolean nativeQuery =
                        (query != null && query.nativeQuery()) || method.isAnnotationPresent(NativeQuery.class);
                if (!nativeQuery || method.isAnnotationPresent(Modifying.class)) {
                    continue;
                }
                checked.add(repository.getSimpleName() + "." + method.getName());
                Class<?> element = element(method.getGenericReturnType());
                boolean mapped = element.isAnnotationPresent(Entity.class) || element.isInterface();
                if (!mapped && !SAME_ON_BOTH_DRIVERS.contains(element)) {
                    offending.add(repository.getSimpleName() + "." + method.getName() + " -> " + element.getName());
                }
            }
        }
        assertThat(checked).as("native queries found").contains("UserRepository.lockById");
        assertThat(offending).isEmpty();
    }

    /** The type one result row is read as: the element of an Optional, a collection or a stream, else the type. */
    private static Class<?> element(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (raw == Optional.class || Collection.class.isAssignableFrom(raw) || raw == Stream.class) {
                return element(p.getActualTypeArguments()[0]);
            }
            return raw;
        }
        return (Class<?>) type;
    }

    private static List<Class<?>> repositories() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition definition :
                scanner.findCandidateComponents(UserServiceApplication.class.getPackageName())) {
            found.add(Class.forName(definition.getBeanClassName()));
        }
        assertThat(found).as("repositories found").hasSizeGreaterThan(5);
        return found;
    }
}
