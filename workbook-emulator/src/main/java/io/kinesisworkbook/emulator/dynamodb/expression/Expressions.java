package io.kinesisworkbook.emulator.dynamodb.expression;

/**
 * Parses DynamoDB's expressions. Every error is AWS's ValidationException with AWS's words, such as
 * {@code Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "="}.
 */
public final class Expressions {

    private Expressions() {
    }

    /** @param kind "ConditionExpression" or "FilterExpression", as AWS names it in errors */
    public static Condition condition(String text, ExpressionContext context, String kind) {
        return new ConditionParser(text, kind, context).parse();
    }

    public static Update update(String text, ExpressionContext context) {
        return new UpdateParser(text, context).parse();
    }

    public static Projection projection(String text, ExpressionContext context) {
        return new ProjectionParser(text, context).parse();
    }

    public static KeyCondition keyCondition(String text, ExpressionContext context) {
        ConditionNode condition = new ConditionParser(text, "KeyConditionExpression", context).parse();
        return new KeyConditions(KeyConditionAnalyzer.analyze(condition));
    }
}
