package io.kinesisworkbook.emulator.dynamodb.expression;

import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.PATH_CONFLICT;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.PATH_OVERLAP;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.RESERVED_WORD;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.UNDEFINED_PLACEHOLDER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Parses projection expressions: {@code path (',' path)*}. */
final class ProjectionParser extends Parser {

    private static final List<Problems.Kind> ORDER = List.of(RESERVED_WORD, UNDEFINED_PLACEHOLDER, PATH_OVERLAP, PATH_CONFLICT);

    ProjectionParser(String text, ExpressionContext context) {
        super(text, "ProjectionExpression", context);
    }

    /** A projection has no keywords: every word names an attribute (and may be a reserved word). */
    @Override
    boolean isKeyword(Token token) {
        return false;
    }

    /** A projection names paths only: a function in it is a syntax error. */
    @Override
    Operand parseFunction() {
        throw syntaxError();
    }

    Projection parse() {
        PathChecker checker = new PathChecker(problems);
        List<DocumentPath> paths = new ArrayList<>();
        paths.add(parsePath());
        while (atSymbol(",")) {
            next();
            paths.add(parsePath());
        }
        expectEnd();
        paths.forEach(checker::add);
        problems.throwFirst(kind, ORDER);
        return new PathProjection(paths);
    }

    /** Projects the item onto a list of paths. */
    record PathProjection(List<DocumentPath> paths) implements Projection {
        PathProjection {
            paths = List.copyOf(paths);
        }

        @Override
        public ObjectNode apply(ObjectNode item) {
            return DocumentPath.project(item, paths);
        }
    }
}
