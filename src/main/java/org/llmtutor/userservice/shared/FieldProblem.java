package org.llmtutor.userservice.shared;

/** One bad field of a 422 answer: its JSON name (or path) and what is wrong with it. */
public record FieldProblem(String field, String message) {}
