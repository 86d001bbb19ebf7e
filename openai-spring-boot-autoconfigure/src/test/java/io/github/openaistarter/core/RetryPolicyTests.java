package io.github.openaistarter.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RetryPolicy} and the {@code retry-after} headers it reads
 * ({@link RetryAfter}): which failures are retried, and the exact waits, with a fixed
 * random number and clock.
 */
class RetryPolicyTests {

	/** Thursday, 1 January 2026, midnight UTC. */
	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	/** A random number of 0: no jitter, the full backoff. */
	private static final DoubleSupplier NO_JITTER = () -> 0.0;

	/**
	 * The largest random number below 1: the most jitter, 75 % of the backoff (less a
	 * rounding error).
	 */
	private static final DoubleSupplier MOST_JITTER = () -> Math.nextDown(1.0);

	private static final RetryPolicy POLICY = RetryPolicy.DEFAULT;

	private static final OpenAiCall CALL = OpenAiCall
		.builder("chat.completions.create", HttpMethod.POST, "/chat/completions")
		.build();

	private static final ErrorResponses ERROR_RESPONSES = new ErrorResponses(OpenAiJson.createMapper());

	@Test
	void defaultsAreThoseOfTheOfficialSdks() {
		assertThat(RetryPolicy.DEFAULT.maxRetries()).isEqualTo(2);
		assertThat(RetryPolicy.DEFAULT.initialBackoff()).isEqualTo(Duration.ofMillis(500));
		assertThat(RetryPolicy.DEFAULT.maxBackoff()).isEqualTo(Duration.ofSeconds(8));
		assertThat(RetryPolicy.DEFAULT.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void backoffDoublesFromInitialBackoffAndIsCappedAtMaxBackoff() {
		RetryPolicy policy = POLICY.withMaxRetries(8);
		Throwable failure = apiError(503);

		assertThat(delay(policy, 1, failure, NO_JITTER)).isEqualTo(Duration.ofMillis(500));
		assertThat(delay(policy, 2, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(1));
		assertThat(delay(policy, 3, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(2));
		assertThat(delay(policy, 4, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(4));
		assertThat(delay(policy, 5, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(8));
		assertThat(delay(policy, 6, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(8));
		assertThat(delay(policy, 8, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void backoffOfAVeryLateRetryStaysAtMaxBackoff() {
		RetryPolicy policy = POLICY.withMaxRetries(Integer.MAX_VALUE);
		Throwable failure = apiError(500);

		assertThat(delay(policy, 31, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(8));
		assertThat(delay(policy, 64, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(8));
		assertThat(delay(policy, Integer.MAX_VALUE, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void jitterReducesEachWaitByTheRandomShareOfAQuarter() {
		RetryPolicy policy = POLICY.withMaxRetries(5);
		Throwable failure = apiError(502);

		assertThat(delay(policy, 1, failure, () -> 0.5)).isEqualTo(Duration.ofNanos(437_500_000));
		assertThat(delay(policy, 2, failure, () -> 0.2)).isEqualTo(Duration.ofMillis(950));
		assertThat(delay(policy, 5, failure, () -> 0.5)).isEqualTo(Duration.ofMillis(7000));
		assertThat(delay(policy, 1, failure, MOST_JITTER)).isEqualTo(Duration.ofNanos(375_000_000));
		assertThat(delay(policy, 3, failure, MOST_JITTER)).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void jitterWithTheRealRandomStaysBetweenThreeQuartersAndTheWholeBackoff() {
		Throwable failure = apiError(503);
		for (int i = 0; i < 2_000; i++) {
			Duration first = POLICY.delayBeforeRetry(1, failure, true);
			Duration second = POLICY.delayBeforeRetry(2, failure, true);
			assertThat(first).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
			assertThat(second).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
		}
	}

	@Test
	void retryBeyondTheBudgetIsRefused() {
		Throwable failure = apiError(503);

		assertThat(delay(POLICY, 1, failure, NO_JITTER)).isNotNull();
		assertThat(delay(POLICY, 2, failure, NO_JITTER)).isNotNull();
		assertThat(delay(POLICY, 3, failure, NO_JITTER)).isNull();
	}

	@Test
	void budgetOfZeroRetriesNothingButStillTellsWhatIsRetryable() {
		RetryPolicy policy = POLICY.withMaxRetries(0);
		Throwable failure = apiError(429, "retry-after-ms", "10");

		assertThat(delay(policy, 1, failure, NO_JITTER)).isNull();
		assertThat(policy.isRetryable(failure, true)).isTrue();
	}

	@Test
	void withMaxRetriesKeepsTheWaits() {
		RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2))
			.withMaxRetries(7);

		assertThat(policy)
			.isEqualTo(new RetryPolicy(7, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2)));
	}

	@Test
	void retryAfterMsIsHonouredExactlyWithoutJitter() {
		Throwable failure = apiError(429, "retry-after-ms", "250");

		assertThat(delay(POLICY, 1, failure, MOST_JITTER)).isEqualTo(Duration.ofMillis(250));
		assertThat(delay(POLICY, 2, failure, NO_JITTER)).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void fractionalRetryAfterMsIsKept() {
		assertThat(delay(POLICY, 1, apiError(429, "retry-after-ms", "1.5"), NO_JITTER))
			.isEqualTo(Duration.ofNanos(1_500_000));
	}

	@Test
	void retryAfterSecondsIsHonoured() {
		assertThat(delay(POLICY, 1, apiError(429, "retry-after", "2"), MOST_JITTER)).isEqualTo(Duration.ofSeconds(2));
		assertThat(delay(POLICY, 1, apiError(503, "retry-after", " 0.5 "), NO_JITTER))
			.isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void retryAfterMsWinsOverRetryAfter() {
		Throwable failure = apiError(429, "retry-after-ms", "120", "retry-after", "3");

		assertThat(delay(POLICY, 1, failure, NO_JITTER)).isEqualTo(Duration.ofMillis(120));
	}

	@Test
	void unreadableRetryAfterMsFallsBackToRetryAfter() {
		Throwable failure = apiError(429, "retry-after-ms", "soon", "retry-after", "3");

		assertThat(delay(POLICY, 1, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void retryAfterHttpDateInTheFutureIsTheTimeUntilIt() {
		Throwable failure = apiError(429, "retry-after", "Thu, 01 Jan 2026 00:00:30 GMT");

		assertThat(delay(POLICY, 1, failure, MOST_JITTER)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void retryAfterHttpDateInThePastRetriesAtOnce() {
		Throwable failure = apiError(503, "retry-after", "Wed, 31 Dec 2025 23:59:00 GMT");

		assertThat(delay(POLICY, 1, failure, NO_JITTER)).isEqualTo(Duration.ZERO);
	}

	@Test
	void retryAfterOfExactlyMaxRetryAfterIsHonoured() {
		assertThat(delay(POLICY, 1, apiError(429, "retry-after", "60"), NO_JITTER)).isEqualTo(Duration.ofSeconds(60));
		assertThat(delay(POLICY, 1, apiError(429, "retry-after-ms", "60000"), NO_JITTER))
			.isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void retryAfterLongerThanMaxRetryAfterFailsAtOnce() {
		assertThat(delay(POLICY, 1, apiError(429, "retry-after", "120"), NO_JITTER)).isNull();
		assertThat(delay(POLICY, 1, apiError(429, "retry-after-ms", "60001"), NO_JITTER)).isNull();
		assertThat(delay(POLICY, 1, apiError(503, "retry-after", "Thu, 01 Jan 2026 00:01:01 GMT"), NO_JITTER)).isNull();
		assertThat(delay(POLICY, 1, apiError(429, "retry-after", "1e300"), NO_JITTER)).isNull();
	}

	@Test
	void maxRetryAfterIsConfigurable() {
		RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1));

		assertThat(delay(policy, 1, apiError(429, "retry-after-ms", "1000"), NO_JITTER))
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(delay(policy, 1, apiError(429, "retry-after", "2"), NO_JITTER)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "soon", "-1", "NaN", "Infinity", "Thu, 32 Jan 2026 00:00:30 GMT" })
	void unreadableOrNegativeRetryAfterFallsBackToBackoff(String value) {
		Throwable failure = apiError(429, "retry-after", value);

		assertThat(delay(POLICY, 1, failure, NO_JITTER)).isEqualTo(Duration.ofMillis(500));
		assertThat(delay(POLICY, 2, failure, NO_JITTER)).isEqualTo(Duration.ofSeconds(1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 409, 429, 500, 501, 502, 503, 504, 520, 529, 599 })
	void retriedStatuses(int status) {
		assertThat(POLICY.isRetryable(apiError(status), true)).isTrue();
		assertThat(delay(POLICY, 1, apiError(status), NO_JITTER)).isEqualTo(Duration.ofMillis(500));
	}

	@ParameterizedTest
	@ValueSource(ints = { 300, 302, 400, 401, 402, 403, 404, 405, 410, 413, 415, 418, 422, 451 })
	void neverRetriedStatuses(int status) {
		assertThat(POLICY.isRetryable(apiError(status), true)).isFalse();
		assertThat(delay(POLICY, 1, apiError(status, "retry-after-ms", "10"), NO_JITTER)).isNull();
	}

	@Test
	void shouldRetryTrueOverridesANeverRetriedStatus() {
		Throwable failure = apiError(400, "x-should-retry", "true");

		assertThat(POLICY.isRetryable(failure, true)).isTrue();
		assertThat(delay(POLICY, 1, failure, NO_JITTER)).isEqualTo(Duration.ofMillis(500));
		assertThat(delay(POLICY, 1, apiError(404, "x-should-retry", "TRUE"), NO_JITTER))
			.isEqualTo(Duration.ofMillis(500));
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 409, 429, 500, 503 })
	void shouldRetryFalseOverridesARetriedStatus(int status) {
		Throwable failure = apiError(status, "x-should-retry", "false", "retry-after-ms", "10");

		assertThat(POLICY.isRetryable(failure, true)).isFalse();
		assertThat(delay(POLICY, 1, failure, NO_JITTER)).isNull();
		assertThat(POLICY.isRetryable(apiError(status, "x-should-retry", "False"), true)).isFalse();
	}

	@Test
	void shouldRetryWithAnotherValueLeavesTheStatusRule() {
		assertThat(POLICY.isRetryable(apiError(503, "x-should-retry", "maybe"), true)).isTrue();
		assertThat(POLICY.isRetryable(apiError(400, "x-should-retry", "1"), true)).isFalse();
	}

	@Test
	void shouldRetryTrueStillHonoursRetryAfterAndItsLimit() {
		assertThat(delay(POLICY, 1, apiError(400, "x-should-retry", "true", "retry-after-ms", "40"), NO_JITTER))
			.isEqualTo(Duration.ofMillis(40));
		assertThat(delay(POLICY, 1, apiError(400, "x-should-retry", "true", "retry-after", "61"), NO_JITTER)).isNull();
	}

	@Test
	void nonRepeatableCallIsRetriedOnRateLimit() {
		assertThat(POLICY.isRetryable(apiError(429), false)).isTrue();
		assertThat(delay(POLICY, 1, apiError(429, "retry-after-ms", "30"), NO_JITTER, false))
			.isEqualTo(Duration.ofMillis(30));
		assertThat(delay(POLICY, 2, apiError(429), NO_JITTER, false)).isEqualTo(Duration.ofSeconds(1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 409, 500, 502, 503, 504 })
	void nonRepeatableCallIsNotRetriedOnStatusesItMayHaveTakenEffectBehind(int status) {
		assertThat(POLICY.isRetryable(apiError(status), false)).isFalse();
		assertThat(delay(POLICY, 1, apiError(status, "retry-after-ms", "10"), NO_JITTER, false)).isNull();
	}

	@Test
	void nonRepeatableCallIsRetriedWhenTheServerSaysSo() {
		assertThat(POLICY.isRetryable(apiError(500, "x-should-retry", "true"), false)).isTrue();
		assertThat(delay(POLICY, 1, apiError(503, "x-should-retry", "true"), NO_JITTER, false))
			.isEqualTo(Duration.ofMillis(500));
		assertThat(POLICY.isRetryable(apiError(429, "x-should-retry", "false"), false)).isFalse();
	}

	@Test
	void connectionNeverMadeIsRetriedForEveryCall() {
		Throwable failure = ioError(OpenAiIoException.Stage.CONNECTING);

		assertThat(POLICY.isRetryable(failure, true)).isTrue();
		assertThat(POLICY.isRetryable(failure, false)).isTrue();
		assertThat(delay(POLICY, 1, failure, NO_JITTER, false)).isEqualTo(Duration.ofMillis(500));
		assertThat(delay(POLICY, 2, failure, () -> 0.5, true)).isEqualTo(Duration.ofMillis(875));
	}

	@Test
	void failureAfterSendingIsRetriedOnlyForRepeatableCalls() {
		Throwable failure = ioError(OpenAiIoException.Stage.AWAITING_RESPONSE);

		assertThat(POLICY.isRetryable(failure, true)).isTrue();
		assertThat(POLICY.isRetryable(failure, false)).isFalse();
		assertThat(delay(POLICY, 1, failure, NO_JITTER, true)).isEqualTo(Duration.ofMillis(500));
		assertThat(delay(POLICY, 1, failure, NO_JITTER, false)).isNull();
	}

	@Test
	void failureWhileReadingTheResponseIsNeverRetried() {
		Throwable failure = ioError(OpenAiIoException.Stage.READING_RESPONSE);

		assertThat(POLICY.isRetryable(failure, true)).isFalse();
		assertThat(POLICY.isRetryable(failure, false)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(OpenAiIoException.Stage.class)
	void stageTellsWhetherTheRequestWasSentAndWhetherARetryMayHelp(OpenAiIoException.Stage stage) {
		OpenAiIoException failure = ioError(stage);

		assertThat(failure.requestSent()).isEqualTo(stage != OpenAiIoException.Stage.CONNECTING);
		assertThat(failure.retryable()).isEqualTo(stage != OpenAiIoException.Stage.READING_RESPONSE);
	}

	@Test
	void fullConnectionPoolIsNeverRetried() {
		OpenAiPoolExhaustedException failure = new OpenAiPoolExhaustedException("pool full",
				new TimeoutException("Pool#acquire(Duration) has been pending for more than the configured timeout"));

		assertThat(failure.stage()).isEqualTo(OpenAiIoException.Stage.CONNECTING);
		assertThat(failure.requestSent()).isFalse();
		assertThat(failure.retryable()).isFalse();
		assertThat(POLICY.isRetryable(failure, true)).isFalse();
		assertThat(POLICY.isRetryable(failure, false)).isFalse();
		assertThat(delay(POLICY, 1, failure, NO_JITTER)).isNull();
	}

	@Test
	void timeoutsStreamFailuresDecodingFailuresAndForeignExceptionsAreNeverRetried() {
		assertThat(POLICY.isRetryable(new OpenAiTimeoutException("timed out", Duration.ofSeconds(1), null, null), true))
			.isFalse();
		assertThat(POLICY.isRetryable(new OpenAiStreamException("cut", OpenAiError.NONE, null, "req_1"), true))
			.isFalse();
		assertThat(POLICY.isRetryable(new OpenAiDecodingException("bad json", null, "req_1"), true)).isFalse();
		assertThat(POLICY.isRetryable(new OpenAiException("interrupted", null, null), true)).isFalse();
		assertThat(POLICY.isRetryable(new IOException("reset"), true)).isFalse();
		assertThat(POLICY.isRetryable(new IllegalStateException("bug"), true)).isFalse();
		assertThat(delay(POLICY, 1, new OpenAiTimeoutException("t", Duration.ofSeconds(1), null, null), NO_JITTER))
			.isNull();
	}

	@Test
	void apiExceptionTellsTheWaitTheServerAskedFor() {
		assertThat(apiError(429, "retry-after", "120").retryAfter()).isEqualTo(Duration.ofSeconds(120));
		assertThat(apiError(429, "retry-after-ms", "75").retryAfter()).isEqualTo(Duration.ofMillis(75));
		assertThat(apiError(429).retryAfter()).isNull();
		assertThat(apiError(503, "retry-after", "Thu, 01 Jan 1970 00:00:00 GMT").retryAfter()).isEqualTo(Duration.ZERO);
	}

	@Test
	void retryAfterReadsTheHeadersAlone() {
		assertThat(RetryAfter.of(headers("retry-after-ms", "0"), CLOCK)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.of(headers("Retry-After", "7"), CLOCK)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.of(headers("retry-after", "Thu, 01 Jan 2026 00:00:00 GMT"), CLOCK))
			.isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.of(headers("retry-after", "Thu, 1 Jan 2026 00:02:03 GMT"), CLOCK))
			.isEqualTo(Duration.ofSeconds(123));
		assertThat(RetryAfter.of(headers(), CLOCK)).isNull();
		assertThat(RetryAfter.of(headers("retry-after-ms", "-5"), CLOCK)).isNull();
	}

	@Test
	void exceptionMessageCountsTheAttemptsOnceMoreThanOne() {
		OpenAiApiException failure = apiError(503);
		String message = failure.getMessage();
		assertThat(failure.attempts()).isEqualTo(1);

		failure.attempts(3);

		assertThat(failure.attempts()).isEqualTo(3);
		assertThat(failure.getMessage()).isEqualTo(message + " (after 3 attempts)");
	}

	@Test
	void invalidPoliciesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
			.withMessage("maxRetries must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO))
			.withMessage("initialBackoff must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
			.withMessage("maxBackoff must not be below initialBackoff");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(-1)))
			.withMessage("maxRetryAfter must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> POLICY.withMaxRetries(-1));
	}

	@Test
	void zeroBackoffRetriesAtOnce() {
		RetryPolicy policy = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO);

		assertThat(delay(policy, 3, apiError(500), MOST_JITTER)).isEqualTo(Duration.ZERO);
		assertThat(delay(policy, 1, apiError(429, "retry-after-ms", "1"), NO_JITTER)).isNull();
	}

	private static @Nullable Duration delay(RetryPolicy policy, int retry, Throwable failure, DoubleSupplier random) {
		return delay(policy, retry, failure, random, true);
	}

	private static @Nullable Duration delay(RetryPolicy policy, int retry, Throwable failure, DoubleSupplier random,
			boolean repeatable) {
		return policy.delayBeforeRetry(retry, failure, repeatable, random, CLOCK);
	}

	private static OpenAiApiException apiError(int status, String... headerNamesAndValues) {
		ResponseMetadata metadata = ResponseMetadata.of(HttpStatusCode.valueOf(status), headers(headerNamesAndValues));
		return ERROR_RESPONSES.toException(CALL, metadata,
				"{\"error\":{\"message\":\"injected\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8));
	}

	private static OpenAiIoException ioError(OpenAiIoException.Stage stage) {
		return new OpenAiIoException("POST /chat/completions failed", new IOException("Connection reset"), null, stage);
	}

	private static HttpHeaders headers(String... namesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

}
