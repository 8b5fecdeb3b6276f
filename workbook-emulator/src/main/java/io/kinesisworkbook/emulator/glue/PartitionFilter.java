package io.kinesisworkbook.emulator.glue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * GetPartitions' {@code Expression}: a SQL-like filter on partition keys, e.g.
 * {@code year = '2024' AND month BETWEEN 1 AND 6 OR dt IN ('a', 'b')}. Keys of an integer type
 * compare as numbers, the others as text, as Glue compares them.
 *
 * <p>A small recursive-descent parser: {@code or := and (OR and)*}, {@code and := test (AND test)*},
 * {@code test := ( or ) | NOT test | key op value | key [NOT] IN (values) | key BETWEEN v AND v}.
 */
final class PartitionFilter {

    private final List<String> tokens;
    private final List<Column> keys;
    private int next;

    private PartitionFilter(List<String> tokens, List<Column> keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    /** The filter an expression describes; every partition passes a null or blank one. */
    static Predicate<List<String>> parse(String expression, List<Column> keys) {
        if (expression == null || expression.isBlank()) {
            return values -> true;
        }
        PartitionFilter parser = new PartitionFilter(tokenize(expression), keys);
        Predicate<List<String>> filter = parser.or();
        if (parser.next < parser.tokens.size()) {
            throw invalid(expression);
        }
        return filter;
    }

    private Predicate<List<String>> or() {
        Predicate<List<String>> left = and();
        while (accept("OR")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<List<String>> and() {
        Predicate<List<String>> left = test();
        while (accept("AND")) {
            left = left.and(test());
        }
        return left;
    }

    private Predicate<List<String>> test() {
        if (accept("(")) {
            Predicate<List<String>> inner = or();
            expect(")");
            return inner;
        }
        if (accept("NOT")) {
            return test().negate();
        }
        int key = keyIndex(take());
        boolean numeric = isNumeric(keys.get(key).type());
        boolean negated = accept("NOT");
        if (accept("IN")) {
            expect("(");
            List<String> values = new ArrayList<>(List.of(literal()));
            while (accept(",")) {
                values.add(literal());
            }
            expect(")");
            Predicate<List<String>> in = row -> values.stream().anyMatch(v -> compare(row.get(key), v, numeric) == 0);
            return negated ? in.negate() : in;
        }
        if (accept("BETWEEN")) {
            String low = literal();
            expect("AND");
            String high = literal();
            Predicate<List<String>> between = row -> compare(row.get(key), low, numeric) >= 0
                    && compare(row.get(key), high, numeric) <= 0;
            return negated ? between.negate() : between;
        }
        String operator = take();
        String value = literal();
        return switch (operator) {
            case "=" -> row -> compare(row.get(key), value, numeric) == 0;
            case "<>", "!=" -> row -> compare(row.get(key), value, numeric) != 0;
            case "<" -> row -> compare(row.get(key), value, numeric) < 0;
            case "<=" -> row -> compare(row.get(key), value, numeric) <= 0;
            case ">" -> row -> compare(row.get(key), value, numeric) > 0;
            case ">=" -> row -> compare(row.get(key), value, numeric) >= 0;
            default -> throw invalid(operator);
        };
    }

    private int keyIndex(String name) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw GlueErrors.invalidInput("Unknown column '" + name + "' in the partition filter expression.");
    }

    private String literal() {
        String token = take();
        return token.startsWith("'") ? token.substring(1, token.length() - 1).replace("''", "'") : token;
    }

    private static int compare(String value, String literal, boolean numeric) {
        if (numeric) {
            try {
                return new BigDecimal(value).compareTo(new BigDecimal(literal));
            } catch (NumberFormatException e) {
                return value.compareTo(literal);
            }
        }
        return value.compareTo(literal);
    }

    private static boolean isNumeric(String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return t.equals("int") || t.equals("integer") || t.equals("bigint") || t.equals("smallint")
                || t.equals("tinyint") || t.startsWith("decimal") || t.equals("double") || t.equals("float");
    }

    private boolean accept(String token) {
        if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(token)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw invalid(String.join(" ", tokens));
        }
    }

    private String take() {
        if (next >= tokens.size()) {
            throw invalid(String.join(" ", tokens));
        }
        return tokens.get(next++);
    }

    private static List<String> tokenize(String expression) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < expression.length() && (expression.charAt(end) != '\''
                        || (end + 1 < expression.length() && expression.charAt(end + 1) == '\'' && end++ >= 0))) {
                    end++;
                }
                if (end >= expression.length()) {
                    throw invalid(expression);
                }
                tokens.add(expression.substring(i, end + 1));
                i = end + 1;
            } else if ("(),".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if ("<>=!".indexOf(c) >= 0) {
                int end = i + 1;
                while (end < expression.length() && "<>=".indexOf(expression.charAt(end)) >= 0) {
                    end++;
                }
                tokens.add(expression.substring(i, end));
                i = end;
            } else {
                int end = i;
                while (end < expression.length() && !Character.isWhitespace(expression.charAt(end))
                        && "(),'<>=!".indexOf(expression.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(expression.substring(i, end).replace("`", ""));
                i = end;
            }
        }
        return tokens;
    }

    private static RuntimeException invalid(String expression) {
        return GlueErrors.invalidInput("Unsupported expression '" + expression + "'");
    }
}
