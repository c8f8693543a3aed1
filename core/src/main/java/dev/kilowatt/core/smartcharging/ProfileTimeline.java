package dev.kilowatt.core.smartcharging;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.RecurrencyKindType;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one charging profile stands in time. Times are epoch seconds, the resolution of OCPP schedules;
 * {@code anchor} is where a Relative schedule starts (the transaction start, or the moment asked about
 * when no transaction runs). {@link Long#MAX_VALUE} stands for "never".
 */
final class ProfileTimeline {

  private static final long DAY = 86_400;
  private static final long WEEK = 7 * DAY;

  private ProfileTimeline() {
  }

  /** The period of the profile in effect at {@code t}; empty when the profile is not valid or its schedule does not cover {@code t}. */
  static Optional<ChargingSchedulePeriod> periodAt(ChargingProfile profile, long t, long anchor) {
    if (!valid(profile, t)) {
      return Optional.empty();
    }
    long start = cycleStart(profile, t, anchor);
    if (t < start || t - start >= span(profile)) {
      return Optional.empty();
    }
    long offset = t - start;
    ChargingSchedulePeriod current = null;
    for (ChargingSchedulePeriod period : profile.chargingSchedule().chargingSchedulePeriod()) {
      if (period.startPeriod() <= offset && (current == null || period.startPeriod() > current.startPeriod())) {
        current = period;
      }
    }
    return Optional.ofNullable(current);
  }

  /**
   * The first instant after {@code t} at which {@link #periodAt} may answer differently: a validity bound,
   * a period start, the end of the schedule's duration or the restart of a recurring schedule.
   */
  static long nextBoundaryAfter(ChargingProfile profile, long t, long anchor) {
    long next = Long.MAX_VALUE;
    next = earliestAfter(t, next, profile.validFrom().map(Instant::getEpochSecond).orElse(Long.MAX_VALUE));
    next = earliestAfter(t, next, profile.validTo().map(Instant::getEpochSecond).orElse(Long.MAX_VALUE));
    long start = cycleStart(profile, t, anchor);
    long span = span(profile);
    for (ChargingSchedulePeriod period : profile.chargingSchedule().chargingSchedulePeriod()) {
      if (period.startPeriod() < span) {
        next = earliestAfter(t, next, start + period.startPeriod());
      }
    }
    if (span != Long.MAX_VALUE) {
      next = earliestAfter(t, next, start + span);
    }
    long recurrence = recurrence(profile);
    if (recurrence != Long.MAX_VALUE) {
      next = earliestAfter(t, next, start + recurrence);
    }
    return next;
  }

  private static long earliestAfter(long t, long earliest, long candidate) {
    return candidate > t && candidate < earliest ? candidate : earliest;
  }

  private static boolean valid(ChargingProfile profile, long t) {
    return profile.validFrom().map(from -> t >= from.getEpochSecond()).orElse(true)
        && profile.validTo().map(to -> t < to.getEpochSecond()).orElse(true);
  }

  /**
   * Where the schedule (for a recurring one: its latest repetition) starts at {@code t}. A recurring schedule
   * repeats from its startSchedule onwards, never before it. Without a startSchedule a schedule counts from the
   * anchor, as the spec says of an absent startSchedule.
   */
  private static long cycleStart(ChargingProfile profile, long t, long anchor) {
    ChargingSchedule schedule = profile.chargingSchedule();
    long first = profile.chargingProfileKind() == ChargingProfileKindType.RELATIVE
        ? anchor
        : schedule.startSchedule().map(Instant::getEpochSecond).orElse(anchor);
    long recurrence = recurrence(profile);
    if (recurrence == Long.MAX_VALUE || t < first) {
      return first;
    }
    return first + Math.floorDiv(t - first, recurrence) * recurrence;
  }

  private static long recurrence(ChargingProfile profile) {
    if (profile.chargingProfileKind() != ChargingProfileKindType.RECURRING) {
      return Long.MAX_VALUE;
    }
    return profile.recurrencyKind().map(kind -> kind == RecurrencyKindType.DAILY ? DAY : WEEK).orElse(Long.MAX_VALUE);
  }

  /** How long one run of the schedule lasts: its duration, cut at the recurrence period (spec 5.16.4). */
  private static long span(ChargingProfile profile) {
    long duration = profile.chargingSchedule().duration().map(Integer::longValue).orElse(Long.MAX_VALUE);
    return Math.min(duration, recurrence(profile));
  }
}
