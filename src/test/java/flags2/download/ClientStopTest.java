package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.strategy.Shutdown;
import flags2.testing.MockServers;
import flags2.testing.ThreadWaits;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the run's client stops, with the moments pinned by latches: a call the Dispatcher starts
 * after the run's cancel sends nothing, and the client's shutdown returns only once its callbacks
 * have ended (they delete temporary files), so nothing of a run outlives it.
 */
class ClientStopTest {
  private static final Shutdown PATIENT = new Shutdown(Duration.ofMinutes(1));

  @StartStop private final MockWebServer server = MockServers.noDelay();
  private final CountDownLatch releaseBodies = new CountDownLatch(1);
  private final OkHttpClient client =
      HttpClients.create(1, Duration.ofSeconds(30), HttpUrl.get("http://localhost/flags"));

  @AfterEach
  void stop() {
    releaseBodies.countDown();
    HttpClients.shutdown(client, Shutdown.STANDARD);
  }

  /** Holds {@code /aa}'s body until the test ends; answers anything else at once. */
  private final class HoldsAa extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (!request.getUrl().encodedPath().equals("/aa")) {
        return new MockResponse.Builder().body("GIF89a").build();
      }
      return new MockResponse.Builder()
          .body(
              new MockResponseBody() {
                @Override
                public long getContentLength() {
                  return 6;
                }

                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                  sink.writeUtf8("GIF").flush();
                  try {
                    releaseBodies.await();
                  } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                  }
                  sink.writeUtf8("89a").flush();
                }
              })
          .build();
    }
  }

  private Request get(String path, HttpClients.RunCancelled run) {
    return new Request.Builder()
        .url(server.url(path))
        .tag(HttpClients.RunCancelled.class, run)
        .build();
  }

  /** Enqueues {@code call}; completes with its body, or with its failure's message. */
  private static CompletableFuture<String> enqueue(Call call) {
    CompletableFuture<String> outcome = new CompletableFuture<>();
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call call, Response response) {
            try (response) {
              outcome.complete(response.body().string());
            } catch (IOException e) {
              outcome.complete(e.getMessage());
            }
          }

          @Override
          public void onFailure(Call call, IOException e) {
            outcome.complete(e.getMessage());
          }
        });
    return outcome;
  }

  /**
   * After Ctrl-C the Dispatcher starts the next queued call as soon as a cancelled call frees its
   * slot, which may be before the run's cancel has reached the queued one: it still sends nothing.
   */
  @Test
  void aQueuedCallThatStartsAfterItsRunWasCancelledSendsNothing() throws Exception {
    server.setDispatcher(new HoldsAa());
    AtomicBoolean cancelled = new AtomicBoolean();
    HttpClients.RunCancelled run = new HttpClients.RunCancelled(cancelled::get);
    Call running = client.newCall(get("/aa", run));
    enqueue(running);
    CompletableFuture<String> queued = enqueue(client.newCall(get("/ab", run)));
    assertEquals("/aa", server.takeRequest(10, TimeUnit.SECONDS).getUrl().encodedPath());

    // the run's cancel as it happens: its flag first, then each call, here the running one only
    cancelled.set(true);
    running.cancel();

    assertEquals("Canceled", queued.get(10, TimeUnit.SECONDS));
    assertEquals(1, server.getRequestCount(), "requests sent");
  }

  @Test
  void aCallOfARunNotCancelledIsSent() throws Exception {
    server.setDispatcher(new HoldsAa());
    HttpClients.RunCancelled run = new HttpClients.RunCancelled(() -> false);
    assertEquals("GIF89a", enqueue(client.newCall(get("/ab", run))).get(10, TimeUnit.SECONDS));
  }

  /**
   * The client's shutdown waits for a callback still running (one that ignores the interrupt the
   * shutdown sends) and returns once it has ended, its thread gone.
   */
  @Test
  void theClientsShutdownReturnsOnlyOnceItsCallbacksHaveEnded() throws Exception {
    server.enqueue(new MockResponse.Builder().body("GIF89a").build());
    CountDownLatch inCallback = new CountDownLatch(1);
    CountDownLatch mayEnd = new CountDownLatch(1);
    AtomicBoolean ended = new AtomicBoolean();
    client
        .newCall(new Request.Builder().url(server.url("/br")).build())
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) {
                response.close();
                inCallback.countDown();
                awaitUninterruptibly(mayEnd);
                ended.set(true);
              }

              @Override
              public void onFailure(Call call, IOException e) {
                inCallback.countDown();
              }
            });
    assertTrue(inCallback.await(10, TimeUnit.SECONDS), "the callback never ran");

    FutureTask<Void> stopping = new FutureTask<>(() -> HttpClients.shutdown(client, PATIENT), null);
    Thread stopper = Thread.ofPlatform().name("stopper").start(stopping);
    ThreadWaits.awaitTimedWaitOrEnd(
        stopper, Duration.ofSeconds(10), "the shutdown neither returned nor waited within 10 s");
    boolean returnedEarly = stopping.isDone();
    mayEnd.countDown();
    stopping.get(10, TimeUnit.SECONDS);

    assertFalse(returnedEarly, "the shutdown returned while a callback was still running");
    assertTrue(ended.get(), "the callback never ended");
    assertTrue(client.dispatcher().executorService().isTerminated(), "a client thread is left");
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
