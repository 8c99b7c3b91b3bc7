package se.clientfunds.jobs;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Times the database recorded (a job's start, an operator's action) are local times of this machine's zone, which is
 * where the embedded database and the jobs run; reports print them with that zone's offset, so a reader elsewhere knows
 * what they mean.
 */
public final class RecordedTimes {

    /**
     * The wall clock records are stamped with: when it happened, not the business clock a test or demo may fix (Spring
     * Batch's executions, the operator actions and the files received are all stamped with it).
     */
    public static final java.time.Clock WALL_CLOCK = java.time.Clock.systemDefaultZone();

    private RecordedTimes() {
    }

    /** A recorded timestamp shown in {@code zone} (the business clock's); null stays null. */
    public static java.time.ZonedDateTime in(Timestamp timestamp, ZoneId zone) {
        return timestamp == null ? null : timestamp.toLocalDateTime().atZone(ZoneId.systemDefault()).withZoneSameInstant(zone);
    }

    public static OffsetDateTime withOffset(LocalDateTime local) {
        return local == null ? null : local.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    public static OffsetDateTime withOffset(Timestamp timestamp) {
        return timestamp == null ? null : withOffset(timestamp.toLocalDateTime());
    }
}
