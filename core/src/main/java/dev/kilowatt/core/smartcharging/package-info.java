/**
 * OCPP 1.6 Smart Charging: the installed charging profiles
 * ({@link dev.kilowatt.core.smartcharging.ChargingProfiles}), the composite schedule they give a connector, the
 * division of the grid limit among the connectors, and a text chart of a schedule
 * ({@link dev.kilowatt.core.smartcharging.ScheduleChart}). {@link dev.kilowatt.core.smartcharging.SmartCharging}
 * answers the calls on the event loop, saves the profiles and keeps the last division; the rest is pure computation
 * on the clock, the running transactions and the connectors' ratings it is fed.
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
 *   <li>Phases and W: a period's limit in W converts to A per phase as W / (nominal voltage × phases). The phases
 *       are the period's numberPhases, or 3 when it gives none (the spec's default), and never more than the connector
 *       has. So 11 040 W without numberPhases are 11 040 / (230 × 3) = 16 A on a three-phase connector, and, as one
 *       phase is all it can use, 11 040 / 230 = 48 A on a single-phase one before its rating caps them; 3 680 W with
 *       numberPhases 1 are 16 A on either. Each composite period states the phases its limit is meant for.
 *   <li>minChargingRate is a hint for the central system's balancing (section 3.13.4), not a floor: a limit below it
 *       stays as it is. Only the control pilot's own minimum of 6 A (IEC 61851-1) turns a lower limit into no
 *       charging, and the offer says so ({@link dev.kilowatt.core.smartcharging.LimitBound.BelowPilotMinimum}).
 *   <li>Several connectors: the ChargePointMaxProfile, and the installation limit the manufacturer sets, are for all
 *       connectors together (section 3.13.3). The {@link dev.kilowatt.core.smartcharging.PowerAllocator} divides them
 *       among the connectors that draw, by a replaceable {@link dev.kilowatt.core.smartcharging.SharingStrategy}
 *       (equal shares by default), each held to its own composite limit and rating; what an EV does not take goes to
 *       the others. An EV that paused keeps its share while it holds back no EV that asks; otherwise it keeps the
 *       pilot's 6 A, enough to ask again. Lowered offers are sent before raised ones, so the pilots together never
 *       offer more than the limit. A connector's own composite schedule is capped by the whole ChargePointMaxProfile.
 *   <li>Connector 0: its composite schedule is the expected consumption of the grid connection (section 5.7): the sum
 *       of the composite schedules of the connectors whose transactions run, capped by the ChargePointMaxProfile and
 *       the installation limit; with no transaction running, 0.
 *   <li>A 1/3-phase switch, where the connector has one, follows the phases the prevailing periods allow: three only
 *       when three are allowed, else one; it moves with the relay open.
 *   <li>Limits are rounded down to 0.1, the resolution of the message schema, so rounding never raises one.
 *   <li>A recurrencyKind on a profile that is not Recurring, and a transactionId on one that is not a TxProfile,
 *       are ignored.
 * </ul>
 *
 * <p>Every current offered to an EV carries why ({@link dev.kilowatt.core.smartcharging.ExplainedLimit}): the
 * profile, its purpose, stack level and period, the share of the grid limit, or the hardware rating.
 */
package dev.kilowatt.core.smartcharging;
