/**
 * Problem documents: every error the service answers, from a controller, a filter or Tomcat itself, is an
 * {@code application/problem+json} body with a string {@code detail}. A named interface of the web module, because
 * auth's security chain renders its refusals with the same renderer.
 */
@NamedInterface("problem")
package org.llmtutor.userservice.web.problem;

import org.springframework.modulith.NamedInterface;
