package io.kinesisworkbook.emulator.dynamodb.expression;

import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the expression parsers share: a cursor over the tokens, AWS's syntax errors, and document
 * paths and placeholders, which every kind of expression writes the same way.
 */
abstract class Parser {

    /** The longest expression AWS accepts, in UTF-8 bytes. */
    static final int MAX_EXPRESSION_BYTES = 4096;

    final String text;
    final String kind;
    final ExpressionContext context;
    final Problems problems = new Problems();
    private final List<Token> tokens;
    private int position;

    Parser(String text, String kind, ExpressionContext context) {
        if (text.isBlank()) {
            throw DynamoDbErrors.invalidExpression(kind, "The expression can not be empty;");
        }
        long size = Comparisons.utf8Length(text);
        if (size > MAX_EXPRESSION_BYTES) {
            throw DynamoDbErrors.invalidExpression(kind,
                    "Expression size has exceeded the maximum allowed size; expression size: " + size);
        }
        this.text = text;
        this.kind = kind;
        this.context = context;
        this.tokens = Tokenizer.tokenize(text);
    }

    /** Whether the word is a keyword of this grammar, so that it cannot name an attribute. */
    abstract boolean isKeyword(Token token);

    /** A function call, {@code name(operands)}: which functions there are depends on the expression's kind. */
    abstract Operand parseFunction();

    /** An operand: a {@code :value}, a function call, or a document path. */
    Operand parseOperand() {
        Token token = peek();
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            return parseValue();
        }
        if (token.kind() == Token.Kind.WORD && !isKeyword(token) && peekAfter().isSymbol("(")) {
            return parseFunction();
        }
        return new Operand.PathOperand(parsePath());
    }

    /** The kind under which an undefined {@code #name} is reported. */
    Problems.Kind undefinedNameKind() {
        return Problems.Kind.UNDEFINED_PLACEHOLDER;
    }

    /** The kind under which an undefined {@code :value} is reported. */
    Problems.Kind undefinedValueKind() {
        return Problems.Kind.UNDEFINED_PLACEHOLDER;
    }

    Token peek() {
        return tokens.get(position);
    }

    Token peekAfter() {
        return tokens.get(Math.min(position + 1, tokens.size() - 1));
    }

    Token next() {
        Token token = peek();
        if (token.kind() != Token.Kind.END) {
            position++;
        }
        return token;
    }

    boolean atSymbol(String symbol) {
        return peek().isSymbol(symbol);
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.END;
    }

    void expectSymbol(String symbol) {
        if (!atSymbol(symbol)) {
            throw syntaxError();
        }
        next();
    }

    void expectEnd() {
        if (!atEnd()) {
            throw syntaxError();
        }
    }

    /**
     * AWS's syntax error at the current token: {@code token: "b", near: "a b c"} quotes the text from
     * the token before to the token after; at the end, {@code token: "<EOF>"} is near the last token.
     */
    AwsServiceException syntaxError() {
        Token token = peek();
        String near;
        if (token.kind() == Token.Kind.END) {
            near = position == 0 ? "" : text.substring(tokens.get(position - 1).start(), tokens.get(position - 1).end());
        } else {
            int from = position > 0 ? tokens.get(position - 1).start() : token.start();
            Token after = tokens.get(position + 1);
            int to = after.kind() == Token.Kind.END ? token.end() : after.end();
            near = text.substring(from, to);
        }
        return DynamoDbErrors.invalidExpression(kind,
                "Syntax error; token: \"" + token.text() + "\", near: \"" + near + "\"");
    }

    /** Whether the current token starts a document path. */
    boolean atPath() {
        Token token = peek();
        return token.kind() == Token.Kind.NAME_PLACEHOLDER || (token.kind() == Token.Kind.WORD && !isKeyword(token));
    }

    /** {@code name ( '.' name | '[' digits ']' )*}, where a name is a word or a {@code #placeholder}. */
    DocumentPath parsePath() {
        List<DocumentPath.Element> elements = new ArrayList<>();
        elements.add(new DocumentPath.Name(pathName()));
        while (true) {
            if (atSymbol(".")) {
                next();
                elements.add(new DocumentPath.Name(pathName()));
            } else if (atSymbol("[")) {
                next();
                Token digits = peek();
                if (digits.kind() != Token.Kind.NUMBER || digits.text().length() > 9) {
                    throw syntaxError();
                }
                next();
                expectSymbol("]");
                elements.add(new DocumentPath.Index(Integer.parseInt(digits.text())));
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private String pathName() {
        if (!atPath()) {
            throw syntaxError();
        }
        Token token = next();
        if (token.kind() == Token.Kind.WORD) {
            if (ReservedWords.isReserved(token.text())) {
                problems.report(Problems.Kind.RESERVED_WORD,
                        "Attribute name is a reserved keyword; reserved keyword: " + token.text());
            }
            return token.text();
        }
        String name = context.name(token.text());
        if (name == null) {
            problems.report(undefinedNameKind(),
                    "An expression attribute name used in the document path is not defined; attribute name: "
                            + token.text());
            return token.text();
        }
        return name;
    }

    /** A {@code :placeholder} at the current token. */
    Operand.ValueOperand parseValue() {
        if (peek().kind() != Token.Kind.VALUE_PLACEHOLDER) {
            throw syntaxError();
        }
        Token token = next();
        var value = context.value(token.text());
        if (value == null) {
            problems.report(undefinedValueKind(),
                    "An expression attribute value used in expression is not defined; attribute value: " + token.text());
        }
        return new Operand.ValueOperand(token.text(), value);
    }

    /** AWS's words for two paths of one update or projection that overlap or conflict. */
    static final class PathChecker {
        private final List<DocumentPath> seen = new ArrayList<>();
        private final Problems problems;

        PathChecker(Problems problems) {
            this.problems = problems;
        }

        /**
         * A path that starts with another (or equals it) overlaps it; paths that agree up to a
         * step where one has a key and the other an index conflict.
         */
        void add(DocumentPath path) {
            for (DocumentPath earlier : seen) {
                String relation = relation(earlier, path);
                if (relation != null) {
                    problems.report(relation.equals("overlap") ? Problems.Kind.PATH_OVERLAP : Problems.Kind.PATH_CONFLICT,
                            "Two document paths " + relation + " with each other; must remove or rewrite one of these paths; path one: "
                                    + earlier.describe() + ", path two: " + path.describe());
                }
            }
            seen.add(path);
        }

        private static String relation(DocumentPath one, DocumentPath two) {
            List<DocumentPath.Element> a = one.elements();
            List<DocumentPath.Element> b = two.elements();
            for (int i = 0; i < a.size() && i < b.size(); i++) {
                if (a.get(i).getClass() != b.get(i).getClass()) {
                    return "conflict";
                }
                if (!a.get(i).equals(b.get(i))) {
                    return null;
                }
            }
            return "overlap";
        }
    }
}
