package org.llmtutor.userservice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
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
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The server runs Spring Data's build-time (AOT) repositories (scripts/serve.sh, the image), the tests the ones made at
 * run time; AotModeIT runs the AOT ones on both databases. An AOT repository runs a native query untyped, so a scalar
 * it reads is whatever the JDBC driver makes of the column (the embedded H2 reports a UUID column as binary, PostgreSQL
 * as a UUID), where the run-time repository asks Hibernate for the declared type. A native query that reads therefore
 * returns entities, or only types both drivers give alike (text, integers, booleans), or rows ({@code Object[]}) of
 * such columns. And a statement that writes is {@code @Modifying} and clears the persistence context, so that no
 * entity read before it in the transaction is answered again as it was (docs/conventions.md).
 */
class RepositoryQueriesTest {

    private static final Set<Class<?>> SAME_ON_BOTH_DRIVERS =
            Set.of(String.class, Integer.class, Long.class, Boolean.class, boolean.class, Object[].class);

    private static final Set<Class<?>> ROW_COUNTS = Set.of(int.class, void.class);

    @Test
    void nativeQueriesReturnWhatBothDriversAndBothKindsOfRepositoryAgreeOn() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        for (Class<?> repository : repositories()) {
            for (Method method : repository.getDeclaredMethods()) {
                if (nativeSql(method) == null || method.isAnnotationPresent(Modifying.class)) {
                    continue;
                }
                checked.add(repository.getSimpleName() + "." + method.getName());
                Class<?> element = element(method.getGenericReturnType());
                if (!element.isAnnotationPresent(Entity.class) && !SAME_ON_BOTH_DRIVERS.contains(element)) {
                    offending.add(repository.getSimpleName() + "." + method.getName() + " -> " + element.getName());
                }
            }
        }
        assertThat(checked).as("native queries found").contains("UserRepository.lockById");
        assertThat(offending).isEmpty();
    }

    @Test
    void statementsThatWriteAreModifyingClearTheContextRunInATransactionAndAnswerARowCount() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        for (Class<?> repository : repositories()) {
            for (Method method : repository.getDeclaredMethods()) {
                String sql = nativeSql(method);
                if (sql == null) {
                    continue;
                }
                String verb = sql.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
                boolean writes = Set.of("INSERT", "UPDATE", "DELETE", "MERGE").contains(verb);
                Modifying modifying = method.getAnnotation(Modifying.class);
                String name = repository.getSimpleName() + "." + method.getName();
                if (writes) {
                    checked.add(name);
                }
                boolean wellDeclared = modifying == null
                        || (modifying.clearAutomatically()
                                && method.isAnnotationPresent(Transactional.class)
                                && ROW_COUNTS.contains(method.getReturnType()));
                if (writes != (modifying != null) || !wellDeclared) {
                    offending.add(name);
                }
            }
        }
        assertThat(checked).as("writing statements found").contains("UserRepository.bumpTokenGeneration");
        assertThat(offending).isEmpty();
    }

    private static String nativeSql(Method method) {
        NativeQuery nativeQuery = method.getAnnotation(NativeQuery.class);
        if (nativeQuery != null) {
            return nativeQuery.value();
        }
        Query query = method.getAnnotation(Query.class);
        return query != null && query.nativeQuery() ? query.value() : null;
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
