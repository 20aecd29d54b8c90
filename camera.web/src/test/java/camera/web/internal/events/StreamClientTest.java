package camera.web.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;

class StreamClientTest {

	/** An output that records what is written, and blocks every write while {@code stalled} is closed. */
	static final class Output extends ServletOutputStream {
		final ByteArrayOutputStream written = new ByteArrayOutputStream();
		final CountDownLatch flowing;
		final CountDownLatch firstWrite = new CountDownLatch(1);

		Output(boolean stalled) {
			flowing = new CountDownLatch(stalled ? 1 : 0);
		}

		@Override
		public synchronized void write(int b) {
			written.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			firstWrite.countDown();
			try {
				flowing.await();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			synchronized (this) {
				written.write(b, off, len);
			}
		}

		synchronized String text() {
			return written.toString(StandardCharsets.UTF_8);
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}
	}

	/** An asynchronous request whose response writes to the output and whose completion is recorded. */
	static AsyncContext context(Output output, CompletableFuture<Void> completed) {
		ServletResponse response = (ServletResponse) Proxy.newProxyInstance(StreamClientTest.class.getClassLoader(),
				new Class<?>[] { ServletResponse.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getOutputStream" -> output;
					default -> throw new UnsupportedOperationException(method.getName());
				});
		return (AsyncContext) Proxy.newProxyInstance(StreamClientTest.class.getClassLoader(),
				new Class<?>[] { AsyncContext.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getResponse" -> response;
					case "complete" -> {
						completed.complete(null);
						yield null;
					}
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	@Test
	void writesTheGreetingThenEveryEventInOrderAndCompletesWhenClosed() throws Exception {
		Output output = new Output(false);
		CompletableFuture<Void> completed = new CompletableFuture<>();
		CompletableFuture<StreamClient> gone = new CompletableFuture<>();
		StreamClient client = new StreamClient(context(output, completed), gone::complete);

		client.start("hello\n\n");
		client.send("one\n\n");
		client.send("two\n\n");
		client.close();

		assertThat(gone.get(10, TimeUnit.SECONDS)).isSameAs(client);
		assertThat(completed).isDone();
		assertThat(output.text()).isEqualTo("hello\n\none\n\ntwo\n\n");
	}

	@Test
	void aClientThatStopsReadingNeverBlocksTheSenderAndIsClosedWhenItsBacklogIsFull() throws Exception {
		Output output = new Output(true);
		CompletableFuture<Void> completed = new CompletableFuture<>();
		CompletableFuture<StreamClient> gone = new CompletableFuture<>();
		StreamClient client = new StreamClient(context(output, completed), gone::complete);
		client.start("hello\n\n");
		assertThat(output.firstWrite.await(10, TimeUnit.SECONDS)).isTrue();

		for (int i = 0; i <= StreamClient.BACKLOG + 10; i++) {
			client.send("event " + i + "\n\n"); // returns at once though nothing is read
		}
		output.flowing.countDown();

		assertThat(gone.get(10, TimeUnit.SECONDS)).isSameAs(client);
		assertThat(output.text()).doesNotContain("event " + StreamClient.BACKLOG);
	}
}
