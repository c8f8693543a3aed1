package dev.kilowatt.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Measurand;
import dev.kilowatt.core.message.MeterValue;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.UnitOfMeasure;
import dev.kilowatt.core.port.MeterReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shapes of the domain's state survive a trip through the data directory unchanged. */
class StoredValuesTest {

  sealed interface Tariff permits FlatTariff, TimeOfUseTariff {}

  record FlatTariff(double pricePerKWh) implements Tariff {}

  record TimeOfUseTariff(List<Band> bands) implements Tariff {}

  record Band(LocalTime from, double pricePerKWh) {}

  enum Wiring { SINGLE_PHASE, THREE_PHASE }

  record Operator(String name, Optional<Operator> parent) {}

  record Site(
      String name,
      Tariff tariff,
      List<Tariff> previousTariffs,
      Optional<Tariff> nextTariff,
      Map<String, Tariff> tariffsByGroup,
      Optional<Instant> lastChanged,
      Optional<Instant> nextChange,
      Map<String, String> labels,
      Wiring wiring,
      Operator operator,
      MeterReading lastReading,
      Duration meterInterval,
      long version) {}

  record Badge(String idTag) {

    /** Derived, not state: must stay out of the file (and could not be read back). */
    public String getMaskedIdTag() {
      return "****" + idTag.substring(idTag.length() - 4);
    }

    public boolean isLongIdTag() {
      return idTag.length() > 8;
    }
  }

  record Queued(long seq, ChargePointRequest<?> request) {}

  record Outbox(List<ChargePointRequest<?>> pending) {}

  private static final Instant STARTED = Instant.parse("2024-05-17T08:30:00.125Z");
  private static final Instant STOPPED = Instant.parse("2024-05-17T10:02:41Z");

  @TempDir
  Path dataDir;

  @Test
  void recordWithSealedInterfaceFieldsListsOptionalsMapsEnumsAndNestedRecords() {
    Site site = new Site(
        "Depot",
        new TimeOfUseTariff(List.of(new Band(LocalTime.of(7, 0), 0.31), new Band(LocalTime.of(22, 0), 0.19))),
        List.of(new FlatTariff(0.29), new TimeOfUseTariff(List.of())),
        Optional.of(new FlatTariff(0.35)),
        Map.of("fleet", new FlatTariff(0.2), "guest", new TimeOfUseTariff(List.of(new Band(LocalTime.MIDNIGHT, 0.4)))),
        Optional.of(STARTED),
        Optional.empty(),
        Map.of("city", "Utrecht", "bay", "3"),
        Wiring.THREE_PHASE,
        new Operator("Depot Ops", Optional.of(new Operator("Holding", Optional.empty()))),
        new MeterReading(12_345.5, 7_200, List.of(
            new MeterReading.PhaseReading(1, 230.1, 10.4),
            new MeterReading.PhaseReading(2, 229.8, 10.5),
            new MeterReading.PhaseReading(3, 231.0, 10.3))),
        Duration.ofSeconds(60),
        Long.MAX_VALUE);

    FileStorage.open(dataDir).save("site", site);

    assertEquals(Optional.of(site), FileStorage.open(dataDir).load("site", Site.class));
  }

  @Test
  void queuedTransactionMessagesKeepTheirConcreteRequestType() {
    Queued start = new Queued(41, new StartTransactionRequest(1, "04A2B3C4D5E6F7", 1_200, Optional.of(7), STARTED));
    Queued stop = new Queued(42, new StopTransactionRequest(
        Optional.of("04A2B3C4D5E6F7"), 9_870, STOPPED, 123, Optional.of(Reason.EV_DISCONNECTED),
        List.of(
            new MeterValue(STARTED, List.of(new SampledValue("1200", Optional.of(ReadingContext.TRANSACTION_BEGIN),
                Optional.empty(), Optional.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER), Optional.empty(),
                Optional.empty(), Optional.of(UnitOfMeasure.WH)))),
            new MeterValue(STOPPED, List.of(
                new SampledValue("9870", Optional.of(ReadingContext.TRANSACTION_END), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))))));
    FileStorage storage = FileStorage.open(dataDir);

