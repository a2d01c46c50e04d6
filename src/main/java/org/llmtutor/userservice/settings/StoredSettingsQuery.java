package org.llmtutor.userservice.settings;

import java.util.List;
import java.util.UUID;

/** The settings read: one statement, so the rows and the identity come from one snapshot without a transaction. */
interface StoredSettingsQuery {

    /** A stored service's choice with the user's identity; all but the identity null when no service is stored. */
    record StoredRow(String serviceType, String provider, String modelName, String identityId) {}

    /** A row per stored service, a single row of nulls but the identity when none is stored, none for no such user. */
    List<StoredRow> findStored(UUID userId);
}
