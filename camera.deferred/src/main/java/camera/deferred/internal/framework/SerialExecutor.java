package camera.deferred.internal.framework;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs tasks one at a time, in the order they were given, on threads of a shared pool. This gives each output its
 * own event thread and each camera its own capture line without a thread per object.
 */
final class SerialExecutor implements Executor {
	private final Executor pool;
	private final Consumer<RuntimeException> failures;
	private final Queue<Runnable> tasks = new ArrayDeque<>();
	private boolean draining;

	/**
	 * @param pool     where the tasks run
	 * @param failures told about a task that threw, so one bad listener does not stop the others
	 */
	SerialExecutor(Executor pool, Consumer<RuntimeException> failures) {
		this.pool = pool;
		this.failures = failures;
	}

	@Override
	public void execute(Runnable task) {
		synchronized (tasks) {
			tasks.add(task);
			if (draining) {
				return;
			}
			draining = true;
		}
		try {
			pool.execute(this::drain);
		} catch (RejectedExecutionException e) {
			synchronized (tasks) {
				tasks.clear();
				draining = false;
			}
			throw e;
		}
	}

	private void drain() {
		while (true) {
			Runnable next;
			synchronized (tasks) {
				next = tasks.poll();
				if (next == null) {
					draining = false;
					return;
				}
			}
			try {
				next.run();
			} catch (RuntimeException e) {
				failures.accept(e);
			}
		}
	}
}
