package org.llmtutor.userservice.quiz;

/**
 * A user's results summed up. With no results: count 0 and the rest null.
 *
 * @param average the mean score, unrounded
 * @param best the highest score
 * @param last the most recent result, in full
 */
public record QuizStats(long count, Double average, Double best, QuizResultRecord last) {}
