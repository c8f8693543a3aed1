package dev.kilowatt.core.datatransfer;

import dev.kilowatt.core.DataTransferHandler;
import dev.kilowatt.core.message.DataTransferRequest;
import dev.kilowatt.core.message.DataTransferResponse;
import dev.kilowatt.core.message.DataTransferStatus;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** DataTransfer.req both ways: the central system's to the embedder's handler of its vendorId, and the embedder's own. */
public final class VendorCalls {

  private static final System.Logger LOG = System.getLogger(VendorCalls.class.getName());

  private final Map<String, DataTransferHandler> vendors;
  private final Counters counters;

  private final Outbox outbox;

  /**
   * Answers DataTransfer.req with the embedder's {@code vendors}, by vendorId.
   *
   * @param vendors the embedder's handlers by vendorId; a call for any other vendorId is UnknownVendorId
   * @param counters where a handler that throws is counted, as {@code dataTransfer.handlerFailed}
   * @param outbox sends the embedder's own DataTransfer.req
   */
  public VendorCalls(Map<String, DataTransferHandler> vendors, Counters counters, Outbox outbox) {
    this.vendors = Map.copyOf(vendors);
    this.counters = counters;
    this.outbox = outbox;
  }

  /**
   * The embedder's own DataTransfer.req to the central system; sent once the central system accepted the charge point.
   *
   * @param request the call to send
   * @param onAnswer gets the central system's answer, on the event loop
   * @param onFailure gets why no answer came (offline, timed out or a CALLERROR), on the event loop
   */
  public void send(DataTransferRequest request, Consumer<DataTransferResponse> onAnswer, Consumer<String> onFailure) {
    outbox.send(request, Outbox.Gate.AFTER_ACCEPTANCE, onAnswer, failure -> onFailure.accept(failure.toString()));
  }

  /**
   * Answers DataTransfer.req.
   *
   * @param router the table of the central system's calls this adds the handler to
   */
  public void register(CallRouter router) {
    router.on(DataTransferRequest.class, (request, reply) -> reply.answer(answer(request)));
  }

  private DataTransferResponse answer(DataTransferRequest r) {
    DataTransferHandler handler = vendors.get(r.vendorId());
    if (handler == null) {
      return new DataTransferResponse(DataTransferStatus.UNKNOWN_VENDOR_ID, Optional.empty());
    }
    try {
      return handler.handle(r.messageId(), r.data());
    } catch (RuntimeException e) {
      // a vendor's bug must not stop the charger: the central system hears Rejected, the error is counted
      counters.increment("dataTransfer.handlerFailed");
      LOG.log(Level.ERROR, "DataTransfer handler of " + r.vendorId() + " failed", e);
      return new DataTransferResponse(DataTransferStatus.REJECTED, Optional.empty());
    }
  }
}
