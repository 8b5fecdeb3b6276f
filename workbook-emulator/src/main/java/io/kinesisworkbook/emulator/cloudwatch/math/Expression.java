package io.kinesisworkbook.emulator.cloudwatch.math;

import java.util.List;

/** A parsed metric math expression: what {@link ExpressionParser} builds and {@link Evaluator} computes. */
public sealed interface Expression {

    record Number(double value) implements Expression {
    }

    record Text(String value) implements Expression {
    }

    /** Another query's result, by its {@code Id}. */
    record Reference(String id) implements Expression {
    }

    record Negation(Expression operand) implements Expression {
    }

    record Not(Expression operand) implements Expression {
    }

    record Binary(String operator, Expression left, Expression right) implements Expression {
    }

    record Call(String function, List<Expression> arguments) implements Expression {
    }

    /** {@code [m1, m2]}: several series at once. */
    record Array(List<Expression> elements) implements Expression {
    }
}
