package io.github.openaistarter.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The rate-limit state OpenAI reports on every response in the {@code x-ratelimit-*}
 * headers. Each value is {@code null} when its header is absent or unreadable.
 *
 * @param limitRequests {@code x-ratelimit-limit-requests}: requests allowed per window
 * @param remainingRequests {@code x-ratelimit-remaining-requests}: requests left in the
 * window
 * @param resetRequests {@code x-ratelimit-reset-requests}: time until the request window
 * resets
 * @param limitTokens {@code x-ratelimit-limit-tokens}: tokens allowed per window
 * @param remainingTokens {@code x-ratelimit-remaining-tokens}: tokens left in the window
 * @param resetTokens {@code x-ratelimit-reset-tokens}: time until the token window resets
 */
public record RateLimit(@Nullable Long limitRequests, @Nullable Long remainingRequests,
		@Nullable Duration resetRequests, @Nullable Long limitTokens, @Nullable Long remainingTokens,
		@Nullable Duration resetTokens) {

	/** No rate-limit information. */
	public static final RateLimit NONE = new RateLimit(null, null, null, null, null, null);

	/**
	 * Reads the {@code x-ratelimit-*} headers.
	 * @param headers response headers
	 * @return the rate limit, with {@code null} for each missing header
	 */
	public static RateLimit from(HttpHeaders headers) {
		return new RateLimit(number(headers, "x-ratelimit-limit-requests"),
				number(headers, "x-ratelimit-remaining-requests"), duration(headers, "x-ratelimit-reset-requests"),
				number(headers, "x-ratelimit-limit-tokens"), number(headers, "x-ratelimit-remaining-tokens"),
				duration(headers, "x-ratelimit-reset-tokens"));
	}

	/**
	 * Whether any rate-limit header was present.
	 * @return {@code true} if at least one value is known
	 */
	public boolean isKnown() {
		return !equals(NONE);
	}

	/**
	 * Parses OpenAI's reset durations: {@code 6ms}, {@code 20s}, {@code 1m30s},
	 * {@code 2h0m0.5s}. Read on every response, so it scans the text by hand rather than
	 * with a regular expression.
	 * @param text the header value
	 * @return the duration, or {@code null} when the text is not in that form
	 */
	public static @Nullable Duration parseDuration(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String value = text.trim();
		if (value.isEmpty()) {
			return null;
		}
		long nanos = 0;
		int at = 0;
		while (at < value.length()) {
			int start = at;
			at = skipDigits(value, at);
			if (at == start) {
				return null;
			}
			boolean fraction = at < value.length() && value.charAt(at) == '.';
			if (fraction) {
				int fractionStart = ++at;
				at = skipDigits(value, at);
				if (at == fractionStart) {
					return null;
				}
			}
			int numberEnd = at;
			double nanosPerUnit;
			if (value.startsWith("ms", at)) {
				nanosPerUnit = 1e6;
				at += 2;
			}
			else if (value.startsWith("us", at) || value.startsWith("\u00b5s", at)) {
				nanosPerUnit = 1e3;
				at += 2;
			}
			else if (value.startsWith("ns", at)) {
				nanosPerUnit = 1;
				at += 2;
			}
			else if (at < value.length() && "hms".indexOf(value.charAt(at)) >= 0) {
				nanosPerUnit = switch (value.charAt(at)) {
					case 'h' -> 3_600e9;
					case 'm' -> 60e9;
					default -> 1e9;
				};
				at++;
			}
			else {
				return null;
			}
			nanos += (!fraction && numberEnd - start <= 9)
					? Long.parseLong(value, start, numberEnd, 10) * (long) nanosPerUnit
					: Math.round(Double.parseDouble(value.substring(start, numberEnd)) * nanosPerUnit);
		}
		return Duration.ofNanos(nanos);
	}

	private static int skipDigits(String text, int from) {
		int at = from;
		while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
			at++;
		}
		return at;
	}

	private static @Nullable Long number(HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value == null) {
			return null;
		}
		try {
			return Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Duration duration(HttpHeaders headers, String name) {
		return parseDuration(headers.getFirst(name));
	}

}
