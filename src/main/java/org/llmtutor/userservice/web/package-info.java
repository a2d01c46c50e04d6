/**
 * The HTTP edge: the Tomcat connector and its limits, request ids, the size limit on bodies, the input boundary that
 * refuses hostile input with 4xx before it reaches a controller, the JSON naming, the OpenAPI document, and (named
 * interface {@code problem}) the problem documents every error is answered with. Offers the other modules
 * {@code ClientAddresses}, the client a request comes from, and {@code ProblemRenderer}.
 */
@ApplicationModule(allowedDependencies = {"database"}) // DatabaseOutage: an error that means the database is away
package org.llmtutor.userservice.web;

import org.springframework.modulith.ApplicationModule;
