package io.cdp.core.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.core.tabformer.RowException;
import io.cdp.features.csv.Csv;
import org.junit.jupiter.api.Test;

class HandbookParserTest {

    @Test
    void readsAHandbookRowWithItsPandasIndexAndScenario() throws RowException {
        HandbookParser.checkHeader(
                Csv.split(
                        ",TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,TX_TIME_DAYS,TX_FRAUD,TX_FRAUD_SCENARIO"));
        HandbookTransaction t =
                HandbookParser.parse(Csv.split("11,12,2018-06-18 00:00:15,1263,145,32.27,6739215,78,1,2"));
        assertThat(t.transactionId()).isEqualTo(12);
        assertThat(t.customerId()).isEqualTo(1263);
        assertThat(t.terminalId()).isEqualTo(145);
        assertThat(t.amount()).isEqualByComparingTo("32.27");
        assertThat(t.fraud()).isTrue();
        assertThat(t.fraudScenario()).isEqualTo(2);
        assertThat(t.cardId()).isEqualTo("hb-1263:0");
        assertThat(t.txKey()).isEqualTo("2018-06-18T00:00:15#12");
    }

    @Test
    void rejectsBadRowsAndForeignHeaders() {
        assertThatThrownBy(() -> HandbookParser.parse(Csv.split("1,2,2018-06-31 00:00:15,1,1,3.0,1,1,0,0")))
                .hasMessageContaining("TX_DATETIME");
        assertThatThrownBy(() -> HandbookParser.parse(Csv.split("1,2,2018-06-18 00:00:15,1,1,x,1,1,0,0")))
                .hasMessageContaining("numeric");
        assertThatThrownBy(() -> HandbookParser.parse(Csv.split("1,2,2018-06-18 00:00:15,1,1,3.0,1,1,2,0")))
                .hasMessageContaining("TX_FRAUD");
        assertThatThrownBy(() -> HandbookParser.checkHeader(Csv.split("User,Card")))
                .isInstanceOf(RowException.class);
    }
}
