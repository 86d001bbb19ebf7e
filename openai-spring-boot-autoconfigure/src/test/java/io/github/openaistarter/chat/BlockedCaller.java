package io.github.openaistarter.chat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread of its own making one blocking call, for tests that interrupt it: it records
 * how the call failed and whether the thread was still marked interrupted then.
 */
final class BlockedCaller {

	private final Thread thread;

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private final AtomicBoolean stillInterrupted = new AtomicBoolean();

	private BlockedCaller(Runnable call, String name) {
		this.thread = new Thread(() -> {
			try {
				call.run();
			}
			catch (Throwable ex) {
				this.failure.set(ex);
				this.stillInterrupted.set(Thread.currentThread().isInterrupted());
			}
		}, name);
	}

	/**
	 * Starts the call on a new thread.
	 * @param name the thread's name
	 * @param call the blocking call
	 * @return the caller
	 */
	static BlockedCaller start(String name, Runnable call) {
		BlockedCaller caller = new BlockedCaller(call, name);
		caller.thread.start();
		return caller;
	}

	/**
	 * Interrupts the caller once it waits (so the interrupt lands on the blocked call,
	 * not before it), then waits up to 10 seconds for it to end.
	 */
	void interruptOnceBlocked() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.thread.getState() != Thread.State.WAITING && this.thread.getState() != Thread.State.TIMED_WAITING) {
			assertThat(System.nanoTime()).as("the caller blocked, it is %s", this.thread.getState())
				.isLessThan(deadline);
			Thread.sleep(5);
		}
		interruptAndJoin(10_000);
	}

	/** Interrupts the caller at once, then waits up to 3 seconds for it to end. */
	void interruptNow() throws InterruptedException {
		interruptAndJoin(3_000);
	}

	private void interruptAndJoin(long millis) throws InterruptedException {
		this.thread.interrupt();
		this.thread.join(millis);
	}

	boolean isAlive() {
		return this.thread.isAlive();
	}

	Throwable failure() {
		return this.failure.get();
	}

	boolean stillInterrupted() {
		return this.stillInterrupted.get();
	}

}
