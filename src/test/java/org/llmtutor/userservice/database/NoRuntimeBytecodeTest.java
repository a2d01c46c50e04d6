package org.llmtutor.userservice.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.spi.MappingMetamodelImplementor;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hibernate generates no classes at start ({@link NoRuntimeBytecode}): its bytecode provider is the "none" one, and no
 * entity has a generated instantiator or lazy proxy. That entities are still read and written through reflection is
 * what every other integration test shows.
 */
class NoRuntimeBytecodeTest extends IntegrationTest {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void hibernateUsesTheNoneBytecodeProviderAndGeneratesNoClassPerEntity() {
        SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        assertThat(sessionFactory.getServiceRegistry().requireService(BytecodeProvider.class))
                .isInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);
        MappingMetamodelImplementor metamodel = sessionFactory.getMappingMetamodel();
        assertThat(metamodel.streamEntityDescriptors()).isNotEmpty();
        metamodel.forEachEntityDescriptor(entity -> {
            assertThat(entity.getRepresentationStrategy().getReflectionOptimizer())
                    .as("generated accessors of %s", entity.getEntityName())
                    .isNull();
            assertThat(entity.getRepresentationStrategy().getProxyFactory())
                    .as("lazy proxy class of %s", entity.getEntityName())
                    .isNull();
        });
    }
}
