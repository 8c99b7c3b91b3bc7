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

    private RecordedTimes() {
    }

    public static OffsetDateTime withOffset(LocalDateTime local) {
        return local == null ? null : local.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    public static OffsetDateTime withOffset(Timestamp timestamp) {
        return timestamp == null ? null : withOffset(timestamp.toLocalDateTime());
    }
}