    storage.save("outbox/00000000000000000041", start);
    storage.save("outbox/00000000000000000042", stop);
    storage.save("outbox", new Outbox(List.of(start.request(), stop.request())));

    FileStorage reopened = FileStorage.open(dataDir);
    assertEquals(Optional.of(start), reopened.load("outbox/00000000000000000041", Queued.class));
    assertEquals(Optional.of(stop), reopened.load("outbox/00000000000000000042", Queued.class));
    assertEquals(Optional.of(new Outbox(List.of(start.request(), stop.request()))), reopened.load("outbox", Outbox.class));
    assertEquals(0, reopened.unreadableValues());
  }

  @Test
  void jsonIsPlainWhereTheDeclaredTypeSaysEnough() throws IOException {
    FileStorage storage = FileStorage.open(dataDir);

    storage.save("tx/1", new Queued(1, new StartTransactionRequest(2, "TAG", 0, Optional.empty(), STARTED)));

    String json = Files.readString(dataDir.resolve("tx+1.json"));
    assertEquals("{\"seq\":1,\"request\":{\"@type\":\"dev.kilowatt.core.message.StartTransactionRequest\","
        + "\"connectorId\":2,\"idTag\":\"TAG\",\"meterStart\":0,\"timestamp\":\"2024-05-17T08:30:00.125Z\"}}", json);
  }

  @Test
  void derivedAccessorsAreNotStored() throws IOException {
    FileStorage storage = FileStorage.open(dataDir);

    storage.save("badge", new Badge("04A2B3C4D5E6F7"));

    assertEquals("{\"idTag\":\"04A2B3C4D5E6F7\"}", Files.readString(dataDir.resolve("badge.json")));
    assertEquals(Optional.of(new Badge("04A2B3C4D5E6F7")), storage.load("badge", Badge.class));
  }

  @Test
  void typeIdsOutsideTheKilowattPackagesAreRefused() throws IOException {
    FileStorage storage = FileStorage.open(dataDir);
    Files.writeString(dataDir.resolve("tx+1.json"),
        "{\"seq\":1,\"request\":{\"@type\":\"java.lang.ProcessBuilder\",\"command\":[\"touch\",\"pwned\"]}}");
    Files.writeString(dataDir.resolve("tx+2.json"),
        "{\"seq\":2,\"request\":{\"@type\":\"dev.kilowatt.core.message.HeartbeatResponse\",\"currentTime\":\"2024-05-17T08:30:00Z\"}}");
    Files.writeString(dataDir.resolve("tx+3.json"), "{\"seq\":3,\"request\":{\"connectorId\":1}}");

    assertEquals(Optional.empty(), storage.load("tx/1", Queued.class));
    assertEquals(Optional.empty(), storage.load("tx/2", Queued.class));
    assertEquals(Optional.empty(), storage.load("tx/3", Queued.class));
    assertEquals(3, storage.unreadableValues());
    assertFalse(Files.exists(Path.of("pwned")));
  }

  @Test
  void aValueMissingARequiredFieldOfTheDomainIsUnreadable() throws IOException {
    FileStorage storage = FileStorage.open(dataDir);
    Files.writeString(dataDir.resolve("tx+1.json"), "{\"seq\":1,\"request\":{\"@type\":"
        + "\"dev.kilowatt.core.message.StartTransactionRequest\",\"connectorId\":1,\"meterStart\":0,"
        + "\"timestamp\":\"2024-05-17T08:30:00Z\"}}");
    Files.writeString(dataDir.resolve("tx+2.json"), "{\"seq\":1,\"request\":{\"@type\":"
        + "\"dev.kilowatt.core.message.StopTransactionRequest\",\"meterStop\":0,\"timestamp\":\"2024-05-17T08:30:00Z\","
        + "\"transactionId\":5,\"reason\":\"NOT_A_REASON\",\"transactionData\":[]}}");

    assertEquals(Optional.empty(), storage.load("tx/1", Queued.class));
    assertEquals(Optional.empty(), storage.load("tx/2", Queued.class));
    assertEquals(2, storage.unreadableValues());
  }
}
