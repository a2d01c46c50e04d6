/**
 * A user's LLM preferences ({@code /settings}): provider, model and their options per service type, validated against
 * the catalog of what may be chosen ({@code GET /settings/catalog}), with defaults for what was never stored. Offers
 * the other modules nothing.
 */
@ApplicationModule(allowedDependencies = {"auth", "user"})
package org.llmtutor.userservice.settings;

import org.springframework.modulith.ApplicationModule;
