/**
 * The kernel every module may use without declaring it (a shared module of the application): the domain exceptions
 * that one place maps to problem documents ({@code DomainException} and its kinds), the value types that cross module
 * borders ({@code RequestOrigin}, {@code FieldProblem}, {@code StatusResponse}, {@code Timestamps}), the insert that
 * every repository uses ({@code AggregateInsert}), and the settings checks run at start-up ({@code SettingsCheck}).
 * Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package org.llmtutor.userservice.shared;

import org.springframework.modulith.ApplicationModule;
