package se.clientfunds.jobs;

/** Text cut to the width of the VARCHAR column it goes into; a longer value would make the database refuse the row. */
public final class ColumnText {

    private ColumnText() {
    }

    /** The text, or its first {@code length} characters; null stays null. */
    public static String fit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
