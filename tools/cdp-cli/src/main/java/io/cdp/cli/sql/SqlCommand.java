package io.cdp.cli.sql;

import io.cdp.aws.AwsClients;
import io.cdp.cli.CliAws;
import io.cdp.lake.LakeTables;
import io.cdp.lake.sql.LakeSql;
import io.cdp.lake.sql.NamedQueries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./cdp sql "SELECT ..."}, {@code ./cdp sql --named fraud-by-day}, {@code ./cdp sql --list}: SQL over the
 * namespace's lake (the Glue tables' names and columns) and its alerts and customer profiles, printed as a table
 * (libs/cdp-lake-sql).
 */
@Command(
        name = "sql",
        description = "SQL over the lake with DuckDB, the Glue tables' names and columns (\"SELECT ...\" | --named NAME"
                + " | --list)")
public final class SqlCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "the query")
    String sql;

    @Option(names = "--named", description = "run a shipped query by name (--list shows them)")
    String named;

    @Option(names = "--list", description = "the named queries and the tables with their columns")
    boolean list;

    @Override
    public Integer call() {
        if (list) {
            System.out.println("named queries (./cdp sql --named NAME):");
            NamedQueries.ALL.forEach(q -> System.out.printf("  %-16s %s%n", q.name(), q.description()));
            System.out.println("tables:");
            for (LakeTables.Table t : LakeTables.ALL) {
                System.out.printf(
                        "  %-20s %s (partitions %s)%n",
                        t.name(),
                        t.columns().stream().map(LakeTables.Column::name).toList(),
                        t.partitions());
            }
            System.out.println("  alerts               [transaction_id, alert_id, customer_token, state, channels,"
                    + " fallback, answer_channel, reason, updated_at, sms_text] (DynamoDB)");
            System.out.println("  customer_profiles    [customer_token, segment, clv, risk, erased] (DynamoDB)");
            return 0;
        }
        if ((sql == null) == (named == null)) {
            System.err.println("cdp sql: give a query or --named NAME (./cdp sql --list shows the names)");
            return 2;
        }
        AwsClients aws = CliAws.clients();
        try (LakeSql lake = LakeSql.open(aws.s3(), aws.dynamoDb(), CliAws.names())) {
            System.out.print((named != null ? lake.named(named) : lake.query(sql)).format());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("cdp sql: " + e.getMessage());
            return 1;
        }
    }
}
