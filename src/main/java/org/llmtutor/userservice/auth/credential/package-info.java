/**
 * Service credentials: the long-lived bearer secrets of internal services and their scopes. A named interface of the
 * auth module, because the admin CLI creates, lists and revokes them.
 */
@NamedInterface("credential")
package org.llmtutor.userservice.auth.credential;

import org.springframework.modulith.NamedInterface;
