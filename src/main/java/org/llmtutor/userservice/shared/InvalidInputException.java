package org.llmtutor.userservice.shared;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule: names each bad field, in field order, with a detail that reads on its own. */
public class InvalidInputException extends DomainException {

    private final transient List<FieldProblem> problems;

    private InvalidInputException(List<FieldProblem> sorted) {
        super(Kind.INVALID, detail(sorted));
        this.problems = sorted;
    }

    public static InvalidInputException of(List<FieldProblem> problems) {
        return new InvalidInputException(problems.stream()
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
    }

    public static InvalidInputException of(String field, String message) {
        return of(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String detail(List<FieldProblem> sorted) {
        return sorted.isEmpty()
                ? "Validation failed"
                : "Validation failed: "
                        + sorted.stream()
                                .map(p -> p.field() + " " + p.message())
                                .collect(Collectors.joining("; "));
    }
}
