package dev.kilowatt.ocpp;

/** One connection attempt and the connection it becomes; a new one for every attempt. */
interface LinkAttempt {

  /** Sends a text frame; false if the connection is not open (any more). */
  boolean sendText(String text);

  /** Pings every {@code seconds} (0: never) once open, from now on if it is; called under the link's lock. */
  void pingEvery(int seconds);

  /** Closes politely with {@code code} if open, and cuts the connection for sure after the close grace. */
  void retire(int code, String why);

  /** Cuts the connection without a close handshake, now or as soon as it opens. */
  void abort(String why);
}
