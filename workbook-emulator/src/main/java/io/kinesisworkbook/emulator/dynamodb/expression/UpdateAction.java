package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;

/** One action of an UpdateExpression: {@code SET a = :v}, {@code REMOVE a}, {@code ADD a :v}, {@code DELETE a :v}. */
sealed interface UpdateAction {

    DocumentPath path();

    record SetAction(DocumentPath path, Operand value) implements UpdateAction {
    }

    record RemoveAction(DocumentPath path) implements UpdateAction {
    }

    /** Adds to a number or a set; the value is a number or a set. */
    record AddAction(DocumentPath path, JsonNode value) implements UpdateAction {
    }

    /** Takes elements out of a set; the value is a set. */
    record DeleteAction(DocumentPath path, JsonNode value) implements UpdateAction {
    }
}
