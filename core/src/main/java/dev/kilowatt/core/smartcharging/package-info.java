/**
 * OCPP 1.6 Smart Charging as pure computation: the installed charging profiles
 * ({@link dev.kilowatt.core.smartcharging.ChargingProfiles}), the composite schedule they give a connector, the
 * current it may offer now, and a text chart of a schedule ({@link dev.kilowatt.core.smartcharging.ScheduleChart}).
 * Nothing here keeps time, stores or sends: the domain feeds in the clock, the running transaction and the
 * connector's rating, and saves {@link dev.kilowatt.core.smartcharging.ChargingProfiles#installed()}.
 *
 * <p>How profiles combine (spec 3.13, 5.16). At each instant, within each purpose the valid profile with the
 * highest stack level whose schedule covers the instant prevails; one whose schedule is over (duration, cut at the
 * recurrence period) lets the next lower one through. For a transaction the connector's TxProfile prevails over
 * TxDefaultProfiles, and a TxDefaultProfile installed on the connector over one installed on connector 0 for all
 * connectors, each only while it has a period in effect. The limit is the least of the ChargePointMaxProfile, the
 * transaction's profile and the connector's rating. Absolute schedules start at startSchedule, Recurring ones repeat
 * daily or weekly from startSchedule (never before it), Relative ones start with the transaction, or, with none
 * running, at the moment asked about. validTo is exclusive. Times count in whole seconds.
 *
 * <p>Where the spec leaves room, this package reads it so:
 * <ul>
 *   <li>Phases: the connector's phases, reduced to the numberPhases of the prevailing periods that give one; W and A
 *       convert with the nominal voltage times those phases. Each composite period states its phases.
 *   <li>minChargingRate of the transaction's schedule: the EV cannot charge below it, so a lower limit becomes 0 (no
 *       charging) rather than an offer the EV cannot use. The composite schedule carries no minChargingRate itself.
 *   <li>Connector 0: its composite is the ChargePointMaxProfile capped by the rating given, which should be the
 *       charge point's. A connector's composite is capped by the whole ChargePointMaxProfile, which is exact for one
 *       connector; sharing it among several is left to the caller.
 *   <li>Limits are rounded down to 0.1, the resolution of the message schema, so rounding never raises one.
 *   <li>A recurrencyKind on a profile that is not Recurring, and a transactionId on one that is not a TxProfile,
 *       are ignored.
 * </ul>
 */
package dev.kilowatt.core.smartcharging;
