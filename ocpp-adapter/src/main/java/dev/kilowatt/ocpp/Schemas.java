package dev.kilowatt.ocpp;

import dev.kilowatt.core.message.Action;

/**
 * The payload schemas of every OCPP 1.6 action (core profiles and security extension), read from the
 * resources {@code schemas/<Action>.json} (the CALL payload) and {@code schemas/<Action>Response.json}
 * (the CALLRESULT payload). They hold the constraints of the official OCPP 1.6 JSON schemas, with shared
 * types in {@code common.json} referenced through {@code $ref}.
 */
final class Schemas {

  private static final Schemas OCPP16 = new Schemas();

  private final PayloadSchemas files = PayloadSchemas.inFolder(Schemas.class, "schemas/");

  private Schemas() {
  }

  /** The schemas of OCPP 1.6, shared by every link. */
  static Schemas ocpp16() {
    return OCPP16;
  }

  /** The schema of the CALL payload of {@code action}. */
  Schema request(Action action) {
    return files.schema(action.ocppName() + ".json");
  }

  /** The schema of the CALLRESULT payload of {@code action}. */
  Schema response(Action action) {
    return files.schema(action.ocppName() + "Response.json");
  }
}
