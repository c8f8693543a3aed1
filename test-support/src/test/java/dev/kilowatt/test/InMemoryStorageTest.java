package dev.kilowatt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryStorageTest {

  record Setting(String name, int value) {}

  record Other(String name) {}

  private final InMemoryStorage storage = new InMemoryStorage();

  @Test
  void savedValueIsLoadedUntilReplacedOrDeleted() {
    assertEquals(Optional.empty(), storage.load("config", Setting.class));

    storage.save("config", new Setting("HeartbeatInterval", 300));
    assertEquals(Optional.of(new Setting("HeartbeatInterval", 300)), storage.load("config", Setting.class));

    storage.save("config", new Setting("HeartbeatInterval", 60));
    assertEquals(Optional.of(new Setting("HeartbeatInterval", 60)), storage.load("config", Setting.class));

    storage.delete("config");
    storage.delete("config");
    assertEquals(Optional.empty(), storage.load("config", Setting.class));
  }

  @Test
  void valueOfAnotherTypeIsAbsent() {
    storage.save("config", new Setting("HeartbeatInterval", 300));

    assertEquals(Optional.empty(), storage.load("config", Other.class));
  }

  @Test
  void keysWithPrefixComeInAscendingOrder() {
    storage.save("outbox/00000000000000000010", new Other("b"));
    storage.save("tx/1", new Other("t"));
    storage.save("outbox/00000000000000000002", new Other("a"));
    storage.save("outbox", new Other("o"));
    storage.save("outboxes", new Other("x"));

    assertEquals(List.of("outbox/00000000000000000002", "outbox/00000000000000000010"), storage.keys("outbox/"));
    assertEquals(List.of("outbox", "outbox/00000000000000000002", "outbox/00000000000000000010", "outboxes", "tx/1"),
        storage.keys(""));
    assertEquals(List.of(), storage.keys("z"));
  }

  @Test
  void keysAFileStoreWouldRefuseAreRefused() {
    for (String key : List.of("", "../config", "outbox/../config", "/etc/passwd", "with space", "a\\b", "ü", "x".repeat(201))) {
      assertThrows(IllegalArgumentException.class, () -> storage.save(key, new Other("x")), key);
      assertThrows(IllegalArgumentException.class, () -> storage.load(key, Other.class), key);
      assertThrows(IllegalArgumentException.class, () -> storage.delete(key), key);
    }
  }
}
