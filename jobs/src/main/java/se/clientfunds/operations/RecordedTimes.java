package se.clientfunds.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When things were recorded: Spring Batch's executions and our operator actions and files are stamped with this process's
 * wall clock in the JVM's zone (the database's local time), not with the business clock a test or demo may fix. Read
 * them here, shown in the business clock's zone.
 */
public final class RecordedTimes {

    /** The wall clock records are stamped with. */
    public static final Clock WALL_CLOCK = Clock.systemDefaultZone();

    private RecordedTimes() {
    }

    /** A recorded timestamp in {@code zone}; null stays null. */
    public static ZonedDateTime in(Timestamp timestamp, ZoneId zone) {
        return timestamp == null ? null : timestamp.toLocalDateTime().atZone(ZoneId.systemDefault()).withZoneSameInstant(zone);
    }
}
