package io.cdp.features.online;

import io.cdp.features.labels.LabelFeatureTable;
import io.cdp.features.labels.LabelFeatureTableBuilder;
import io.cdp.features.labels.LabelledEvent;
import io.cdp.features.tabformer.TabFormerContext;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The MCC risk tables the batch side builds once a day (labels older than the delay only), as the stream uses them:
 * a transaction of day D reads the table as of D, or the newest older one when D's is not built yet. An older table
 * knows fewer labels, never more, so falling back cannot leak a label the bank did not have on day D.
 *
 * <p>Stored beside the models as {@code labels/mcc/<asOfDay>.tsv} in {@link LabelFeatureTable}'s text form
 * ({@link #objectKey}, {@link #text}, {@link #parse}); the model trainer's {@code MccRiskTableStore} moves them to and
 * from S3. Training, the stream transformer and the scoring API all read a transaction's MCC risk through
 * {@link #context()}, so the three see the same value.
 */
public final class MccRiskTables {

    public static final String PREFIX = "labels/mcc/";
    public static final String FAMILY = "mcc";
    public static final String COLUMN = "RISK_30DAY_WINDOW";
    public static final int DELAY_DAYS = 7;
    public static final int[] WINDOWS = {7, 30};

    private final NavigableMap<LocalDate, LabelFeatureTable> byDay;

    public MccRiskTables(Collection<LabelFeatureTable> tables) {
        TreeMap<LocalDate, LabelFeatureTable> map = new TreeMap<>();
        tables.forEach(t -> map.put(t.asOfDay(), t));
        this.byDay = map;
    }

    public static MccRiskTables none() {
        return new MccRiskTables(List.of());
    }

    public @Nullable LabelFeatureTable asOf(LocalDate day) {
        Map.Entry<LocalDate, LabelFeatureTable> e = byDay.floorEntry(day);
        return e == null ? null : e.getValue();
    }

    public int size() {
        return byDay.size();
    }

    /** Home and zip coordinates are personal data the CDP zone does not hold: distance stays "unknown" here. */
    public TabFormerContext context() {
        return new TabFormerContext(this::asOf, COLUMN, Map.of(), Map.of());
    }

    /** One table per day in [from, to], each from the labels it could have had on that day. */
    public static MccRiskTables build(List<LabelledEvent> history, LocalDate from, LocalDate to) {
        List<LabelFeatureTable> tables = from.datesUntil(to.plusDays(1))
                .map(day -> LabelFeatureTableBuilder.build(FAMILY, history, day, DELAY_DAYS, WINDOWS))
                .toList();
        return new MccRiskTables(tables);
    }

    /** {@link #build} from labelled transactions, keyed on their MCC. */
    public static MccRiskTables fromTransactions(List<OnlineTransaction> history, LocalDate from, LocalDate to) {
        return build(
                history.stream()
                        .map(tx -> new LabelledEvent(
                                Integer.toString(tx.mcc()),
                                LocalDateTime.ofInstant(tx.time(), ZoneOffset.UTC),
                                tx.fraudLabel()))
                        .toList(),
                from,
                to);
    }

    public Collection<LabelFeatureTable> tables() {
        return byDay.values();
    }

    /** Where a table is stored beside the models: {@code labels/mcc/<asOfDay>.tsv}. */
    public static String objectKey(LabelFeatureTable table) {
        return PREFIX + table.asOfDay() + ".tsv";
    }

    /** The stored text form of one table ({@link LabelFeatureTable#write}). */
    public static String text(LabelFeatureTable table) {
        StringWriter text = new StringWriter();
        try {
            table.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Reads one stored table back. */
    public static LabelFeatureTable parse(Reader text) {
        try {
            return LabelFeatureTable.read(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a label table", e);
        }
    }
}
