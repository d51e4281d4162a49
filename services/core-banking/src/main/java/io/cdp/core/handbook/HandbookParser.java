package io.cdp.core.handbook;

import io.cdp.core.tabformer.RowException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Rows of the handbook's CSVs ({@code ,TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,
 * TX_TIME_DAYS,TX_FRAUD,TX_FRAUD_SCENARIO}; the first, unnamed column is the pandas index).
 */
public final class HandbookParser {

    public static final List<String> COLUMNS = List.of(
            "",
            "TRANSACTION_ID",
            "TX_DATETIME",
            "CUSTOMER_ID",
            "TERMINAL_ID",
            "TX_AMOUNT",
            "TX_TIME_SECONDS",
            "TX_TIME_DAYS",
            "TX_FRAUD",
            "TX_FRAUD_SCENARIO");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT); // SMART would turn June 31 into June 30

    private HandbookParser() {}

    public static void checkHeader(List<String> header) throws RowException {
        if (!header.equals(COLUMNS)) {
            throw new RowException("header is not the handbook's " + String.join(",", COLUMNS));
        }
    }

    public static HandbookTransaction parse(List<String> f) throws RowException {
        if (f.size() != COLUMNS.size()) {
            throw new RowException("expected " + COLUMNS.size() + " columns, found " + f.size());
        }
        try {
            LocalDateTime time = LocalDateTime.parse(f.get(2), TIME);
            BigDecimal amount = new BigDecimal(f.get(5));
            int fraud = Integer.parseInt(f.get(8));
            if (fraud != 0 && fraud != 1) {
                throw new RowException("TX_FRAUD is not 0/1");
            }
            return new HandbookTransaction(
                    Long.parseLong(f.get(1)),
                    time,
                    Long.parseLong(f.get(3)),
                    Long.parseLong(f.get(4)),
                    amount,
                    fraud == 1,
                    Integer.parseInt(f.get(9)));
        } catch (DateTimeParseException e) {
            throw new RowException("TX_DATETIME is not yyyy-MM-dd HH:mm:ss");
        } catch (NumberFormatException e) {
            throw new RowException("a numeric column is not a number");
        }
    }
}
