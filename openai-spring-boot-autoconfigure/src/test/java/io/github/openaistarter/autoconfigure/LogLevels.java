package io.github.openaistarter.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Sets Logback levels for one test and puts the previous ones back on {@link #close()}.
 */
final class LogLevels implements AutoCloseable {

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Map<Logger, Level> previous = new LinkedHashMap<>();

	private LogLevels() {
	}

	/**
	 * Sets every logger, the root logger and the ones already created, to TRACE.
	 */
	static LogLevels everythingAtTrace() {
		LogLevels levels = new LogLevels();
		for (Logger logger : levels.context.getLoggerList()) {
			levels.set(logger, Level.TRACE);
		}
		return levels;
	}

	/**
	 * Sets the given loggers to TRACE.
	 */
	static LogLevels traceFor(String... names) {
		LogLevels levels = new LogLevels();
		for (String name : names) {
			levels.set(levels.context.getLogger(name), Level.TRACE);
		}
		return levels;
	}

	private void set(Logger logger, Level level) {
		this.previous.putIfAbsent(logger, logger.getLevel());
		logger.setLevel(level);
	}

	@Override
	public void close() {
		this.previous.forEach(Logger::setLevel);
	}

}
