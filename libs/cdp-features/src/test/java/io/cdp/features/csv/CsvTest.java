package io.cdp.features.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsKeepTheirCommasAndDoubledQuotesUnescape() {
        assertThat(Csv.split("0,Visa,\"$29,278 \",\"Bad PIN,Insufficient Balance,\",\"say \"\"hi\"\"\",No"))
                .containsExactly("0", "Visa", "$29,278 ", "Bad PIN,Insufficient Balance,", "say \"hi\"", "No");
    }

    @Test
    void aTrailingCrIsDroppedAndEmptyFieldsStay() {
        assertThat(Csv.split("a,,c,\r")).containsExactly("a", "", "c", "");
        assertThat(Csv.split("\"x\r\"\r")).containsExactly("x\r");
        assertThat(Csv.split("")).containsExactly("");
    }

    @Test
    void anOpenQuoteIsAMalformedLine() {
        assertThat(Csv.split("0,\"$29,278 ,No")).isNull();
        assertThat(Csv.split("0,\"a\"\"")).isNull();
        assertThatThrownBy(() -> Csv.splitStrict("0,\"open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unbalanced quotes");
    }
}
