package org.llmtutor.userservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;

/**
 * The server runs Spring Data's build-time (AOT) repositories (scripts/serve.sh, the image), the tests the ones made at
 * run time; AotModeIT runs the AOT ones on both databases. A {@code @Query} that reads scalars gets each value from
 * what the JDBC driver makes of the column (the embedded H2 reports a UUID column as binary, PostgreSQL as a UUID), so
 * it returns only types both drivers give alike (text, integers, booleans), or rows mapped by column name onto an
 * entity or a record, which both kinds of repository map alike. And a statement that writes is {@code @Modifying}:
 * Spring Data JDBC would otherwise run it as a query and wait for rows.
 */
class RepositoryQueriesTest {

    private static final Set<Class<?>> SAME_ON_BOTH_DRIVERS =
            Set.of(String.class, Integer.class, Long.class, Boolean.class);

    private static final Set<Class<?>> ROW_COUNTS = Set.of(int.class, void.class, boolean.class);

    @Test
    void queriesReturnWhatBothDriversAndBothKindsOfRepositoryAgreeOn() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        for (Class<?> repository : repositories()) {
            for (Method method : repository.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Query.class) || method.isAnnotationPresent(Modifying.class)) {
                    continue;
                }
                checked.add(repository.getSimpleName() + "." + method.getName());
                Class<?> element = element(method.getGenericReturnType());
                boolean mapped = element.isAnnotationPresent(Table.class) || element.isRecord();
                if (!mapped && !SAME_ON_BOTH_DRIVERS.contains(element)) {
                    offending.add(repository.getSimpleName() + "." + method.getName() + " -> " + element.getName());
                }
            }
        }
        assertThat(checked).as("queries found").contains("UserRepository.lockById");
        assertThat(offending).isEmpty();
    }

    @Test
    void statementsThatWriteAreModifyingAndAnswerARowCount() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        for (Class<?> repository : repositories()) {
            for (Method method : repository.getDeclaredMethods()) {
                Query query = method.getAnnotation(Query.class);
                if (query == null) {
                    continue;
                }
                String verb = query.value().strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
                boolean writes = Set.of("INSERT", "UPDATE", "DELETE", "MERGE").contains(verb);
                boolean modifying = method.isAnnotationPresent(Modifying.class);
                String name = repository.getSimpleName() + "." + method.getName();
                if (writes) {
                    checked.add(name);
                }
                if (writes != modifying || (modifying && !ROW_COUNTS.contains(method.getReturnType()))) {
                    offending.add(name);
                }
            }
        }
        assertThat(checked).as("writing statements found").contains("UserRepository.bumpTokenGeneration");
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
