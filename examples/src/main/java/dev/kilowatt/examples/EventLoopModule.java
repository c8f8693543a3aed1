package dev.kilowatt.examples;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.time.EventLoop;
import jakarta.inject.Singleton;

/** The one event loop every charger runs its domain on, and its clock. */
@Module
interface EventLoopModule {

  @Binds
  Scheduler scheduler(EventLoop loop);

  @Provides
  @Singleton
  static EventLoop eventLoop() {
    return new EventLoop();
  }
}
