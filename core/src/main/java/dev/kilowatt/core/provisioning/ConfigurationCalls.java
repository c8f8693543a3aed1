package dev.kilowatt.core.provisioning;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.port.CallError;

/** ChangeConfiguration and GetConfiguration, the central system's view of the configuration keys. */
public final class ConfigurationCalls {

  private ConfigurationCalls() {}

  /**
   * Answers GetConfiguration and ChangeConfiguration from {@code config}.
   *
   * @param router the router the central system's calls arrive on
   * @param config the configuration keys the calls read and change
   */
  public static void register(CallRouter router, Configuration config) {
    router.on(ChangeConfigurationRequest.class, (request, reply) ->
        config.change(request.key(), request.value(), status -> reply.answer(new ChangeConfigurationResponse(status))));
    router.on(GetConfigurationRequest.class, (request, reply) -> {
      int max = config.integer(CoreKeys.GET_CONFIGURATION_MAX_KEYS);
      if (request.key().size() > max) {
        reply.error(new CallError(CallError.Code.OCCURENCE_CONSTRAINT_VIOLATION, "at most " + max + " keys per request (GetConfigurationMaxKeys)"));
        return;
      }
      Configuration.Lookup lookup = config.lookup(request.key());
      reply.answer(new GetConfigurationResponse(lookup.known(), lookup.unknown()));
    });
  }
}
