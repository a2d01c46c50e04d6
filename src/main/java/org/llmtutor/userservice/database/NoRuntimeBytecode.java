package org.llmtutor.userservice.database;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Hibernate without runtime class generation: its "none" bytecode provider in place of Byte Buddy (Hibernate picks
 * its provider from the class path, not from a setting). With Byte Buddy it writes an instantiator and an accessor
 * class for every entity at each start, classes no class cache can hold, and loads about 300 more of Byte Buddy's
 * classes to do it (its JPA bootstrap still loads the other 550 for a class transformer that Spring, without a
 * load-time weaver, never applies). The entities need neither: they are final, so no lazy proxy is ever made of them, and reads that answer records
 * build no entity at all; Hibernate reaches their fields by reflection instead. Found through {@code
 * META-INF/services/org.hibernate.service.spi.ServiceContributor}, so the server, the admin CLI and the JPA tests all
 * use it.
 */
public final class NoRuntimeBytecode implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        registry.addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
    }
}
