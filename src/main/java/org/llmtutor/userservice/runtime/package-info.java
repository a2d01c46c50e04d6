/**
 * The process around the features: the clock, the log format, start-up failure reports, {@code /health} and the
 * detail a failing actuator health answer carries, and the graceful shutdown that drains requests in flight. Offers the
 * other modules the named interface {@code health}: what a module with a switch that lets callers in without a
 * credential implements so that {@code /health} shows it.
 */
@ApplicationModule(allowedDependencies = {"database"})
package org.llmtutor.userservice.runtime;

import org.springframework.modulith.ApplicationModule;
