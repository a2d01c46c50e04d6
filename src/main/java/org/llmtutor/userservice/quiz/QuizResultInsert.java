package org.llmtutor.userservice.quiz;

/** Storing a result: the JSON column needs a binding of its own on each database. */
interface QuizResultInsert {

    void insert(QuizResult result);
}
