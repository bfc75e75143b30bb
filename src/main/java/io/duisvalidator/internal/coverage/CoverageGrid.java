package io.duisvalidator.internal.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One of the SEC's tables drawn as a coverage grid: SRVs down, the table's columns across (with up to three header
 * levels, e.g. sender / SMETS generation / mode for the TRT table), and in each cell the table's value and what a
 * corpus did to it. The one model that the html, json and text writers all render.
 *
 * <p>Built to be added to without rewriting it: a grid names the rule set it was drawn for (coverage per rule set
 * draws one grid per table and rule set), and each cell carries a list of {@link Mark}s that later analyses attach
 * with {@link #mark(String, Mark)} (e.g. "a mutant survived here"); every writer shows a cell's marks.
 *
 * @param id        stable id: {@code eligibility} or {@code trt}
 * @param title     the table's title as the auditor knows it
 * @param reference where the table comes from (MP162 section, DUIS matrix) and the project file that holds it
 * @param ruleSet   the rule set the grid was drawn for (name, version, digest)
 * @param rowHeader header of the SRV column
 * @param columns   the columns, left to right
 * @param rows      one row per SRV, top to bottom
 */
public record CoverageGrid(String id, String title, String reference, String ruleSet, String rowHeader,
                           List<Column> columns, List<Row> rows) {

    public CoverageGrid {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * @param key    stable key of the column, e.g. {@code MDR} or {@code EXISTING-S2-SCHEDULED}
     * @param header the column's header from the top level down, e.g. [existing User Roles, SMETS2, Scheduled]
     */
    public record Column(String key, List<String> header) {
        public Column {
            header = List.copyOf(header);
        }
    }

    /**
     * @param srv   the SRV (row key)
     * @param name  the SRV's name
     * @param cells one cell per column, in column order
     */
    public record Row(String srv, String name, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** What a corpus did to a cell; each has a one-character mark (text) and a symbol (html), so colour is never the only signal. */
    public enum Status {
        ACCEPTS('A', "\u2713", "exercised, every message accepted"),
        REJECTS('R', "\u2717", "exercised, every message rejected"),
        BOTH('B', "\u2713\u2717", "exercised, some messages accepted and some rejected"),
        NOT_EXERCISED('.', "\u25cb", "not exercised by this corpus (a message could reach it: add one)"),
        UNREACHABLE('U', "\u2298", "unreachable by construction (no schema-valid message reaches it; the reason is given)");

        private final char mark;
        private final String symbol;
        private final String meaning;

        Status(char mark, String symbol, String meaning) {
            this.mark = mark;
            this.symbol = symbol;
            this.meaning = meaning;
        }

        public char mark() { return mark; }

        public String symbol() { return symbol; }

        public String meaning() { return meaning; }

        /** The status of a reachable cell from its counts (messages with an ERROR outcome are in neither side). */
        static Status of(long accepted, long rejected, long exercised) {
            if (exercised == 0) return NOT_EXERCISED;
            if (accepted > 0 && rejected > 0) return BOTH;
            return rejected > 0 ? REJECTS : ACCEPTS;
        }
    }

    /**
     * Something a later analysis says about a cell.
     *
     * @param kind   short stable id of the analysis, e.g. {@code mutant-survived}
     * @param symbol one character shown in the cell (text and html)
     * @param text   what it means for this cell, one sentence
     */
    public record Mark(String kind, String symbol, String text) {}

    /**
     * @param column      key of the column the cell is in
     * @param requirement the requirement the cell is (rules/requirements.csv)
     * @param value       the table's value as the auditor reads it: yes / no, a TRT (e.g. "24 hrs") or N/A
     * @param note        the table's note for the cell (e.g. an MP162 footnote), or empty
     * @param source      where the cell's requirement comes from (the catalogue's source)
     * @param status      what the corpus did to it
     * @param exercised   messages that exercised its requirement
     * @param accepted    of which accepted
     * @param rejected    of which rejected
     * @param examples    up to three of those messages
     * @param reason      why no message reaches it (the requirement or schema fact), or null when one can
     * @param marks       what later analyses attached (empty unless one did)
     */
    public record Cell(String column, String requirement, String value, String note, String source, Status status,
                       long exercised, long accepted, long rejected, List<String> examples, String reason,
                       List<Mark> marks) {
        public Cell {
            examples = List.copyOf(examples);
            marks = List.copyOf(marks);
        }

        public Cell withMark(Mark m) {
            List<Mark> more = new ArrayList<>(marks);
            more.add(m);
            return new Cell(column, requirement, value, note, source, status, exercised, accepted, rejected, examples,
                    reason, more);
        }

        /** The footnote number of an MP162 note ("footnote 4: ..."), or empty. */
        public String footnote() {
            return note.startsWith("footnote ") ? note.substring(9).split("\\D", 2)[0] : "";
        }
    }

    /** This grid with {@code mark} added to the cell of {@code requirement} (unchanged when no cell is). */
    public CoverageGrid mark(String requirement, Mark mark) {
        return mapCells(c -> c.requirement().equals(requirement) ? c.withMark(mark) : c);
    }

    /** This grid with every cell replaced by {@code f} of it. */
    public CoverageGrid mapCells(Function<Cell, Cell> f) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) out.add(new Row(r.srv(), r.name(), r.cells().stream().map(f).toList()));
        return new CoverageGrid(id, title, reference, ruleSet, rowHeader, columns, out);
    }

    public List<Cell> cells() {
        return rows.stream().flatMap(r -> r.cells().stream()).toList();
    }

    public long count(Status s) {
        return cells().stream().filter(c -> c.status() == s).count();
    }

    /** True when the corpus exercised no cell of this grid (the writers then say so). */
    public boolean exercisedNothing() {
        return cells().stream().allMatch(c -> c.exercised() == 0);
    }

    /** Cell counts by status, in the enum's order (every status present, zero included). */
    public Map<Status, Long> counts() {
        Map<Status, Long> out = new java.util.EnumMap<>(Status.class);
        for (Status s : Status.values()) out.put(s, count(s));
        return out;
    }
}
