package io.kinesisworkbook.emulator.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentPathAndTokensTest {

    @Test
    void pathsPrintAsWrittenAndAsAwsDescribesThem() {
        DocumentPath path = new DocumentPath(List.of(new DocumentPath.Name("a"), new DocumentPath.Name("b"),
                new DocumentPath.Index(2), new DocumentPath.Name("c")));
        assertThat(path.toString()).isEqualTo("a.b[2].c");
        assertThat(path.describe()).isEqualTo("[a, b, [2], c]");
        assertThat(path.topLevelName()).isEqualTo("a");
        assertThat(path.isNested()).isTrue();
        assertThat(DocumentPath.of("x").isNested()).isFalse();
    }

    @Test
    void tokenizerSplitsPlaceholdersWordsAndSymbols() {
        assertThat(Tokenizer.tokenize("#a.b[10] <>:v_1 >=size(x)!").stream().map(Token::text).toList())
                .containsExactly("#a", ".", "b", "[", "10", "]", "<>", ":v_1", ">=", "size", "(", "x", ")", "!", "<EOF>");
        assertThat(Tokenizer.tokenize("# :").stream().map(Token::kind).toList())
                .containsExactly(Token.Kind.SYMBOL, Token.Kind.SYMBOL, Token.Kind.END);
    }

    @Test
    void reservedWordsAreTheDeveloperGuidesList() {
        assertThat(ReservedWords.count()).isEqualTo(573);
        assertThat(ReservedWords.isReserved("status")).isTrue();
        assertThat(ReservedWords.isReserved("Zone")).isTrue();
        assertThat(ReservedWords.isReserved("pk")).isFalse();
    }
}
