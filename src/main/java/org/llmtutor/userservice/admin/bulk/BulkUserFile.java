package org.llmtutor.userservice.admin.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.llmtutor.userservice.admin.AdminException;
import org.llmtutor.userservice.admin.Arguments;
import org.llmtutor.userservice.user.PasswordPolicy;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.UsernamePolicy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk input file: a JSON array of {@code {"username", "password", "role"?}}, the shape of the Python scripts'
 * {@code users_to_create.json}. Every entry is checked before anything is written, and every problem is reported with
 * the entry's (zero-based) index.
 */
public final class BulkUserFile {

    public record Entry(int index, String username, String password, Role role) {}

    /** The whole file's entries, or every problem found in it. */
    public record Parsed(List<Entry> entries, List<String> problems) {}

    private BulkUserFile() {}

    /** For bulk create: usernames and passwords must pass the API's rules, the role is optional, no name twice. */
    public static Parsed forCreate(Path file, JsonMapper json) {
        return parse(file, json, true);
    }

    /** For bulk delete: only {@code username} is read (existing names are matched as stored, whatever they contain). */
    public static Parsed forDelete(Path file, JsonMapper json) {
        return parse(file, json, false);
    }

    private static Parsed parse(Path file, JsonMapper json, boolean create) {
        JsonNode root = read(file, json);
        if (!root.isArray()) {
            throw new AdminException(
                    file + ": expected a JSON array of {\"username\", \"password\", \"role\"} objects");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            if (!node.isObject()) {
                problems.add(at(i, null, "not a JSON object"));
                continue;
            }
            String username = text(node, "username");
            List<String> wrong = new ArrayList<>();
            if (username == null || username.isEmpty()) {
                wrong.add("username must be a non-empty string");
            } else if (create) {
                UsernamePolicy.violation(username).ifPresent(wrong::add);
            }
            String password = null;
            Role role = Role.USER;
            if (create) {
                password = text(node, "password");
                if (password == null) {
                    wrong.add("password must be a string");
                } else {
                    PasswordPolicy.violation(password).ifPresent(wrong::add);
                }
                JsonNode roleNode = node.get("role");
                if (roleNode != null && !roleNode.isNull()) {
                    Optional<Role> parsed =
                            roleNode.isString() ? Arguments.findRole(roleNode.asString()) : Optional.empty();
                    if (parsed.isEmpty()) {
                        wrong.add("role must be one of " + Arguments.ROLES);
                    } else {
                        role = parsed.get();
                    }
                }
            }
            if (username != null && !username.isEmpty() && create) {
                Integer first = seen.putIfAbsent(username, i);
                if (first != null) {
                    wrong.add("duplicate of entry [" + first + "]");
                }
            }
            if (wrong.isEmpty()) {
                entries.add(new Entry(i, username, password, role));
            } else {
                problems.add(at(i, username, String.join("; ", wrong)));
            }
        }
        return new Parsed(entries, problems);
    }

    private static JsonNode read(Path file, JsonMapper json) {
        try {
            return json.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new AdminException("no such file: " + file);
        } catch (IOException e) {
            throw new AdminException("cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new AdminException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static String at(int index, String username, String problem) {
        return "entry [" + index + "]" + (username == null || username.isEmpty() ? "" : " (" + username + ")") + ": "
                + problem;
    }
}
