package io.cdp.core.tabformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.events.payload.Channel;
import io.cdp.features.csv.Csv;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabFormerParserTest {

    private static TabFormerParser transactions() throws RowException {
        return TabFormerParser.transactions(TabFormerParser.TRANSACTION_COLUMNS);
    }

    @Test
    void readsUsersInBothMoneyFormatsWithCrlfAndRowNumberAsId() throws RowException {
        TabFormerParser users = TabFormerParser.users(Csv.split(String.join(",", TabFormerParser.USER_COLUMNS) + "\r"));
        Customer spreadsheet = users.customer(
                Csv.split(
                        "Ada Tester,53,66,1966,11,Female,1 Test Lane,,La Verne,CA,91750,34.15,-117.76,\"$29,278 \",\"$59,696 \",\"$127,613 \",787,5\r"),
                0);
        Customer original = users.customer(
                Csv.split(
                        "Bo Tester,40,65,1979,1,Male,2 Test Lane,4,Boston,MA,2108,42.36,-71.06,$29278,$59696,$127613,701,2"),
                7);
        assertThat(spreadsheet.customerId()).isEqualTo("0");
        assertThat(spreadsheet.yearlyIncome()).isEqualByComparingTo("59696");
        assertThat(spreadsheet.ficoScore()).isEqualTo(787);
        assertThat(original.customerId()).isEqualTo("7");
        assertThat(original.perCapitaIncome()).isEqualByComparingTo("29278");
        assertThat(original.zipcode()).isEqualTo("02108");
        assertThat(original.apartment()).isEqualTo("4");
    }

    @Test
    void everyCustomerGetsAFictionalPhoneFromTheColumnOrMadeFromTheId() throws RowException {
        String row =
                "Ada Tester,53,66,1966,11,Female,1 Test Lane,,La Verne,CA,91750,34.15,-117.76,$29278,$59696,$127613,787,5";
        TabFormerParser tabFormer = TabFormerParser.users(TabFormerParser.USER_COLUMNS);
        String made = tabFormer.customer(Csv.split(row), 42).phone();
        assertThat(made)
                .matches(TabFormerParser.FICTIONAL_PHONE)
                .isEqualTo(tabFormer.customer(Csv.split(row), 42).phone())
                .isNotEqualTo(tabFormer.customer(Csv.split(row), 43).phone());

        TabFormerParser generated = TabFormerParser.users(
                Csv.split(String.join(",", TabFormerParser.USER_COLUMNS) + "," + TabFormerParser.PHONE_COLUMN));
        assertThat(generated.customer(Csv.split(row + ",+14155550137"), 0).phone())
                .isEqualTo("+14155550137");
        // a number outside the fictional block (or anything else) is a rejected row, never loaded
        for (String bad : List.of("+14155550237", "+14155551234", "4155550137", "", "+1415555013x")) {
            assertThatThrownBy(() -> generated.customer(Csv.split(row + "," + bad), 0))
                    .as(bad)
                    .isInstanceOf(RowException.class)
                    .hasMessageContaining("Phone");
        }
    }

    @Test
    void readsTransactionsWithRefundsFloatZipsForeignMerchantsAndQuotedErrors() throws RowException {
        TabFormerParser p = transactions();
        Transaction refund = p.transaction(Csv.split(
                "0,0,2002,9,1,06:21,$-25.00,Swipe Transaction,3527213246127876953,La Verne,CA,91750.0,5300,,No"));
        Transaction foreign = p.transaction(Csv.split(
                "0,0,2003,2,24,13:02,$7.52,Chip Transaction,-727612092139916043,Zurich,Switzerland,,5411,,No"));
        Transaction errors = p.transaction(
                Csv.split(
                        "0,0,2003,12,28,12:54,$10.45,Online Transaction,-4500542936415012428,ONLINE,,,5814,\"Bad PIN,Insufficient Balance,\",Yes"));
        assertThat(refund.amount()).isEqualByComparingTo(new BigDecimal("-25.00"));
        assertThat(refund.merchantZip()).isEqualTo("91750");
        assertThat(foreign.merchantState()).isEqualTo("Switzerland");
        assertThat(foreign.merchantZip()).isNull();
        assertThat(foreign.channel()).isEqualTo(Channel.CHIP);
        assertThat(errors.errors()).containsExactly("Bad PIN", "Insufficient Balance");
        assertThat(errors.fraud()).isTrue();
        assertThat(errors.merchantState()).isNull();
    }

    @Test
    void transactionsInTheSameMinuteGetDistinctDeterministicIds() throws RowException {
        TabFormerParser p = transactions();
        String row =
                "3,1,2010,1,15,13:37,$71.84,Swipe Transaction,-5475680618560174533,Monterey Park,CA,91755.0,5942,,No";
        Transaction first = p.transaction(Csv.split(row));
        Transaction second = p.transaction(Csv.split(row));
        assertThat(first.transactionId()).isEqualTo("tx-3-1-201001151337-0");
        assertThat(second.transactionId()).isEqualTo("tx-3-1-201001151337-1");
        assertThat(first.txKey()).isEqualTo("2010-01-15T13:37#000");
        assertThat(transactions().transaction(Csv.split(row)).transactionId()).isEqualTo(first.transactionId());
    }

    @Test
    void rejectsBadAmountImpossibleDateAndMissingColumnWithoutEchoingValues() throws RowException {
        TabFormerParser p = transactions();
        assertThatThrownBy(() ->
                        p.transaction(Csv.split("0,0,2002,9,1,06:21,$12.x4,Swipe Transaction,1,X,CA,91750.0,5300,,No")))
                .hasMessage("Amount is not a money amount");
        assertThatThrownBy(() ->
                        p.transaction(Csv.split("0,0,2002,2,30,06:21,$1.00,Swipe Transaction,1,X,CA,91750.0,5300,,No")))
                .hasMessageContaining("impossible date");
        assertThatThrownBy(() -> p.transaction(Csv.split("0,0,2002,2,3,06:21,$1.00,Swipe Transaction,1,X,CA,5300,,No")))
                .hasMessage("expected 15 columns, found 14");
        TabFormerParser cards = TabFormerParser.cards(TabFormerParser.CARD_COLUMNS);
        assertThatThrownBy(() -> cards.card(
                        Csv.split("0,0,Visa,Debit,43446765x1950444,12/2022,623,YES,2,$24295,09/2002,2008,No")))
                .hasMessage("Card Number is not 12-19 digits")
                .hasMessageNotContaining("4344");
    }

    @Test
    void headerWithoutARequiredColumnIsRefused() {
        assertThatThrownBy(() -> TabFormerParser.cards(List.of("User", "CARD INDEX")))
                .hasMessageContaining("Card Brand");
    }
}
