package org.llmtutor.userservice.web;

import org.apache.coyote.Processor;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.buf.MessageBytes;

/**
 * Tomcat's HTTP/1.1 connector, accepting {@code _} in the host of a request ({@code Host: user_service:8000}).
 *
 * <p>The platform reaches this service by its Docker network alias {@code user_service}. A Host header is an RFC 3986
 * host, whose registered names may hold {@code _}; Tomcat checks it as an RFC 1123 host name (letters, digits,
 * hyphens) and answers 400 before any filter runs, and it has no setting for this. So the host is validated with each
 * {@code _} read as a letter, by Tomcat's own parser, and then kept as sent; every other check stays Tomcat's.
 * Instantiated by Tomcat by class name ({@code TomcatServletWebServerFactory#setProtocol}).
 */
public class RegisteredNameHttp11Protocol extends Http11NioProtocol {

    @Override
    protected Processor createProcessor() {
        return new RegisteredNameProcessor(this);
    }

    private static final class RegisteredNameProcessor extends Http11Processor {

        RegisteredNameProcessor(AbstractHttp11Protocol<?> protocol) {
            super(protocol, protocol.getAdapter());
        }

        @Override
        protected void parseHost(MessageBytes host) {
            if (host == null || host.getType() != MessageBytes.T_BYTES || !isNameWithUnderscore(host.getByteChunk())) {
                super.parseHost(host);
                return;
            }
            ByteChunk sent = host.getByteChunk();
            byte[] probe = new byte[sent.getLength()];
            System.arraycopy(sent.getBytes(), sent.getStart(), probe, 0, probe.length);
            for (int i = 0; i < probe.length; i++) {
                if (probe[i] == '_') {
                    probe[i] = 'a';
                }
            }
            MessageBytes substitute = MessageBytes.newInstance();
            substitute.setBytes(probe, 0, probe.length);
            super.parseHost(substitute);
            // Tomcat took the name (without the port) from the substitute: put back the one sent, same length.
            MessageBytes serverName = request.serverName();
            if (!serverName.isNull()) {
                int length = serverName.getLength();
                serverName.setString(host.toString().substring(0, length));
            }
        }

        /** A registered name with an underscore; never an IP literal, whose own parser must see the {@code _}. */
        private static boolean isNameWithUnderscore(ByteChunk host) {
            if (host.getLength() == 0 || host.getBytes()[host.getStart()] == '[') {
                return false;
            }
            return host.indexOf('_', 0) >= 0;
        }
    }
}
