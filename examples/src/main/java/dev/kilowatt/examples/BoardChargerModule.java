package dev.kilowatt.examples;

import dagger.Module;
import dagger.Provides;
import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.LinkOptions;
import dev.kilowatt.ocpp.OcppJsonLink;
import dev.kilowatt.ocpp.TrafficListener;
import dev.kilowatt.storage.FactoryConfigurationFile;
import dev.kilowatt.storage.FileJournal;
import dev.kilowatt.storage.FileSecretStore;
import dev.kilowatt.storage.FileStorage;
import jakarta.inject.Singleton;

/** What every board's charger shares: the event loop, file storage, the OCPP-J link and the charge point. */
@Module(includes = EventLoopModule.class)
interface BoardChargerModule {

  @Provides
  @Singleton
  static Storage storage(BoardOptions options) {
    return FileStorage.open(options.dataDirectory());
  }

  /** The transaction ledger, in its own directory inside the data directory, written on its own thread. */
  @Provides
  @Singleton
  static Journal journal(BoardOptions options, Scheduler scheduler) {
    return FileJournal.open(options.dataDirectory().resolve("journal"), scheduler);
  }

  @Provides
  @Singleton
  static CentralSystem centralSystem(BoardOptions options, Scheduler scheduler, TrafficListener traffic) {
    return new OcppJsonLink(new CentralSystemAddress(options.centralSystem(), options.chargePointId()), scheduler,
        LinkOptions.defaults().withTraffic(traffic));
  }

  @Provides
  @Singleton
  static ChargePoint chargePoint(Scheduler scheduler, Storage storage, Journal journal, CentralSystem centralSystem, Platform platform,
      BoardHardware hardware, ChargePointIdentity identity, BoardOptions options) {
    ChargePoint.Builder builder = ChargePoint.builder(scheduler, storage, centralSystem, platform)
        .secretStore(FileSecretStore.inDataDirectory(options.dataDirectory()))
        .journal(journal)
        .identity(identity)
        .connector(hardware.connector());
    hardware.reader().ifPresent(builder::rfidReader);
    hardware.indicator().ifPresent(builder::indicator);
    options.configurationFile().ifPresent(file -> builder.configuration(FactoryConfigurationFile.read(file)));
    options.password().ifPresent(password -> builder
        .configuration("AuthorizationKey", ConnectionOptions.authorizationKey(password))
        .configuration("SecurityProfile", "1"));
    return builder.build();
  }
}
