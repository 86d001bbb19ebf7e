package io.github.openaistarter.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The rate-limit state OpenAI reports on every response in the {@code x-ratelimit-*} headers. Each value is
 * {@code null} when its header is absent or unreadable.
 *
 * @param limitRequests {@code x-ratelimit-limit-requests}: requests allowed per window
 * @param remainingRequests {@code x-ratelimit-remaining-requests}: requests left in the window
 * @param resetRequests {@code x-ratelimit-reset-requests}: time until the request window resets
 * @param limitTokens {@code x-ratelimit-limit-tokens}: tokens allowed per window
 * @param remainingTokens {@code x-ratelimit-remaining-tokens}: tokens left in the window
 * @param resetTokens {@code x-ratelimit-reset-tokens}: time until the token window resets
 */
public record RateLimit(@Nullable Long limitRequests, @Nullable Long remainingRequests, @Nullable Duration resetRequests,
		@Nullable Long limitTokens, @Nullable Long remainingTokens, @Nullable Duration resetTokens) {

	/** No rate-limit information. */
	public static final RateLimit NONE = new RateLimit(null, null, null, null, null, null);

	private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");

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
	 * Parses OpenAI's reset durations: {@code 6ms}, {@code 20s}, {@code 1m30s}, {@code 2h0m0.5s}.
	 * @param text the header value
	 * @return the duration, or {@code null} when the text is not in that form
	 */
	public static @Nullable Duration parseDuration(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Matcher matcher = DURATION_PART.matcher(text.trim());
		long nanos = 0;
		int end = 0;
		while (matcher.find() && matcher.start() == end) {
			nanos += Math.round(Double.parseDouble(matcher.group(1)) * nanosPerUnit(matcher.group(2)));
			end = matcher.end();
		}
		return (end == text.trim().length()) ? Duration.ofNanos(nanos) : null;
	}

	private static double nanosPerUnit(String unit) {
		return switch (unit) {
			case "h" -> 3_600e9;
			case "m" -> 60e9;
			case "s" -> 1e9;
			case "ms" -> 1e6;
			case "us", "µs" -> 1e3;
			default -> 1;
		};
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
