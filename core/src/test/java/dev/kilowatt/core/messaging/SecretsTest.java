package dev.kilowatt.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Masking of URI passwords, and the cheap look that spares the regex for text that cannot hold one. */
class SecretsTest {

  @Test
  void everyUriPasswordIsMaskedAndTheRestKept() {
    assertEquals("GetDiagnostics ftp://user:***@host/dir and https://me:***@example.com/x",
        Secrets.masked("GetDiagnostics ftp://user:secret@host/dir and https://me:p%40ss@example.com/x"));
    assertEquals("ftp://:***@host/", Secrets.masked("ftp://:secret@host/"));
  }

  @Test
  void aUriWithoutPasswordOrAnAtBeforeTheSchemeIsLeftAsItIs() {
    for (String text : List.of("ftp://user@host/", "mail me@home about ftp://host/file", "ftp://host/a:b",
        "ftp://host/path@x:y", "key=value, other=1")) {
      assertEquals(text, Secrets.masked(text));
    }
  }

  @Test
  void textWithoutSchemeOrWithoutAtAfterItIsHandedBackWithoutTheRegex() {
    String heartbeat = "-> CALLRESULT 17 GetConfigurationResponse[configurationKey=[KeyValue[key=HeartbeatInterval]]]";
    assertFalse(Secrets.mayHoldUriPassword(heartbeat));
    assertSame(heartbeat, Secrets.masked(heartbeat));
    assertFalse(Secrets.mayHoldUriPassword("user:pw@host then ftp://host/"));
  }

  @Test
  void theCheapLookPassesEveryTextTheRegexWouldChange() {
    for (String text : List.of("ftp://u:p@h/", "x://:@", "a ftp://u:p@h b ftp://v:q@i", "s3://k:v@bucket")) {
      assertTrue(Secrets.mayHoldUriPassword(text), text);
      assertNotEquals(text, Secrets.masked(text));
    }
  }
}
