package io.kinesisworkbook.emulator.dynamodb.expression;

/** A token of an expression, with where it stands in the text (for AWS's "near:" in syntax errors). */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        /** A word: an attribute name, a keyword such as AND or SET, or a function name. */
        WORD,
        /** An expression attribute name, {@code #name}. */
        NAME_PLACEHOLDER,
        /** An expression attribute value, {@code :value}. */
        VALUE_PLACEHOLDER,
        /** Digits, as in a list index. */
        NUMBER,
        /** Punctuation and operators, and any character the grammar does not know. */
        SYMBOL,
        END
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Keywords are not case-sensitive: {@code and}, {@code And} and {@code AND} are one keyword. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }
}
