package io.cdp.core.loading;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import io.cdp.datagen.TabFormerGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabFormerLoaderTest {

    @Test
    void damagedRowsAreReportedWithLineNumbersAndTheRestLoads(@TempDir Path dir) throws Exception {
        new TabFormerGenerator(new TabFormerGenerator.Options(20, 9, LocalDate.of(2019, 1, 1), 30)).write(dir);
        Path txFile = dir.resolve("transactions.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(txFile));
        int total = lines.size() - 1;
        lines.set(4, damage(lines.get(4), f -> f.set(6, "$12.x4"))); // bad amount, line 5
        lines.set(9, damage(lines.get(9), f -> f.remove(11))); // a column missing, line 10
        lines.set(14, damage(lines.get(14), f -> {
            f.set(3, "2");
            f.set(4, "30");
        })); // Feb 30, line 15
        Files.write(txFile, lines);
        // the users file as a spreadsheet saves it: CRLF and "$29,278 " money
        Path users = dir.resolve("users.csv");
        String crlf = Files.readString(users)
                .replaceAll("\\$([0-9]+)([0-9]{3}),", "\"\\$$1,$2 \",")
                .replace("\n", "\r\n");
        Files.writeString(users, crlf);

        List<Customer> customers = new ArrayList<>();
        List<Transaction> txs = new ArrayList<>();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        TabFormerLoader.Summary summary;
        try (RejectReport rejects = new RejectReport(dir.resolve("out/rejects.jsonl"))) {
            summary = new TabFormerLoader(sink(customers, new ArrayList<>(), txs), rejects, new PrintStream(progress))
                    .load(TabFormerLoader.Files3.find(dir));
            assertThat(rejects.rejects()).extracting(RejectReport.Reject::line).containsExactly(5L, 10L, 15L);
            assertThat(rejects.rejects())
                    .extracting(RejectReport.Reject::reason)
                    .containsExactly(
                            "Amount is not a money amount",
                            "expected 15 columns, found 14",
                            "impossible date or time in Year/Month/Day/Time");
        }
        assertThat(summary.users()).isEqualTo(20);
        assertThat(customers.get(3).customerId()).isEqualTo("3");
        assertThat(customers).allMatch(c -> c.yearlyIncome().signum() > 0);
        assertThat(summary.transactions()).isEqualTo(total - 3);
        assertThat(summary.rejected()).isEqualTo(3);
        assertThat(summary.line())
                .isEqualTo("loaded users=20 cards=" + summary.cards() + " transactions=" + (total - 3) + " rejected=3");
        String report = Files.readString(dir.resolve("out/rejects.jsonl"), StandardCharsets.UTF_8);
        assertThat(report).contains("\"file\":\"transactions.csv\",\"line\":5,");
        assertThat(report.lines()).hasSize(3);
    }

    @Test
    void rejectReportNeverEchoesPersonalData(@TempDir Path dir) throws Exception {
        new TabFormerGenerator(new TabFormerGenerator.Options(5, 9, LocalDate.of(2019, 1, 1), 5)).write(dir);
        Path users = dir.resolve("users.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(users));
        String name = lines.get(2).split(",")[0];
        lines.set(2, lines.get(2).replaceFirst(",[0-9]+,([0-9]+,[0-9]+,[0-9]+,)", ",old,$1"));
        Files.write(users, lines);
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"))) {
            new TabFormerLoader(
                            sink(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()),
                            rejects,
                            new PrintStream(PrintStream.nullOutputStream()))
                    .load(TabFormerLoader.Files3.find(dir));
            assertThat(rejects.count()).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("rejects.jsonl")))
                .contains("Current Age is not an integer")
                .doesNotContain(name);
    }

    private static String damage(String line, java.util.function.Consumer<List<String>> edit) {
        // the damaged columns all come before the (possibly quoted) error list, so a plain split is safe
        List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
        edit.accept(fields);
        return String.join(",", fields);
    }

    /** A sink that keeps what it is given (also for {@link GeneratedDataLoadTest}). */
    static LoadSink sink(List<Customer> customers, List<Card> cards, List<Transaction> txs) {
        return new LoadSink() {
            public void customer(Customer c) {
                customers.add(c);
            }

            public void card(Card c) {
                cards.add(c);
            }

            public void transaction(Transaction t) {
                txs.add(t);
            }

            public void flush() {}
        };
    }
}
