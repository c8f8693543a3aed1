package dev.kilowatt.ocpp;

import dev.kilowatt.core.port.Scheduler;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One attempt of a {@link SharedClientOcppLink} to connect, and the JDK WebSocket it becomes. It queues
 * what the link sends, because the JDK accepts one send at a time, joins fragmented text frames, and
 * supervises the connection with pings on the link's scheduler. It never calls the link while holding its
 * own lock, so the link may call it while holding the link's.
 */
final class SharedConnection implements WebSocket.Listener, LinkAttempt {

  private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);
  /** A fragmented frame's buffer this big or smaller is kept for the next one. */
  private static final int KEPT_BUFFER_CHARS = 4096;

  private final SharedClientOcppLink link;
  private final Scheduler scheduler;
  /** The text of a frame arriving in fragments; only touched by the JDK's strictly ordered callbacks. */
  private StringBuilder fragments;

  private WebSocket socket;
  private boolean aborted;
  /** The last send handed to the JDK; the next one starts when it completes. */
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
  private int pingSeconds;
  private Scheduler.Timer pinger;
  private Instant lastPing;
  private boolean pongAwaited;

  SharedConnection(SharedClientOcppLink link, Scheduler scheduler) {
    this.link = link;
    this.scheduler = scheduler;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    boolean abandoned;
    synchronized (this) {
      socket = webSocket;
      abandoned = aborted;
      if (!abandoned) {
        pingEvery(pingSeconds);
      }
    }
    if (abandoned) {
      webSocket.abort();
      return;
    }
    webSocket.request(1);
    link.opened(this, webSocket.getSubprotocol());
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    if (last && fragments == null) {
      link.received(this, data.toString());
    } else {
      if (fragments == null) {
        fragments = new StringBuilder();
      }
      fragments.append(data);
      if (fragments.length() > SharedClientOcppLink.MAX_FRAME_CHARS) {
        fragments = null;
        link.tooBig(this);
        return null;
      }
      if (last) {
        String text = fragments.toString();
        fragments = fragments.capacity() <= KEPT_BUFFER_CHARS ? fragments.delete(0, fragments.length()) : null;
        link.received(this, text);
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    if (last) {
      link.binaryFrame();
    }
    webSocket.request(1);
    return null;
  }

  /** The JDK answers the ping with a pong by itself once this returns. */
  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    synchronized (this) {
      pongAwaited = false;
    }
    webSocket.request(1);
    return null;
  }

  /**
   * The JDK replies to the close once this returns. It reports a connection that ended without a close
   * frame here too, as 1006, which is a loss rather than the central system closing.
   */
  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    pingEvery(0);
    link.closed(this, statusCode, reason, statusCode != LinkMachine.ABNORMAL);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    pingEvery(0);
    link.closed(this, LinkMachine.ABNORMAL, String.valueOf(error.getMessage()), false);
  }

  /** Queues a text frame; false if the connection is not open (any more). */
  @Override
  public boolean sendText(String text) {
    return enqueue(socket -> socket.sendText(text, true));
  }

  private synchronized boolean enqueue(Function<WebSocket, CompletableFuture<WebSocket>> send) {
    if (socket == null || aborted || socket.isOutputClosed()) {
      return false;
    }
    WebSocket target = socket;
    // A failed send ends the connection; the link hears of it from the scheduler, never under this lock.
    sending = sending.thenCompose(done -> send.apply(target)).exceptionally(error -> {
      scheduler.execute(() -> link.lost(this, "sending failed: " + error.getMessage()));
      return null;
    });
    return true;
  }

  /**
   * Closes politely if open, and cuts the connection for sure after the grace period. No more pings: an
   * answer missed while closing must not cut the close short. The JDK may not send 1002, which the link
   * closes with when the server refuses ocpp1.6; it says 1008 instead.
   */
  @Override
  public void retire(int code, String why) {
    int sendable = code == LinkMachine.PROTOCOL_ERROR ? SharedClientOcppLink.POLICY_VIOLATION : code;
    pingEvery(0);
    if (enqueue(socket -> socket.sendClose(sendable, why))) {
      scheduler.schedule(LinkMachine.CLOSE_GRACE, () -> abort(why));
    } else {
      abort(why);
    }
  }

  @Override
  public void abort(String why) {
    WebSocket target;
    synchronized (this) {
      aborted = true;
      stopPinging();
      target = socket;
    }
    if (target != null) {
      target.abort();
    }
  }

  @Override
  public synchronized void pingEvery(int seconds) {
    stopPinging();
    pingSeconds = seconds;
    pongAwaited = false;
    if (seconds > 0 && socket != null && !aborted) {
      lastPing = scheduler.now();
      pinger = scheduler.schedule(halfInterval(), this::checkPing);
    }
  }

  private void stopPinging() {
    if (pinger != null) {
      pinger.cancel();
      pinger = null;
    }
  }

  private Duration halfInterval() {
    return Duration.ofMillis(pingSeconds * 500L);
  }

  /** Every half interval: a ping once an interval has passed, and the end once 1.5 intervals went unanswered. */
  private void checkPing() {
    boolean dead;
    synchronized (this) {
      if (pingSeconds == 0 || aborted) {
        return;
      }
      long sinceLastPing = Duration.between(lastPing, scheduler.now()).toMillis();
      dead = pongAwaited && sinceLastPing >= pingSeconds * 1500L;
      if (!dead) {
        if (!pongAwaited && sinceLastPing >= pingSeconds * 1000L) {
          pongAwaited = true;
          lastPing = scheduler.now();
          enqueue(socket -> socket.sendPing(NO_DATA.duplicate()));
        }
        pinger = scheduler.schedule(halfInterval(), this::checkPing);
      }
    }
    if (dead) {
      link.lost(this, "no answer to a ping for " + pingSeconds * 1.5 + " s");
    }
  }
}
