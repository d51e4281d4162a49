package io.cdp.trainer.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void flagsTakeNoValueAndOptionsStillDo() {
        Args args = new Args(
                new String[] {"--data", "dir", "--validation-only", "--folds=4"},
                Set.of("data", "folds"),
                Set.of("validation-only"));
        assertThat(args.has("validation-only")).isTrue();
        assertThat(args.require("data")).isEqualTo("dir");
        assertThat(args.getInt("folds", 3)).isEqualTo(4);
        assertThat(new Args(new String[] {"--data", "dir"}, Set.of("data"), Set.of("validation-only"))
                        .has("validation-only"))
                .isFalse();
    }

    @Test
    void unknownNamesFailLoudly() {
        assertThatThrownBy(() -> new Args(new String[] {"--validation-only"}, Set.of("data")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> new Args(new String[] {"--valid"}, Set.of("data"), Set.of("validation-only")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
