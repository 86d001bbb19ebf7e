package io.github.openaistarter.core;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads how long the server asks a client to wait: {@code retry-after-ms} (milliseconds),
 * else {@code retry-after} (seconds, or an HTTP date).
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * The wait the headers ask for.
	 * @param headers response headers
	 * @param clock the clock an HTTP date is compared with
	 * @return the wait (zero or more), or {@code null} when no header is present or
	 * readable
	 */
	static @Nullable Duration of(HttpHeaders headers, Clock clock) {
		Duration millis = number(headers.getFirst("retry-after-ms"), 1_000_000L);
		if (millis != null) {
			return millis;
		}
		String value = headers.getFirst("retry-after");
		if (value == null || value.isBlank()) {
			return null;
		}
		Duration seconds = number(value, 1_000_000_000L);
		if (seconds != null) {
			return seconds;
		}
		try {
			Duration untilDate = Duration.between(clock.instant(),
					ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return untilDate.isNegative() ? Duration.ZERO : untilDate;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Duration number(@Nullable String value, long nanosPerUnit) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			double amount = Double.parseDouble(value.trim());
			return (amount >= 0 && Double.isFinite(amount)) ? Duration.ofNanos(Math.round(amount * nanosPerUnit))
					: null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
