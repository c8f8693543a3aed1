/**
 * OCPP-J 1.6 over WebSocket: the adapter behind the core's {@link dev.kilowatt.core.port.CentralSystem} port.
 *
 * <p>An embedder wires one {@link dev.kilowatt.ocpp.OcppJsonLink}: a {@link dev.kilowatt.ocpp.CentralSystemAddress}
 * (URL and charge point id), the domain's {@link dev.kilowatt.core.port.Scheduler}, and optionally
 * {@link dev.kilowatt.ocpp.LinkOptions} (reconnection {@link dev.kilowatt.ocpp.ReconnectBackoff}, handshake
 * time-out, TLS context, a {@link dev.kilowatt.ocpp.TrafficListener} that sees every frame). A process that
 * runs thousands of simulated charge points wires a {@link dev.kilowatt.ocpp.SharedClientOcppLink} for each
 * instead, all on one {@link dev.kilowatt.ocpp.SharedWebSocketClient}. Everything else
 * in this package (framing, schema validation, JSON binding) is package-private.
 *
 * <p>Five pieces are public because the OCPP 2.0.1 adapter shares them: the schema validator's entry
 * {@link dev.kilowatt.ocpp.PayloadSchemas} with its {@link dev.kilowatt.ocpp.Violation}, the JSON
 * binding {@link dev.kilowatt.ocpp.Payloads}, and the security profiles' handshake rules
 * {@link dev.kilowatt.ocpp.ConnectionSecurity} with the {@link dev.kilowatt.ocpp.SecurityFinding} a failed
 * attempt reveals.
 */
package dev.kilowatt.ocpp;
