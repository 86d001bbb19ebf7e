package io.github.openaistarter.test.parity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

import io.github.openaistarter.conformance.SharedOpenAiFake;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parity scenarios against the spec-checking fake of {@code ../shared/openai-fake},
 * which also checks every request of the client and every answer of its own against the
 * OpenAPI description: no test may leave a violation of either kind. Skipped, saying why,
 * when {@code ../shared} or Node is missing, unless {@code OPENAI_FAKE_REQUIRED=true}.
 */
@Timeout(60)
class SharedFakeParityTests extends FakeParityScenarios {

	private static SharedOpenAiFake fake;

	@BeforeAll
	static void startFake() throws Exception {
		fake = SharedOpenAiFake.start();
	}

	@BeforeEach
	void resetFake() {
		fake.reset();
	}

	@AfterEach
	void noViolations() {
		assertThat(fake.violations()).as("requests of the client that broke the OpenAPI description").isEmpty();
		assertThat(fake.selfCheckProblems()).as("answers of the shared fake that broke the description").isEmpty();
	}

	@AfterAll
	static void stopFake() {
		if (fake != null) {
			fake.close();
		}
	}

	@Override
	String baseUrl() {
		return fake.baseUrl();
	}

	@Override
	void failNextRequest(int status, String header, String value) {
		fake.fault("{\"status\": " + status + ", \"headers\": {\"" + header + "\": \"" + value + "\"}}");
	}

	@Override
	void failNextStreamAfter(int chunks) {
		fake.fault("{\"sseErrorAfter\": " + chunks + "}");
	}

}
