package io.cdp.transformer.features;

import io.cdp.features.labels.LabelFeatureTable;
import io.cdp.features.labels.LabelFeatureTableBuilder;
import io.cdp.features.labels.LabelledEvent;
import io.cdp.features.tabformer.TabFormerContext;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The MCC risk tables the batch side builds once a day (labels older than the delay only), as the stream uses them:
 * a transaction of day D reads the table as of D, or the newest older one when D's is not built yet. An older table
 * knows fewer labels, never more, so falling back cannot leak a label the bank did not have on day D.
 *
 * <p>Stored beside the models as {@code labels/mcc/<asOfDay>.tsv} in {@link LabelFeatureTable}'s text form.
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

    public Collection<LabelFeatureTable> tables() {
        return byDay.values();
    }

    public void publish(S3Client s3, String bucket) {
        for (LabelFeatureTable table : byDay.values()) {
            StringWriter text = new StringWriter();
            try {
                table.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            s3.putObject(b -> b.bucket(bucket).key(PREFIX + table.asOfDay() + ".tsv").contentType("text/tab-separated-values"),
                    RequestBody.fromString(text.toString(), StandardCharsets.UTF_8));
        }
    }

    public static MccRiskTables load(S3Client s3, String bucket) {
        List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX)).contents().stream()
                .map(S3Object::key).filter(k -> k.endsWith(".tsv")).toList();
        List<LabelFeatureTable> tables = keys.stream().map(key -> {
            try (var in = s3.getObject(b -> b.bucket(bucket).key(key))) {
                return LabelFeatureTable.read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read label table " + key, e);
            }
        }).toList();
        return new MccRiskTables(tables);
    }
}
