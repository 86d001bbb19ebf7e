package io.github.openaistarter.chat;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test class when Netty reported a leaked buffer while it ran. Netty finds leaks
 * only among the buffers it samples: run with
 * {@code -Dio.netty.leakDetection.level=paranoid} to track every one.
 */
final class NettyLeakCheck implements BeforeAllCallback, AfterAllCallback {

	private static final Logger LEAK_LOGGER = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);

	private final ListAppender<ILoggingEvent> reports = new ListAppender<>();

	@Override
	public void beforeAll(ExtensionContext context) {
		this.reports.start();
		LEAK_LOGGER.addAppender(this.reports);
	}

	@Override
	public void afterAll(ExtensionContext context) throws InterruptedException {
		try {
			// Netty reports a leak when it tracks a new buffer after the leaked one was
			// collected
			for (int i = 0; i < 5; i++) {
				System.gc();
				Thread.sleep(20);
				ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
				probe.release();
			}
			List<String> leaks = this.reports.list.stream()
				.map(ILoggingEvent::getFormattedMessage)
				.filter((message) -> message.contains("LEAK"))
				.toList();
			assertThat(leaks)
				.as("buffer leaks Netty reported (leak detection level %s)", ResourceLeakDetector.getLevel())
				.isEmpty();
		}
		finally {
			LEAK_LOGGER.detachAppender(this.reports);
		}
	}

}
