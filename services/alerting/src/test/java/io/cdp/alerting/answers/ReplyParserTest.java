package io.cdp.alerting.answers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"YES", "yes", "Y", "y", " Yes! ", "yes it was me", "YSE", "yess", "yea", "Yep", "ues"})
    void yesAndItsSmallTypos(String reply) {
        assertThat(ReplyParser.parse(reply)).contains(Answer.YES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO", "no", "N", "n.", "No!!", "nope", "no that was not me", "Noo", "nO", "np"})
    void noAndItsSmallTypos(String reply) {
        assertThat(ReplyParser.parse(reply)).contains(Answer.NO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "STOP", "help", "what is this?", "maybe", "123", "yellow", "call me"})
    void anythingElseIsNoAnswer(String reply) {
        assertThat(ReplyParser.parse(reply)).isEmpty();
    }
}
