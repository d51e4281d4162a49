package io.cdp.lake.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A query's result, whole: column names and rows of values as JDBC gave them (strings, numbers, booleans, times). */
public record QueryResult(List<String> columns, List<List<@Nullable Object>> rows) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(Collections::unmodifiableList).toList();
    }

    static QueryResult of(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<@Nullable Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<@Nullable Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    /** The value of a column in a row, by column name. */
    public @Nullable Object get(int row, String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        return rows.get(row).get(index);
    }

    /** An aligned text table (numbers right-aligned, NULL for a null), with the row count under it. */
    public String format() {
        List<String[]> cells = new ArrayList<>();
        int[] width = new int[columns.size()];
        boolean[] numeric = new boolean[columns.size()];
        java.util.Arrays.fill(numeric, true);
        for (int c = 0; c < columns.size(); c++) {
            width[c] = columns.get(c).length();
        }
        for (List<@Nullable Object> row : rows) {
            String[] text = new String[row.size()];
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                text[c] = v == null ? "NULL" : v.toString();
                width[c] = Math.max(width[c], text[c].length());
                numeric[c] &= v == null || v instanceof Number;
            }
            cells.add(text);
        }
        StringBuilder out = new StringBuilder();
        line(out, columns.toArray(String[]::new), width, new boolean[columns.size()]);
        for (int c = 0; c < columns.size(); c++) {
            out.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        out.append('\n');
        for (String[] row : cells) {
            line(out, row, width, numeric);
        }
        out.append('(')
                .append(rows.size())
                .append(rows.size() == 1 ? " row)" : " rows)")
                .append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            line.append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
