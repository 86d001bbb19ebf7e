package io.github.openaistarter.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads when the JVM has them (Java 21+), else platform threads; the harness compiles for Java 17.
 */
public final class VirtualThreads {

	private static final MethodHandle NEW_EXECUTOR = newExecutorHandle();

	private VirtualThreads() {
	}

	/**
	 * Whether this JVM has virtual threads.
	 * @return {@code true} on Java 21+
	 */
	public static boolean available() {
		return NEW_EXECUTOR != null;
	}

	/**
	 * An executor starting one thread per task: virtual when available, else a cached platform pool.
	 * @return the executor
	 */
	public static ExecutorService perTaskExecutor() {
		if (NEW_EXECUTOR == null) {
			return Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task);
				thread.setDaemon(true);
				return thread;
			});
		}
		try {
			return (ExecutorService) NEW_EXECUTOR.invoke();
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MethodHandle newExecutorHandle() {
		try {
			return MethodHandles.publicLookup()
				.findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

}
