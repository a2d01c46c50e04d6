package org.llmtutor.userservice.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.llmtutor.userservice.shared.DomainException;
import org.llmtutor.userservice.shared.FieldProblem;
import org.llmtutor.userservice.shared.InvalidInputException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one check every string from outside passes before any controller sees it: JSON bodies (every string value and
 * key, at any depth), form fields, query parameters and path variables. PostgreSQL refuses NUL in text, and a Java
 * string with an unpaired surrogate is stored as {@code ?}: both would fail late (a 500) or change data silently, so
 * both are a 422 naming the field here. Lengths are bounded too (each field's own, tighter rule stays with the field),
 * and numbers must be finite and of a sane magnitude. Credentials never travel in a URL, where proxies log them.
 */
@ControllerAdvice
class InputBoundary extends RequestBodyAdviceAdapter implements HandlerInterceptor {

    /**
     * The ceiling for any one string, beyond any value the API takes (quiz details may hold long texts, a login form
     * is at most 64 KB); each field's own, tighter rule stays with the field.
     */
    static final int MAX_CHARS = 65_536;
    /** Beyond any quantity this service stores; PostgreSQL's numeric (jsonb numbers) ends near 10^131072. */
    static final int MAX_DECIMAL_EXPONENT = 1000;
    /** Names that carry a credential: in a URL they end up in proxy and access logs. */
    static final Set<String> CREDENTIAL_PARAMETERS = Set.of("username", "password", "refresh_token", "client_secret");

    private static final String OUR_PACKAGE = "org.llmtutor.userservice";
    private static final int MAX_PROBLEMS = 20;
    private static final int FIELD_ECHO_MAX = 100;

    private final JsonMapper json;

    InputBoundary(JsonMapper json) {
        this.json = json;
    }

    /** The check itself: what is wrong with {@code text}, or null when it may be accepted. */
    static String problem(String text, int maxChars) {
        if (text.length() > maxChars) {
            return "must be at most " + maxChars + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain unpaired UTF-16 surrogates";
            }
        }
        return null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        if (handler instanceof HandlerMethod method && isOurs(method)) {
            requireJsonAcceptable(request.getHeader(HttpHeaders.ACCEPT));
        }
        String query = request.getQueryString();
        if (query != null && carriesCredential(query)) {
            throw new CredentialsInUrlException();
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), problems));
        }
        // Reading the parameters parses the query string and a form body; Tomcat's own failures (bad encoding, a form
        // too large) surface here as exceptions that GlobalExceptionHandler answers.
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return true;
    }

    /**
     * Every operation of this service answers JSON. A client that accepts none of it is told so before the operation
     * runs: Spring would otherwise notice only when writing the answer, after a write had been applied.
     */
    private static void requireJsonAcceptable(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Could not parse 'Accept' header");
        }
        if (acceptable.stream().noneMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
        }
    }

    private static boolean isOurs(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith(OUR_PACKAGE);
    }

    private static void check(String name, String value, List<FieldProblem> problems) {
        String nameProblem = problem(name, FIELD_ECHO_MAX);
        if (nameProblem != null) {
            add(problems, "parameter name", nameProblem);
            return;
        }
        String valueProblem = problem(value, MAX_CHARS);
        if (valueProblem != null) {
            add(problems, name, valueProblem);
        }
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    /**
     * The body's bytes must be UTF-8 (RFC 8259). Jackson decodes some invalid sequences instead of refusing them (an
     * overlong {@code C0 AF} becomes {@code /}), which would store something the client never sent.
     */
    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        MediaType type = inputMessage.getHeaders().getContentType();
        if (type != null && type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
            return inputMessage;
        }
        byte[] body = inputMessage.getBody().readAllBytes();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of("body", "is not valid UTF-8");
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return inputMessage.getHeaders();
            }
        };
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body == null) {
            return null;
        }
        JsonNode tree = body instanceof JsonNode node ? node : json.valueToTree(body);
        List<FieldProblem> problems = new ArrayList<>();
        walk(tree, "", problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return body;
    }

    /** Nesting depth is bounded by Jackson's parser limits, so recursion is safe. */
    private static void walk(JsonNode node, String path, List<FieldProblem> problems) {
        if (problems.size() >= MAX_PROBLEMS) {
            return;
        }
        String field = path.isEmpty() ? "body" : path;
        if (node.isString()) {
            String problem = problem(node.stringValue(), MAX_CHARS);
            if (problem != null) {
                add(problems, field, problem);
            }
        } else if (node.isNumber()) {
            if (!saneNumber(node)) {
                add(problems, field, "is out of range");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                String keyProblem = problem(key, FIELD_ECHO_MAX);
                if (keyProblem != null) {
                    add(problems, field, "has a key that is too long or holds NUL characters or unpaired surrogates");
                    continue;
                }
                walk(entry.getValue(), path.isEmpty() ? key : path + "." + key, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), field + "[" + i + "]", problems);
            }
        }
    }

    private static boolean saneNumber(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            return Double.isFinite(node.doubleValue());
        }
        if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            // precision - scale is the number of digits before the point; scale the number after it.
            return Math.abs((long) value.precision() - value.scale()) <= MAX_DECIMAL_EXPONENT
                    && Math.abs((long) value.scale()) <= MAX_DECIMAL_EXPONENT;
        }
        return true;
    }

    private static void add(List<FieldProblem> problems, String field, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new FieldProblem(field, message));
        }
    }

    private static boolean carriesCredential(String query) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq));
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notDecodable) {
                // Compared as sent; Tomcat refuses the query string itself when the parameters are read.
            }
            name = name.toLowerCase(Locale.ROOT);
            if (CREDENTIAL_PARAMETERS.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** A credential in the URL: refused before anything reads, stores or logs it. */
    static final class CredentialsInUrlException extends DomainException {

        CredentialsInUrlException() {
            super(
                    Kind.REJECTED,
                    "Credentials must be sent in the request body (application/x-www-form-urlencoded), never in the"
                            + " URL");
        }
    }
}
